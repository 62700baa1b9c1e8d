"""Events held in another state's capital, or hosted by a state: the host meets its guests."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, pobjs, unique
from kg.nlp.extensions import PLACES_KEY


class VenueRules:
    """A meeting, talks or an arrival in a capital taken as a place, with one side
    named: "the Chilean foreign minister arrived in Lima", "Chilean delegations are in
    Lima to discuss", "a press conference in Lima with Chile's president" (CHL -> PER)."""

    @starts_on("venue_events")
    def _venue_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        if token.lemma_.lower() not in self.lex.cue("venue_events") or token.pos_ not in ("VERB", "NOUN", "PROPN"):
            return
        host = self._venue_host(ctx, token)
        if host is None:
            return
        if token.pos_ == "VERB":
            if self._troops_moving(token, self.visit_group):
                return  # "Kenyan soldiers arrived in Mogadishu": a deployment, no visit
            if any(p.dep_ == "prep" and p.lower_ in ("with", "between") for p in token.children) \
                    or any(c.dep_ == "dobj" and ctx.np_actors(c) for c in token.children):
                return  # the other side is named ("met WITH X", "met X in Luanda"): the existing rules read it
            guests = ctx.subjects(token)
        else:
            guests = self._venue_noun_guests(ctx, token)
        guests = unique(a for a in guests if a.actor != host.actor)
        visiting = token.dep_ in ("xcomp", "advcl") and token.head.lemma_ == "be"  # "X and Y are in Lima to discuss"
        if len(guests) == 1 or (guests and visiting):
            yield Candidate(self.visit_group, token.head if visiting else token, guests, [host])  # being there is factual

    def _venue_noun_guests(self, ctx: ActorContext, noun: Token) -> list[Arg]:
        """The one side of a nominal event: a with-phrase ("a press conference in Lima WITH
        X"), else its own modifiers, else the subject of the verb that holds it."""
        withs = [a for p in noun.children if p.dep_ == "prep" and p.lower_ == "with"
                 for o in pobjs(p) for a in ctx.np_actors(o)]
        if withs:
            return withs
        if any(p.dep_ == "prep" and p.lower_ == "between" for p in noun.children):
            return []
        own = self._direct_modifiers(ctx, noun)
        if own:
            return own
        governing = ctx.governing_verb(noun)
        return ctx.subjects(governing[0]) if governing is not None and governing[1] == "" else []

    def _venue_host(self, ctx: ActorContext, token: Token) -> Arg | None:
        """The state of a capital that is the place of the event: on the trigger, on the
        verb holding a nominal trigger ("held talks in Lima"), or on the "be" whose purpose
        clause the trigger is ("are in Lima to discuss")."""
        places = {t.i: span for span in ctx.doc.spans.get(PLACES_KEY, []) for t in span}
        heads = [token]
        if token.dep_ in ("dobj", "xcomp", "advcl") and token.head.pos_ in ("VERB", "AUX"):
            heads.append(token.head)
        preps = self.lex.cue("venue_preps")
        hosts = {places[o.i].kb_id_: Arg(places[o.i].kb_id_, o, "place") for h in heads for p in h.children
                 if p.dep_ == "prep" and p.lower_ in preps for o in pobjs(p) if o.i in places}
        return next(iter(hosts.values())) if len(hosts) == 1 else None

    def _ceremony_guests(self, ctx: ActorContext, verb: Token, ceremony: Token) -> Iterator[Candidate]:
        """"Ramaphosa and Nyusi attended Mnangagwa's INAUGURATION", "the swearing-in of Tanzania's
        president": a state's ceremony attended is a visit to it (CONSULT, guest -> host)."""
        hosts = unique([a for c in ceremony.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
                       + [a for p in ceremony.children if p.dep_ == "prep" and p.lower_ == "of"
                          for o in pobjs(p) for a in ctx.np_actors(o)])
        if len({a.actor for a in hosts}) != 1:
            return
        guests = [a for a in ctx.subjects(verb) if a.actor != hosts[0].actor]
        if guests:
            yield Candidate(self.visit_group, verb, guests, hosts[:1])

    @property
    def visit_group(self):
        """The trigger group of visits, written visitor -> host."""
        return next(g for g in self.lex.nouns["visit"] if g.relation == "CONSULT")

    @starts_on("hosting_verbs")
    def _hosted_meeting_candidates(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        """"Guatemala HOSTED talks with Mexico": the host meets the partner its meeting names
        (CONSULT); talks it hosts between others ("hosted talks between A and B", "talks hosted
        by Iraq") are theirs, not the host's."""
        consult = self.lex.group("meet", "CONSULT")
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lex.cue("hosting_verbs") or consult is None:
            return
        meeting = child(verb, "dobj")
        if meeting is None or not self._meeting(meeting):
            return
        hosts = ctx.subjects(verb)
        known = {a.actor for a in hosts}
        guests = [a for h in (meeting, verb) for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
                  for o in pobjs(p) for a in ctx.np_actors(o) if a.actor not in known]  # "hosted a meeting in Doha WITH"
        if hosts and guests:
            yield Candidate(consult, meeting, unique(hosts), unique(guests))
        fellows = [a for a in self._fellow_guests(ctx, meeting) if a.actor not in known]
        if len({a.actor for a in fellows}) >= 2:  # "hosted a TRILATERAL meeting with X and Y": X and Y meet too
            yield Candidate(consult, meeting, fellows, [], mutual=True)

    @starts_on("attending_verbs")
    def _attendance_candidates(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        """"The summit was hosted by Ghana and ATTENDED BY Togo and Benin", "Kenya and Uganda attended
        the summit": those taking part in a meeting, and its host, meet each other (relations.md:
        talks with several parties give every pair)."""
        consult = self.lex.group("meet", "CONSULT")
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lex.cue("attending_verbs") or consult is None:
            return
        head = verb.head if verb.dep_ == "conj" else None
        meeting = verb.head if verb.dep_ == "acl" else (
            child(verb, "dobj") or child(verb, "nsubjpass") or (child(head, "nsubjpass") if head is not None else None))
        ceremonies = self.lex.cue("state_ceremonies")
        if meeting is not None and (meeting.lemma_.lower() in ceremonies or any(
                c.dep_ == "compound" and c.lemma_.lower() in ceremonies for c in meeting.children)):  # "inauguration ceremony"
            yield from self._ceremony_guests(ctx, verb, meeting)
            return
        if meeting is None or not self._meeting(meeting):
            return
        agents = [a for g in verb.children if g.dep_ == "agent" for o in pobjs(g) for a in ctx.np_actors(o)]
        attendees = agents or ([] if verb.dep_ == "acl" else ctx.subjects(verb))
        hosting = [h for h in (head, *(c for c in meeting.children if c.dep_ == "acl"))
                   if h is not None and h.lemma_.lower() in self.lex.cue("hosting_verbs")]
        hosts = [a for h in hosting for g in h.children if g.dep_ == "agent" for o in pobjs(g) for a in ctx.np_actors(o)]
        parties = unique(attendees + hosts)
        if len({a.actor for a in parties}) >= 2:
            yield Candidate(consult, meeting, parties, [], mutual=True)
