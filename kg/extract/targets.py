"""The other side of a nominal event: targets after in/on, places inside a state, victims named in the clause,
participants of talks, the addressee of a demand and the one an allegation is about."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.roles import ActorContext, capital_place
from kg.extract.syntax import Arg, child, pobjs, unique
from kg.knowledge.lexicon import Lexicon, TriggerGroup


class TargetRules:
    """The other side of a nominal event: targets after in/on, places inside a state, victims named in the clause, participants of talks."""

    def _owned_objects(self, ctx: ActorContext, noun: Token, group: TriggerGroup, owners: list[Arg]) -> list[Arg]:
        """The target of a noun event whose waging side is named: "Moscow's war
        IN Ukraine", "an Israeli airstrike slammed INTO the Lebanese capital"
        (the event as subject of a verb that says where it lands)."""
        known = frozenset(a.actor for a in owners)
        if not owners:  # the support verb's subject wages it: "Israel carried out a strike on a depot in Syria"
            verb = noun.head
            if noun.dep_ != "dobj" or verb.lemma_.lower() not in self.lex.cue("support_verbs"):
                return []
            known = frozenset(a.actor for a in ctx.subjects(verb))
            if not known:
                return []
        found = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in group.owned_object_preps
                 for o in pobjs(c) for a in ctx.np_actors(o, exclude=known)]
        if not found and group.place_targets:  # "strikes on a depot in Syria"
            found = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in group.preps_for("NOUN")
                     for o in pobjs(c) for a in self._place_actors(ctx, o, known)]
        if not found and noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lex.cue("support_verbs") \
                and group.place_targets:  # "carried out a strike on a depot in Syria"
            found = [a for c in noun.head.children if c.dep_ == "prep" and c.lower_ in group.preps_for("NOUN")
                     for o in pobjs(c) for a in self._place_actors(ctx, o, known)]
        if not found and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" \
                and noun.head.lemma_.lower() not in self.lex.cue("reporting_verbs") \
                and noun.lemma_.lower() not in self.lex.cue("partner_nouns") | self.lex.cue("relational_nouns"):
            found = [a for c in noun.head.children if c.dep_ == "prep" and c.lower_ in group.preps_for("NOUN")
                     and c.lower_ not in self.lex.cue("pair_preps")
                     for o in pobjs(c) for a in (self._place_actors(ctx, o, known) if group.place_targets
                                                 else ctx.np_actors(o, exclude=known))]
        if not found and owners and group.relation == "ATTACK" and noun.dep_ == "nsubj" \
                and noun.head.lemma_.lower() in self.lex.cue("casualty_verbs"):  # "Indian shelling KILLED four Pakistani soldiers"
            found = [a for o in noun.head.children if o.dep_ == "dobj" for a in ctx.np_actors(o, exclude=known)]
        if not found and group.victim_in_clause and owners:
            found = self._victim_in_clause(ctx, noun, known) or passive_victims(ctx, noun, known)
        if not found and owners and group.relation in self.lex.cue("grievance_relations"):
            found = grievance_owners(ctx, noun, known, self.lex)
        return [a for a in found if a.actor not in known]

    def _relative_support(self, ctx: ActorContext, noun: Token, group: TriggerGroup) -> tuple[list[Arg], list[Arg]]:
        """A noun event whose relative clause has a support verb: "the war IT
        LAUNCHED ON Yemen", "the attacks Iran carried out against Israel"."""
        preps = group.preps_for("NOUN") | group.owned_object_preps
        for clause in noun.children:
            if clause.dep_ != "relcl" or clause.lemma_.lower() not in self.lex.cue("support_verbs"):
                continue
            subjects = ctx.subjects(clause)
            known = frozenset(a.actor for a in subjects)
            objects = [a for c in clause.children if c.dep_ == "prep" and c.lower_ in preps
                       for o in pobjs(c) for a in ctx.np_actors(o, exclude=known)]
            if subjects and objects:
                return subjects, objects
        return [], []

    def _participle_agents(self, ctx: ActorContext, noun: Token, objects: list[Arg]) -> list[Arg]:
        """The agent of a participle that carries out a noun event: "an assault on Sudan PERPETRATED BY
        Chad", "the attack on Kenyan troops CARRIED OUT BY Somali forces" (the parser often hangs the
        participle on the event's object)."""
        holders = [noun] + [o for p in noun.children if p.dep_ == "prep" for o in pobjs(p)
                            if o.lemma_.lower() not in self.lex.cue("traded_goods")]  # not "on exports USED BY X"
        known = {a.actor for a in objects}
        made = self.lex.cue("outcome_verbs") if noun.lemma_.lower() in self.lex.cue("pact_nouns") else frozenset()
        return [a for h in holders for v in h.children if v.dep_ == "acl" and v.tag_ == "VBN"
                and v.lemma_.lower() in self.lex.cue("support_verbs") | made  # "an alliance FORMED BY Niger, Mali and X"
                for g in v.children if g.dep_ == "agent" for o in pobjs(g) for a in ctx.np_actors(o) if a.actor not in known]

    def _victim_in_clause(self, ctx: ActorContext, noun: Token, known: frozenset[str]) -> list[Arg]:
        """"Since Russia's invasion, Poland has helped Ukraine", "supporting Ukraine
        in the face of Russia's invasion": the one state of the clause that is
        neither the event's side nor the clause's subject."""
        if child(noun, "poss") is None:  # "before the U.S. strikes, airlines suspended flights to Qatar"
            return []
        verb, steps = noun, 0
        while verb.dep_ in ("pobj", "prep") and steps < 6:
            verb, steps = verb.head, steps + 1
        if steps == 0 or verb.pos_ not in ("VERB", "AUX"):
            return []
        subjects = {a.actor for a in ctx.subjects(verb)}
        if not subjects:
            return []
        other_clauses = [c for c in verb.children if c.dep_ in ("conj", "ccomp", "advcl", "xcomp", "relcl")]
        skip = {t.i for c in other_clauses for t in c.subtree}
        others = {ctx.actor_at[t.i] for t in verb.subtree if t.i in ctx.actor_at and t.i not in skip}
        others -= known | subjects
        return [Arg(others.pop(), noun, "coref")] if len(others) == 1 else []

    def _place_actors(self, ctx: ActorContext, place: Token, known: frozenset[str]) -> list[Arg]:
        """The state a target stands for: its own actors ("the Lebanese capital"),
        else the state it is in ("a depot in Syria", "cities in eastern Ukraine")."""
        found = ctx.np_actors(place, exclude=known)
        if found:
            return found
        return [a for c in place.children if c.dep_ == "prep" and c.lower_ in self.lex.cue("place_preps")
                for o in pobjs(c) for a in ctx.np_actors(o, exclude=known) or capital_place(ctx, o, known)]

    def _participants(self, ctx: ActorContext, noun: Token, group: TriggerGroup) -> list[Arg]:
        """The parties of talks or a deal named as what the event involves: "talks
        involving Egypt, Ethiopia and Sudan", "the talks also involved the ministers
        of Russia and Iran" (every pair, when at least two states are named)."""
        if group.relation not in self.symmetric:
            return []
        verbs = self.lex.cue("participation_verbs")
        clauses = [c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in verbs]
        if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in verbs:
            clauses.append(noun.head)
        if noun.dep_ == "nsubj":  # "Talks began in Beijing INVOLVING X, Y and Z": the participle hung on the verb
            clauses += [c for c in noun.head.children if c.dep_ in ("advcl", "prep") and c.tag_ == "VBG" and c.lemma_.lower() in verbs]
        found = [a for clause in clauses for d in clause.children if d.dep_ in ("dobj", "pobj") for a in ctx.np_actors(d)]
        found = unique([a for a in self._direct_modifiers(ctx, noun)] + found + self._earlier_parties(ctx, noun, group)) \
            if found and clauses else []
        return found if len({a.actor for a in found}) >= 2 else []

    def _earlier_parties(self, ctx: ActorContext, noun: Token, group: TriggerGroup) -> list[Arg]:
        """"Turkey and Syria held a meeting. THE talks also involved Russia and Iran": the parties of
        an event of the same kind held in the sentence before are parties too."""
        if noun.sent.start == 0 or not any(c.dep_ == "det" and c.lower_ in ("the", "these") for c in noun.children):
            return []
        before = ctx.doc[noun.sent.start - 1].sent
        same = [t for t in before if t.dep_ == "dobj" and any(g.relation == group.relation for g in self.lex.nouns.get(t.lemma_.lower(), ()))]
        return [a for t in same for a in ctx.subjects(t.head)]

    @staticmethod
    def _direct_modifiers(ctx: ActorContext, noun: Token) -> list[Arg]:
        """Parties named on the noun itself: "Russia-U.S. talks involving China"."""
        return [a for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i in ctx.actor_at
                for a in ctx.np_actors(c)]

    def _origin_of_target(self, verb: Token, noun: Token, group: TriggerGroup) -> bool:
        """A from-phrase after the target phrase (the verb's or its object noun's) names where the target
        comes from, not who acts: "slapped tariffs ON goods FROM Mexico"."""
        targets = [p for h in (verb, noun) for p in h.children if p.dep_ == "prep" and p.lower_ in group.preps_for("NOUN")
                   and p.lower_ not in group.agent_preps]
        agents = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in group.agent_preps]
        return any(t.i < a.i for t in targets for a in agents)

    def _goods_origin(self, ctx: ActorContext, goods: Token) -> list[Arg]:
        """The state traded goods come from, go to or are used by: "tariffs on goods FROM Mexico and Canada",
        "restrictions on exports TO Korea", "on exports USED BY Korea's chipmakers"."""
        if goods.lemma_.lower() not in self.lex.cue("traded_goods"):
            return []
        ends = [p for p in goods.children if p.dep_ == "prep" and p.lower_ in ("from", "to")]
        measure = goods.head.head if goods.dep_ == "pobj" else goods
        if not ends and measure is not goods:  # "imposed a ban on wheat FROM Tanzania", the from-phrase
            holders = (measure, measure.head) if measure.dep_ == "dobj" else (measure,)  # on the measure or its verb
            ends = [p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "from" and p.i > goods.i]
        ends += [g for v in goods.children if v.dep_ == "acl" and v.tag_ == "VBN" for g in v.children if g.dep_ == "agent"]
        found = [a for p in ends for o in pobjs(p) for a in ctx.np_actors(o)]
        return found or [a for p in goods.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)
                         for a in ctx.modifier_actors(o) if a.token.dep_ in ("amod", "compound")]  # "imports of ARGENTINE biodiesel"

    def _imposed_on(self, ctx: ActorContext, noun: Token, subjects: list[Arg], objects: list[Arg]) -> tuple[list[Arg], list[Arg]]:
        """A named state compounded to a measure imposed by the clause's subject is
        its target: "Riyadh imposed the Qatar embargo" (Qatar is hit), while
        "US sanctions on Iran" keeps the US as the one imposing them."""
        verb = noun.head
        if objects or noun.dep_ != "dobj" or noun.lemma_.lower() not in self.lex.cue("imposed_measures") \
                or verb.lemma_.lower() not in self.lex.cue("imposing_verbs"):
            return subjects, objects
        doers = {a.actor for s in verb.children if s.dep_ == "nsubj" for a in ctx.np_actors(s)}
        hit = [a for a in subjects if a.token.dep_ == "compound" and a.token.pos_ == "PROPN" and a.actor not in doers]
        if not doers or not hit:
            return subjects, objects
        return [a for a in subjects if a not in hit], hit

    def _asked_of_noun(self, ctx: ActorContext, noun: Token, subjects: list[Arg]) -> list[Arg]:
        """Who a demand or call is addressed to when no to/on-phrase names
        them: the subject of its that-clause ("demands that Syria create a
        zone"), or whoever is to do what is asked for ("Syria's demand for the
        withdrawal of Turkish troops", "a call for an Israeli withdrawal")."""
        known = frozenset(a.actor for a in subjects)
        for clause in noun.children:
            if clause.dep_ in ("acl", "relcl", "ccomp") and child(clause, "mark") is not None:
                subject = child(clause, "nsubj")
                if subject is not None:
                    return ctx.np_actors(subject, exclude=known)
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                for asked in pobjs(prep):
                    if asked.lemma_.lower() not in self.lex.nouns and asked.lemma_.lower() not in self.lex.cue("asked_deeds"):
                        continue  # "a call for weapons" asks for goods, from no one named here
                    return self.deed_doers(ctx, asked, known)
        return []

    def _content_target(self, ctx: ActorContext, noun: Token, subjects: list[Arg]) -> list[Arg]:
        """Whom an allegation is about, from its content clause: "India's
        allegation that IT sponsored the attack", "allegations that they
        eroded democracy IN HUNGARY"."""
        known = frozenset(a.actor for a in subjects)
        for clause in noun.children:
            if clause.dep_ not in ("acl", "ccomp", "relcl") or child(clause, "mark") is None:
                continue
            subject = child(clause, "nsubj", "nsubjpass")
            found = ctx.np_actors(subject, exclude=known) if subject is not None else []
            found = found or [a for t in clause.subtree if t.dep_ == "pobj" for a in ctx.np_actors(t, exclude=known)]
            return [a for a in found if a.actor not in known]
        return []


