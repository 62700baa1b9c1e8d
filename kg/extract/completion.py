"""A nominal event's missing sides, filled from its apposition, its predicate and the clause that
governs it ("Moscow, a key ALLY of Tehran", "Iran came to Russia's AID", "drew CONDEMNATION from France")."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, is_indefinite_singular, is_passive, pobjs, unique
from kg.knowledge.lexicon import TriggerGroup


class NounCompletion:
    """Fill a noun trigger's missing subject or object from the words around it."""

    def _targets_by_prep(self, prep: str, group: TriggerGroup) -> bool:
        """Whether the clause a measure is governed through by ``prep`` is the one it hits: "UNDER US sanctions,
        Iran ...", "BECAUSE OF a blockade imposed by Azerbaijan, Armenia ..." (cue lists ``target_preps``, and
        ``hostile_target_preps`` for hostile acts only)."""
        return prep in self.lex.cue("target_preps") or (
            prep in self.lex.cue("hostile_target_preps") and group.relation in self.lex.cue("hostile_relations")
            and not group.mutual)  # not "absent BECAUSE OF tensions with X": a quarrel of the subject's

    def _complete_noun(self, ctx: ActorContext, noun: Token, group: TriggerGroup, possessors: list[Arg],
                       subjects: list[Arg], objects: list[Arg]) -> Candidate:
        """Fill a noun trigger's missing side from the clause that governs it."""
        symmetric = group.relation in self.symmetric
        held = ctx.np_actors(noun.head, conjuncts=noun.tag_ == "NNS") if noun.dep_ == "appos" else []  # "X and Y, US ALLIES"
        if held:  # "Moscow, a key ally of Tehran", "Burundian troops, long-time allies of Congo"
            if subjects and symmetric and not objects and not possessors:  # "Assad, a close RUSSIAN ally"
                objects = [a for a in held if a.actor not in {s.actor for s in subjects}]
            subjects = subjects or held
        if (symmetric or group.mutual) and (subjects or possessors) and not objects and noun.tag_ in ("NN", "NNP"):
            known = {a.actor for a in subjects + possessors}  # "US ally MOROCCO" (not "US ally
            objects = [a for c in noun.children if c.dep_ == "appos" and c.i > noun.i  # Israel and SUDAN")
                       for a in ctx.np_actors(c, conjuncts=False) if a.actor not in known]
        if not subjects and symmetric:
            subjects = self._apposed_holder(ctx, noun)
            if subjects and not objects:  # "X and Y, two of the US' allies": each with the US, not with each other
                objects, possessors = possessors, []
        if not subjects and symmetric and not possessors:
            subjects, objects = self._reporter_as_party(ctx, noun, objects)  # "Turkey said talks with Russia were under way"
        if not subjects:
            subjects = self._predicated_holder(ctx, noun)
            if subjects and not objects:  # "Chile is one of Peru's backers": Peru is backed
                objects, possessors = possessors, []
        verb, prep, clause = self._clause(ctx, noun, group)
        if verb is not None and self._targets_by_prep(prep, group) and is_passive(verb):  # "was isolated UNDER US
            clause = [a for c in verb.children if c.dep_ == "nsubjpass" for a in ctx.np_actors(c)]  # sanctions": Venezuela
        if possessors and not objects and not subjects and clause and prep in self.lex.cue("rescue_preps") \
                and not {a.actor for a in clause} & {a.actor for a in possessors} \
                and group.relation in self.lex.cue("rescue_relations"):  # not "responded TO Moscow's military action"
            return Candidate(group, noun, clause, possessors)  # "Iran came to Russia's aid"
        if not subjects and not possessors and verb is not None and prep == "":
            subjects = [a for p in verb.children if p.dep_ == "prep" and p.lower_ in group.agent_preps
                        for o in pobjs(p) for a in ctx.np_actors(o)]  # "drew condemnation FROM France"
            if subjects and self._origin_of_target(verb, noun, group):  # "tariffs on goods FROM Mexico": Mexico is hit
                objects, subjects = objects or subjects, []
        subjects = unique(subjects + possessors)
        inherited_mood = self._threatened_through(noun, verb, prep)  # a threatened act has not happened
        if inherited_mood and not objects and noun.dep_ != "dobj":  # "warned Ethiopia OF war": the one warned
            objects = [a for d in verb.children if d.dep_ == "dobj" for a in ctx.np_actors(d)]
        if not subjects and not (symmetric and self._located_elsewhere(ctx, noun, verb)) \
                and not (symmetric and self._body_joined(noun, verb)) \
                and not self._targets_by_prep(prep, group) \
                and not (verb is not None and verb.lemma_.lower() in self.lex.cue("citing_verbs")):
            # not the clause's: "despite sanctions against Tehran, Iraq ...", "expelled X, CITING the attack on Y"
            subjects = clause
            if verb is not None and prep in self.lex.cue("purpose_preps") and verb.lemma_.lower() in self.lex.verbs \
                    and not self._accused(ctx, verb, prep):  # "blamed Iran FOR an attack" is no purpose
                objects = objects or [a for d in verb.children if d.dep_ == "dobj" for a in ctx.np_actors(d)]
                inherited_mood = all(g.hypothetical for g in self.lex.verbs[verb.lemma_.lower()])
        if not objects and verb is not None and prep in ("", "*") and verb.lemma_.lower() in self.lex.cue("support_verbs"):
            objects = [a for p in verb.children if p.dep_ in ("prep", "dative") and p.lower_ in group.preps_for("NOUN")
                       for o in pobjs(p) for a in ctx.np_actors(o) or self._goods_origin(ctx, o)]  # "announced sanctions on Tuesday AGAINST ..."
            objects = objects or [a for d in verb.children if d.dep_ == "dative" and d.pos_ != "ADP" for a in ctx.np_actors(d)]
        if not objects and not symmetric and (prep == "" or self._targets_by_prep(prep, group) or (
                prep == "to" and verb.lemma_.lower() in self.lex.cue("yielding_verbs"))) \
                and not (verb is not None and verb.lemma_.lower() in self.lex.cue("evading_verbs") | self.lex.cue("citing_verbs")) \
                and not (group.goods_origin and {a.actor for a in clause} & {s.actor for s in subjects}):
            # a supplier among those acting on the transfer acts with them: "X, Y and Z secured the export of X's grain"
            # "Germany refused a request by Ukraine", "despite pressure from the US, India ...", "BOWED TO pressure from"
            objects = [a for a in clause if a.actor not in {s.actor for s in subjects}]
        if not objects and verb is not None and not any(p.dep_ == "prep" and p.lower_ in self.lex.cue("victim_preps")
                                                        and pobjs(p) for p in noun.children):
            # "accused Morocco of aggression": against the accuser; not "of aggression AGAINST ITS NEIGHBOURS"
            objects = self._accuser_as_target(ctx, verb, prep, group, subjects)
            if not objects and prep == "" and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" \
                    and verb.lemma_.lower() not in self.lex.cue("sponsoring_verbs"):  # not "OF SPONSORING the attack"; "accused Washington
                objects = self._accuser_as_target(ctx, verb.head.head, verb.head.lower_, group, subjects)  # OF PREPARING
                # an ATTACK": the act the gerund names, aimed at the accuser
        if not objects and group.content_target:
            objects = self._content_target(ctx, noun, subjects)
        if not objects and group.asks_for:
            objects = self._asked_of_noun(ctx, noun, subjects)
        if not objects and group.goods_origin and verb is not None and noun.dep_ == "dobj":  # "withdraw arms sales
            objects = [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" and p.i > noun.i  # TO Taiwan"
                       for o in pobjs(p) for a in ctx.np_actors(o)]
            if not objects and verb.lemma_.lower() in self.lex.cue("delivery_taking_verbs"):  # "Mali ANNOUNCED the
                objects = [a for a in ctx.subjects(verb) if a.actor not in {s.actor for s in subjects}]  # delivery"
        if not objects and verb is not None and group.relation in ("AID", "SUPPLY") and prep in ("", "in") \
                and verb.lemma_.lower() in self.lex.cue("receipt_verbs"):  # "Bolivia RECEIVES $100 million IN U.S. aid"
            objects = [a for a in ctx.subjects(verb) if a.actor not in {s.actor for s in subjects}]
        if not objects and group.beneficiary_asks and verb is not None \
                and verb.lemma_.lower() not in self.lex.cue("reversing_verbs"):  # not "urged Russia to RECONSIDER the sale"
            objects = self._requester(ctx, verb, subjects)
        if not objects and group.relation in self.lex.cue("retaliation_relations") \
                and (objects := self._retaliation_target(ctx, noun, subjects)):  # "hit back WITH sanctions": on
            subjects = subjects or ctx.subjects(noun.head.head)                  # the provoker, by the one hitting back
        if symmetric and not objects and len(subjects) < 2 and noun.lemma_.lower() in self.lex.cue("pact_nouns"):
            subjects = unique(subjects + self._meeting_outcome_parties(ctx, noun))  # "welcomed Sisi, culminating
            # in the signing of deals": host and guest
        if symmetric and not objects and len(subjects) < 2:
            subjects = unique(subjects + self._relative_clause_actors(ctx, noun))
        if symmetric and subjects and not objects and noun.lemma_.lower() in self.lex.cue("partner_nouns"):
            known = {a.actor for a in subjects}  # "India relies on traditional ALLY RUSSIA": the clause's partner
            objects = [a for c in noun.children if c.dep_ == "appos" for a in ctx.np_actors(c) if a.actor not in known]
        if symmetric and len(subjects) == 1 and not objects and group.partner_in_sentence \
                and not possessors and is_indefinite_singular(noun) \
                and not any(p.dep_ == "prep" and p.lower_ in group.preps_for("NOUN") for p in noun.children):
            # "a key ally FOR Western nations" names its partner, if no state
            objects = self._only_other_state(ctx, noun, subjects[0])
        return Candidate(group, noun, subjects, unique(objects), hypothetical=inherited_mood)
