"""Asks that no request verb carries: pressure put on a state, a state wanting another to act, demands whose addressee
is named outside the noun, a state approached for help ("Mali APPROACHED Russia FOR support")."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, is_passive, pobjs


class PressureRules:
    """Asks that no request verb carries: pressure put on a state, a state wanting another to act, demands whose addressee
    is named outside the noun, a state approached for help."""

    @starts_on("approaching_verbs")
    def _approached_candidates(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        """"Mali APPROACHED Russia FOR support", "lobbied Japan for a loan", "we were approached by the US TO
        ACCEPT deportees": asking the state approached for what the for-phrase names, when that is help, a
        transfer or anything a trigger noun names, or for what its to-clause says."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lex.cue("approaching_verbs"):
            return
        sought = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for o in pobjs(p)
                  if o.lemma_.lower() in self.lex.nouns or o.lemma_.lower() in self.lex.cue("material_means_nouns")]
        sought += [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children)]
        passive = is_passive(verb)
        askers = [a for g in verb.children if g.dep_ == "agent" for o in pobjs(g) for a in ctx.np_actors(o)] \
            if passive else ctx.subjects(verb)
        known = {a.actor for a in askers}
        asked = [a for d in verb.children if d.dep_ == ("nsubjpass" if passive else "dobj")
                 for a in ctx.np_actors(d) if a.actor not in known]
        if sought and askers and asked:
            yield Candidate(self._request_group(), verb, askers, asked)

    def _request_group(self):
        return next(g for groups in self.lex.nouns.values() for g in groups if g.relation == "REQUEST")

    @starts_on("wanting_verbs", "reporting_verbs", nouns_of="REQUEST")
    def _pressure_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in self.lex.cue("wanting_verbs"):
            yield from self._wanted(ctx, token)
        elif token.pos_ == "NOUN" and any(g.relation == "REQUEST" for g in self.lex.nouns.get(lemma, ())):
            yield from self._pressed(ctx, token)
        elif token.pos_ == "VERB" and lemma in self.lex.cue("reporting_verbs"):
            yield from self._obliged(ctx, token)

    def _obliged(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        """"Chile said Peru MUST withdraw", "suggested Turkey NEEDS TO adhere": a state said to
        be obliged to act is asked to."""
        modals, obliging = self.lex.cue("obligation_modals"), self.lex.cue("obligation_verbs")
        clauses = [clause for clause in verb.children if clause.dep_ == "ccomp" and (
            any(c.dep_ == "aux" and c.lower_ in modals for c in clause.children)
            or (clause.lemma_.lower() in obliging and child(clause, "xcomp") is not None))]  # "Turkey NEEDS TO adhere"
        if not clauses:  # most reports oblige no one: their subjects are not worth finding
            return
        subjects = ctx.subjects(verb)
        known = frozenset(a.actor for a in subjects)
        for clause in clauses:
            objects = [a for s in clause.children if s.dep_ == "nsubj" and s.pos_ != "PRON"  # not "X's ally Chile
                       for a in ctx.np_actors(s, exclude=known) if a.via == "head" or self._body_of(a, s)]  # must"
            if subjects and objects:
                yield Candidate(self._request_group(), verb, subjects, objects)

    def _body_of(self, arg: Arg, noun: Token) -> bool:
        """Whether ``arg`` is the demonym of a body acting for its state: "the RUSSIAN side", "the Chilean government"."""
        return arg.token.head.i == noun.i and arg.token.dep_ == "amod" and noun.lemma_.lower() in self.lex.cue("agentive_heads")

    def _wanted(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        """"Brazil wants Argentina TO end the dispute": the one wanted to act is asked;
        "wants three things FROM Chile": the from-phrase names who is asked."""
        subjects = ctx.subjects(verb)
        if not subjects:
            return
        known = frozenset(a.actor for a in subjects)
        objects: list[Arg] = []
        for clause in verb.children:
            if clause.dep_ in ("ccomp", "xcomp") and clause.pos_ in ("VERB", "AUX"):
                subject = child(clause, "nsubj")
                if subject is not None and subject.pos_ != "PRON":
                    objects += [a for a in ctx.np_actors(subject, exclude=known) if a.via == "head"]
        objects += [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"
                    for o in pobjs(p) for a in ctx.np_actors(o, exclude=known) if a.via == "head"]
        if objects:
            yield Candidate(self._request_group(), verb, subjects, objects)

    def _pressed(self, ctx: ActorContext, noun: Token) -> Iterator[Candidate]:
        """"put pressure ON Peru": the on-phrase of the verb carrying a request noun is
        its addressee; "rejected Bolivia's demands": the one rejecting them was asked."""
        if noun.dep_ != "dobj":
            return
        yield from self._demanded_withdrawal(ctx, noun)
        verb = noun.head
        vlemma = verb.lemma_.lower()
        if vlemma in self.lex.cue("pressing_verbs"):
            subjects = ctx.subjects(verb)
            known = frozenset(a.actor for a in subjects)
            objects = [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "on"
                       for o in pobjs(p) for a in ctx.np_actors(o, exclude=known)]
            if subjects and objects:
                yield Candidate(self._request_group(), noun, subjects, objects)
        elif vlemma in self.lex.cue("rejecting_verbs"):
            owner = child(noun, "poss")
            subjects = ctx.np_actors(owner) if owner is not None else []
            known = frozenset(a.actor for a in subjects)
            if subjects and not any(p.dep_ == "prep" and p.lower_ in ("to", "on") for p in noun.children):
                objects = [a for a in ctx.subjects(verb) if a.actor not in known]
                if objects:
                    yield Candidate(self._request_group(), noun, subjects, objects)

    def _demanded_withdrawal(self, ctx: ActorContext, noun: Token) -> Iterator[Candidate]:
        """"made demands TO WITHDRAW Peruvian forces": the state whose forces or assets the
        demanded act is about is asked; the one making the demands asks."""
        if any(p.dep_ == "prep" and p.lower_ in ("to", "on") for p in noun.children):
            return
        acts = [c for c in noun.children if c.dep_ in ("acl", "relcl")]  # or parsed as the verb's: "made demands, TO withdraw"
        acts += [c for c in noun.head.children if c.dep_ == "advcl" and c.i > noun.i]
        acts = [c for c in acts if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        owned = [o for act in acts for o in act.children if o.dep_ == "dobj" and o.lemma_.lower() in self.lex.cue("deployed_heads")]
        owner = child(noun, "poss")
        subjects = ctx.np_actors(owner) if owner is not None else ctx.subjects(noun.head)
        known = frozenset(a.actor for a in subjects)
        objects = [a for o in owned for a in ctx.modifier_actors(o, known)]
        if subjects and objects:
            yield Candidate(self._request_group(), noun, subjects, objects)
