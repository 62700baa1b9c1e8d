"""Relations a description names: "the two ALLIES" are allies, "both RIVALS" oppose each other (the states a
group reference stands for, :mod:`kg.extract.groups`); a title names its owner's partner: "US ALLY Saudi Arabia"."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import unique


class DescriptionRules:
    """States described as partners or rivals, together or by a title, hold that relation."""

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

    @starts_on("partner_nouns", "relational_nouns")
    def _titled_partner_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        """A partner or rival noun as a title before a state's name: "US ALLY Saudi Arabia", "its key ALLY Egypt",
        "Asmara's RIVAL Ethiopia" (the named state is the partner or rival of the title's owner, whatever the
        clause says of them)."""
        head = token.head
        groups = self.lex.nouns.get(token.lemma_.lower(), ())
        if token.dep_ not in ("compound", "amod") or (token.dep_ == "compound" and token.pos_ != "NOUN") \
                or head.i not in ctx.actor_at or not groups:
            return
        owners = [a for c in token.children if c.dep_ in ("compound", "amod", "nmod", "poss") for a in ctx.np_actors(c)]
        if token.dep_ == "amod":  # "Asmara's rival Ethiopia", parsed with the possessive on the name
            owners += [a for c in head.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
        named = ctx.np_actors(head, conjuncts=False)
        if owners and named:
            yield Candidate(groups[0], token, unique(named), unique(owners), described=True)
