"""Acts that states do together: "Chile and Peru said in a joint statement", "issued a joint declaration" (COOPERATE)."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.roles import ActorContext
from kg.extract.syntax import unique


class JointRules:
    """A joint statement, declaration or communique of two or more states is cooperation between them."""

    def _joint_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        noun = token.head
        if token.lower_ not in self.lex.cue("joint_modifiers") or token.dep_ != "amod" \
                or noun.lemma_.lower() not in self.lex.cue("joint_acts"):
            return
        verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else noun.head.head if noun.dep_ == "pobj" else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return
        parties = unique(ctx.subjects(verb))
        if len(parties) >= 2:
            yield Candidate(self.cooperate_group, noun, parties, [])

    @property
    def cooperate_group(self):
        """The trigger group of cooperation."""
        return next(g for g in self.lex.nouns["cooperation"] if g.relation == "COOPERATE")