def grievance_owners(ctx: ActorContext, noun: Token, known: frozenset[str], lex: Lexicon) -> list[Arg]:
    """The state whose deed a measure or protest is taken for: "US sanctions OVER TURKEY'S purchase of
    Russian missiles" (Turkey is sanctioned), "Chinese criticism over JAPANESE visits" (the deed's owner)."""
    return [a for p in noun.children if p.dep_ == "prep" and p.lower_ in lex.cue("grievance_preps")
            for o in pobjs(p) if o.lemma_.lower() in lex.nouns for c in o.children
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.i in ctx.actor_at)
            for a in ctx.np_actors(c, exclude=known)]


def passive_support_agents(ctx: ActorContext, noun: Token, lex: Lexicon) -> list[Arg]:
    """The agent of a passive support verb whose subject is the event: "similar STRIKES were CARRIED OUT BY
    IRAN in Iraq and Syria" (Iran strikes)."""
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.lemma_.lower() not in lex.cue("support_verbs"):
        return []
    return [a for agent in verb.children if agent.dep_ == "agent" for o in pobjs(agent) for a in ctx.np_actors(o)]


def passive_victims(ctx: ActorContext, noun: Token, known: frozenset[str]) -> list[Arg]:
    """What an attack is the agent of a passive verb on: "Ukrainian power facilities were destroyed BY
    RUSSIAN ATTACKS" (Ukraine is attacked), or the state of the place it was in."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "agent":
        return []
    patient = child(noun.head.head, "nsubjpass")
    if patient is None:
        return []
    return ctx.np_actors(patient, exclude=known) or [  # "an oil refinery IN RUSSIA'S Krasnodar region was set ablaze by"
        a for p in patient.children if p.dep_ == "prep" and p.lower_ in ("in", "near") for o in pobjs(p)
        for a in ctx.np_actors(o, exclude=known) + ctx.modifier_actors(o, exclude=known)]
