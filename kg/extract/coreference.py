"""Referring phrases resolved within the passage: pronouns, relative pronouns, descriptions ("the kingdom"), "its neighbour", "each other", "the two countries"."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.groups import GroupReference
from kg.extract.misparses import listed_infinitive
from kg.extract.plurals import PluralReference
from kg.extract.speakers import SpeakerReference
from kg.extract.syntax import ANTECEDENT_KINDS, Arg, child, is_passive, last_main_subject, pobjs
from kg.knowledge.descriptions import Description, descriptions


class ClauseSubjectReference:
    """"it" standing for the subject of the clause it hangs on: a main, a conjoined or a fronted one's."""

    def _main_clause_subject(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """"it" as the subject of an adverbial clause is the main clause's subject: "Ukraine,
        which depends on EU and US funding AS IT continues to confront Russia" (Ukraine); so is "its" on that
        subject: "Burkina Faso turned to Russia AS ITS relationship with France soured"."""
        own = token.head if token.dep_ == "poss" and token.head.dep_ == "nsubj" else token
        clause = own.head
        if own.dep_ != "nsubj" or clause.dep_ != "advcl" \
                or any(c.dep_ == "mark" and c.lower_ in self.lex.cue("conditional_marks") for c in clause.children):
            return []  # "warned China of consequences IF IT provides weapons": the one warned
        subject = child(clause.head, "nsubj", "nsubjpass")
        if subject is None or subject.i == token.i or subject.lower_ in self.lex.cue("pronouns") \
                or self.kind_at.get(subject.i) == "LEADER":
            return []  # "Chavez severed ties with Colombia after IT accused Venezuela": "it" is no person
        states = {a.actor for a in self.np_actors(subject, exclude)}
        return [Arg(states.pop(), token, "coref")] if len(states) == 1 else []

    def _object_owner(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """'its' on a verb's object, or on what it acts against, is the verb's subject when that is one state:
        "wants Chile to end A and curb ITS ties with China", "the war the kingdom faced AGAINST ITS rival Iran"."""
        owned = token.head
        verb = owned.head.head if owned.dep_ == "pobj" and owned.head.dep_ == "prep" else owned.head
        if token.dep_ != "poss" or owned.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB" \
                or (owned.dep_ == "pobj" and owned.head.lower_ not in self.lex.cue("victim_preps")):
            return []  # "faced a war AGAINST ITS rival": the verb's subject's
        if child(verb, "nsubj") is None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "pcomp"):
            # "..., accusing ITS neighbour of": the participle's understood subject, the main clause's
            found = [a for a in self.subjects(verb) if a.actor not in exclude]
            return [Arg(found[0].actor, token, "coref")] if len({a.actor for a in found}) == 1 else []
        doer = None
        for _ in range(4):  # only a subject of its own or of the clause it is conjoined or listed with, or the
            doer = child(verb, "nsubj") or (child(verb.head, "dobj") if verb.dep_ == "xcomp" else None)  # controller:
            if doer is not None:  # "urged IRAQ to reduce ITS dependence", "IT threatened to end ITS treaty"
                break
            verb = listed_infinitive(verb) or (verb.head if verb.dep_ in ("conj", "xcomp") else None)
            if verb is None:
                return []
        found = [a for a in self.np_actors(doer) if a.actor not in exclude] if doer is not None else []
        return [Arg(found[0].actor, token, "coref")] if len({a.actor for a in found}) == 1 else []

    def _apposition_holder(self, token: Token) -> frozenset[str]:
        """The state an apposition holding "its" describes, which "its" cannot stand for: "Somalia, one of ITS
        closest allies", "Uganda, ITS main backer" (a state is not its own ally)."""
        node = token
        for _ in range(4):
            if node.dep_ == "appos" and node.head.i in self.actor_at:
                return frozenset({self.actor_at[node.head.i]})
            if node.dep_ not in ("poss", "pobj", "prep", "appos") or node.head.i == node.i:
                return frozenset()
            node = node.head
        return frozenset()

    def _retaliators(self, token: Token) -> frozenset[str]:
        """The states that act "in retaliation for" or "in response to" what "its" owns: never its owner
        ("Moscow is funnelling migrants IN RETALIATION FOR ITS decision to join NATO": not Moscow's)."""
        owned = token.head
        if token.dep_ != "poss" or owned.dep_ != "pobj" or owned.head.lower_ not in ("for", "to") \
                or owned.head.head.lemma_.lower() not in self.lex.cue("retaliation_nouns"):
            return frozenset()
        governed = self.governing_verb(owned.head.head)
        return frozenset(a.actor for a in self.subjects(governed[0])) if governed else frozenset()

    def _reporting_controller(self, reporting: Token, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """The one state subject of the verb a subjectless reporting gerund or infinitive hangs on:
        "Togo showed solidarity with Ghana BY ANNOUNCING it was closing its border" (Togo)."""
        ruler = reporting.head.head if reporting.dep_ == "pcomp" else reporting.head if reporting.dep_ in ("advcl", "xcomp") \
            else None
        subject = child(ruler, "nsubj") if ruler is not None and ruler.pos_ in ("VERB", "AUX") else None
        states = {a.actor for a in self.np_actors(subject, exclude)} if subject is not None else set()
        return [Arg(states.pop(), token, "coref")] if len(states) == 1 else []

    def _conjoined_clause_subject(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """"it" as the subject of a clause conjoined to another is that clause's subject: "The US
        imposed sanctions on Eritrea, and IT warned ..." (the US, not Eritrea named last); and "it"
        in what that subject says: "... and it warned IT would sanction Ethiopia"."""
        clause = token.head
        if token.dep_ != "nsubj":
            return []
        said = child(clause.head, "nsubj") if clause.dep_ == "ccomp" else None
        if said is not None and said.lower_ == token.lower_:
            clause = clause.head  # "it warned IT would sanction": the warner
        elif said is not None and clause.head.lemma_.lower() in self.lex.cue("reporting_verbs"):
            states = {a.actor for a in self.np_actors(said, exclude)}  # "THE MINISTRY said IT had summoned"
            return [Arg(states.pop(), token, "coref")] if len(states) == 1 else []
        elif clause.dep_ == "ccomp" and clause.head.tag_ in ("VBG", "VB") \
                and clause.head.lemma_.lower() in self.lex.cue("reporting_verbs"):
            return self._reporting_controller(clause.head, token, exclude)  # "Togo ... BY ANNOUNCING IT was closing"
        if clause.dep_ != "conj" or clause.head.pos_ not in ("VERB", "AUX"):
            return []
        subject = child(clause.head, "nsubj", "nsubjpass")
        if subject is None or subject.lower_ in self.lex.cue("pronouns"):
            return []
        states = {a.actor for a in self.np_actors(subject, exclude)}
        return [Arg(states.pop(), token, "coref")] if len(states) == 1 else []

    def _target_owner(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """"its" in what a hostile act is taken for is the target's: "South Africa was criticised by the US over
        ITS ties with Russia", "Mali came under criticism from France for ITS ties" (the one state criticised)."""
        prep = token.head.head
        if token.dep_ != "poss" or token.head.dep_ != "pobj" or prep.lower_ not in self.lex.cue("grievance_preps"):
            return []
        act = prep.head
        if act.lemma_.lower() in self.lex.cue("retaliation_nouns"):
            return []  # "in retaliation FOR ITS decision": the one retaliated against (_retaliators)
        undergone = act.pos_ == "VERB" and not self._hostile_word(act) and any(
            self._hostile_word(o) for c in act.children if c.dep_ in ("prep", "dobj") and c.i != prep.i
            for o in (pobjs(c) if c.dep_ == "prep" else [c]) if o.pos_ == "NOUN")
        if undergone:  # "Mali CAME UNDER CRITICISM from France FOR ITS ties", the for-phrase hung on the verb; but
            # "imposed sanctions ON ANKARA over its purchase": the one the measure is put on
            target = next((o for t in (act, *(c for c in act.children if c.dep_ == "dobj")) for p in t.children
                           if p.dep_ == "prep" and p.lower_ in self.lex.cue("victim_preps") and p.i != prep.i
                           for o in pobjs(p)), None) or child(act, "nsubj")
        elif not self._hostile_word(act):
            return []
        elif act.pos_ == "VERB":
            target = child(act, "nsubjpass") if is_passive(act) else child(act, "dobj")
        else:  # "came under criticism from France", "faced sanctions": the one the noun's verb has as subject
            target = next((o for p in act.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)), None)
            verb = act.head.head if act.dep_ == "pobj" else act.head if act.dep_ == "dobj" else None
            if target is None and verb is not None and verb.pos_ == "VERB":
                target = child(verb, "nsubj")
        states = {a.actor for a in self.np_actors(target, exclude)} if target is not None else set()
        return [Arg(states.pop(), token, "coref")] if len(states) == 1 else []

    def _hostile_word(self, word: Token) -> bool:
        """Whether a verb or noun triggers a hostile relation ("criticise", "sanctions")."""
        return self.lex.hostile(word.lemma_.lower(), noun=word.pos_ != "VERB")

    def _fronted_subject(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """A pronoun in a phrase fronted before its sentence's subject stands for
        that subject: "After ITS invasion of Ukraine, Russia faced sanctions"."""
        root = token.sent.root
        top = token
        while top.head.i != top.i and top.head.i != root.i:
            top = top.head
        if top.head.i != root.i or top.dep_ not in ("prep", "advcl", "npadvmod") or top.i > root.i:
            return []
        subject = child(root, "nsubj", "nsubjpass")
        if subject is None or subject.i < token.i or subject.lower_ in self.lex.cue("pronouns"):
            return []
        return [Arg(a.actor, token, "coref") for a in self.np_actors(subject, exclude)]


class Coreference(PluralReference, ClauseSubjectReference, GroupReference, SpeakerReference):
    """Referring phrases resolved within the passage: pronouns, relative pronouns, descriptions ("the kingdom"), "its neighbour", "each other", "the two countries"."""

    def _resolve_pronoun(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """'it', 'its': the nearest state named as a noun phrase (a demonym
        modifier like "Russian oil" is no antecedent)."""
        if token.dep_ == "nsubjpass" and token.head.lemma_.lower() in self.lex.cue("document_verbs"):
            return []  # "IT was signed by Kenya and Somalia": the deal, no state
        if self._names_an_event(token):
            return []  # "IT is the second deal the two have made": the deal
        if self._body_speaking(token):
            return []  # "The BLOC said IT would send five members": the bloc, no state
        exclude = exclude | self._retaliators(token) | self._apposition_holder(token)  # "Moscow acted IN RETALIATION
        # FOR ITS decision", "Somalia, one of ITS closest allies": another state's
        fronted = self._fronted_subject(token, exclude) or self._object_owner(token, exclude) \
            or self._claim_denier(token, exclude) or self._target_owner(token, exclude)
        if fronted:
            return fronted
        owner = self._first_conjunct(token, exclude) or self.clause_referent(token, exclude) \
            or self._main_clause_subject(token, exclude) \
            or self._conjoined_clause_subject(token, exclude)
        if owner:
            return owner
        previous = self._previous_subject(token, exclude)
        if previous:
            return previous
        # "it" stands for a state named as a noun phrase, not as a modifier ("the Kinshasa meetings")
        states = [s for s in self.preceding_states(token.i, ANTECEDENT_KINDS, noun_phrases=True) if s not in exclude]
        return [Arg(states[0], token, "coref")] if states else []

    def _body_speaking(self, token: Token) -> bool:
        """"it" as the subject of what a body that is no state reports stands for that body:
        "the BLOC said IT would send five members to Mali" (cue body_nouns)."""
        clause = token.head
        if token.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.lex.cue("reporting_verbs"):
            return False
        said = child(clause.head, "nsubj")
        return said is not None and said.pos_ == "NOUN" and said.lemma_.lower() in self.lex.cue("body_nouns") \
            and not self.np_actors(said)

    def _first_conjunct(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """"its" owning a later conjunct stands for the first: "THE WEST AFRICAN COUNTRY and ITS allies"."""
        head = token.head
        if token.dep_ != "poss" or head.dep_ != "conj" or head.head.i > token.i or head.head.pos_ not in ("NOUN", "PROPN"):
            return []
        return self.np_actors(head.head, exclude, conjuncts=False)

    def _names_an_event(self, token: Token) -> bool:
        """"it" as the subject of "be" whose complement is a pact: "IT is the second deal the two
        have made" (an act keeps its reading: "it was retaliation" is the speaker's)."""
        if token.dep_ != "nsubj" or token.head.lemma_ != "be" or token.lower_ != "it":
            return False
        named = child(token.head, "attr")
        return named is not None and named.lemma_.lower() in self.lex.cue("pact_nouns")

    def _resolve_relative(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """'which'/'that'/'who' stand for the noun their clause modifies."""
        clause = token
        while clause.dep_ not in ("relcl", "ROOT") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl":
            antecedent = clause.head
            named = next((o for p in antecedent.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)
                          if o.i in self.actor_at and o.right_edge.i + 2 == token.i and self.doc[o.right_edge.i + 1].text == ","), None)
            if named is not None:  # "Russia is an ally OF VENEZUELA, WHICH has become isolated": the state just named
                return self.np_actors(named, exclude, conjuncts=False)
            if antecedent.dep_ == "attr":  # "Hungary is the only member that ..."
                subject = child(antecedent.head, "nsubj")
                if subject is not None:
                    return self.np_actors(subject, exclude)
            if antecedent.dep_ == "pobj" and antecedent.head.lower_ in ("among", "of") \
                    and antecedent.head.head.lemma_ == "be" and not self.np_actors(antecedent, exclude):
                subject = child(antecedent.head.head, "nsubj")  # "X and Y were AMONG the countries THAT opposed Z"
                if subject is not None:
                    return self.np_actors(subject, exclude)
            if any(c.dep_ == "conj" and c.i > clause.i for c in antecedent.children):
                # "Iran, which has supported Russia, and Saudi Arabia": the clause is Iran's alone
                return self.np_actors(antecedent, exclude, conjuncts=False)
            last = max((c for c in antecedent.conjuncts if c.i < clause.i), key=lambda c: c.i, default=None)
            singular = any(t.tag_ == "VBZ" or t.lower_ == "was" for t in (clause, *clause.children)
                           if t.pos_ in ("VERB", "AUX"))
            if last is not None and last.i > antecedent.i and last.i in self.actor_at and singular:
                # "between Ankara and Cairo, which IS at odds with Addis Ababa": Cairo's alone (not "which HAVE fought")
                return self.np_actors(last, exclude, conjuncts=False)
            first = antecedent
            while first.dep_ == "conj" and not singular and any(t.tag_ == "VBP" or t.lower_ == "were" for t in clause.children):
                first = first.head  # "Mali, Burkina Faso and NIGER, which HAVE expelled French troops": the whole list
            return self.np_actors(first, exclude)
        for i in range(token.i - 1, max(token.i - 4, token.sent.start - 1), -1):
            prev = self.doc[i]
            if prev.pos_ in ("NOUN", "PROPN"):
                return self.np_actors(prev, exclude, conjuncts=False)
        return []

    def _resolve_description(self, token: Token, exclude: frozenset[str]) -> list[Arg] | None:
        """"the kingdom", "the Nordic country", "the North": the one state of the kinds
        ``ontology/actors/descriptions.csv`` gives the phrase that the passage names
        before it ([] when none or several); ``None`` when the phrase has no description."""
        rows = descriptions().get(token.text) or descriptions().get(token.lemma_.lower()) or []
        if not rows:
            return None
        fitting = self._fitting_descriptions(token, rows)
        if not fitting:
            return None  # "the Arab country": only a plain noun, decided like "the country"
        everywhere = {a for _, a, k in self.mention_starts if self.is_state_mention(k)}
        found = [s for s in self.preceding_states(token.i) if s not in exclude
                 and any(s in r.actors and (not r.pair or r.pair in everywhere) for r in fitting)]
        if any(r.pair for r in fitting):  # "the North": its state need not be named, only its pair
            found = found or [a for r in fitting if r.pair in everywhere for a in r.actors if a not in exclude]
        found = list(dict.fromkeys(found))
        return [Arg(found[0], token, "coref")] if len(found) == 1 else []

    @staticmethod
    def _fitting_descriptions(token: Token, rows: list[Description]) -> list[Description]:
        """The rows whose modifier words all modify ``token`` ("the West African nation"),
        the longest modifier only; the rows without a modifier when none fits."""
        words = {t.lower_ for t in token.lefts for t in t.subtree if t.dep_ != "det"}
        fitting = [r for r in rows if r.modifier and set(r.modifier.lower().split()) <= words]
        longest = max((len(r.modifier.split()) for r in fitting), default=0)
        return [r for r in fitting if len(r.modifier.split()) == longest] or [r for r in rows if not r.modifier]

    def _resolve_relational(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """"its neighbour", "its rival": the state the noun names itself ("its neighbour
        Eritrea"), else the nearest state named before that is not the possessor; "its neighbours", unnamed,
        are no one state."""
        named = [a for a in self.modifier_actors(token, exclude) if a.token.dep_ != "poss"]
        if named or token.tag_ == "NNS":
            return named
        poss = child(token, "poss")
        owners = {a.actor for a in self._own_actors(poss, frozenset())} if poss is not None else set()
        states = [s for s in self.preceding_states(token.i, ANTECEDENT_KINDS) if s not in exclude and s not in owners]
        return [Arg(states[0], token, "coref")] if states and owners else []

    def named_before(self, start: int) -> bool:
        """Whether an actor is mentioned before token offset ``start`` (in skipped text too)."""
        return bool(self.mention_starts) and self.mention_starts[0][0] < start

    def _apposed_referent(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """A description followed by the state it describes is that state: "Russia's ally BELARUS",
        "its ally THE PHILIPPINES", "the two creditors, CHINA and INDIA" (not the possessor)."""
        if token.pos_ not in ("NOUN", "ADJ") or token.i in self.actor_at or any(p.dep_ == "prep" and p.lower_ == "of" for p in token.children):
            return []  # "the ministers OF the Netherlands, Saudi Arabia and Luxembourg": a list, read by np_actors
        named = [c for c in token.children if c.dep_ == "appos" and c.i in self.actor_at]
        return [a for c in named for a in self.np_actors(c, exclude)]

    def _resolve_reciprocal(self, token: Token) -> list[Arg] | None:
        """"accused each other", "one another": the subjects of the clause, so that the
        relation runs between each pair both ways (a state toward itself is dropped)."""
        words = {" ".join(w.lower_ for w in sorted((token, c), key=lambda t: t.i)) for c in token.children if c.dep_ == "det"}
        if not words & self.lex.cue("reciprocal_phrases") or token.dep_ in ("nsubj", "nsubjpass"):
            return None  # a subject is no reciprocal: "each wants THE OTHER to withdraw" asks the other
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("prep", "pobj", "pcomp", "dobj", "poss", "conj") \
                and verb.head.i != verb.i:  # "expelled EACH OTHER's diplomats", "sanctions and measures ON EACH OTHER"
            verb = verb.head
        subjects = self.subjects(verb) if verb.pos_ in ("VERB", "AUX") else []
        return [Arg(a.actor, token, "coref") for a in subjects] if len(subjects) >= 2 else []

    def _previous_subject(self, token: Token, exclude: frozenset[str], plural: bool = False) -> list[Arg]:
        """The subject of a sentence ("It warned ...", "The country said ...") stands for
        the previous sentence's subject when that names one state, not the nearest state
        named before; never a state the pronoun's own sentence names (the other party)."""
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.i != token.sent.root.i or token.sent.start == 0:
            return []
        before = self.doc[token.sent.start - 1].sent
        subject = last_main_subject(before, self.lex.cue("contrast_marks"))  # "..., while BAHRAIN accused Qatar. IT gave"
        if subject is None or (subject.lower_ in self.lex.cue("pronouns") and subject.lower_ != "it"):
            return []
        own = self.actors_in(token.sent.start, token.sent.end)
        states = {a.actor for a in (self._resolve_pronoun(subject, exclude) if subject.lower_ == "it"  # "Vietnam ...
                                    else self.np_actors(subject, exclude))}  # IT has ties with China. THE COUNTRY also"
        if (len(states) != 1 and not (plural and len(states) > 1)) or states & own \
                or not any(s in states for s in self.preceding_states(token.i)):
            return []  # plural: "Chile and Peru signed an accord. THEY said ..." stands for both
        return [Arg(s, token, "coref") for s in sorted(states)]

    def _resolve_reporters(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """'they' as the subject of a clause that conjoined states report:
        "Chile and Peru say THEY are severing ties" stands for both; 'them' see ``_reciprocal_pair``."""
        clause = token.head
        if token.lower_ in self.lex.cue("reciprocal_pronouns"):
            return self._reciprocal_pair(token, exclude) or self._plural_object(token, exclude)
        if token.dep_ == "poss":
            return self._previous_pair(token, exclude) or self._body_country(token, exclude)
        if token.dep_ == "nsubj" and clause.dep_ in ("relcl", "advcl"):
            return self._governing_pair(token, exclude)
        if token.dep_ == "nsubj" and token.i == token.sent.start > 0:  # "Chile and Peru met. THEY fought a war"
            subject = child(self.doc[token.i - 1].sent.root, "nsubj")
        elif token.dep_ != "nsubj" or clause.dep_ != "ccomp":
            return []
        else:
            subject = child(clause.head, "nsubj")
        if subject is None or subject.pos_ == "PRON":
            return []
        return self._they(token, subject, self.np_actors(subject, exclude))  # "Israeli JETS struck Syria. THEY hit"
