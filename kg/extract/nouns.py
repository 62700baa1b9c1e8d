"""Relations from trigger nouns (nominal events): possessors and demonyms as parties, objects after prepositions."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from spacy.tokens import Token

from kg.extract.absorption import AbsorptionRules
from kg.extract.candidates import Candidate
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, is_indefinite_singular, is_passive, of_modifier_children, pobjs, unique
from kg.knowledge.lexicon import TriggerGroup


class NounRules(AbsorptionRules):
    """Relations from trigger nouns (nominal events): possessors and demonyms as parties, objects after prepositions."""

    def _noun_candidates(self, ctx: ActorContext, noun: Token, group: TriggerGroup) -> Iterator[Candidate]:
        preps = group.preps_for("NOUN")
        direct = [a for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i in ctx.actor_at
                  for a in ctx.np_actors(c, conjuncts=False)]
        nested = [a for a in ctx.modifier_actors(noun) if a.token.dep_ != "poss" and a not in direct]
        possessors: list[Arg] = []
        subjects: list[Arg] = []
        objects: list[Arg] = []
        origins: list[Arg] = nested if group.goods_origin else []
        modifiers = direct if group.goods_origin else direct + nested
        if group.goods_origin and self._names_goods(ctx, noun):  # "Russian oil imports": Russian oil
            origins, modifiers = origins + direct, []
        pair_groups: list[list[Arg]] = []
        unnamed_agent = False  # "help FROM one of Liberia's neighbours": an agent, but no state
        participles = [c for a in noun.children if a.dep_ == "acl" and a.tag_ == "VBN" for c in a.children
                       if c.dep_ == "prep" and c.lower_ in preps and c.lower_ not in group.agent_preps]
        for c in [*noun.children, *participles, *of_modifier_children(noun, group.modifiers)]:  # "sanctions IMPOSED ON Moscow"
            word = c.lower_
            if c.dep_ == "poss":
                possessors += ctx.np_actors(c)
            elif c.dep_ == "prep" or (c.dep_ == "cc" and word == "as" and pobjs(c)):
                args = [a for o in pobjs(c) for a in ctx.np_actors(o)
                        or (self._goods_origin(ctx, o) if word in preps and noun.dep_ == "dobj" else [])]
                # "imposed tariffs on imports FROM Brazil"
                if group.goods_origin and word == "of":  # a SUPPLIER OF India serves India (cue list supplier_nouns)
                    origins += [a for a in args if a.via == "mod" and noun.lemma_.lower() not in self.lex.cue("supplier_nouns")]
                    objects += [a for o in pobjs(c) for a in self._recipients(ctx, o, preps)] + [
                        a for a in args if noun.lemma_.lower() in self.lex.cue("supplier_nouns")]
                elif word in ("between", "among", "as") and len(args) >= 2 and not self._mediates(noun):
                    pair_groups.append(args)  # "between X and Y, as well as X and Z", "a summit AMONG X, Y and Z"
                elif word == "of" and noun.dep_ == "pobj" and noun.head.lower_ == "to" \
                        and noun.lemma_.lower() in self.lex.cue("rescue_nouns"):
                    objects += args  # "came TO the aid OF Somalia": Somalia is helped
                elif word in group.agent_preps:
                    subjects += args
                    unnamed_agent = unnamed_agent or (not args and word != "of")  # not "the visit OF the President"
                elif word in preps:
                    objects += args
        if group.goods_origin and not subjects and not origins:  # "the delivery of helicopters FROM Russia"
            origins = [a for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in pobjs(p)
                       for q in g.children if q.dep_ == "prep" and q.lower_ in group.agent_preps
                       for o in pobjs(q) for a in ctx.np_actors(o)]
        act = self._act_over(noun)  # "China's IMPOSITION of tariffs ON Australian wine": the act's owner and target
        if act is not None:
            possessors += [a for c in act.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
            objects += [a for p in act.children if p.dep_ == "prep" and p.lower_ in preps for o in pobjs(p)
                        for a in ctx.np_actors(o) or self._goods_origin(ctx, o)]
        if not objects and not possessors:  # "went to WAR WITH Eritrea", "imposed SANCTIONS and other measures ON X"
            objects = self._verb_side_objects(ctx, noun, preps) or self._conjunct_prep_objects(ctx, noun, preps)
        if not objects and (possessors or modifiers) and group.relation in self.symmetric:
            objects = ctx.examples(noun)  # "Israel's allies, including the US and UK"
        if not pair_groups and (group.mutual or group.relation in self.symmetric):
            pair_groups = self._between_on_predicate(ctx, noun)  # "tensions have been growing BETWEEN X and Y"
        if not pair_groups and group.mutual and not (subjects or objects or possessors or modifiers):
            pair_groups = self._setting_pair(ctx, noun)  # "severed ties with Doha AMID A DISPUTE"
        if pair_groups:
            for pair in pair_groups:
                yield Candidate(group, noun, unique(pair), [], mutual=True)
            return
        participants = self._participants(ctx, noun, group)
        if participants:
            yield Candidate(group, noun, participants, [], mutual=True)
            return
        subjects, objects = self._imposed_on(ctx, noun, subjects + modifiers, objects)
        if group.inverse:  # purchases: the buyer is the syntactic subject side
            subjects, objects = unique(objects + origins), unique(subjects + possessors)
            possessors = []
            if not objects:
                objects = self._clause(ctx, noun, group)[2]
            if not subjects:  # "Qatar and Egypt are top importers of arms": no seller named
                return
        elif not subjects:
            subjects = origins or self._participle_agents(ctx, noun, objects) or self._cause_accuser(ctx, noun, group)
        if not subjects and not possessors and not objects and not group.inverse:
            subjects, objects = self._relative_support(ctx, noun, group)  # "the war it launched on Yemen"
        if not objects and not group.inverse and (subjects or possessors or group.place_targets):
            objects = self._owned_objects(ctx, noun, group, unique(subjects + possessors))
        if not objects and group.asks_for:  # "renewed calls for Manila to remove the ship"
            objects = self._told_party(ctx, noun, frozenset(a.actor for a in subjects + possessors))
        if unnamed_agent and not subjects and not possessors and not group.inverse:
            return  # the agent is named, and is no state: no other state stands in for it
        completed = self._complete_noun(ctx, noun, group, possessors, subjects, objects)
        yield completed
        joiners = [a for a in self._joiners(ctx, noun) if a.actor not in {s.actor for s in completed.subjects}]
        if joiners and completed.subjects and completed.objects:  # "Japan JOINED US sanctions on Russia": Japan too
            yield replace(completed, subjects=joiners)
        fellow_guests = self._fellow_guests(ctx, noun)
        if fellow_guests:  # "a summit with DR Congo and Rwanda": the two meet each other too
            yield Candidate(group, noun, fellow_guests, [], mutual=True)

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
        if verb is not None and prep in self.lex.cue("target_preps") and is_passive(verb):  # "was isolated UNDER US
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
                and prep not in self.lex.cue("target_preps") \
                and not (verb is not None and verb.lemma_.lower() in self.lex.cue("citing_verbs")):
            # not the clause's: "despite sanctions against Tehran, Iraq ...", "expelled X, CITING the attack on Y"
            subjects = clause
            if verb is not None and prep in self.lex.cue("purpose_preps") and verb.lemma_.lower() in self.lex.verbs:
                objects = objects or [a for d in verb.children if d.dep_ == "dobj" for a in ctx.np_actors(d)]
                inherited_mood = all(g.hypothetical for g in self.lex.verbs[verb.lemma_.lower()])
        if not objects and verb is not None and prep in ("", "*") and verb.lemma_.lower() in self.lex.cue("support_verbs"):
            objects = [a for p in verb.children if p.dep_ in ("prep", "dative") and p.lower_ in group.preps_for("NOUN")
                       for o in pobjs(p) for a in ctx.np_actors(o) or self._goods_origin(ctx, o)]  # "announced sanctions on Tuesday AGAINST ..."
            objects = objects or [a for d in verb.children if d.dep_ == "dative" and d.pos_ != "ADP" for a in ctx.np_actors(d)]
        if not objects and not symmetric and (prep == "" or prep in self.lex.cue("target_preps") or (
                prep == "to" and verb.lemma_.lower() in self.lex.cue("yielding_verbs"))) \
                and not (verb is not None and verb.lemma_.lower() in self.lex.cue("evading_verbs") | self.lex.cue("citing_verbs")) \
                and not (group.goods_origin and {a.actor for a in clause} & {s.actor for s in subjects}):
            # a supplier among those acting on the transfer acts with them: "X, Y and Z secured the export of X's grain"
            # "Germany refused a request by Ukraine", "despite pressure from the US, India ...", "BOWED TO pressure from"
            objects = [a for a in clause if a.actor not in {s.actor for s in subjects}]
        if not objects and verb is not None:  # "accused Morocco of aggression": against the accuser
            objects = self._accuser_as_target(ctx, verb, prep, group, subjects)
        if not objects and group.content_target:
            objects = self._content_target(ctx, noun, subjects)
        if not objects and group.asks_for:
            objects = self._asked_of_noun(ctx, noun, subjects)
        if not objects and group.goods_origin and verb is not None and noun.dep_ == "dobj":  # "withdraw arms sales
            objects = [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" and p.i > noun.i  # TO Taiwan"
                       for o in pobjs(p) for a in ctx.np_actors(o)]
            if not objects and verb.lemma_.lower() in self.lex.cue("delivery_taking_verbs"):  # "Mali ANNOUNCED the
                objects = [a for a in ctx.subjects(verb) if a.actor not in {s.actor for s in subjects}]  # delivery"
        if not objects and group.beneficiary_asks and verb is not None:
            objects = self._requester(ctx, verb, subjects)
        if not objects and group.relation in self.lex.cue("retaliation_relations") \
                and (objects := self._retaliation_target(ctx, noun, subjects)):  # "hit back WITH sanctions": on
            subjects = subjects or ctx.subjects(noun.head.head)                  # the provoker, by the one hitting back
        if symmetric and not objects and len(subjects) < 2 and noun.lemma_.lower() in self.lex.cue("pact_nouns"):
            subjects = unique(subjects + self._meeting_outcome_parties(ctx, noun))  # "welcomed Sisi, culminating
            # in the signing of deals": host and guest
        if symmetric and not objects and len(subjects) < 2:
            subjects = unique(subjects + self._relative_clause_actors(ctx, noun))
        if symmetric and len(subjects) == 1 and not objects and group.partner_in_sentence \
                and not possessors and is_indefinite_singular(noun) \
                and not any(p.dep_ == "prep" and p.lower_ in group.preps_for("NOUN") for p in noun.children):
            # "a key ally FOR Western nations" names its partner, if no state
            objects = self._only_other_state(ctx, noun, subjects[0])
        return Candidate(group, noun, subjects, unique(objects), hypothetical=inherited_mood)

    def _verb_side_objects(self, ctx: ActorContext, noun: Token, preps: frozenset[str]) -> list[Arg]:
        """A noun in a support verb's prepositional phrase takes the verb's other prepositional
        objects: "Kenya went to WAR WITH Somalia", "is at WAR WITH Somalia"."""
        governed = ctx.governing_verb(noun)
        if governed is None or governed[1] in ("", "*") or governed[0].lemma_.lower() not in self.lex.cue("support_verbs"):
            return []
        return [a for p in governed[0].children if p.dep_ == "prep" and p.i != noun.head.i and p.lower_ in preps
                for o in pobjs(p) for a in ctx.np_actors(o)]

    @staticmethod
    def _names_goods(ctx: ActorContext, noun: Token) -> bool:
        """A transfer noun whose goods are a compound and not an of-phrase."""
        return any(c.dep_ == "compound" and c.i not in ctx.actor_at for c in noun.children) \
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)

    def _mediates(self, noun: Token) -> bool:
        """"mediator between X and Y": the between-phrase names the parties helped, each."""
        return noun.lemma_.lower() in self.lex.cue("mediator_nouns")
