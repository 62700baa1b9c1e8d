"""Obstructing what another state is to get: "blocked EU funding FOR UKRAINE", "delayed the ratification of SWEDEN's
membership" (OPPOSE toward the state that would benefit, one or two levels below the object)."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, pobjs


class ObstructionRules:
    """Obstructing what another state is to get: OPPOSE toward the one who would benefit; striking a state
    off a list of favoured partners: SANCTION."""

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

    @starts_on("removal_verbs")
    def _privilege_removed_candidates(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        """"Japan REMOVED South Korea FROM its list of trusted export destinations", "removed Ethiopia and Mali
        from the AGOA trade programme": a state struck off a list or scheme of favoured partners is sanctioned."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lex.cue("removal_verbs"):
            return
        favour = self.lex.cue("favour_words")
        schemes = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "from" for o in pobjs(p)
                   if o.lemma_.lower() in self.lex.cue("privilege_nouns")
                   and any(t.lower_ in favour for t in o.subtree)]  # not "removed Cuba from the list of terror sponsors"
        obj = child(verb, "dobj")
        removed = ctx.np_actors(obj) if obj is not None and schemes else []
        subjects = ctx.subjects(verb)
        known = {a.actor for a in subjects}
        removed = [a for a in removed if a.actor not in known and a.via == "head"]
        group = self.lex.group("sanction", "SANCTION")
        if subjects and removed and group is not None:
            yield Candidate(group, verb, subjects, removed)
