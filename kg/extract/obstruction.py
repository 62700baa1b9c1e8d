"""Obstructing what another state is to get: "blocked EU funding FOR UKRAINE", "delayed the ratification of SWEDEN's
membership" (OPPOSE toward the state that would benefit, one or two levels below the object)."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, pobjs


class ObstructionRules:
    """Obstructing what another state is to get: OPPOSE toward the one who would benefit."""

    def _obstructed_beneficiaries(self, ctx: ActorContext, verb: Token, known: set[str]) -> list[Arg]:
        """The states who would get what an obstructing verb's object names:
        its possessor, the object of its for/to/of-phrase, down through further benefit nouns."""
        if verb.lemma_.lower() not in self.lex.cue("obstructing_verbs"):
            return []
        benefits = self.lex.cue("benefit_nouns")
        found: list[Arg] = []
        todo = [child(verb, "dobj")]
        while todo:
            noun = todo.pop()
            if noun is None or noun.lemma_.lower() not in benefits:
                continue
            for c in noun.children:
                if c.dep_ == "poss":
                    found += ctx.np_actors(c)
                elif c.dep_ == "prep" and c.lower_ in ("for", "to", "of") \
                        and not (c.lower_ == "to" and noun.lemma_.lower() in self.lex.cue("joining_nouns")):  # "accession TO NATO"
                    for o in pobjs(c):
                        found += ctx.np_actors(o) if o.lemma_.lower() not in benefits else []
                        todo.append(o)
        obj = child(verb, "dobj")
        if obj is not None and obj.lemma_.lower() in benefits:  # "blocked funding FOR Moldova" parsed on the verb
            found += [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for o in pobjs(p) for a in ctx.np_actors(o)]
        return [a for a in found if a.actor not in known]
