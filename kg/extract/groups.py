"""Groups named by number ("the two countries", "both sides", "the three states"), resolved to the states named as a group before them."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.heads import OfPhraseHeads
from kg.extract.syntax import ANTECEDENT_KINDS, GROUP_SIZES, SUBJECT_DEPS, Arg, child, last_main_subject
from kg.knowledge.descriptions import descriptions


class GroupReference(OfPhraseHeads):
    """Groups named by number: "the two countries", "both sides", "the three states", resolved to the states named as a group before them."""

    def _resolve_group(self, token: Token) -> list[Arg] | None:
        """'the two countries', 'both nations': the two states last named; 'the latter', 'the former': one of them."""
        cue = self.lex.cue
        if token.lower_ in cue("order_referents") and token.dep_ not in ("amod", "compound") \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            states = self.preceding_states(token.i)[:2]  # "Kenya banned Tanzanian wheat and THE LATTER retaliated"
            return [Arg(states[0] if token.lower_ == "latter" else states[1], token, "coref")] if len(states) == 2 else []
        if token.lemma_.lower() in cue("paired_sides") and any(c.dep_ == "det" and c.lower_ in cue("each_determiners")
                                                               for c in token.children):
            sizes = [2]  # "EACH SIDE accused the other": the two sides named before
        elif token.lemma_.lower() in cue("pair_nouns") and token.tag_ == "NN" and not any(
                c.dep_ == "prep" for c in token.children) and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            sizes = [2]  # "Castro and Obama agreed ... THE PAIR held a historic meeting": the two named
        elif token.lemma_.lower() not in cue("group_nouns") or token.tag_ not in ("NNS", "NNPS"):
            return None
        else:
            sizes = [GROUP_SIZES.get(c.lower_, 0) for c in token.children if c.lower_ in cue("group_determiners")]
        named = self.of_phrase_actors(token, frozenset())
        if len(named) >= 2:
            return named  # "the countries OF Tanzania and Malawi": the states named
        named = [a for a in self.modifier_actors(token) if a.token.dep_ in ("amod", "compound", "conj")]
        if len({a.actor for a in named}) >= 2:
            return named  # "the KENYAN and UGANDAN governments"
        owner = child(token, "poss")
        if not sizes and owner is not None and owner.lower_ in cue("plural_pronouns"):
            owners = self.np_actors(owner)  # "tensions between THEIR nations": the ones "their" stands for
            root = token.sent.root
            if not owners and not any(t.i == token.i for c in root.children if c.dep_ in SUBJECT_DEPS for t in c.subtree):
                owners = self.subjects(root)  # "X and Y met since tensions between their nations rose": the sentence's pair
            return [Arg(a.actor, token, "coref") for a in owners] if len({a.actor for a in owners}) >= 2 else None
        if not sizes and self._pair_between(token):
            sizes = [2]
        if not sizes and any(c.dep_ == "det" and c.lower_ in ("the", "those", "these") for c in token.children):
            return self._previous_group(token) or self._later_group(token, 2) or None  # "criticizing THE COUNTRIES": the group just named
        if not sizes:
            return None
        size = max(sizes)
        region = self._described_region(token)
        if region is not None:
            states = [s for s in dict.fromkeys(self.preceding_states(token.i)) if s in region][:size]
            return [Arg(s, token, "coref") for s in states] if len(states) == size else []
        subjects = self._previous_subject(token, frozenset(), plural=True)  # "X and Y asked ... The two nations will"
        if len(subjects) == size:
            return subjects
        governing = self._governing_subjects(token, size)
        if governing:
            return governing
        own = self._clause_subject_states(token) if token.head.lower_ != "between" else set()  # "Ankara said talks
        # WITH the two countries": not Ankara; but "Olmert says contacts BETWEEN the two nations": his may be one
        own |= {a.actor for a in self.modifier_actors(token) if a.token.pos_ != "PRON"}  # "the two RUSSIA allies"
        paired = self._previous_sentence_pair(token, size)
        if paired and not own & {a.actor for a in paired}:
            return paired  # "X and Y met in Doha. The meeting, mediated by Z, marks a dialogue between THE TWO LEADERS"
        listed = self._listed_group(token, size) if size >= 3 else []
        if listed and not own & set(listed):
            return [Arg(s, token, "coref") for s in listed]
        states = self._foreground([s for s in self.preceding_states(token.i, ANTECEDENT_KINDS) if s not in own],
                                  token.i, size)[:size]  # named states before demonyms
        if len(states) < size:
            states = [s for s in self.preceding_states(token.i) if s not in own][:size]
        return [Arg(s, token, "coref") for s in states] if len(states) == size else self._later_group(token, size)

    def _described_region(self, token: Token) -> frozenset[str] | None:
        """The states a regional modifier allows a group to be ("the West African neighbours",
        "the two Gulf states": rows of ``descriptions.csv``), ``None`` without one."""
        fitting = self._fitting_descriptions(token, [r for r in descriptions().get("country", []) if r.modifier])
        return frozenset(a for r in fitting for a in r.actors) if fitting else None

    def _governing_subjects(self, token: Token, size: int) -> list[Arg]:
        """A group that is the subject of a subordinate clause is the states that the subject of a clause
        above it names, when exactly ``size``: "the presidents of Rwanda and Uganda signed an agreement in
        Angola after THE TWO LEADERS exchanged accusations"."""
        if token.dep_ not in SUBJECT_DEPS:
            return []
        clause = token.head
        while clause.head.i != clause.i and clause.dep_ in ("advcl", "pcomp", "pobj", "prep", "xcomp", "ccomp", "relcl",
                                                            "acl", "dobj", "appos", "compound", "npadvmod"):
            clause = clause.head
            subject = child(clause, "nsubj", "nsubjpass") if clause.pos_ in ("VERB", "AUX") else None
            if subject is not None and subject.i < token.i:
                met = [o for o in clause.children if o.dep_ == "dobj"] if any(  # "X MET Y in Luanda, where the two"
                    g.relation == "CONSULT" for g in self.lex.verbs.get(clause.lemma_.lower(), ())) else []
                states = list(dict.fromkeys(a.actor for n in (subject, *met) for a in self.np_actors(n)))
                return [Arg(s, token, "coref") for s in states] if len(states) == size else []
        return []

    def _previous_sentence_pair(self, token: Token, size: int) -> list[Arg]:
        """The states the previous sentence's subject names, when exactly ``size`` and the group is no
        main subject of its own sentence (``_previous_subject`` reads those)."""
        if (token.dep_ in SUBJECT_DEPS and token.head.i == token.sent.root.i) or token.sent.start == 0:
            return []
        subject = last_main_subject(self.doc[token.sent.start - 1].sent, self.lex.cue("contrast_marks"))
        if subject is None or subject.pos_ == "PRON":
            return []
        states = list(dict.fromkeys(a.actor for a in self.np_actors(subject)))
        return [Arg(s, token, "coref") for s in states] if len(states) == size else []

    def _later_group(self, token: Token, size: int) -> list[Arg]:
        """A group opening a passage, before any state is named, is the states its own sentence
        names after it, when exactly that many: "THE COUNTRIES have long accused one another ..., with
        Algeria's support for separatists a bone of contention for Morocco"."""
        if self.preceding_states(token.i) or any(c.dep_ == "prep" for c in token.children):
            return []  # not "the warring parties IN SUDAN" (parties of one state)
        later = list(dict.fromkeys(a for i, a, k in self.mention_starts
                                   if token.i < i < token.sent.end and self.is_state_mention(k)))
        return [Arg(s, token, "coref") for s in later] if len(later) == size else []

    def _listed_group(self, token: Token, size: int) -> list[str]:
        """The last list of exactly ``size`` states named before ``token`` ("Mali, Burkina Faso
        and Niger ... all three countries"): names separated only by commas and "and", read off
        the text, since the parser often breaks long lists."""
        spans = sorted((s for s in self.doc.spans.get("actors", []) if s.end <= token.i), key=lambda s: s.start)
        runs: list[list[str]] = []
        for previous, span in zip([None, *spans], spans):
            joined = previous is not None and all(t.lower_ in self.lex.cue("list_separators")
                                                  for t in self.doc[previous.end:span.start])
            if joined and span.start > previous.end:
                runs[-1].append(span.kb_id_)
            else:
                runs.append([span.kb_id_])
        for run in reversed(runs):
            states = list(dict.fromkeys(run))
            if len(states) == size:
                return states
        return []

    def _previous_group(self, token: Token) -> list[Arg]:
        """"Sweden and Finland applied to join. Türkiye criticized THE COUNTRIES": the states
        conjoined as the previous sentence's subject, else the two it names; none of them in the phrase's own clause."""
        if token.sent.start == 0:
            return []
        before = self.doc[token.sent.start - 1].sent
        subject = child(before.root, "nsubj", "nsubjpass")
        states = sorted({a.actor for a in self.np_actors(subject)}) if subject is not None else []
        if len(states) < 2:  # "DRC accused Rwanda of ... . THE COUNTRIES accused each other": the two it names
            states = sorted({a for i, a, k in self.mention_starts if before.start <= i < before.end and self.is_state_mention(k)})
            states = states if len(states) == 2 else []
        own = self.actors_in(token.sent.start, token.i)
        return [Arg(s, token, "coref") for s in states] if len(states) >= 2 and not own & set(states) else []

    def _foreground(self, states: list[str], before: int, size: int) -> list[str]:
        """"Since Russia's invasion, Poland has been Ukraine's ally, but the two
        countries ...": the owner of an event after a time preposition is
        background, not one of the group, when enough others are named."""
        time_preps = self.lex.cue("time_preps")
        background: set[str] = set()
        named: set[str] = set()
        for i, actor, _ in self.mention_starts:
            if i >= before:
                break
            token = self.doc[int(i)] if i == int(i) else None
            while token is not None and token.dep_ == "compound" and token.head.i > token.i:
                token = token.head
            event = token.head if token is not None and token.dep_ == "poss" else None
            if event is not None and event.lemma_.lower() in self.lex.nouns and event.dep_ == "pobj" \
                    and event.head.lower_ in time_preps:
                background.add(actor)
            else:
                named.add(actor)
        kept = [s for s in states if s not in background - named]
        return kept if len(kept) >= size else states

    def _clause_subject_states(self, token: Token) -> set[str]:
        """States named as the subject of a clause the phrase is part of: the other
        side of "the two countries" in "Ankara held talks with the two countries"."""
        found: set[str] = set()
        if token.dep_ in SUBJECT_DEPS:  # "Jordan recalled its envoy since the two countries signed": Jordan is one
            return found
        current = token
        while current.dep_ != "conj" and current.head.i != current.i:  # a conjoined clause is another clause
            if current.dep_ == "prep" and current.head.pos_ in ("VERB", "AUX") \
                    and current.lower_ not in self.lex.cue("party_preps"):
                break  # an adjunct: "Chile recalled its envoy AMID tension between the two"
            if current.tag_ == "VBG" and (current.dep_ == "advcl" or current.dep_ == "acl"
                                          and current.i > 0 and current.nbor(-1).lower_ == ","):
                break  # a consequence: "Chad cut ties with Sudan, ESCALATING tensions between the two nations"
            current = current.head
            subject = child(current, "nsubj", "nsubjpass")
            if subject is not None and subject.i < token.i:  # named subjects only, nothing resolved
                found |= {self.actor_at[t.i] for t in (subject, *subject.conjuncts) if t.i in self.actor_at}
        return found

    @staticmethod
    def _pair_between(token: Token) -> bool:
        """"tension between THE NEIGHBOURS": a definite plural alone after 'between' is a pair."""
        det = child(token, "det")
        return token.dep_ == "pobj" and token.head.lower_ == "between" and det is not None and det.lower_ == "the" \
            and not any(c.dep_ in ("conj", "cc") for c in token.children)
