"""Help read off thanks and praise: "Zimbabwe thanked China FOR its support" is China's
support of Zimbabwe; "praised Qatar for its mediation" is Qatar's help."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import pobjs


class GratitudeRules:
    """Help read off thanks and praise: the one thanked gave what it is thanked for."""

    @starts_on("gratitude_verbs")
    def _gratitude_candidates(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        if verb.pos_ != "VERB":
            return
        givers = [a for d in verb.children if d.dep_ == "dobj" for a in ctx.np_actors(d)]
        given = {a.actor for a in givers}
        thankers = [a for a in ctx.subjects(verb) if a.actor not in given]
        if not givers or not thankers:
            return
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            for deed in pobjs(prep):
                for group in self._noun_senses(deed, self.lex.nouns.get(deed.lemma_.lower(), [])):  # "MILITARY support": AID
                    if group.relation in self.lex.cue("gratitude_relations"):
                        yield Candidate(self._deed_kind(deed, group), deed, givers, thankers)

    def _deed_kind(self, deed: Token, group):
        """Support IN doing something ("for his support IN MAINTAINING security", "in building our
        army") is help (AID), not words."""
        done = any(p.dep_ == "prep" and p.lower_ == "in" and any(o.tag_ == "VBG" for o in pobjs(p)) for p in deed.children)
        return self.aid_group if group.relation == "SUPPORT" and done else group
