"""Relations from phrases that carry no trigger word of their own: backing a state's
membership or bid, giving it a green light, friendly or warming relations, closeness."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.requests import helps_in_deeds
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, pobjs, unique
from kg.knowledge.lexicon import TriggerGroup


class BackingRules:
    """Relations from phrases that carry no trigger word of their own: backing a state's
    membership or bid, giving it a green light, friendly or warming relations, closeness,
    fighting on a state's side."""

    def _group_of(self, relation: str) -> TriggerGroup:
        """The first noun group of a label: its general sense."""
        return next(g for groups in self.lex.nouns.values() for g in groups if g.relation == relation)

    @starts_on("membership_nouns", "approval_nouns", "relation_nouns", "closeness_adjectives",
               "solidarity_complements", "opposition_complements", "means_backing_verbs", "defence_right_nouns")
    def _backing_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        lemma = token.lemma_.lower()
        cue = self.lex.cue
        if token.pos_ in ("NOUN", "PROPN") and lemma in cue("membership_nouns"):
            yield from self._backed_membership(ctx, token)
        elif token.pos_ == "NOUN" and lemma in cue("approval_nouns") and token.dep_ == "dobj":
            yield from self._approval_given(ctx, token)
        elif token.pos_ == "NOUN" and lemma in cue("relation_nouns") and self._friendly(token):
            yield from self._noun_candidates(ctx, token, self._group_of("COOPERATE"))
        elif token.pos_ == "ADJ" and lemma in cue("closeness_adjectives"):
            yield from self._close_to(ctx, token, "COOPERATE")
        elif token.dep_ == "acomp" and lemma in cue("solidarity_complements"):  # "stood united with Lithuania"
            yield from self._close_to(ctx, token, "SUPPORT")
        elif token.lower_ in cue("opposition_complements") and (token.dep_ == "acomp" or (  # "is opposed to the US embargo"
                (child(token, "nsubjpass") is not None or child(token, "auxpass") is not None)  # (or parsed as a passive)
                and child(token, "agent") is None)):
            yield from self._close_to(ctx, token, "OPPOSE")
        elif token.pos_ == "NOUN" and lemma in cue("defence_right_nouns"):
            yield from self._right_of_defence(ctx, token)
        elif token.pos_ == "VERB" and lemma in cue("means_backing_verbs") and self._material_means(token):
            yield from self._verb_candidates(ctx, token, self._group_of("AID"))  # "supports X through military means"

    def _right_of_defence(self, ctx: ActorContext, right: Token) -> Iterator[Candidate]:
        """A state's right to defend itself, affirmed, backs it (SUPPORT): "Germany reaffirmed
        Ukraine's RIGHT to defend itself", "Britain said Israel has the right to self-defence"."""
        cue = self.lex.cue
        defence = any(c.dep_ == "acl" and c.lemma_.lower() in cue("defending_verbs")
                      and any(o.lower_ in cue("reflexive_pronouns") for o in c.children) for c in right.children) \
            or any(o.lemma_.lower() in cue("self_defence_nouns") for p in right.children if p.dep_ == "prep" for o in pobjs(p))
        head = right.head
        if not defence or right.dep_ != "dobj":
            return
        holders = [a for c in right.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
        if holders:  # "reaffirmed Ukraine's right": the one reaffirming it
            backers = ctx.subjects(head)
        elif head.lemma_ == "have" and head.dep_ == "ccomp":  # "said Israel HAS the right": the one saying it
            holders, backers = ctx.subjects(head), ctx.subjects(head.head)
        else:
            return
        known = {a.actor for a in holders}
        backers = [a for a in backers if a.actor not in known]
        if backers and holders:
            yield Candidate(self._group_of("SUPPORT"), right, backers, holders)
            foes = [a for c in right.children if c.dep_ == "acl" for p in c.children if p.dep_ == "prep" and p.lower_ == "against"
                    for o in pobjs(p) for a in ctx.modifier_actors(o) + ctx.np_actors(o) if a.actor not in known]
            if foes:  # "... to defend itself AGAINST IRANIAN aggression": the aggressor is opposed
                yield Candidate(self.lex.group("condemn", "OPPOSE"), right, backers, unique(foes))

    def _in_action(self, cand: Candidate) -> Candidate:
        """Support given by taking part in an armed act is help: "Rwandan troops INTERVENED IN SUPPORT
        of Mozambique's government" (AID, relations.md: help in a war), not words."""
        noun = cand.trigger
        if cand.group.relation == "SUPPORT" and ((noun.dep_ == "pobj" and noun.head.lower_ == "in"
                                                  and noun.head.head.lemma_.lower() in self.lex.cue("armed_acts"))
                                                 or helps_in_deeds(noun, self.lex)
                                                 or (noun.dep_ == "dobj" and helps_in_deeds(noun.head, self.lex))):
            return replace(cand, group=self.aid_group)  # "provide support for North Korea IN BUILDING satellites"
        return cand

    def _material_backing(self, verb: Token, group) -> bool:
        """Verbal backing (SUPPORT) that is given by material means: "backed Kiir WITH TROOPS" is help
        (AID, :meth:`_backing_candidates`), not words."""
        return group.relation == "SUPPORT" and verb.lemma_.lower() in self.lex.cue("means_backing_verbs") \
            and self._material_means(verb)

    def _material_means(self, verb: Token) -> bool:
        """The backing is given through material means: "through military and humanitarian means"."""
        means = [o for p in verb.children if p.dep_ in ("prep", "agent") and p.lower_ in ("through", "with", "by")
                 for o in pobjs(p)]  # "backed BY Rwandan TROOPS"
        kinds = {t.lemma_.lower() for o in means for m in o.children if m.dep_ == "amod" for t in (m, *m.conjuncts)}
        things = {t.lemma_.lower() for o in means for t in (o, *o.conjuncts)}  # "backed Kiir WITH TROOPS"
        return bool(kinds & self.lex.cue("material_means") or things & self.lex.cue("material_means_nouns"))

    def _membership_owners(self, ctx: ActorContext, noun: Token) -> list[Arg]:
        """Whose membership: the possessor, a demonym or the of-phrase, not the body joined
        ("the NATO membership OF FINLAND", "SWEDEN's accession to NATO")."""
        owners = [a for c in noun.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
        owners += [a for c in noun.children if c.dep_ == "amod" and c.i in ctx.actor_at for a in ctx.np_actors(c)]
        owners += [a for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in pobjs(p) for a in ctx.np_actors(o)]
        return unique(owners)

    def _backed_membership(self, ctx: ActorContext, noun: Token) -> Iterator[Candidate]:
        """"agreed to support the NATO membership of Finland", "ratify Sweden's admission",
        "remove the last obstacle to Albania's accession": SUPPORT to the joining state."""
        cue = self.lex.cue
        verb = None
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in cue("backing_verbs"):
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ in ("to", "for"):
            holder = noun.head.head  # "remove the obstacle TO", or the obstacle itself
            obstacle = holder if holder.lemma_.lower() in cue("obstacle_nouns") else child(holder, "dobj")
            candidate = holder if holder.pos_ == "VERB" else holder.head
            if obstacle is not None and obstacle.lemma_.lower() in cue("obstacle_nouns") \
                    and candidate.pos_ == "VERB" and candidate.lemma_.lower() in cue("removing_verbs"):
                verb = candidate
        if verb is None:
            return
        owners = self._membership_owners(ctx, noun)
        if owners:
            yield Candidate(self._group_of("SUPPORT"), verb, unique(ctx.subjects(verb)), owners)

    def _approval_given(self, ctx: ActorContext, noun: Token) -> Iterator[Candidate]:
        """"would give Sweden the green light": SUPPORT to whom it is given."""
        verb = noun.head
        modifiers = [c.lemma_.lower() for c in noun.children if c.dep_ == "amod"]
        if verb.lemma_.lower() not in self.lex.cue("giving_verbs") \
                or any(m not in self.lex.cue("approval_modifiers") for m in modifiers):
            return
        receivers = [a for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP" for a in ctx.np_actors(c)]
        receivers += [a for p in verb.children if p.dep_ in ("prep", "dative") and p.lower_ == "to"
                      for o in pobjs(p) for a in ctx.np_actors(o)]
        if receivers:
            yield Candidate(self._group_of("SUPPORT"), verb, unique(ctx.subjects(verb)), unique(receivers))

    def _friendly(self, noun: Token) -> bool:
        """"friendly relations with", "the warming of relations between", "warming ties between", "relations between X and Y are
        EXCELLENT", "relations have IMPROVED"."""
        friendly = self.lex.cue("friendly_modifiers")
        warming = self.lex.cue("warming_nouns") | self.lex.cue("warming_verbs")  # "WARMING ties", "IMPROVING relations"
        if any((c.dep_ == "amod" and c.lemma_.lower() in friendly)
               or (c.dep_ in ("amod", "compound") and (c.lower_ in warming or c.lemma_.lower() in warming))
               for c in noun.children):
            return True
        head = noun.head
        if noun.dep_ == "nsubj" and (head.lemma_.lower() in self.lex.cue("warming_verbs") or any(
                c.dep_ == "acomp" and c.lemma_.lower() in friendly for c in head.children)):
            return True
        return noun.dep_ == "pobj" and head.lower_ in ("of", "in") and head.head.lemma_.lower() in self.lex.cue("warming_nouns")

    def _close_to(self, ctx: ActorContext, adj: Token, relation: str) -> Iterator[Candidate]:
        """"X is close to Y", "see X as too close to Y": COOPERATE; "X stood united with Y": SUPPORT; "X is
        opposed to Y's plan": OPPOSE."""
        partners = [a for p in adj.children if p.dep_ == "prep" and p.lower_ in ("to", "with")
                    for o in pobjs(p) for a in ctx.np_actors(o)]
        if not partners:  # "Sudan and Ethiopia have been OPPOSED on the dam": each other
            patient = child(adj, "nsubjpass", "nsubj")  # (parsed as a passive, or an acomp)
            others = [] if relation != "OPPOSE" else ctx.subjects(adj.head) if adj.dep_ == "acomp" \
                else ctx.np_actors(patient) if patient is not None else []
            if len({a.actor for a in others}) >= 2:
                yield Candidate(self._group_of(relation), adj, unique(others), [], mutual=True)
            return
        holders: list[Arg] = []
        if adj.dep_ == "acomp":
            holders = ctx.subjects(adj.head)
        elif (patient := child(adj, "nsubjpass")) is not None:  # "Egypt is opposed to Ethiopia", parsed as a passive
            holders = ctx.np_actors(patient)
        elif adj.head.lower_ == "as" and adj.head.head.pos_ == "VERB":  # "see Qatar as close to Iran"
            holders = [a for c in adj.head.head.children if c.dep_ == "dobj" for a in ctx.np_actors(c)]
        if holders:
            yield Candidate(self._group_of(relation), adj, unique(holders), unique(partners))

    @starts_on("side_nouns")
    def _side_taken_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        """"Namibian forces fought alongside Zimbabwe ON THE SIDE OF Congo's government", "fighting on Russia's
        side": those fighting, and their companions, help the side's state in its war (AID, relations.md)."""
        prep = token.head
        if token.lemma_.lower() not in self.lex.cue("side_nouns") or token.dep_ != "pobj" or prep.lower_ != "on" \
                or prep.head.pos_ != "VERB" or not self._war_verb(prep.head):
            return
        verb = prep.head
        helped = [a for c in token.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
        helped += [a for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p) for a in ctx.np_actors(o)]
        sides = {a.actor for a in helped}
        companions = [a for p in verb.children if p.dep_ == "prep" and p.lower_ in self.lex.cue("company_preps")
                      for o in pobjs(p) for a in ctx.np_actors(o)]  # "alongside troops FROM ZIMBABWE"
        helpers = [a for a in ctx.subjects(verb) + companions if a.actor not in sides]
        if helpers and helped:
            yield Candidate(self._group_of("AID"), verb, unique(helpers), unique(helped))
