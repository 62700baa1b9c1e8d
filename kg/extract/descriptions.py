"""Relations a group reference names by its noun: "the two ALLIES" are allies, "both RIVALS" oppose
each other (the states the reference stands for, :mod:`kg.extract.groups`)."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import unique


class DescriptionRules:
    """States referred to together as partners or rivals hold that relation with each other."""

    @starts_on("partner_nouns", "relational_nouns")
    def _described_pair_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        """"harm relations between THE TWO ALLIES" (ALLY), "the two rivals" (OPPOSE, each way): only
        relations that hold both ways, and only a definite counted or "both" reference, not another's ("its two
        allies": allies of its owner, not of each other)."""
        words = {c.lower_ for c in token.children if c.dep_ in ("nummod", "det", "predet")}
        if token.tag_ not in ("NNS", "NNPS") or any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
                                                     for c in token.children) \
                or not (words & self.lex.cue("group_determiners") and ("the" in words or "both" in words)):
            return  # not "aligning two historic adversaries" (some two, not the two named)
        groups = [g for g in self.lex.nouns.get(token.lemma_.lower(), ()) if g.mutual or g.relation in self.symmetric]
        states = unique(ctx.np_actors(token, conjuncts=False))
        if groups and len({a.actor for a in states}) >= 2:
            yield Candidate(groups[0], token, states, [], mutual=True, described=True)
