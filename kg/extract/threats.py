"""Threats that carry their act: "vowed to retaliate against X" is the threat, not a (hypothetical) attack."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child


class ThreatRules:
    """Threats that carry their act: a response threatened is the threat itself."""

    def _threatened_response(self, verb: Token) -> bool:
        """A response verb in the complement of a threat gives way to it:
        "vowed to RETALIATE against X", "threatened to RESPOND" (relations.md: THREATEN)."""
        if verb.lemma_.lower() not in self.lex.cue("response_verbs") or verb.dep_ not in ("xcomp", "ccomp"):
            return False
        return any(g.relation == "THREATEN" for g in self.lex.verbs.get(verb.head.lemma_.lower(), ()))

    def _threatened_act_target(self, ctx: ActorContext, clause: Token, known: set[str]) -> list[Arg]:
        """The one a threatened hostile act is aimed at, as its direct object:
        "threatened to INVADE Peru", "warned it would SANCTION Chile"."""
        acts = self.lex.cue("threatened_acts")
        if not any(g.relation in acts for g in self.lex.verbs.get(clause.lemma_.lower(), ())):
            return []
        obj = child(clause, "dobj")
        return [a for a in ctx.np_actors(obj) if a.actor not in known] if obj is not None else []
