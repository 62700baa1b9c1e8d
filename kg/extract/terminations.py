"""Ties, pacts and envoys ended or restored by a noun: "Fiji announced THE SCRAPPING OF its defence
pact with Australia", "Sri Lanka's SUSPENSION OF the trade pact with the Maldives", "the RECALL OF
its ambassadors to Bolivia" are measures against the other state (SANCTION, relations.md: cutting
relations, recalling one's own ambassador), as their verbs are, and the pact itself is no agreement;
"announced the RESTORATION OF diplomatic relations with Kenya" agrees (AGREE), as "restored" does."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, pobjs, unique
from kg.knowledge.lexicon import TriggerGroup


class TerminationRules:
    """A termination noun over a pact, ties or an envoy: SANCTION from the one ending it to the other state;
    a restoration noun over ties: AGREE between the two."""

    def _ending_group(self, ended: Token, verbs: frozenset[str], relation: str) -> TriggerGroup | None:
        """The sense of ``verbs`` for this ended (restored) thing, if any:
        "terminate" for a pact, "sever" for ties, "recall" for an envoy (SANCTION), "restore" for ties (AGREE)."""
        lemma = ended.lemma_.lower()
        return next((g for verb in sorted(verbs) for g in self.lex.verbs.get(verb, ())
                     if g.relation == relation and lemma in g.object_heads), None)

    def _ended_things(self, noun: Token) -> list[tuple[Token, TriggerGroup]]:
        """What a termination (restoration) noun ends (restores), with the sense it takes: "the suspension OF THE PACT"."""
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN":
            return []
        if lemma in self.lex.cue("termination_nouns"):
            verbs, relation = self.lex.cue("termination_verbs"), "SANCTION"
        elif lemma in self.lex.cue("restoration_nouns"):
            verbs, relation = self.lex.cue("restoration_verbs"), "AGREE"
        else:
            return []
        found = [(o, self._ending_group(o, verbs, relation)) for p in self._ending_preps(noun) for o in pobjs(p)]
        return [(o, g) for o, g in found if g is not None]

    @staticmethod
    def _ending_preps(noun: Token) -> list[Token]:
        """The of- or to-phrases naming what a termination noun ends: "the suspension OF the pact", "an end TO
        the pact" (hung on the noun, or on "put" in "put an end to")."""
        holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
        return [p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("of", "to")
                and (h is noun or p.i > noun.i)]

    def ends_a_pact(self, noun: Token) -> bool:
        """Whether ``noun`` (a pact, ties) is what a termination (restoration) noun ends (restores): no event of its own."""
        head = noun.head
        if noun.dep_ != "pobj" or head.lower_ not in ("of", "to"):
            return False
        enders = [head.head] + [c for c in head.head.children if c.dep_ == "dobj"]  # "PUT an END to the pact"
        return any(o.i == noun.i for e in enders for o, _ in self._ended_things(e))

    @starts_on("termination_nouns", "restoration_nouns")
    def _termination_candidates(self, ctx: ActorContext, noun: Token) -> Iterator[Candidate]:
        for ended, group in self._ended_things(noun):
            enders = self._enders(ctx, noun, ended)
            known = {a.actor for a in enders}
            preps = set(group.object_preps) | {"with", "between"}
            others = [a for h in (ended, noun) for p in h.children if p.dep_ == "prep" and p.lower_ in preps
                      for o in pobjs(p) for a in ctx.np_actors(o) if a.actor not in known]
            others += [a for a in ctx.modifier_actors(ended) if a.actor not in known and a.token.dep_ != "poss"]
            if enders and others:
                yield Candidate(group, noun, enders, unique(others))
            elif group.relation in self.symmetric and len({a.actor for a in enders}) >= 2:
                yield Candidate(group, noun, unique(enders), [])  # "Chile and Peru announced the restoration of ties"

    def _enders(self, ctx: ActorContext, noun: Token, ended: Token) -> list[Arg]:
        """Who ends it: the noun's possessor ("Sri Lanka's suspension"), else the subject of the
        verb it is the object of ("Fiji announced the scrapping"), else the pact's possessor ("its pact")."""
        owners = [a for c in noun.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
        if owners:
            return owners
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
            found = ctx.subjects(noun.head)
            if found:
                return found
        return [a for c in ended.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
