"""Help given to the parties of a deal: "agreed to normalize relations in a deal brokered
with U.S. help" is AID from the helper to each party (relations.md: a broker aids each side)."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, unique


class BrokeringRules:
    """Help given to the parties of a deal: AID from the helper to each party."""

    @starts_on("brokering_help_nouns")
    def _brokering_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        """"a deal brokered WITH U.S. HELP", "reached a deal with Qatari mediation"."""
        cue = self.lex.cue
        if token.pos_ != "NOUN" or token.lemma_.lower() not in cue("brokering_help_nouns") \
                or token.dep_ != "pobj" or token.head.lower_ != "with":
            return
        helpers = unique(ctx.modifier_actors(token))
        verb = token.head.head
        parties = self._deal_parties(ctx, verb)
        helpers = [h for h in helpers if h.actor not in {p.actor for p in parties}]
        if helpers and len({p.actor for p in parties}) >= 2:
            yield Candidate(self.aid_group, token, helpers, parties, pairable=False)

    def _deal_parties(self, ctx: ActorContext, verb: Token) -> list[Arg]:
        """The states that make the deal: the subjects of the agreeing verb, or of the verb
        the brokered deal is part of ("X and Y agreed ... in a deal brokered with ...")."""
        cue = self.lex.cue
        if verb.pos_ != "VERB":
            return []
        if verb.dep_ == "acl" and verb.lemma_.lower() in cue("brokering_verbs") \
                and verb.head.lemma_.lower() in cue("deal_nouns"):
            governed = ctx.governing_verb(verb.head)
            return unique(ctx.subjects(governed[0])) if governed else []
        if verb.lemma_.lower() in cue("brokering_verbs") | cue("agreeing_verbs"):
            return unique(ctx.subjects(verb))
        return []

    @starts_on("mediating_verbs")
    def _co_mediator_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        """States that mediate or broker together cooperate (relations.md: mediation):
        "Qatar and Egypt mediated a ceasefire between Israel and Hamas"."""
        if token.pos_ != "VERB" or token.lemma_.lower() not in self.lex.cue("mediating_verbs"):
            return
        mediators = unique(a for a in ctx.subjects(token) if ctx.is_state_mention(ctx.kind_at.get(a.token.i, "")))
        if len({a.actor for a in mediators}) >= 2:
            yield Candidate(self.cooperate_group, token, mediators, [], mutual=True)
