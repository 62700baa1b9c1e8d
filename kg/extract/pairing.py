"""Which pairs the sides of a candidate make: conjoined subjects with a third party are
parties together ("Spain, Portugal and Morocco signed a memorandum with X"), unless the
third side is a common foe ("troops from A and B fighting the gangs")."""
from __future__ import annotations

from dataclasses import replace
from itertools import combinations

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.syntax import mention_actors, pobjs


class PairingRules:
    """Pairs among the subjects of one act."""

    @staticmethod
    def _pairable_combinations(cand: Candidate) -> list[tuple[str, str]]:
        """Every pair of the candidate's subjects, less the states that one group phrase on one side of a
        between-phrase stands for: "tensions between THE NORTH AFRICAN COUNTRIES and Ethiopia" pairs each of
        them with Ethiopia, not with each other."""
        sides = [o for p in cand.trigger.children if p.dep_ == "prep" and p.lower_ == "between"
                 for first in pobjs(p) for o in (first, *first.conjuncts)]
        grouped = {a.token.i for a in cand.subjects if a.via == "coref" and a.token in sides}
        one_side = {frozenset((a.actor, b.actor)) for a, b in combinations(cand.subjects, 2)
                    if a.token.i == b.token.i and a.token.i in grouped and len(sides) >= 2}
        one_side |= PairingRules._across_hyphened_pairs(cand)
        return [(a, b) for a, b in combinations([a.actor for a in cand.subjects], 2) if frozenset((a, b)) not in one_side]

    @staticmethod
    def _across_hyphened_pairs(cand: Candidate) -> set[frozenset[str]]:
        """Pairs across coordinated hyphened pairs before a noun: "the Japan-U.S. and South Korea-U.S.
        alliances" pair Japan and South Korea each with the U.S., not with each other."""
        trigger = cand.trigger
        doc = trigger.doc
        hyphened = [t for t in trigger.subtree if t.i < trigger.i and t.head.i == t.i + 2 and doc[t.i + 1].tag_ == "HYPH"]
        if len(hyphened) < 2:  # two links at least: the actors are looked up only then
            return set()
        actor_of = mention_actors(doc)
        links = {frozenset((actor_of[t.i], actor_of[t.head.i])) for t in hyphened
                 if t.i in actor_of and t.head.i in actor_of and actor_of[t.i] != actor_of[t.head.i]
                 and doc[t.i - 1].tag_ != "HYPH" and doc[t.head.i + 1].tag_ != "HYPH"}  # no chain: "Russia-Iran-China"
        if len(links) < 2:
            return set()
        return {frozenset(p) for p in combinations(sorted(set().union(*links)), 2)} - links

    def _third_side(self, trigger: Token, relation: str, parties: frozenset[str] = frozenset()) -> bool:
        """A with-phrase or a direct object names the other side, though no state: "Saudi and Omani
        delegations held talks WITH Houthi officials" (the two are on one side); not when it names only
        states among the ``parties`` already: "the Greek-Cypriot-Israel summit WITH Anastasiades and Netanyahu"."""
        heads = [trigger] + ([trigger.head] if trigger.dep_ == "dobj" else [])
        if trigger.dep_ == "nsubj":  # "Saudi and Omani delegations held talks with ...", "... met with"
            heads += [trigger.head] + [d for d in trigger.head.children if d.dep_ == "dobj"]
        agents = self.lex.cue("agentive_heads")
        if relation in self.lex.cue("war_relations") and self._common_foe(trigger):
            return True  # "troops from Jamaica and Guatemala FIGHTING THE GANGS": a common foe, not each other
        withs = [p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
                 and any(o.pos_ == "PROPN" or o.lemma_.lower() in agents for o in pobjs(p))]
        actor_of = mention_actors(trigger.doc) if withs and parties else {}
        return any(not (parties and {actor_of.get(o.i) for o in pobjs(p)} <= parties) for p in withs)

    def _common_foe(self, trigger: Token, plural_only: bool = False) -> bool:
        """A war verb whose direct object is no trigger noun names a foe fought ("fighting THE GANGS");
        with ``plural_only``, a plural one ("fight THE REBELS", not "exchanged FIRE"). So does its
        against-phrase, and an adverb saying they fought together ("fought TOGETHER", "JOINTLY")."""
        if trigger.pos_ != "VERB":
            return False
        cue = self.lex.cue
        return any((d.dep_ == "dobj" and d.lemma_.lower() not in self.lex.nouns and (d.tag_ == "NNS" or not plural_only))
                   or (d.dep_ == "prep" and d.lower_ == "against")
                   or (d.dep_ == "advmod" and (d.lower_ in cue("together_adverbs") or d.lower_ in cue("jointly_adverbs")))
                   for d in trigger.children)

    def _war_verb(self, verb: Token) -> bool:
        """Whether a verb is a trigger of fighting or attack ("fought", "clashed")."""
        return any(g.relation in self.lex.cue("war_relations") for g in self.lex.verbs.get(verb.lemma_.lower(), ()))

    def _co_parties(self, cand: Candidate, subjects: list[str]) -> set[tuple[str, str]]:
        """Conjoined subjects of a symmetric act with a third party are parties to it
        together: "Spain, Portugal and Morocco signed a memorandum with X" (every pair); only
        for a verb trigger, whose subjects are its own."""
        if cand.group.relation not in self.symmetric or not cand.pairable or len(set(subjects)) < 2 \
                or cand.trigger.pos_ != "VERB" or (cand.group.relation in self.lex.cue("war_relations")
                                                   and self._common_foe(cand.trigger, plural_only=True)):  # FIGHT THE REBELS
            return set()
        separate = self.lex.cue("separate_meeting_modifiers") | self.lex.cue("repetition_modifiers")
        pacts = [d for d in cand.trigger.children if d.dep_ == "dobj"]
        if any((m.dep_ == "amod" and m.lower_ in separate) or (m.dep_ == "poss" and m.pos_ == "PROPN")
               for d in pacts for m in d.children) \
                or any(d.tag_ == "NNS" and d.lemma_.lower() in self.lex.cue("pact_nouns") for d in pacts):
            return set()  # "X, Y and Z struck SIMILAR / SEPARATE agreements with the US": each its own; "China and
            # India signed ZAMBIA'S debt agreement": each with Zambia
        return set(combinations(subjects, 2))

    def _mutual_fire(self, cand: Candidate) -> Candidate:
        """Attacks on each other are fighting between the two: "Kenyan and Somali troops FIRED AT
        EACH OTHER" is CONFLICT (relations.md), not an attack each way."""
        if cand.group.relation != "ATTACK" or not cand.objects \
                or not all(a.token.lower_ in self.lex.cue("reciprocal_heads") for a in cand.objects):
            return cand
        fighting = next(g for g in self.lex.verbs.get("fight", ()) if g.relation == "CONFLICT")
        return replace(cand, group=fighting, objects=[], mutual=True)
