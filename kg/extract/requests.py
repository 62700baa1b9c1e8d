"""Asks and accusations: who is asked (the addressee of a demand or call), who asks, what the accused did, help in a war."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, is_infinitive, pobjs, verb_above_gerund
from kg.knowledge.lexicon import Lexicon, TriggerGroup


class RequestRules:
    """Asks and accusations: who is asked (the addressee of a demand or call), who asks, what the accused did, help in a war."""

    @staticmethod
    def _presses_a_state(ctx: ActorContext, verb: Token, direct: list[Token]) -> bool:
        """Whether a verb presses a state it names to act: "PUSHED Togo TO reopen the border",
        not "pushed the rebels back" nor "ordered the police to expel him"."""
        pressed = any(c.dep_ == "xcomp" or (c.dep_ in ("advcl", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                           for a in c.children))
                      for c in verb.children)  # "GOT Turkey TO agree", parsed with Turkey as the clause's subject
        return pressed and any(ctx.np_actors(d) for d in direct)

    def _asked_party(self, ctx: ActorContext, verb: Token, subjects: list[Arg]) -> list[Arg]:
        """Who is asked when the request names no addressee: the subject of a
        content clause ("demanded that Greece evacuate"), or the partner of
        the ties asked for ("called for improved ties with Cuba")."""
        known = frozenset(a.actor for a in subjects)
        told = self._told_party(ctx, verb, known)
        if told:
            return told  # "called for Vietnam to withdraw"
        for clause in verb.children:
            if clause.dep_ == "ccomp" and clause.pos_ in ("VERB", "AUX"):
                subject = child(clause, "nsubj")
                if subject is not None and subject.lemma_.lower() in self.lex.cue("envoy_heads"):
                    return []  # "asked that diplomats from Qatar leave": envoys sent away
                if subject is not None:
                    return ctx.np_actors(subject, exclude=known)
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                found: list[Arg] = []  # "called for a ceasefire and a summit WITH Kenya"
                for noun in (n for o in pobjs(prep) for n in (o, *o.conjuncts)):
                    groups = self.lex.nouns.get(noun.lemma_.lower(), ())
                    preps = frozenset(w for g in groups if g.relation in self.symmetric for w in g.preps_for("NOUN"))
                    found += [a for p in noun.children if p.dep_ == "prep" and p.lower_ in preps
                              for o in pobjs(p) for a in ctx.np_actors(o, exclude=known)]
                    found += self._withdrawing_party(ctx, noun, known)
                    if any(g.relation in ("AID", "SUPPLY") for g in groups):  # "asked for military aid FROM Moscow"
                        found += [a for p in noun.children if p.dep_ == "prep" and p.lower_ == "from"
                                  for o in pobjs(p) for a in ctx.np_actors(o, exclude=known)]
                return found
        warming = self.lex.cue("warming_verbs")  # "SOUGHT TO IMPROVE ties with Egypt": the ties asked for
        objects = [*(d for d in verb.children if d.dep_ == "dobj"), *(d for x in verb.children if x.dep_ == "xcomp"
                   and x.lemma_.lower() in warming for d in x.children if d.dep_ == "dobj")]
        return [a for d in objects  # "demanded THE WITHDRAWAL of Turkish troops"
                for a in self._withdrawing_party(ctx, d, known) or tied_partner(ctx, d, known, self.lex)]

    def _withdrawing_party(self, ctx: ActorContext, noun: Token, known: frozenset[str]) -> list[Arg]:
        """"called for the WITHDRAWAL of Rwandan troops", "Rwanda's withdrawal": the state whose
        forces are to leave is the one asked (not the state they leave)."""
        return self.deed_doers(ctx, noun, known) if noun.lemma_.lower() in self.lex.cue("asked_deeds") else []

    @staticmethod
    def deed_doers(ctx: ActorContext, deed: Token, known: frozenset[str]) -> list[Arg]:
        """Who is to do an asked deed: a state named as its modifier or possessor, or in its of-phrase
        ("an Israeli withdrawal", "the withdrawal OF TURKISH troops")."""
        doers = [c for c in deed.children if c.dep_ in ("amod", "compound", "poss") and c.i in ctx.actor_at]
        doers += [o for p in deed.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)]
        return [a for d in doers for a in ctx.np_actors(d, exclude=known)]

    def _told_party(self, ctx: ActorContext, head: Token, known: frozenset[str]) -> list[Arg]:
        """The subject of a for-to clause is the one asked: "called for Vietnam
        TO withdraw", "renewed calls for Manila to remove the ship"."""
        for clause in head.children:
            if clause.dep_ in ("advcl", "ccomp", "xcomp") and child(clause, "aux") is not None \
                    and any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children):
                subject = child(clause, "nsubj")
                if subject is not None:
                    return ctx.np_actors(subject, exclude=known)
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "for" and any(
                    c.dep_ in ("advcl", "acl", "relcl") and child(c, "aux") is not None and c.i > prep.i
                    for c in (*head.children, *(t for o in pobjs(prep) for t in o.children),
                              *(head.head.children if head.dep_ == "dobj" else ()))):
                return [a for o in pobjs(prep) for a in ctx.np_actors(o, exclude=known)]
        if head.dep_ == "dobj":  # "calls" object of "repeated": its for-to clause may hang on the verb
            for clause in head.head.children:
                if clause.dep_ == "advcl" and clause.i > head.i and child(clause, "aux") is not None \
                        and any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children):
                    subject = child(clause, "nsubj")
                    return ctx.np_actors(subject, exclude=known) if subject is not None else []
        return []

    def _reproaching_name(self, verb: Token) -> TriggerGroup | None:
        """"Taiwan called China a threat to peace", "called Sudan's accusations ludicrous": naming a
        state a pejorative thing, or its claim or act a dismissive one, opposes it (the OPPOSE
        group of "condemn"); other namings give nothing."""
        named = child(verb, "oprd") or self._name_in_object(verb)  # or misattached under the object
        if named is None and self._named_claim(verb) is not None:
            named = child(verb, "dobj")  # "called Sudan's accusations nonsense", parsed as one noun phrase
        names = [named, *(o for o in verb.children if o.dep_ == "oprd")] if named is not None else []
        if not any(t.lemma_.lower() in self._reproaches() for n in names for t in (n, *n.conjuncts)):
            return None  # "called X's actions 'unusual' and 'REPREHENSIBLE'"
        return self.lex.group("condemn", "OPPOSE")

    def _helps_in_war(self, verb: Token) -> bool:
        """A backing verb whose in-phrase is a war or an attack: "supported
        Russia IN its invasion of Ukraine" is help, not verbal backing."""
        wars = self.lex.cue("war_relations")
        wars_named = [w for p in verb.children if p.dep_ == "prep" and p.lower_ in self.lex.cue("war_help_preps")
                      for o in pobjs(p) for w in (o, *(x for q in o.children if q.dep_ == "prep" and q.lower_ == "of"
                                                       for x in pobjs(q)))]  # "during two years OF WAR"
        return any(g.relation in wars for w in wars_named for g in self.lex.nouns.get(w.lemma_.lower(), ())) \
            or self._armed_purpose(verb) or helps_in_deeds(verb, self.lex)

    def _armed_purpose(self, verb: Token) -> bool:
        """Backing that is the purpose of moving forces: "Ugandan TROOPS entered South Sudan TO SUPPORT Kiir's
        government", "sent soldiers to back Mozambique" (help in arms, not words)."""
        if verb.dep_ not in ("advcl", "xcomp") or child(verb, "nsubj") is not None \
                or not is_infinitive(verb):
            return False
        return self._moves_forces(verb.head)

    def _armed_support(self, noun: Token) -> bool:
        """Support that moving forces is done in: "sent its troops to Tigray IN SUPPORT of the army"."""
        return noun.dep_ == "pobj" and noun.head.lower_ in self.lex.cue("war_help_preps") and self._moves_forces(noun.head.head)

    def _moves_forces(self, verb: Token) -> bool:
        """Whether troops or other deployed forces are the verb's subject or object."""
        forces = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        return any(f.lemma_.lower() in self.lex.cue("deployed_heads") for f in forces)

    def _requester(self, ctx: ActorContext, verb: Token, subjects: list[Arg]) -> list[Arg]:
        """The one who asks for or expects a transfer receives it: "Turkey
        expects Canada to resume exports", "Kyiv urged Berlin to send tanks"."""
        asking = self.lex.cue("object_control_verbs") | self.lex.cue("intent_verbs")
        current = verb
        for _ in range(3):
            if current.dep_ not in ("xcomp", "ccomp") or current.head.i == current.i:
                return []
            current = current.head
            if current.lemma_.lower() in asking:
                speaker = child(current, "nsubj")
                known = {a.actor for a in subjects}
                return [a for a in ctx.np_actors(speaker) if a.actor not in known] if speaker is not None else []
        return []

    def _accused(self, ctx: ActorContext, verb: Token, prep: str) -> list[Arg]:
        """The accused is the agent of the act they are blamed for: "blamed
        Argentina FOR the attack", "accused Baku OF an invasion"."""
        if prep not in self.lex.cue("accusation_preps") and prep != "*":
            return []
        if not any(g.content_target for g in self.lex.verbs.get(verb.lemma_.lower(), ())):
            return []
        accused = child(verb, "dobj")
        if accused is None or (prep == "*" and accused.i not in ctx.actor_at
                               and accused.lemma_.lower() not in self.lex.cue("relational_nouns")):
            return []  # "*": the of-phrase hangs off the accused state's name ("accused Somalia of X")
        return ctx.np_actors(accused)

    def _blamed_on(self, ctx: ActorContext, verb: Token, known: frozenset[str]) -> list[Arg]:
        """The one blamed in an on-phrase, on the verb or anywhere in its object: "blamed the
        escalation of fighting in Mozambique ON Rwanda's army"."""
        found = [p for d in verb.children if d.dep_ == "dobj" for p in d.subtree if p.dep_ == "prep" and p.lower_ == "on"]
        found += [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "on"]
        last = max(found, key=lambda p: p.i, default=None)
        return [a for o in pobjs(last) for a in ctx.np_actors(o) if a.actor not in known] if last is not None else []

    def _accuser_as_target(self, ctx: ActorContext, verb: Token, prep: str, group: TriggerGroup,
                           subjects: list[Arg]) -> list[Arg]:
        """A hostile act the accused is blamed for, with no target named, was aimed at the
        accuser: "Algeria accused Morocco OF hostile actions", "accused Kigali of aggression",
        "Eritrea CLAIMS Ethiopia is preparing for war"."""
        if group.relation not in self.lex.cue("acts_against_accuser"):
            return []
        mutual = {p.split()[-1] for p in self.lex.cue("reciprocal_phrases")}
        own = {a.actor for a in subjects if a.token.lower_ not in mutual}  # "accused EACH OTHER of firing": at each other
        if self._accused(ctx, verb, prep):
            return [a for a in ctx.subjects(verb) if a.actor not in own]
        return self._alleger(ctx, verb, own)

    def _accused_act_target(self, ctx: ActorContext, act: Token, group: TriggerGroup,
                            subjects: list[Arg]) -> list[Arg]:
        """The accuser as the target of a verb the accused is blamed for ("accused Kigali OF
        declaring war"), unless the act names a party of its own ("of fighting ALONGSIDE the FDLR")."""
        if any(p.dep_ == "prep" and (p.lower_ in self.lex.cue("company_preps") or (
                p.lower_ in group.preps_for("VERB") and any(ctx.np_actors(o) for o in pobjs(p))))
               for p in act.children):
            return []  # not "of firing rockets ACROSS THE BORDER": a place, no party
        if group.only_prep_objects and any(c.dep_ == "dobj" for c in act.children) or helps_another(act, self.lex):
            return []  # "accused each other of CROSSING THE LINE": a line crossed, no incursion into the accuser; "of
            # dispatching troops TO AID Russia": help to another, nothing aimed at the accuser
        if act.dep_ == "ccomp":  # "Kenya said the Somalis attacked first": at the one who says it
            speaker = act.head
            own = {a.actor for a in subjects}
            aimless = all(d.lemma_.lower() == "fire" for d in act.children if d.dep_ == "dobj")  # not "fired a missile"
            return [a for a in ctx.subjects(speaker) if a.actor not in own] if group.relation == "ATTACK" and aimless \
                and speaker.lemma_.lower() in self.lex.cue("attack_reporting_verbs") else []
        return self._accuser_as_target(ctx, verb_above_gerund(act.head) or act.head.head, act.head.lower_, group, subjects)

    def _alleger(self, ctx: ActorContext, verb: Token, own: set[str]) -> list[Arg]:
        """The state that alleges the act in a clause of its own: "Eritrea claims Ethiopia is
        preparing for war" (against Eritrea); "" when the act is no such claim's content."""
        current = verb
        for _ in range(4):
            if current.dep_ not in ("ccomp", "xcomp", "pcomp", "prep", "pobj", "advcl") or current.head.i == current.i:
                return []
            current = current.head
            if current.pos_ == "VERB" and current.lemma_.lower() in self.lex.cue("act_alleging_verbs"):
                return [a for a in ctx.subjects(current) if a.actor not in own]
        return []


