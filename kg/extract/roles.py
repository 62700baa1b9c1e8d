"""Who does what to whom: the actors a trigger's dependency arguments name.

An :class:`ActorContext` wraps one parsed ``Doc`` whose actor mentions are in
``doc.spans["actors"]`` (see :mod:`kg.nlp.actors`). It answers three questions:

* which actors a noun phrase names (:meth:`ActorContext.np_actors`): the
  mention itself, a demonym or possessor modifying it ("Russian experts",
  "Iran's program"), an agentive of-phrase ("the government of Iran"), a
  pronoun or "the two countries" resolved within the passage, and conjuncts;
* who the subject of a verb is (:meth:`ActorContext.subjects`), inherited
  through control and participial clauses when the verb has none of its own;
* which verb governs a noun ("held talks", "came to Russia's aid"), so that a
  nominal trigger without its own subject takes its clause's.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from kg.extract.coreference import Coreference
from kg.extract.modifiers import PhraseModifiers
from kg.extract.subjects import Subjects
from kg.extract.syntax import DEMONYM_BODY, SUBJECT_DEPS, Arg, child, pobjs, unique
from kg.knowledge.descriptions import plural_names
from kg.knowledge.lexicon import Lexicon
from kg.nlp.extensions import PLACES_KEY, PRIOR_MENTIONS


def actor_spans(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """The actor mentions of ``doc`` in text order, without the names that locate a firm:
    a name joined by a hyphen to a locating participle ("UK-based Surestream Petroleum"), unless what is
    located is a government ("the TRIPOLI-based government")."""
    located, seats = lexicon.cue("locating_participles"), lexicon.cue("seat_heads")
    return sorted((s for s in doc.spans.get("actors", []) if not (
        s.end + 1 < len(doc) and doc[s.end].text == "-" and doc[s.end + 1].lower_ in located
        and doc[s.end + 1].head.lemma_.lower() not in seats)), key=lambda s: s.start)


class ActorContext(PhraseModifiers, Coreference, Subjects):
    """Actor mentions of one ``Doc`` and the resolution of phrases to actors."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        self.actor_at: dict[int, str] = {}
        self.kind_at: dict[int, str] = {}
        self.mention_starts: list[tuple[float, str, str]] = []  # (token index, actor, mention kind)
        for span in actor_spans(doc, lexicon):
            for token in span:
                self.actor_at[token.i] = span.kb_id_
                self.kind_at[token.i] = span.label_
            kind = span.label_
            if kind == "DEMONYM" and span.root.dep_ in ("amod", "compound") \
                    and span.root.head.lemma_.lower() in lexicon.cue("agentive_heads"):
                kind = DEMONYM_BODY
            self.mention_starts.append((span.start, span.kb_id_, kind))
        prior = doc.user_data.get(PRIOR_MENTIONS, ()) if doc.user_data else ()
        if prior:  # actors of sentences the selection skipped, placed just before the next kept token
            starts = [t.idx for t in doc]
            self.mention_starts += [(bisect_left(starts, char) - 0.5, actor, kind) for char, actor, kind in prior]
            self.mention_starts.sort(key=lambda m: m[0])
        self._positions = [m[0] for m in self.mention_starts]

    # -- mentions -----------------------------------------------------------------

    def actors_in(self, start: int, end: int) -> set[str]:
        """The actors mentioned between token offsets ``start`` and ``end``."""
        found = self.mention_starts[bisect_left(self._positions, start):bisect_left(self._positions, end)]
        return {a for _, a, _ in found}

    def is_state_mention(self, kind: str) -> bool:
        """Whether a mention of this kind can name a state (an organisation's name cannot)."""
        return kind != "ORG"

    def preceding_states(self, before: int, kinds: frozenset[str] | None = None,
                         noun_phrases: bool = False) -> list[str]:
        """States named before token ``before``, nearest first, each once; ``kinds`` limits the
        mention kinds that count, and ``noun_phrases`` leaves out a state named only as the
        modifier of something else ("the KINSHASA meetings"; "the Egyptian Foreign Ministry" counts)."""
        seen: list[str] = []
        for i, actor, kind in reversed(self.mention_starts):
            if i >= before or not self.is_state_mention(kind) or actor in seen or (kinds is not None and kind not in kinds):
                continue
            token = self.doc[int(i)] if noun_phrases and i == int(i) else None
            if token is not None and token.dep_ == "compound" and token.head.i not in self.actor_at \
                    and kind != DEMONYM_BODY:
                continue
            seen.append(actor)
        return seen

    # -- noun phrases -------------------------------------------------------------

    def np_actors(self, token: Token, exclude: frozenset[str] = frozenset(), conjuncts: bool = True) -> list[Arg]:
        """Actors a noun phrase headed by ``token`` names, with its conjuncts."""
        args = self._apposed_referent(token, exclude) or self._own_actors(token, exclude)
        if conjuncts:
            for conj in token.children:
                if self.stray_conjunct(conj):
                    continue  # "under the mediation of Angola, THE DRC and Rwanda reached": the next clause's
                if (conj.dep_ == "conj" and not self.stolen_subject(conj)) \
                        or (conj.dep_ == "appos" and (not args or self._split_title(token, conj)
                                                      or conj.lemma_.lower() in self.lex.cue("counterpart_nouns")
                                                      or self.doc[conj.left_edge.i - 1].pos_ == "CCONJ"
                                                      or self._list_after_of(token, conj))) \
                        or self._listed_state(token, conj):
                    args += self.np_actors(conj, exclude)
        return unique(args)

    def _listed_state(self, token: Token, item: Token) -> bool:
        """"Chile, Peru, Bolivia and Ecuador" parsed as Chile + an apposition or loose modifier
        that heads the rest of the list: a state name after a state name, with conjuncts of its own."""
        return item.dep_ in ("appos", "npadvmod") and item.i > token.i and token.i in self.actor_at \
            and item.i in self.actor_at and item.pos_ == "PROPN" and any(c.dep_ == "conj" for c in item.children)

    def _split_title(self, title: Token, name: Token) -> bool:
        """"British Prime Minister [Keir Starmer and French President Emmanuel Macron]": the
        parser made the first title the head and the names a conjoined apposition."""
        return title.lemma_.lower() in self.lex.cue("person_titles") and name.pos_ == "PROPN" \
            and any(c.dep_ == "conj" for c in name.children)

    def _own_actors(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """The actors the phrase headed by ``token`` names, without its conjuncts: the mention itself,
        a pronoun or referring phrase resolved, its examples, modifiers or agentive of-phrase."""
        if token.i in self.actor_at:
            return [Arg(self.actor_at[token.i], token, "head")]
        lemma, lower = token.lemma_.lower(), token.lower_
        cue = self.lex.cue
        if token.pos_ == "PRON":
            if object_of_clause := self._main_clause_object(token):
                return object_of_clause  # "expelled the U.S. ambassador, accusing HIM of ..."
            if lower in cue("pronouns"):
                return self._resolve_pronoun(token, exclude)
            if lower in cue("person_pronouns"):
                return self._resolve_person(token)
            if lower in cue("relative_pronouns"):
                return self._resolve_relative(token, exclude)
            if lower in cue("first_person_pronouns"):
                return self._resolve_speaker(token, exclude)
            if lower in cue("plural_pronouns") | cue("reciprocal_pronouns"):
                return self._resolve_reporters(token, exclude) or self._previous_subject(token, exclude, plural=True)
            return []
        if token.tag_ == "WP$":  # "Orban, WHOSE government": the noun the clause modifies
            return self._resolve_relative(token, exclude)
        if token.tag_ in ("NNPS", "NNS") and token.text in plural_names():  # "the two KOREAS": both
            return [Arg(a, token, "coref") for a in sorted(plural_names()[token.text]) if a not in exclude]
        examples = self.examples(token, exclude)  # "international ACTORS, including Brazil": the states named,
        if examples:  # also of a group noun: "the LEADERS of some former Soviet states, including X and Y"
            return examples
        group = self._resolve_group(token)
        if group is not None:
            return group
        if (lemma in cue("private_heads") and not self._counted(token)) or any(
                c.dep_ in ("amod", "compound") and c.lower_ in cue("breakaway_modifiers") for c in token.children):
            return []  # "the Indian cricket team", "Somalia's breakaway region" are no state
        reciprocal = self._resolve_reciprocal(token)
        if reciprocal is not None:
            return reciprocal
        if lemma in cue("relational_nouns") and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
            return self.of_phrase_actors(token, exclude) or self._resolve_relational(token, exclude)
        args = self.modifier_actors(token, exclude)
        if lemma in cue("counterpart_nouns"):  # "HIS counterparts of Peru and Chile": the possessor is the other side
            args = [a for a in args if a.token.dep_ != "poss"]
        if lemma in cue("relational_nouns") or lemma in cue("partner_nouns"):
            args = []  # "several SAUDI allies broke off relations", "Kenya's neighbour": the other side, not the referent
        if not args and (lemma in cue("singular_nouns") or lower in cue("singular_nouns")) and (child(token, "det") is not None
                                                                                               or self._speakers_own(token)):
            named = [a for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                     for obj in pobjs(prep) for a in self.np_actors(obj, exclude) if a.via == "head"] \
                or self._seat_after(token, exclude)  # "sent drones to the government IN TRIPOLI"
            if named:  # "the Caribbean nation OF GRENADA", "the kingdom of Bahrain": the state named
                return named
            described = self._resolve_description(token, exclude)
            if described is not None:
                return described
            previous = self._previous_subject(token, exclude) or self._object_owner(token, frozenset())
            if previous:  # "It threatened to end THE COUNTRY'S treaty with Israel": the subject's, no other one
                return [a for a in previous if a.actor not in exclude]
            states = [s for s in self.preceding_states(token.i) if s not in exclude]
            args = [Arg(states[0], token, "coref")] if states else self.reporter(token, exclude)  # "THE MINISTRY
            # summoned Kenya's envoy, Somalia's government said": the reporter's, when no state was named before
        if not args and lemma in cue("agentive_heads") | cue("transparent_heads"):
            args = self.of_phrase_actors(token, exclude) or self.leader_actors(token, exclude)
        if not args and lemma in cue("pact_nouns") and token.dep_ in SUBJECT_DEPS:
            args = [a for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("of", "between")
                    for obj in pobjs(prep) for a in self.np_actors(obj, exclude)]  # "an alliance of Mali and Niger recalled"
        if not args and token.pos_ == "PROPN" and token.dep_ != "compound":
            args = self._titled_person(token, exclude)
        return args

    # -- clauses ------------------------------------------------------------------


def capital_place(ctx: ActorContext, token: Token, known: frozenset[str] = frozenset()) -> list[Arg]:
    """The state of a capital named as a place at ``token`` (not one of ``known``): the target of a strike
    ("bombed the airport in ASMARA"), where one's own mission is ("recalled its ambassador FROM LIMA")."""
    return [Arg(s.kb_id_, token, "place") for s in ctx.doc.spans.get(PLACES_KEY, [])
            if s.start <= token.i < s.end and s.kb_id_ not in known]
