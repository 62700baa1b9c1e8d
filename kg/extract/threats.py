"""Threats that carry their act: "vowed to retaliate against X" is the threat, not a (hypothetical) attack; a
response announced or threatened is aimed at the attacker named in the sentence; an attack condemned by the only
other state named was on it."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, phrase_at, pobjs, unique
from kg.knowledge.lexicon import Lexicon


class ThreatRules:
    """Threats that carry their act: a response threatened is the threat itself."""

    def _threats_of_acts(self, candidates: list[Candidate]) -> list[Candidate]:
        """A threat whose complement is a hostile act on a state threatens that state:
        "Britain THREATENED to cut aid to Malawi" (SANCTION, hypothetical) is also GBR THREATEN MWI."""
        found = []
        for cand in candidates:
            verb = cand.trigger
            while verb.pos_ != "VERB" and verb.dep_ in ("dobj", "pobj", "prep") and verb.head.i != verb.i:
                verb = verb.head  # "threatened to impose SANCTIONS on": up to the verb of the act
            threat = verb.head
            if cand.group.relation in self.lex.cue("threatened_acts") and cand.objects and (
                    (verb.dep_ in ("xcomp", "ccomp") and self.lex.group(threat.lemma_.lower(), "THREATEN") is not None)
                    or (verb.dep_ == "acl" and self.lex.group(threat.lemma_.lower(), "THREATEN", noun=True) is not None)):
                found.append(Candidate(self.lex.group("threaten", "THREATEN"), threat, cand.subjects, cand.objects))
            elif cand.group.relation in self.lex.cue("threatened_acts") and cand.objects and (
                    self._on_condition(verb) or (cand.trigger.lemma_.lower() in self.lex.cue("response_verbs")
                                                 and told_response(threat, self.lex, self.lex.cue("reporting_verbs")))):
                said = verb.head if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.lex.cue("reporting_verbs") else verb
                found.append(Candidate(self.lex.group("threaten", "THREATEN"), said, cand.subjects, cand.objects))
                # the threat is made when it is said: "Lula SAID he will impose tariffs on the US if ..."
        return found

    def _on_condition(self, verb: Token) -> bool:
        """A hostile act stated on a condition is a threat: "will impose tariffs on the US IF Trump follows
        through", "voted to suspend aid to Russia UNLESS it withdrew" (not "will NOT attack if ...")."""
        holders = [verb, verb.head] if verb.dep_ in ("xcomp", "ccomp") else [verb]
        return not any(c.dep_ == "neg" for c in verb.children) and any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
            for h in holders for c in h.children)

    def _threatened_response(self, verb: Token) -> bool:
        """A response verb in the complement of a threat gives way to it: "vowed to RETALIATE against X"."""
        if verb.lemma_.lower() not in self.lex.cue("response_verbs") or verb.dep_ not in ("xcomp", "ccomp"):
            return False
        return any(g.relation == "THREATEN" for g in self.lex.verbs.get(verb.head.lemma_.lower(), ()))

    def _threatened_noun(self, noun: Token, verb: Token) -> bool:
        """A hostile act named as the object of a threat: "threatened an INVASION of Niger",
        "warned of military INTERVENTION in Niger" (a threat, and the act, hypothetical)."""
        return any(g.relation == "THREATEN" for g in self.lex.verbs.get(verb.lemma_.lower(), ())) \
            and any(g.relation in self.lex.cue("threatened_acts") for g in self.lex.nouns.get(noun.lemma_.lower(), ()))

    def _threatened_through(self, noun: Token, verb: Token | None, prep: str) -> bool:
        """The noun is the act a threat verb names, directly or after its preposition ("warned OF war")."""
        return verb is not None and (prep == "" or prep in self.lex.cue("threatened_act_preps")) \
            and self._threatened_noun(noun, verb)

    def _threatened_noun_targets(self, ctx: ActorContext, verb: Token, known: frozenset[str]) -> list[Arg]:
        """The target of a hostile act that is the threat's object: Niger in "threatened an invasion of Niger"."""
        named = [d for d in verb.children if d.dep_ == "dobj"]
        named += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in self.lex.cue("threatened_act_preps")
                  for o in pobjs(p)]  # "warned OF war with X", "threatened X WITH strikes"
        acts = [d for d in named if self._threatened_noun(d, verb)]
        return [a for act in acts for g in self.lex.nouns[act.lemma_.lower()] if g.relation in self.lex.cue("threatened_acts")
                for c in self._noun_candidates(ctx, act, g) for a in c.objects if a.actor not in known]

    def _threatened_course_targets(self, ctx: ActorContext, verb: Token, known: frozenset[str]) -> list[Arg]:
        """The one state in a prepositional phrase of the course threatened: "France threatened to pull its
        troops OUT OF MALI", "threatened to withdraw from the talks with Kenya" (Mali, Kenya)."""
        states = unique(a for c in verb.children if c.dep_ == "xcomp" and any(x.lower_ == "to" for x in c.children)
                        and not friendly_course(c, self.lex)  # not "vowed to STAND BY X": a pledge
                        for t in c.subtree if t.dep_ == "pobj" for a in ctx.np_actors(t, conjuncts=False)
                        if a.via == "head" and a.actor not in known)
        return states if len({a.actor for a in states}) == 1 else []

    def _consequence_owners(self, ctx: ActorContext, verb: Token, known: frozenset[str]) -> list[Arg]:
        """A warning that a state's act will have consequences threatens that state: "Iran warned that
        the U.S. STRIKES will have everlasting CONSEQUENCES", "Kenya warned that SOMALIA'S decision would
        come at a cost"; so does one of consequences FOR a state."""
        consequences = self.lex.cue("consequence_nouns")
        causes = [child(c, "nsubj") for c in verb.children if c.dep_ == "ccomp"]
        caused_by_act = all(c is None or c.lemma_.lower() in self.lex.nouns or c.lemma_.lower() in self.lex.cue("deciding_nouns")
                            for c in causes)  # "the DEAL would have consequences for X", not "the drought"
        borne = [a for t in verb.subtree if t.lemma_.lower() in consequences for p in t.children
                 if p.dep_ == "prep" and p.lower_ == "for" for o in pobjs(p) for a in ctx.np_actors(o) if a.actor not in known]
        if borne and caused_by_act:  # "warned of serious consequences FOR TAIWAN": the one to bear them
            return borne
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            subject = child(clause, "nsubj")
            if subject is not None and any(t.lemma_.lower() in consequences for t in clause.subtree if t.i > subject.i):
                return [a for a in ctx.np_actors(subject) + ctx.modifier_actors(subject) if a.actor not in known]
        return []

    def _retaliated(self, ctx: ActorContext, cand: Candidate) -> Candidate:
        """An attack with no target, made in retaliation for another state's attack, hits that state:
        "Iran's attack came IN RETALIATION FOR an Israeli strike" (Israel), "fired missiles in response to
        Israel's strike"."""
        if cand.group.relation != "ATTACK" or cand.objects or not cand.subjects:
            return cand
        known = {a.actor for a in cand.subjects}
        anchors = {cand.trigger.i, cand.trigger.head.i}
        for word in cand.trigger.sent:
            if word.lemma_.lower() in self.lex.cue("retaliation_nouns") and word.dep_ == "pobj" \
                    and word.head.head.i in anchors:  # "[attack] came IN RETALIATION for"
                owners = [a for p in word.children if p.dep_ == "prep" and p.lower_ in ("for", "to") for o in pobjs(p)
                          if any(g.relation == "ATTACK" for g in self.lex.nouns.get(o.lemma_.lower(), ()))
                          for c in o.children if c.dep_ in ("poss", "amod", "compound") and c.i in ctx.actor_at
                          for a in ctx.np_actors(c, conjuncts=False) if a.actor not in known]
                if owners:
                    return replace(cand, objects=owners)
        return cand

    def _threatened_act_target(self, ctx: ActorContext, clause: Token, known: set[str]) -> list[Arg]:
        """The one a threatened hostile act is aimed at, as its direct object:
        "threatened to INVADE Peru", "warned it would SANCTION Chile"."""
        acts = self.lex.cue("threatened_acts")
        clause = next((x for a in clause.children if a.dep_ == "acomp" and a.lower_ in self.lex.cue("hypothetical_modifiers")
                       for x in a.children if x.dep_ == "xcomp"), clause)  # "warned it was READY TO STRIKE Togo"
        if not any(g.relation in acts for g in self.lex.verbs.get(clause.lemma_.lower(), ())):
            return []
        obj = child(clause, "dobj")
        return [a for a in ctx.np_actors(obj) if a.actor not in known] if obj is not None else []

    def _attackers_in_sentence(self, ctx: ActorContext, token: Token, known: set[str]) -> list[Arg]:
        """The one waging side named (by demonym or possessor) on the attacks of the sentence:
        "after Peruvian strikes, Chile vowed to respond" -> Peru; none when several."""
        found: list[Arg] = []
        for noun in token.sent:
            if noun.pos_ in ("NOUN", "PROPN") and any(g.relation == "ATTACK" for g in self.lex.nouns.get(noun.lemma_.lower(), ())):
                found += [a for c in noun.children if c.dep_ in ("poss", "amod", "compound") and c.i in ctx.actor_at
                          for a in ctx.np_actors(c, conjuncts=False) if a.actor not in known]
        return found if len({a.actor for a in found}) == 1 else []

    @starts_on("response_verbs")
    def _response_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        """A state said to be about to respond threatens the one it tells, or the attacker named in the sentence:
        "TOLD the Netherlands that it would retaliate", "condemned the Peruvian attacks and said Chile will
        respond" (THREATEN; the saying is the threat)."""
        if token.pos_ != "VERB" or not said_response(token, self.lex) \
                or any(c.dep_ == "prep" and c.lower_ in self.lex.cue("retaliation_preps") for c in token.children):
            return
        group, subject = self.lex.group("threaten", "THREATEN"), child(token, "nsubj")
        subjects = ctx.np_actors(subject) if subject is not None else []
        if group is None or not subjects:
            return
        known = {a.actor for a in subjects}
        targets = told_parties(ctx, token.head, known) or self._attackers_in_sentence(ctx, token, known)
        if targets:
            yield Candidate(group, token.head, subjects, targets)

    def _condemner_as_target(self, ctx: ActorContext, cand: Candidate) -> Candidate:
        """An attack or measure with its side named but no target, condemned by the only other state of the passage,
        hit that state: "Chile condemned the Peruvian strikes", "Venezuela denounced the US sanctions"; not one that
        names where it struck: "the US criticized Russia's military action IN Chechnya"."""
        noun = cand.trigger
        if cand.group.relation not in ("ATTACK", *self.lex.cue("measure_relations")) or cand.objects or not cand.subjects or noun.dep_ != "dobj" \
                or noun.head.lemma_.lower() not in self.lex.cue("condemning_verbs") \
                or any(p.dep_ == "prep" and p.lower_ == "in" and not any(c.dep_ == "poss" for c in o.children)
                       for p in [*noun.children, *(c for c in noun.head.children if c.i > noun.i)]
                       for o in pobjs(p)):  # but "strikes IN ITS territory" were on it
            return cand
        condemners = [a for a in ctx.subjects(noun.head) if a.actor not in {s.actor for s in cand.subjects}]
        named = {a for _, a, kind in ctx.mention_starts if ctx.is_state_mention(kind)}  # states, not organisations
        if len({a.actor for a in condemners}) == 1 and named == {a.actor for a in cand.subjects + condemners}:
            return replace(cand, objects=condemners)
        return cand

    def _occupied_owner(self, ctx: ActorContext, verb: Token, subjects: list[Arg]) -> list[Arg]:
        """Land taken in a relative clause belongs to the one other state of the sentence:
        "Georgia wants back the territories THAT Russia occupies" (Russia ATTACK Georgia)."""
        land = verb.head
        if verb.dep_ != "relcl" or land.lemma_.lower() not in self.lex.cue("territory_nouns") \
                or any(t.i in ctx.actor_at for t in land.subtree if t.i < verb.left_edge.i and t.i != land.i) \
                or any(c.dep_ == "prep" for c in verb.children):
            return []
        sent = verb.sent
        others = ctx.actors_in(sent.start, sent.end) - {a.actor for a in subjects}
        if len(others) != 1:
            return []
        return [a for t in sent if t.i in ctx.actor_at and t.i not in range(verb.left_edge.i, verb.right_edge.i + 1)
                for a in ctx.np_actors(t, conjuncts=False) if a.actor in others][:1]

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
                found = found or self._threatened_act_target(ctx, clause, known)
                if not found and clause.lemma_.lower() in self.lex.cue("response_verbs"):
                    found = self._attackers_in_sentence(ctx, clause, known)  # "threatened to retaliate after Peruvian strikes"
                if found:
                    return found
                subject = child(clause, "nsubj")  # "warned that Peru would pay a heavy price"
                if subject is not None and clause.lemma_.lower() in self.lex.cue("threatened_fates"):
                    found = [a for a in ctx.np_actors(subject) if a.actor not in known]
                    if found:
                        return found
        return []


