"""Acts done in retaliation: "Kenya banned wheat from Tanzania, and Tanzania RETALIATED BY BANNING milk exports"
is a measure on Kenya, the state that provoked it, though the act itself names no state."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg


class RetaliationRules:
    """The target of an act done as a retaliation: the one other state named before it."""

    def _retaliation_target(self, ctx: ActorContext, act: Token, subjects: list[Arg]) -> list[Arg]:
        """The state that provoked the act "X retaliated BY closing the border", "hit back WITH tariffs":
        the one other state named from the previous sentence up to the response verb; none when several.

        The act is the verb under "by" or the noun under "with" of a response verb ("retaliate",
        "respond", "hit back"); a response that names its target is read by the act's own rule."""
        prep = act.head
        if act.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("by", "with") or prep.dep_ != "prep":
            return []
        response = prep.head
        lemma = response.lemma_.lower()
        phrase = f"{lemma} {next((c.lower_ for c in response.children if c.dep_ == 'prt'), '')}".strip()
        if response.pos_ != "VERB" or phrase not in self.lex.cue("response_verbs") \
                or any(c.dep_ == "prep" and c.lower_ in self.lex.cue("retaliation_preps") for c in response.children):
            return []
        doers = {a.actor for a in subjects} or {a.actor for a in ctx.subjects(response)}
        sent = response.sent
        start = ctx.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        provokers = {a for i, a, kind in ctx.mention_starts
                     if start <= i < response.i and a not in doers and ctx.is_state_mention(kind)}
        return [Arg(provokers.pop(), response, "coref")] if doers and len(provokers) == 1 else []
