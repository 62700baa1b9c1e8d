"""Obstructing what another state is to get: "blocked EU funding FOR UKRAINE", "delayed the ratification of SWEDEN's
membership" (OPPOSE toward the state that would benefit, one or two levels below the object); acting over
another state's objections: "filled the dam over the objections of EGYPT" (Egypt opposes the one acting)."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, pobjs


class ObstructionRules:
    """Obstructing what another state is to get: OPPOSE toward the one who would benefit; striking a state
    off a list of favoured partners: SANCTION; acting over a state's objections: OPPOSE by the objector."""

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

    def _objectors(self, ctx: ActorContext, noun: Token) -> list[Arg]:
        """Who holds an objection that an act goes ahead over: its possessor or the object of its
        of/from/by-phrase ("over EGYPT's objections", "over the objections OF Egypt"); none when
        the objection names its own target."""
        if noun.lemma_.lower() not in self.lex.cue("overridden_nouns") or noun.dep_ != "pobj" \
                or noun.head.lower_ not in self.lex.cue("overriding_preps") \
                or any(p.dep_ == "prep" and p.lower_ in ("to", "against") for p in noun.children):
            return []  # "sanctioned Iran over its opposition TO the deal": a cause with its own target
        return [a for c in noun.children if c.dep_ == "poss" for a in ctx.np_actors(c)] + [
            a for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "from", "by")
            for o in pobjs(p) for a in ctx.np_actors(o)]

    @starts_on("overridden_nouns")
    def _overridden_objection_candidates(self, ctx: ActorContext, noun: Token) -> Iterator[Candidate]:
        """"Ethiopia filled the dam OVER the objections of Egypt and Sudan", "went ahead despite Ghana's protests":
        each objector opposes the one who acts (OPPOSE), whatever the noun's own prepositions would say."""
        objectors = self._objectors(ctx, noun)
        governed = ctx.governing_verb(noun.head.head) if noun.head.head.pos_ not in ("VERB", "AUX") else (noun.head.head, "")
        group = self.lex.group(noun.lemma_.lower(), "OPPOSE", noun=True) or self.lex.group("oppose", "OPPOSE")
        if not objectors or governed is None or group is None:
            return
        known = {a.actor for a in objectors}
        actors = [a for a in ctx.subjects(governed[0]) if a.actor not in known]
        if actors:
            yield Candidate(group, noun, objectors, actors)