def told_response(verb: Token, lex: Lexicon, verbs: frozenset[str] | None = None) -> bool:
    """Whether ``verb`` (by default a telling verb) tells of a response to come: "Turkey TOLD the Netherlands it
    WOULD RETALIATE", "SAID it would retaliate against X" are threats (:meth:`ThreatRules._response_candidates`),
    no consultation."""
    return verb.lemma_.lower() in (verbs or lex.cue("telling_verbs")) and any(said_response(c, lex) for c in verb.children)


def said_response(verb: Token, lex: Lexicon) -> bool:
    """Whether ``verb`` is a response to come in what is said: "said Chile WILL RESPOND"."""
    return verb.dep_ == "ccomp" and verb.lemma_.lower() in lex.cue("response_verbs") \
        and any(a.dep_ == "aux" and a.lower_ in lex.cue("modal_aux") for a in verb.children)


def told_parties(ctx: ActorContext, verb: Token, known: set[str]) -> list[Arg]:
    """The states a telling verb tells ("TOLD THE NETHERLANDS it would retaliate"), other than ``known``."""
    if verb.lemma_.lower() not in ctx.lex.cue("telling_verbs"):
        return []
    return [a for c in verb.children if c.dep_ in ("dobj", "dative") for a in ctx.np_actors(c) if a.actor not in known]


def friendly_course(verb: Token, lex: Lexicon) -> bool:
    """Whether a course vowed is friendly: a trigger verb or phrase of no hostile relation ("vowed to STAND BY X")."""
    groups = list(lex.verbs.get(verb.lemma_.lower(), ())) + [
        g for words, g in lex.phrases.get(verb.lemma_.lower(), ()) if phrase_at(verb, words)]
    return bool(groups) and not any(g.relation in lex.cue("hostile_relations") for g in groups)
