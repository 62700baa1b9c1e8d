"""Transfers read from a state's dependence on another's goods, and agreements that are only discussed."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import child, is_infinitive, pobjs, unique


class ExchangeRules:
    """Transfers read from a state's dependence on another's goods, and agreements that are only discussed."""

    @starts_on("dependence_words")
    def _dependence_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        """The state that depends on another's goods receives them: "its dependence ON
        Bolivian gas" (SUPPLY), "dependent on Chilean funding" (money and help: AID), "RELIES
        ON Algeria FOR energy" (the state depended on, for the goods of the for-phrase)."""
        if token.lemma_.lower() not in self.lex.cue("dependence_words"):
            return
        objects = [o for p in token.children if p.dep_ == "prep" and p.lower_ in self.lex.cue("dependence_preps")
                   for o in pobjs(p)]
        goods = [g for o in objects for g in (o, *o.conjuncts) if g.pos_ == "NOUN"]
        suppliers = unique(a for g in goods for a in ctx.np_actors(g, conjuncts=False) if a.via == "mod")
        wanted = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "for" for g in pobjs(p) if g.pos_ == "NOUN"]
        if not suppliers and wanted:  # "relies on ALGERIA for ENERGY"
            suppliers, goods = unique(a for o in objects for a in ctx.np_actors(o) if a.via != "mod"), wanted
        if not suppliers:
            return
        if token.pos_ == "VERB":  # "Tunisia RELIES on Algeria for energy"
            dependents = ctx.subjects(token)
        elif token.pos_ == "ADJ" and token.dep_ == "acomp":  # "Peru, which is dependent on ..."
            dependents = ctx.subjects(token.head)
        else:  # "its dependence on ..."
            owner = child(token, "poss")
            dependents = ctx.np_actors(owner) if owner is not None else []
        known = {a.actor for a in suppliers}
        dependents = [a for a in dependents if a.actor not in known]
        if not dependents:
            return
        money = self.lex.cue("aid_goods")
        group = self.aid_group if any(g.lemma_.lower() in money for g in goods) else self.supply_group
        yield Candidate(group, token, suppliers, unique(dependents))

    @property
    def supply_group(self):
        """The trigger group of transfers from a subject to an object."""
        return next(g for groups in self.lex.nouns.values() for g in groups if g.relation == "SUPPLY" and not g.inverse)

    def _discussed_only(self, ctx: ActorContext, noun: Token, group) -> bool:
        """An agreement a meeting discusses is not reached; a war it discusses with no sides of its
        own is the topic, not the talkers' war ("consultations on the CONFLICT in Haiti")."""
        if group.relation in self.lex.cue("discussed_relations"):
            return self._only_discussed(noun)
        if group.relation in self.lex.cue("discussed_topics") and not ctx.modifier_actors(noun) and not any(
                p.dep_ == "prep" and p.lower_ in ("between", "with", "against", "on") and any(ctx.np_actors(o) for o in pobjs(p))
                for p in noun.children):
            return self._only_discussed(noun)
        return False

    def _only_discussed(self, noun: Token) -> bool:
        """An agreement that a meeting discusses or reviews is not reached: "met to discuss
        efforts to reach an agreement", "talks on a truce" (relations.md: no AGREE)."""
        discussing = self.lex.cue("discussing_words")
        current = noun
        for _ in range(6):
            if current.dep_ in ("conj", "ccomp", "ROOT", "nsubj", "nsubjpass") or current.head.i == current.i:
                return False
            current = current.head
            if current.pos_ == "NOUN" and current.lower_.endswith("ing") and current.lower_[:-3] in self.lex.cue("outcome_verbs"):
                return False  # "met ..., resulting in the SIGNING of an agreement": it is signed
            if current.lemma_.lower() in discussing:
                return True
            if current.pos_ == "VERB" and (self.is_trigger_verb(current) or (
                    current.lemma_.lower() in self.lex.cue("outcome_verbs") and not is_infinitive(current))):
                return False  # "met to SIGN an agreement": the agreement is the act's own; "met, REACHING deals":
                # reached (but "met to discuss efforts TO REACH an agreement": not yet)
        return False
