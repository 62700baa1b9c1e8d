"""Claims between states: rejecting a claim made in the sentence before ("Lima fears the dam will cut its water.
Quito dismissed the assertion": Quito OPPOSE Lima, relations.md on rejecting another state's claim), and alleging
that a state did something ("Ethiopia alleges that Eritrea is supporting rebels": an accusation)."""
from __future__ import annotations

from typing import Container, Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, pobjs, unique
from kg.knowledge.lexicon import Lexicon


class ClaimRules:
    """Rejecting a claim made in the sentence before: its maker is opposed."""

    def _earlier_claimant(self, ctx: ActorContext, verb: Token, subjects: list[Arg]) -> list[Arg]:
        """The one state that is the subject of the previous sentence, for a rejecting verb whose
        object is a definite claim of nobody named ("dismissed THE assertion")."""
        obj = child(verb, "dobj") or child(verb, "nsubjpass")  # "THIS STANCE is firmly rejected by Athens"
        if verb.lemma_.lower() not in self.lex.cue("rejecting_verbs") or obj is None \
                or obj.lemma_.lower() not in self.lex.cue("claim_nouns") \
                or not is_definite(obj) \
                or any(c.i in ctx.actor_at for c in obj.subtree if c.i != obj.i):  # "the claim BY BOLIVIA" names its maker
            return self._named_maker(ctx, obj) if obj is not None and verb.lemma_.lower() in self.lex.cue("rejecting_verbs") else []
        return previous_sole_subject(ctx, verb, {a.actor for a in subjects}, self.lex.cue("claiming_verbs"),
                                     self.lex.cue("claim_nouns"))  # "Sudan LEVELED ACCUSATIONS against"

    def _named_maker(self, ctx: ActorContext, obj: Token) -> list[Arg]:
        """"rejected the proposals put forward BY EGYPT": the agent of a participle on a claim noun."""
        if obj.lemma_.lower() not in self.lex.cue("claim_nouns"):
            return []
        return [a for v in obj.children if v.dep_ == "acl" for w in (v, *v.conjuncts)  # "put forward by Egypt AND
                for g in w.children if g.dep_ == "agent"                              # SUPPORTED BY Sudan": both
                for o in g.children if o.dep_ == "pobj" for a in ctx.np_actors(o)] \
            + [a for p in obj.children if p.dep_ == "prep" and p.lower_ in ("from", "by")  # "criticism FROM Cairo"
               for o in p.children if o.dep_ == "pobj" for a in ctx.np_actors(o)]

    @starts_on("alleging_verbs", "hostile_claim_verbs", "justifying_verbs")
    def _allegation_candidates(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        """"Ethiopia ALLEGES THAT Eritrea is supporting rebels": the one alleging opposes the one
        accused, as with "accused Eritrea of" (relations.md: accusations); so does one claiming a
        hostile act: "Myanmar CLAIMED THAT Thai troops opened fire" (not "claimed that X agreed"), and one
        justifying a hostile act of its own by what another did: "recalled its envoy, SAYING Ghana was ..."."""
        if verb.pos_ != "VERB":
            return
        # "Togo recalled its envoy, SAYING Ghana was supporting rebels": a hostile act justified by what the other did
        justified = verb.lemma_.lower() in self.lex.cue("justifying_verbs") and verb.tag_ == "VBG" \
            and verb.dep_ in ("advcl", "xcomp") and self._hostile_act(verb.head)
        if verb.lemma_.lower() in self.lex.cue("justifying_verbs") and not justified:
            return
        alleging = verb.lemma_.lower() in self.lex.cue("alleging_verbs") or justified
        accusers = ctx.subjects(verb)
        known = {a.actor for a in accusers}
        accused = [a for clause in verb.children if clause.dep_ == "ccomp" and (alleging or self._hostile_act(clause))
                   for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")
                   for a in ctx.np_actors(s) if a.actor not in known]
        group = self.lex.group("accuse", "OPPOSE")
        if accusers and accused and group is not None:
            yield Candidate(group, verb, accusers, unique(accused))

    def _hostile_act(self, verb: Token) -> bool:
        """Whether ``verb`` (or a phrase it starts: "opened fire") is a trigger of a hostile relation."""
        lemma = verb.lemma_.lower()
        groups = list(self.lex.verbs.get(lemma, ())) + [
            g for words, g in self.lex.phrases.get(lemma, ()) if self._phrase_at(verb, words)]
        return any(g.relation in self.lex.cue("hostile_relations") for g in groups)

    def _hostile_noun(self, noun: Token) -> bool:
        """Whether ``noun`` is a trigger noun of a hostile relation ("raids", "war")."""
        return self.lex.hostile(noun.lemma_.lower(), noun=True)

    @starts_on("pejorative_names", "dismissive_names", "pejorative_modifiers")
    def _pejorative_predicate_candidates(self, ctx: ActorContext, noun: Token) -> Iterator[Candidate]:
        """"Ruto said Somalia WAS A THREAT", "Egypt considers Ethiopia A THREAT", "views Eritrea AS an
        aggressor": a state said or held to be a pejorative thing is opposed by the one saying it
        (as "called China a threat" is); so is one whose act is described as a dismissive thing:
        "described Chile's decision AS DISAPPOINTING", "branded the move AS a provocation"."""
        lemma, head, trigger = noun.lemma_.lower(), noun.head, noun
        dismissive = lemma in self.lex.cue("dismissive_names") and noun.pos_ in ("NOUN", "ADJ")
        if not dismissive and noun.dep_ in ("compound", "amod") and head.pos_ == "NOUN" and (
                lemma in self.lex.cue("pejorative_names") | self.lex.cue("pejorative_modifiers")):
            noun, head = head, head.head  # "called the UAE an AGGRESSOR state", "branded Rwanda a BAD neighbour"
        elif not dismissive and (noun.pos_ != "NOUN" or lemma not in self.lex.cue("pejorative_names")):
            return
        if dismissive and noun.dep_ in ("pobj", "amod") and head.lower_ == "as" and head.dep_ == "prep":
            # only after "as" ("called X's claims nonsense" is read elsewhere), on the verb or its object
            named, holder = (head.head, head.head.head) if head.head.dep_ == "dobj" else (child(head.head, "dobj"), head.head)
        elif dismissive and noun.dep_ in ("acomp", "attr") and head.lemma_ == "be" and head.dep_ == "ccomp" \
                and (subject := child(head, "nsubj")) is not None and ctx.modifier_actors(subject):
            named, holder = subject, head.head  # "said ALGERIA'S actions were UNJUSTIFIED": its owner
        elif dismissive and noun.dep_ in ("acomp", "attr") and head.lemma_ == "be" and head.dep_ == "ccomp" \
                and (clause := extraposed_clause(head)) is not None:
            named, holder = child(clause, "nsubj", "nsubjpass"), head.head  # "said IT was UNFORTUNATE THAT THE US
            # was imposing tariffs": the doer of the act judged
        elif dismissive:
            return
        elif noun.dep_ == "attr" and head.lemma_ == "be" and head.dep_ == "ccomp":  # "said Somalia WAS a threat"
            named, holder = child(head, "nsubj"), head.head
        elif noun.dep_ in ("ccomp", "xcomp", "oprd") and head.lemma_.lower() in self.lex.cue("regarding_verbs"):
            named, holder = child(noun, "nsubj") or child(head, "dobj"), head  # "considers Ethiopia a threat"
        elif noun.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in self.lex.cue("regarding_verbs"):
            named, holder = child(head.head, "dobj"), head.head  # "views Eritrea AS an aggressor"
        elif noun.dep_ in ("dobj", "npadvmod") and head.lemma_.lower() in self.lex.cue("regarding_verbs"):  # the name
            named, holder = next((d for d in head.children if d.dep_ == "dobj" and d.i < noun.i), None), head  # as an object
        elif noun.dep_ == "appos" and head.dep_ == "dobj" and head.head.lemma_.lower() in self.lex.cue("regarding_verbs"):
            named, holder = head, head.head  # "declared Chile AN AGGRESSOR STATE" parsed as an apposition
        else:
            return
        if named is None or holder.pos_ != "VERB" or holder.lemma_.lower() not in \
                self.lex.cue("regarding_verbs") | self.lex.cue("reporting_verbs"):
            return
        holders = ctx.subjects(holder)
        known = {a.actor for a in holders}
        targets = [a for a in ctx.np_actors(named) if a.actor not in known]
        group = self.lex.group("condemn", "OPPOSE")
        if holders and targets and group is not None:
            yield Candidate(group, trigger, holders, unique(targets))

    @starts_on("refusing_verbs")
    def _refused_recognition_candidates(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        """Refusing to recognise what a state claims or holds rejects it (OPPOSE, relations.md): "Colombia REFUSED
        TO RECOGNIZE Venezuela's election", "declined to recognise the re-election of Maduro"."""
        group = self.lex.group("reject", "OPPOSE")
        clauses = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in self.lex.cue("recognition_verbs")]
        subjects = ctx.subjects(verb) if clauses and group is not None else []
        known = frozenset(a.actor for a in subjects)
        for clause in clauses if subjects else []:
            objects = [a for o in clause.children if o.dep_ == "dobj"
                       for a in ctx.np_actors(o, known) or ctx.of_phrase_actors(o, known)]
            if objects:
                yield Candidate(group, verb, subjects, unique(objects))

    def _cause_accuser(self, ctx: ActorContext, noun: Token, group) -> list[Arg]:
        """An accusation named as the cause of a measure is the measure taker's: "Ghana cut ties with
        Togo OVER ALLEGATIONS that Lome armed dissidents" (Ghana accuses)."""
        head = noun.head
        if group.relation != "OPPOSE" or noun.lemma_.lower() not in self.lex.cue("accusation_nouns") \
                or noun.dep_ != "pobj" or head.lower_ not in self.lex.cue("cause_preps") | self.lex.cue("ended_preps") \
                or head.head.pos_ != "VERB":
            return []
        return ctx.subjects(head.head)

    def _alleged_grounds(self, candidates: list[Candidate]) -> list[Candidate]:
        """A measure taken for an alleged deed accuses the state it is taken against: "Chad expelled
        two Sudanese diplomats FOR ALLEGED espionage", "cut ties with Ukraine, CITING Kyiv's ALLEGED support
        for rebels" (OPPOSE besides the SANCTION; relations.md: accusations)."""
        alleging, citing, found = self.lex.cue("alleging_modifiers"), self.lex.cue("citing_verbs"), []
        for cand in candidates:
            verb = cand.trigger
            if cand.group.relation != "SANCTION" or verb.pos_ != "VERB" or not cand.subjects or not cand.objects:
                continue
            grounds = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("for", "over") for o in pobjs(p)]
            grounds += [d for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in citing
                        for d in c.children if d.dep_ == "dobj"]
            if any(c.dep_ == "amod" and c.lower_ in alleging for g in grounds for c in g.children):
                found.append(Candidate(self.lex.group("condemn", "OPPOSE"), verb, cand.subjects, cand.objects))
        return found


