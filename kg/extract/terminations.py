"""Ties, pacts and envoys ended by a noun: "Fiji announced THE SCRAPPING OF its defence pact with
Australia", "Sri Lanka's SUSPENSION OF the trade pact with the Maldives", "the RECALL OF its
ambassadors to Bolivia" are measures against the other state (SANCTION, relations.md: cutting
relations, recalling one's own ambassador), as their verbs are; the pact itself is no agreement."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, pobjs, unique
from kg.knowledge.lexicon import TriggerGroup


class TerminationRules:
    """A termination noun over a pact, ties or an envoy: SANCTION from the one ending it to the other state."""

    def _ending_group(self, ended: Token) -> TriggerGroup | None:
        """The SANCTION sense of the verbs (cue ``termination_verbs``) for this ended thing, if any:
        "terminate" for a pact, "sever" for ties, "recall" for an envoy."""
        lemma = ended.lemma_.lower()
        return next((g for verb in sorted(self.lex.cue("termination_verbs")) for g in self.lex.verbs.get(verb, ())
                     if g.relation == "SANCTION" and lemma in g.object_heads), None)

    def _ended_things(self, noun: Token) -> list[tuple[Token, TriggerGroup]]:
        """What a termination noun ends, with the sense it takes: "the suspension OF THE PACT"."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.lex.cue("termination_nouns"):
            return []
        found = [(o, self._ending_group(o)) for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in pobjs(p)]
        return [(o, g) for o, g in found if g is not None]

    def ends_a_pact(self, noun: Token) -> bool:
        """Whether ``noun`` (a pact, ties) is what a termination noun ends: it states no agreement."""
        head = noun.head
        return noun.dep_ == "pobj" and head.lower_ == "of" and any(o.i == noun.i for o, _ in self._ended_things(head.head))

    @starts_on("termination_nouns")
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