def tied_partner(ctx: ActorContext, noun: Token, known: frozenset[str], lex: Lexicon) -> list[Arg]:
    """The state better ties are sought with: "Turkey SEEKS closer TIES WITH Iran" (relations.md: calling for
    better ties with a state is REQUEST to it)."""
    if noun.lemma_.lower() not in lex.cue("relationship_nouns"):
        return []
    return [a for p in noun.children if p.dep_ == "prep" and p.lower_ == "with" for o in pobjs(p)
            for a in ctx.np_actors(o, exclude=known)]


def helps_another(act: Token, lex: Lexicon) -> bool:
    """Whether ``act`` has a purpose of help: "dispatching troops TO AID Russia"."""
    return any(c.dep_ in ("advcl", "xcomp") and any(g.relation in ("AID", "SUPPORT") for g in lex.verbs.get(c.lemma_.lower(), ()))
               for c in act.children)


def helps_in_deeds(word: Token, lex: Lexicon) -> bool:
    """Whether backing is given IN deeds, and so is help (AID), not words: "would continue to support Kabul IN
    SECURITY, counter-terrorism and combating drug crime", "support for North Korea IN BUILDING satellites"."""
    return any(p.dep_ == "prep" and p.lower_ == "in" and (o.tag_ == "VBG" or o.lemma_.lower() in lex.cue("help_domains"))
               for p in word.children for o in pobjs(p))
