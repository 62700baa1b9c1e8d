"""Acts done at another state's request: "Rwanda deployed troops AT THE REQUEST OF Mozambique"
and "at Mozambique's request" say that Mozambique asked Rwanda (REQUEST)."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import pobjs, unique


class BehalfRules:
    """Acts done at another state's request: the one who asked REQUESTs the one who acts."""

    @starts_on("behest_nouns")
    def _behest_candidates(self, ctx: ActorContext, noun: Token) -> Iterator[Candidate]:
        if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ not in self.lex.cue("behest_preps"):
            return
        askers = [a for c in noun.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
        askers += [a for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)
                   for a in ctx.np_actors(o)]
        verb = noun.head.head
        if not askers or verb.pos_ not in ("VERB", "AUX"):
            return
        asking = {a.actor for a in askers}
        asked = [a for a in ctx.subjects(verb) if a.actor not in asking]
        group = self.lex.group("request", "REQUEST", noun=True)
        if asked and group is not None:
            yield Candidate(group, noun, unique(askers), unique(asked))
