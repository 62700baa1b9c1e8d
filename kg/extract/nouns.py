"""Relations from trigger nouns (nominal events): possessors and demonyms as parties, objects after prepositions."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from spacy.tokens import Token

from kg.extract.absorption import AbsorptionRules
from kg.extract.candidates import Candidate
from kg.extract.completion import NounCompletion
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, of_modifier_children, pobjs, unique
from kg.extract.targets import passive_support_agents
from kg.knowledge.lexicon import Lexicon, TriggerGroup


class NounRules(NounCompletion, AbsorptionRules):
    """Relations from trigger nouns (nominal events): possessors and demonyms as parties, objects after prepositions."""

    def _noun_candidates(self, ctx: ActorContext, noun: Token, group: TriggerGroup) -> Iterator[Candidate]:
        preps = group.preps_for("NOUN")
        if group.relation in self.lex.cue("war_help_relations") and self._armed_support(noun):
            group = self.aid_group  # "sent troops in SUPPORT OF the army": help in arms (its own prepositions)
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
        held = held_backing(noun, self.lex)
        participles = [c for a in noun.children if a.dep_ == "acl" and a.tag_ == "VBN" for c in a.children
                       if (c.dep_ == "prep" or (c.dep_ == "agent" and c.lower_ == "between"))  # "made BETWEEN X and Y",
                       and c.lower_ in preps and c.lower_ not in group.agent_preps]  # the model's "agent"
        for c in [*noun.children, *participles, *of_modifier_children(noun, group.modifiers)]:  # "sanctions IMPOSED ON Moscow"
            word = c.lower_
            if c.dep_ == "poss":
                possessors += ctx.np_actors(c)
            elif c.dep_ == "prep" or (c.dep_ == "cc" and word == "as" and pobjs(c)):
                args = [a for o in pobjs(c) if not (word == "with" and self._no_partner(o))  # "talks WITH Turkish MEDIATION"
                        for a in ctx.np_actors(o)
                        or (self._goods_origin(ctx, o) if word in preps and noun.dep_ == "dobj" else [])]
                # "imposed tariffs on imports FROM Brazil"
                if group.goods_origin and word == "of":  # a SUPPLIER OF India serves India (cue list supplier_nouns)
                    origins += [a for a in args if a.via == "mod" and noun.lemma_.lower() not in self.lex.cue("supplier_nouns")]
                    objects += [a for o in pobjs(c) for a in self._recipients(ctx, o, preps)] + [
                        a for a in args if noun.lemma_.lower() in self.lex.cue("supplier_nouns")]
                elif word in ("between", "among", "as") and len(args) >= 2 and not self._mediates(noun) \
                        and not (word == "as" and child(c, "amod") is not None):  # not "US allies SUCH as X and Y"
                    pair_groups.append(args)  # "between X and Y, as well as X and Z", "a summit AMONG X, Y and Z"
                elif word == "of" and noun.dep_ == "pobj" and noun.head.lower_ == "to" \
                        and noun.lemma_.lower() in self.lex.cue("rescue_nouns"):
                    objects += args  # "came TO the aid OF Somalia": Somalia is helped
                elif word in group.agent_preps or (word == "of" and held):  # "Manila HAS the backing OF the US"
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
            possessors += [a for c in act.children if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.i in ctx.actor_at)
                           for a in ctx.np_actors(c)]  # "the RUSSIAN war of aggression"
            objects += [a for p in act.children if p.dep_ == "prep" and p.lower_ in preps for o in pobjs(p)
                        for a in ctx.np_actors(o) or self._goods_origin(ctx, o)]
        if not objects and not possessors:  # "went to WAR WITH Eritrea", "imposed SANCTIONS and other measures ON X"
            objects = self._verb_side_objects(ctx, noun, preps) or self._conjunct_prep_objects(ctx, noun, preps)
        if not objects and (possessors or modifiers) and group.relation in self.symmetric:
            objects = ctx.examples(noun)  # "Israel's allies, including the US and UK"
        if not pair_groups and (group.mutual or group.relation in self.symmetric):
            pair_groups = self._between_on_predicate(ctx, noun, self.lex.cue("relationship_nouns"))  # "tensions have been growing BETWEEN X and Y"
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
            subjects = origins or self._participle_agents(ctx, noun, objects) \
                or passive_support_agents(ctx, noun, self.lex) or self._cause_accuser(ctx, noun, group)
        if not subjects and not possessors and not objects and not group.inverse:
            subjects, objects = self._relative_support(ctx, noun, group)  # "the war it launched on Yemen"
        if not objects and not group.inverse and (subjects or possessors or group.place_targets):
            objects = self._owned_objects(ctx, noun, group, unique(subjects + possessors))
        if not objects and group.asks_for:  # "renewed calls for Manila to remove the ship"
            objects = self._told_party(ctx, noun, frozenset(a.actor for a in subjects + possessors))
        if unnamed_agent and not subjects and not possessors and not group.inverse:
            return  # the agent is named, and is no state: no other state stands in for it
        listed = self._listed_before_other(ctx, noun)
        if listed:  # "the US, Sweden and OTHER ALLIES of Latvia": each listed state with Latvia
            objects, subjects, possessors = unique(objects + subjects + possessors), listed, []
        completed = self._complete_noun(ctx, noun, group, possessors, subjects, objects)
        yield completed
        joiners = [a for a in self._joiners(ctx, noun) if a.actor not in {s.actor for s in completed.subjects}]
        if joiners and completed.subjects and completed.objects:  # "Japan JOINED US sanctions on Russia": Japan too
            yield replace(completed, subjects=joiners)
        fellow_guests = self._fellow_guests(ctx, noun)
        if fellow_guests:  # "a summit with DR Congo and Rwanda": the two meet each other too
            yield Candidate(group, noun, fellow_guests, [], mutual=True)

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

    def _listed_before_other(self, ctx: ActorContext, noun: Token) -> list[Arg]:
        """The states listed before "and other allies of X", "and other US partners": they are such allies too."""
        if noun.dep_ != "conj" or noun.lemma_.lower() not in self.lex.cue("partner_nouns") \
                or not any(c.dep_ == "amod" and c.lower_ in self.lex.cue("other_modifiers") for c in noun.children):
            return []
        first = noun
        while first.dep_ == "conj":
            first = first.head
        return unique(a for t in (first, *first.conjuncts) if t.i < noun.i for a in ctx.np_actors(t, conjuncts=False))


def held_backing(noun: Token, lex: Lexicon) -> bool:
    """Whether ``noun`` is help or backing its clause's subject holds ("Manila HAS the BACKING of the US",
    "won the support of Japan"): its of-phrase names the backer, not the one backed."""
    return noun.dep_ == "dobj" and noun.lemma_.lower() in lex.cue("helping_nouns") \
        and noun.head.lemma_.lower() in lex.cue("holding_verbs")