def extraposed_clause(verb: Token) -> Token | None:
    """The that-clause an "it" subject of ``verb`` stands for: "it was unfortunate THAT THE US WAS IMPOSING ..."."""
    subject = child(verb, "nsubj")
    if subject is None or subject.lower_ != "it":
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i > subject.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def earlier_actor(ctx: ActorContext, verb: Token, known: set[str], lex: Lexicon, inverse: bool = False) -> list[Arg]:
    """The one state that acted in the sentence before, for a reaction to "the move", "the decision" or "it"
    that names no state: "Niger cut ties with France. Paris called THE DECISION regrettable" (France opposes
    Niger), "... THE MOVE angered Bogota", "The decision was welcomed by Russia"."""
    deed = next((c for c in verb.children if c.dep_ in (("nsubj",) if inverse else ("dobj", "nsubjpass"))  # "THE MOVE angered"
                 and (c.lemma_.lower() in lex.cue("reaction_deeds") or c.lower_ in lex.cue("reaction_deeds"))), None)
    if deed is None \
            or (deed.pos_ == "NOUN" and not is_definite(deed)) \
            or any(c.i in ctx.actor_at for c in deed.subtree):
        return []
    return previous_sole_subject(ctx, verb, known, lex.verbs, lex.nouns)  # "imposed SANCTIONS"


def previous_sole_subject(ctx: ActorContext, verb: Token, known: set[str], verbs: Container[str],
                          objects: Container[str]) -> list[Arg]:
    """The one state (not in ``known``) subject of the sentence before ``verb``'s, when that sentence's main verb
    is one of ``verbs`` or has a direct object among ``objects``; none otherwise."""
    if verb.sent.start == 0:
        return []
    root = verb.doc[verb.sent.start - 1].sent.root
    if root.lemma_.lower() not in verbs and not any(d.dep_ == "dobj" and d.lemma_.lower() in objects for d in root.children):
        return []
    found = [a for a in ctx.subjects(root) if a.actor not in known]
    return found if len({a.actor for a in found}) == 1 else []


def is_definite(noun: Token) -> bool:
    """Whether ``noun`` has a definite or demonstrative determiner: "THE assertion", "THIS decision"."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children)
