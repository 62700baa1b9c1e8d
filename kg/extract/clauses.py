"""Parties a noun event takes from its clause: the verb it is argument of, appositions, relative clauses, the one other state."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, is_passive, pobjs, unique
from kg.knowledge.lexicon import TriggerGroup


def between_on_predicate(ctx: ActorContext, noun: Token, relationship_nouns: frozenset[str] = frozenset()) -> list[list[Arg]]:
    """The parties of a mutual event named on the verb it is the subject of:
    "tensions have been growing BETWEEN Ethiopia AND Somalia", "fighting erupted between X and Y", "tensions on the rise
    between X and Y"; or
    on the verb parsed as its modifier: "Tensions flared between India and China", "as a spat escalated between both", "the deal he brokered between X and Y";
    or on what it grew out of: "a dispute between X and Y exploded INTO WAR"; or on the ties it acts on (of
    ``relationship_nouns``): "a row THREATENED TIES BETWEEN X and Y"."""
    verbs = ([noun.head] if noun.dep_ == "nsubj" else []) + [v for v in noun.children if v.dep_ in ("acl", "relcl") and v.pos_ == "VERB"]
    verbs += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "on" for o in pobjs(p)]  # "ON THE RISE between"
    verbs += [c for v in verbs for c in v.children if c.dep_ == "acomp"]  # "tensions remained HIGH between X and Y"
    verbs += [d for v in verbs for d in v.children if d.dep_ == "dobj" and d.lemma_.lower() in relationship_nouns]
    # "a row THREATENED TIES between the Asian heavyweights": the ties' pair quarrels
    groups = [[a for o in pobjs(p) for a in ctx.np_actors(o)] for v in verbs for p in v.children
              if p.dep_ == "prep" and p.lower_ == "between"]
    became = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "into" else None
    if became is not None and became.pos_ == "VERB" and (former := child(became, "nsubj")) is not None:
        groups += [[a for o in pobjs(p) for a in ctx.np_actors(o)] for p in former.children  # "a dispute BETWEEN X and Y
                   if p.dep_ == "prep" and p.lower_ == "between"]  # exploded INTO WAR": theirs too
    return [unique(g) for g in groups if len({a.actor for a in g}) >= 2]


class ClauseRules:
    """Parties a noun event takes from its clause: the verb it is argument of, appositions, relative clauses, the one other state."""

    def _joiners(self, ctx: ActorContext, noun: Token) -> list[Arg]:
        """Who joins an act others do: the subjects of "join" over it ("Japan JOINED US sanctions")."""
        if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in self.lex.cue("joining_verbs"):
            return []
        return ctx.subjects(noun.head)

    @staticmethod
    def _relative_object(verb: Token) -> list[Token]:
        """The noun a relative clause with no object of its own is about, as the verb's object:
        "the war it LAUNCHED on Yemen", "an attack it said Sudanese forces had LAUNCHED"."""
        clause = verb.head if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" else verb
        if clause.dep_ != "relcl" or child(verb, "dobj") is not None or clause.head.pos_ != "NOUN":
            return []
        return [clause.head]

    def _act_over(self, noun: Token) -> Token | None:
        """The noun of an act whose of-phrase ``noun`` is: "the IMPOSITION of sanctions", "the
        DEPLOYMENT of troops" (its possessor does what ``noun`` names)."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in self.lex.cue("act_nouns"):
            return head.head
        return None

    def _clause(self, ctx: ActorContext, noun: Token, group: TriggerGroup) -> tuple[Token | None, str, list[Arg]]:
        """The verb governing a noun trigger, the preposition between them, and
        the subjects it lends: a support verb ("held talks", "became embroiled
        in conflict") or a plain verb lends them; a verb trigger only through a
        purpose 'for' ("visited Iran for cooperation")."""
        governed = ctx.governing_verb(noun)
        if governed is None:
            return None, "", []
        verb, prep = governed
        lemma = verb.lemma_.lower()
        if prep in self.lex.cue("time_preps") and not (
                group.relation in self.symmetric and verb.lemma_.lower() in
                self.lex.cue("reporting_verbs") | self.lex.cue("motion_verbs") | self.lex.cue("outcome_verbs")):
            # "pledged a partnership before the invasion of Ukraine": not the invaders; but "the ministers said
            # after talks", "the envoy arrived after meetings with X", "X and Y signed a deal after talks": they held them
            return verb, prep, []
        if prep == "against" and group.relation in self.lex.cue("hostile_relations"):
            return verb, prep, []  # "extend their support to Turkey AGAINST THREATS to its security": not theirs
        if prep in self.lex.cue("cause_preps") and group.relation in self.symmetric:
            return verb, prep, []  # "sanctions on Rwanda OVER the conflict in Congo": not the sanctioners' war
        if noun.head.head.dep_ == "acomp" and noun.head.head.lower_ in self.lex.cue("opposition_complements"):
            return verb, prep, []  # "Canada remains OPPOSED TO any attack on Iran": no attack of Canada's
        if verb.lower_ in self.lex.cue("prepositional_verbs"):
            # "following the Hamas attack" is a time, not an act; but "its interests,
            # including the procurement of F-16s": an example shares its category's owner
            owner = child(verb.head, "poss") if verb.lower_ in self.lex.cue("example_verbs") else None
            return verb, prep, ctx.np_actors(owner) if owner is not None else []
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in self.lex.nouns:
            threat = self.lex.group(verb.head.lemma_.lower(), "THREATEN", noun=True) is not None
            return verb, prep, ctx.subjects(verb) if threat else []  # "the US THREAT TO impose sanctions": the
            # threatener's; but the content of "an agreement to restore ties" is no act of the clause's
        sponsoring = self.lex.cue("sponsoring_verbs")
        if (prep == "" and lemma in sponsoring and noun.dep_ == "dobj"
                and any(c.dep_ in ("compound", "amod") and c.i not in ctx.actor_at for c in noun.children)) \
                or any(c.dep_ == "amod" and c.tag_ == "VBG" and c.lemma_.lower() in sponsoring for c in noun.children):
            return verb, prep, []  # "funding REBEL attacks": the sponsor is not the one attacking
        accused = self._accused(ctx, verb, prep)
        if accused:
            return verb, prep, accused
        support = lemma in self.lex.cue("support_verbs")
        moved = prep in self.lex.cue("time_preps") and group.relation in self.symmetric \
            and lemma in self.lex.cue("motion_verbs") | self.lex.cue("outcome_verbs") | self.lex.cue("reporting_verbs")
        # "arrived / signed a deal / TOLD reporters after talks": they held them
        threat = self._threatened_through(noun, verb, prep)
        if prep == "" and group.relation == "REQUEST" and verb.lemma_.lower() in self.lex.cue("answering_verbs"):
            return verb, prep, ctx.subjects(verb)  # "Togo WELCOMED Mali's request for mediation": Togo is asked
        if prep == "" and self._rejected_accusation(noun, verb):
            return verb, prep, ctx.subjects(verb)  # the accused: "Minsk rejected Lithuania's accusations"  # "X threatened an invasion of Y": X's invasion
        if prep == "in" and noun.lemma_.lower() in self.lex.cue("stance_nouns"):
            return verb, prep, ctx.subjects(verb)  # "recalled its envoy IN PROTEST at ...": the recaller protests
        if prep == "in" and group.relation in self.symmetric and is_passive(verb) \
                and lemma in self.lex.cue("casualty_verbs") and (patient := child(verb, "nsubjpass")) is not None:
            return verb, prep, ctx.np_actors(patient)  # "Indian soldiers were KILLED IN a clash with Chinese troops"
        if prep == "" and group.relation == "ATTACK" and lemma in self.lex.cue("withstanding_verbs"):
            return verb, prep, ctx.subjects(verb)  # "Ukraine RESISTED the Russian invasion": the one attacked
        if self.is_trigger_verb(verb) and not support and prep not in self.lex.cue("purpose_preps") \
                and not self._targets_by_prep(prep, group) and not moved and not threat and not self._describes_subject(noun, verb):
            return verb, prep, []  # but "will not HALT imports, DESPITE Trump's threats": the one threatened halts
        if (support or prep == "as") and is_passive(verb):  # "Angola was appointed AS the mediator": Angola mediates
            patient = child(verb, "nsubjpass")
            return verb, prep, ctx.np_actors(patient) if patient is not None else []
        lent = ctx.subjects(verb)  # "joined the US and UK in issuing sanctions": they issue them too
        return verb, prep, lent + ctx.joined_parties(verb) if lent else lent

    def _describes_subject(self, noun: Token, verb: Token) -> bool:
        """A phrase set off between a subject and its verb describes the subject: "Egypt, AT ODDS
        WITH Ethiopia for years, has condemned the deal" (Egypt is at odds)."""
        prep = noun.head
        subject = child(verb, "nsubj")
        return noun.dep_ == "pobj" and prep.head.i == verb.i and subject is not None \
            and subject.i < prep.i < verb.i and noun.doc[prep.left_edge.i - 1].text == ","

    def _apposed_holder(self, ctx: ActorContext, noun: Token) -> list[Arg]:
        """"Poland, one of Ukraine's staunchest allies": the state the
        apposition describes holds the relation."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.dep_ != "appos":
            return []
        holder = prep.head.head  # "the Philippines and Japan, TWO of the US' allies": both
        return ctx.np_actors(holder, conjuncts=prep.head.lower_ != "one") if holder.i in ctx.actor_at else []

    def _relative_clause_actors(self, ctx: ActorContext, noun: Token) -> list[Arg]:
        """"a conflict in which both Iran and Saudi Arabia are entrenched"."""
        for c in noun.children:
            if c.dep_ == "relcl":
                return ctx.subjects(c)
        return []

    def _only_other_state(self, ctx: ActorContext, noun: Token, known: Arg) -> list[Arg]:
        """"As a key ally, Moscow ...": the partner is the one other state of the sentence."""
        sent = noun.sent
        others = {a for i, a, kind in ctx.mention_starts
                  if sent.start <= i < sent.end and a != known.actor and ctx.is_state_mention(kind)}
        return [Arg(others.pop(), noun, "coref")] if len(others) == 1 else []

    def _predicated_holder(self, ctx: ActorContext, noun: Token) -> list[Arg]:
        """"Chile has been one of Peru's staunchest allies", "Chile is Peru's ally",
        "Bolivia, one of Peru's supporters", "its two key allies, Lima and Quito":
        the state the noun is said of, or the states apposed to it."""
        named = [a for c in noun.children if c.dep_ == "appos" for a in ctx.np_actors(c)]
        owner = child(noun, "poss")
        if named and owner is not None:  # but "its allies Russia and China", "its" unresolved, are not each other's
            return named if ctx.np_actors(owner) else []
        head = noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NUM":
            head = noun.head.head  # "one of ..."
        if head.dep_ == "attr" and head.head.lemma_.lower() in self.lex.cue("copulas"):
            return ctx.subjects(head.head)  # "Rwanda has BECOME the CAR's security partner", "REMAINS Angola's partner"
        if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.dep_ == "prep" \
                and (described := child(head.head.head, "dobj")) is not None:
            return ctx.np_actors(described)  # "praised Brazil AS one of Russia's biggest suppliers": Brazil
        if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.lemma_.lower() in self.lex.cue("emerging_verbs"):
            return ctx.subjects(head.head.head)  # "Turkey has EMERGED AS Azerbaijan's most visible ally": Turkey
        if head is not noun and head.dep_ == "appos" and head.head.i in ctx.actor_at:
            before = [c for c in (head.head, *head.head.conjuncts) if c.i < head.i]
            holder = max(before, key=lambda c: c.i)  # "between Chile and Peru, one of ...": the nearest, Peru
            return ctx.np_actors(holder, conjuncts=False) if holder.i in ctx.actor_at else []
        return []

    def _reporter_as_party(self, ctx: ActorContext, noun: Token, objects: list[Arg]) -> tuple[list[Arg], list[Arg]]:
        """A state reporting on its own dealings is a party to them: "Turkey said TALKS with Russia
        were under way" (the subject of the clause a reporting verb governs, with no side of its own),
        "Armenia says CLASHES along the border WITH Azerbaijan killed two" (the other side across the border)."""
        clause = noun.head
        objects = objects or [a for p in noun.children if p.dep_ == "prep" for b in pobjs(p)
                              if b.lemma_.lower() in self.lex.cue("border_nouns") for q in b.children
                              if q.dep_ == "prep" and q.lower_ == "with" for o in pobjs(q) for a in ctx.np_actors(o)]
        if not objects or noun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" \
                or clause.head.lemma_.lower() not in self.lex.cue("reporting_verbs"):
            return [], objects
        return ctx.subjects(clause.head), objects

    def _fellow_guests(self, ctx: ActorContext, noun: Token) -> list[Arg]:
        """The states listed together in a gathering's with-phrase, who meet each other too:
        "an emergency summit WITH DR Congo AND Rwanda", "hosted a TRILATERAL meeting in Doha with X and Y";
        not "talks with X and Y" (often each apart)."""
        modifiers = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
        if (noun.lemma_.lower() not in self.lex.cue("gathering_nouns") and not modifiers & self.lex.cue("multiparty_modifiers")) \
                or modifiers & self.lex.cue("separate_meeting_modifiers"):
            return []
        holders = (noun, noun.head) if noun.dep_ == "dobj" else (noun,)  # "hosted a trilateral meeting in Doha WITH ..."
        guests = unique(a for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
                        for o in pobjs(p) if o.conjuncts for a in ctx.np_actors(o))
        return guests if len({a.actor for a in guests}) >= 2 else []

    _between_on_predicate = staticmethod(between_on_predicate)

    def _setting_pair(self, ctx: ActorContext, noun: Token) -> list[list[Arg]]:
        """A quarrel that names no side, the setting of a hostile act between two states, is theirs: "Riyadh
        severed ties with Doha AMID AN INTENSIFYING DISPUTE", "recalled its envoy from Accra OVER A ROW"; so is one that
        rose when two states acted: "TENSIONS flared when South Africa expelled Rwandan diplomats"."""
        prep = noun.head
        predicate = prep if noun.dep_ == "nsubj" else next((c for c in noun.children if c.dep_ == "acl"), None) \
            if noun.dep_ == "ROOT" else None  # "tensions FLARED", parsed as a participle on the noun too
        if predicate is not None and not any(c.dep_ in ("poss", "prep", "amod", "compound") and c.i in ctx.actor_at
                                             for c in noun.children):
            sides = self._sides_in_cause(ctx, predicate)  # "tensions flared WHEN South Africa expelled Rwandan diplomats"
            return [sides] if sides else []
        if noun.dep_ != "pobj" or prep.lower_ not in self.lex.cue("quarrel_setting_preps") or prep.head.pos_ != "VERB" \
                or any(c.dep_ in ("poss", "prep") for c in noun.children):  # not "a row OVER ...", "tensions WITH ..."
            return []
        verb = prep.head
        if not self.lex.hostile(verb.lemma_.lower()):
            return []  # "Kenya joined Uganda in a dispute": no act against the other
        subjects = unique(ctx.subjects(verb))
        known = frozenset(a.actor for a in subjects)
        direct = [c for c in verb.children if c.dep_ == "dobj"]
        heads = direct + [o for d in direct for q in d.children if q.dep_ == "prep" for o in pobjs(q)]  # "ties WITH Qatar"
        heads += [o for c in verb.children if c.dep_ == "prep" and c.i != prep.i for o in pobjs(c)]
        others = unique([a for o in heads for a in ctx.np_actors(o, exclude=known)])
        return [subjects + others] if len(subjects) == 1 and len(others) == 1 else []

