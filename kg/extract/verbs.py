"""Relations from trigger verbs: subjects and objects, requests and their addressees, transfers and their recipients, accusations."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.claims import earlier_actor
from kg.extract.purposes import pact_of_purpose, purpose_partners
from kg.extract.requests import RequestRules
from kg.extract.roles import ActorContext
from kg.extract.senses import VerbSenses
from kg.extract.syntax import Arg, child, counted, heads_as, held_nouns, is_passive, pobjs, selects, unique
from kg.extract.verb_arguments import VerbArguments
from kg.extract.transfers import TransferRules
from kg.knowledge.lexicon import TriggerGroup


class VerbRules(VerbArguments, RequestRules, TransferRules, VerbSenses):
    """Relations from trigger verbs: subjects and objects, requests and their addressees, transfers and their recipients, accusations."""

    def _carried_by_object(self, verb: Token) -> bool:
        """A support verb whose object is itself a trigger gives way to it:
        "provide assistance" is AID, not SUPPLY."""
        obj = child(verb, "dobj")
        if obj is None or verb.lemma_.lower() not in self.lex.cue("support_verbs"):
            return False
        if any(selects(g, obj) for g in self.lex.verbs.get(verb.lemma_.lower(), ())):
            return False  # "reached a détente with": the verb's own sense for this object
        return obj.lemma_.lower() in self.lex.nouns or obj.lemma_.lower() in self.lex.cue("approval_nouns") or (  # "approved an AID package"
            obj.lemma_.lower() in self.lex.cue("container_nouns")
            and any(c.dep_ == "compound" and c.lemma_.lower() in self.lex.nouns for c in obj.children))

    def _verb_candidates(self, ctx: ActorContext, verb: Token, group: TriggerGroup,
                         check_object: bool = True) -> Iterator[Candidate]:
        passive = is_passive(verb)
        direct = self._direct_objects(ctx, verb, group, passive)
        if direct is None:
            return
        if self._ruled_out(ctx, verb, group):
            return  # "set to receive Turkish drones": no guests; "soldiers arrived in Juba": no visit, ...
        if group.needs_complement and not self._presses_a_state(ctx, verb, direct):
            return  # "pushed the rebels back", "ordered the police to expel him" ask no state
        if ((group.asks_for or group.needs_complement) and self.orders_envoy_out(verb)) or self.ultimatum(verb) is not None:
            return  # "asked the French ambassador to leave", "gave Gambia until Monday to withdraw" (ExpulsionRules)
        withheld = self._withheld_recognition(verb, group)  # "does NOT RECOGNIZE X's independence": a rejection
        group = withheld or (group.asks_for and self._phone_call(ctx, verb)) or self._hosting_sense(ctx, verb) \
            or self._telling_sense(verb, group) or self._warning_against(verb, group) \
            or self._reserved_response(verb, group) or self._verbal_clash(verb, group) or group
        if group.asks_for and self._names_its_object(verb):
            group = self._reproaching_name(verb)  # "called China a threat": OPPOSE; else a naming, nothing
            if group is None:
                return
            named = child(verb, "oprd")
            if not direct and named is not None:  # 'called X's accusations "nonsense"', the claim parsed under the name
                direct = [c for c in named.children if c.dep_ in ("nmod", "poss", "compound")]  # "called VENEZUELA corrupt"
        if check_object and group.object_heads:
            heads = [counted(d) for d in direct] or self._relative_object(verb)  # "the war it LAUNCHED on Yemen"
            heads += [o for d in direct for o in held_nouns(d, self.lex.cue("transparent_heads"))[1:]]  # "a TEAM of 304"
            heads += [c for d in direct for c in d.conjuncts if c not in heads]  # "suspended cooperation and AID to Niger"
            direct = [d for d in heads if heads_as(d, group.object_heads, self.lex.cue("container_nouns"), self._by_title(group))
                      or (heads is not direct and group.objectless and self._hostile_noun(d))
                      or (group.demonym_objects and ctx.kind_at.get(d.i) == "DEMONYM")
                      or (group.place_targets and ctx.kind_at.get(d.i) == "CAPITAL")]
            if not direct and (heads or not group.objectless):
                return
            if verb.lemma_.lower() in self.lex.cue("own_envoy_recall_verbs") \
                    and any(map(self._own_envoy, direct)) != group.only_prep_objects:
                return  # "summoned ITS ambassador from X" recalls; "summoned X's ambassador" protests
        preps = group.preps_for("VERB")
        subjects = ctx.subjects(verb)
        subjects = subjects + ctx.joined_parties(verb) if subjects else subjects
        known = frozenset(a.actor for a in subjects)
        objects, origins = self._argument_objects(ctx, verb, group, direct, known, passive)
        if not objects and group.object_heads and group.relation in ("SUPPLY", "AID"):  # "offered TAIWAN submarines":
            objects = [a for d in verb.children if d.dep_ == "dative" and d.pos_ != "ADP" for a in ctx.np_actors(d)]  # the receiver
        if group.inverse:
            subjects, objects = unique(objects + origins), subjects
            if not subjects and (partners := self._pact_sellers(ctx, verb)):  # "sealed a deal WITH Seoul TO BUY
                subjects, objects = partners, [a for a in objects if a.actor not in {p.actor for p in partners}]  # tanks"
        elif not subjects:
            subjects = origins
        if not subjects and passive and group.relation in self.lex.cue("measure_relations"):  # "Venezuela said the
            subjects = ctx.reporter(verb, frozenset(a.actor for a in objects))  # Colombian envoy WAS EXPELLED": by Venezuela
        if not subjects and group.relation in ("OPPOSE", "SANCTION"):  # "the ministry summoned the envoy of X TO Y"
            subjects = self._envoy_host(ctx, direct)
        if not objects and group.complement_preps:
            objects = self._complement_targets(ctx, verb, group.complement_preps, subjects)
        if not objects and verb.lemma_.lower() in self.lex.cue("blamed_on_verbs"):
            objects = self._blamed_on(ctx, verb, known)  # "blamed the escalation on Rwanda's army"
        if not objects and group.relation == "THREATEN":
            objects = self._threatened_noun_targets(ctx, verb, known) or self._consequence_owners(ctx, verb, known) \
                or self._threatened_course_targets(ctx, verb, known)
        if not objects and verb.dep_ in ("pcomp", "pobj", "ccomp"):  # "accused Kigali of declaring war": on the accuser
            objects = self._accused_act_target(ctx, verb, group, subjects)
        if not objects and group.only_prep_objects and direct:
            objects = self._mission_places(ctx, [verb, *direct], preps, known) or (
                self._provoking_state(ctx, verb, known) if group.relation == "SANCTION" else [])
        planned = group.hypothetical  # "PLEDGED $2 billion to Vietnam": aid, still planned
        if group.money_is_aid and self._transfers_money(verb, direct):
            group = self.aid_group
        group = self._measure_taken(verb) or group  # "hit Caracas WITH sanctions": no attack
        # agents pair up only as co-signers ("the accord was signed BY Laos and Cambodia"), a pact's parties
        # never in its purpose ("deals aimed at fighting terrorism": they do not fight each other)
        pairable = (child(verb, "agent") is None or verb.lemma_.lower() in self.lex.cue("outcome_verbs")) \
            and pact_of_purpose(verb, self.lex) is None
        if verb.lemma_.lower() in group.needs_pair and not objects and len(subjects) >= 2:
            objects = self._agreed_with(ctx, verb)  # "A and B agreed on cooperation with C": A–C, B–C
            pairable = pairable and not objects
        if not objects and group.relation == "AGREE" and len(subjects) < 2:  # "signed a deal TO NORMALIZE ties WITH X"
            objects = [a for d in (*direct, verb) for a in purpose_partners(ctx, d, self.lex) if a.actor not in known]
        if verb.lemma_.lower() in group.needs_pair and not objects and len(subjects) < 2 \
                and not (objects := self._met_partner(ctx, verb, subjects)):
            return
        if not objects and group.relation not in self.symmetric:
            objects = self._borrowed_objects(ctx, verb, group)
        if not objects and group.beneficiary_asks:
            objects = self._requester(ctx, verb, subjects)
        if not objects and group.asks_for:
            objects = self._asked_party(ctx, verb, subjects)
        if group.relation in self.symmetric and child(verb, "nsubj", "nsubjpass") is None \
                and any(p.dep_ == "prep" and p.lower_ == "between" for p in verb.children):
            subjects = []  # "a deal AGREED BETWEEN the three nations": theirs, not an inherited subject's
        if not subjects and group.relation in self.symmetric:  # "fighting between X and Y escalated"
            subjects, objects = self._between_parties(verb, objects)
        if group.relation in self.lex.cue("war_help_relations") and self._helps_in_war(verb):
            group = self.aid_group  # "has supported Russia in its invasion": help in a war
        if not objects and verb.dep_ == "acl" and child(verb, "agent") is not None \
                and group.relation not in self.symmetric | {"SUPPORT"}:  # not "a campaign BACKED by Russia"
            governed = ctx.governing_verb(verb.head)  # "a deal brokered by China" for its parties,
            objects = ctx.np_actors(apposed) if (apposed := self._apposed_act(verb.head)) is not None else []
            objects = objects or (ctx.subjects(governed[0]) if governed else [])  # "missiles supplied by Britain" to their user
        if not objects and verb.dep_ == "relcl" and group.relation == "OPPOSE":
            objects = self._author_of_antecedent(ctx, verb)  # "announced a decision, WHICH was criticized by X"
        if not objects and group.place_targets and verb.dep_ == "relcl":  # "the regions that Russia occupies"
            objects = self._occupied_owner(ctx, verb, subjects)
        if group.relation == "OPPOSE":  # "blocked EU funding for Ukraine": Ukraine is opposed
            objects = objects + self._obstructed_beneficiaries(ctx, verb, {a.actor for a in subjects})
            objects = objects or self._earlier_claimant(ctx, verb, subjects)  # "... Quito dismissed the assertion"
        if group.relation in self.lex.cue("reaction_relations") and not objects:  # "... Paris called THE DECISION
            objects = earlier_actor(ctx, verb, {a.actor for a in subjects}, self.lex, group.inverse)  # regrettable"
        mutual = not objects and group.only_prep_objects and len({a.actor for a in subjects}) == 2 \
            and (any(map(self._own_envoy, direct)) or self._mutual_recall(ctx, verb, direct))  # "Chad and Sudan recalled
        # THEIR ambassadors", "withdrew AMBASSADORS": each from the other
        yield Candidate(group, verb, unique(subjects), unique(objects),
                        pairable=pairable, hypothetical=planned, mutual=mutual, affirmed=withheld is not None)

    def _measure_taken(self, verb: Token) -> TriggerGroup | None:
        """The group of a measure named in a hostile verb's with-phrase: "hit Caracas WITH new sanctions"."""
        if not any(g.relation == "ATTACK" for g in self.lex.verbs.get(verb.lemma_.lower(), ())):
            return None
        return next((g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in pobjs(p)
                     for g in self.lex.nouns.get(o.lemma_.lower(), ()) if g.relation in self.lex.cue("measure_relations")),
                    None)

    def _agreed_with(self, ctx: ActorContext, verb: Token) -> list[Arg]:
        """The with-party of a trigger noun agreed on: "agreed on cooperation WITH Poland"."""
        return [a for p in verb.children if p.dep_ == "prep" for n in pobjs(p)
                if n.lemma_.lower() in self.lex.nouns
                for w in n.children if w.dep_ == "prep" and w.lower_ == "with"
                for o in pobjs(w) for a in ctx.np_actors(o)]

    @staticmethod
    def _between_parties(verb: Token, objects: list[Arg]) -> tuple[list[Arg], list[Arg]]:
        """A symmetric verb with no subject whose between-phrase names two states:
        the two are its parties ("fighting between Chile and Peru"); a passive one's
        subject is a party: "Armenia IS ALLIED to Russia", "Armenia's GOVERNMENT is allied to Russia"."""
        between = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "between"]
        if between and len({a.actor for a in objects}) >= 2:
            return unique(objects), []
        patient = child(verb, "nsubjpass")
        spans = [(t.left_edge.i, t.right_edge.i) for t in (patient, *patient.conjuncts)] if patient is not None else []
        own = [a for a in objects if any(lo <= a.token.i <= hi for lo, hi in spans)]
        if own and len(own) < len(objects):
            return unique(own), [a for a in objects if a not in own]
        return [], objects
