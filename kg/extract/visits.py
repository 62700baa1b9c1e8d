"""What is done during a visit: "During a state visit to Nigeria, Modi signed a pact" (the
visitor meets the host, and the host is the partner of what the visitor does there)."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext, capital_place
from kg.extract.syntax import Arg, is_infinitive, pobjs, unique


class VisitFrames:
    """A visit named in an adjunct of a verb ("during his visit to X", "on a trip to X")
    gives that verb's subject as the visitor, and X as the partner of the symmetric acts
    (talks, deals, cooperation) that have no partner of their own."""

    def _arrival_place(self, ctx: ActorContext, verb: Token) -> list[Arg]:
        """The state troops or a state arrive in to help: "Chadian troops ARRIVED IN Cameroon TO HELP fight
        Boko Haram" (the helped is where they came; a purpose clause of a motion verb)."""
        head = verb.head
        if verb.dep_ not in ("advcl", "xcomp") or head.lemma_.lower() not in self.lex.cue("motion_verbs") \
                or not is_infinitive(verb):
            return []
        known = {a.actor for a in ctx.subjects(head)}
        return [a for p in head.children if p.dep_ == "prep" and p.lower_ in ("in", "to", "into") for o in pobjs(p)
                for a in ctx.np_actors(o) or capital_place(ctx, o) if a.actor not in known]

    def _visit_host(self, ctx: ActorContext, verb: Token) -> tuple[Token, Arg] | None:
        """The visit noun in an adjunct of ``verb`` and the state it goes to, or None."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in self.lex.cue("visit_frame_preps"):
                continue
            for visit in pobjs(prep):
                if visit.lemma_.lower() not in self.lex.cue("visit_nouns"):
                    continue
                hosts = unique(a for to in visit.children if to.dep_ == "prep" and to.lower_ == "to"
                               for o in pobjs(to) for a in ctx.np_actors(o, conjuncts=False) if a.via == "head")
                if len(hosts) == 1:
                    return visit, hosts[0]
        return None

    @staticmethod
    def _framing_verb(token: Token) -> Token | None:
        """The verb whose act ``token`` is: itself, or the verb of which it is the object
        ("signed a DEAL"), not a topic further down ("talks on TRADE")."""
        if token.pos_ in ("VERB", "AUX"):
            return token
        return token.head if token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX") else None

    def _visitors(self, ctx: ActorContext, visit: Token) -> list[Arg]:
        """The visitor of a visit noun held by an adjunct: the subject of the verb it modifies
        ("During HIS visit to Kenya, XI held talks")."""
        if visit.dep_ == "pobj" and visit.head.lower_ == "of" and visit.head.head.dep_ == "pobj":
            visit = visit.head.head  # "following YEARS OF talks with Nepal", "after two ROUNDS OF talks"
        prep = visit.head
        if visit.dep_ != "pobj" or prep.lower_ not in self.lex.cue("visit_frame_preps") \
                or prep.head.pos_ not in ("VERB", "AUX") or prep.head.lemma_ == "be":
            return []  # "Eritrea IS the fourth country he visited, after visits to Egypt": Eritrea visits none
        return ctx.subjects(prep.head)

    def _visit_roles(self, ctx: ActorContext, cand: Candidate) -> Candidate:
        """A visit or meeting in an adjunct with no visitor of its own: the subject of the verb it modifies;
        a symmetric act of one state with no partner, done during a visit to another state:
        the host is the partner ("On a visit to Ghana, Erdogan signed a trade deal")."""
        if cand.group.relation == "CONSULT" and cand.trigger.pos_ == "VERB" and cand.subjects and cand.objects \
                and cand.trigger.lemma_.lower() in self.lex.cue("motion_verbs"):
            cand = replace(cand, subjects=unique(cand.subjects + self._fellow_travellers(ctx, cand)))
        if not cand.subjects and cand.objects and cand.trigger.pos_ == "NOUN" and (
                cand.group.relation == "CONSULT" or cand.group.mutual):  # "DURING TALKS WITH Ramaphosa, Xi said",
            # "Ethiopia signed the deal AMID TENSIONS WITH Egypt"
            visitors = [a for a in self._visitors(ctx, cand.trigger) if a.actor not in {o.actor for o in cand.objects}]
            return replace(cand, subjects=visitors) if visitors else cand
        if cand.objects or cand.mutual or cand.group.relation not in self.symmetric \
                or len({a.actor for a in cand.subjects}) != 1:
            return cand
        verb = self._framing_verb(cand.trigger)
        found = self._visit_host(ctx, verb) if verb is not None else None
        if found is None or found[0].i == cand.trigger.i or found[1].actor == cand.subjects[0].actor:
            met = self._met_partner(ctx, verb, cand.subjects) if verb is not None else []
            return replace(cand, objects=met) if met else cand  # "Egypt met Sudan and SIGNED A DEAL": with Sudan
        return replace(cand, objects=[found[1]])

    @staticmethod
    def _fellow_travellers(ctx: ActorContext, cand: Candidate) -> list[Arg]:
        """States travelling with the visitor visit too: "Meloni visited Tunis WITH Dutch Prime Minister
        Rutte", "..., ACCOMPANIED BY Portugal's prime minister"."""
        verb, known = cand.trigger, {a.actor for a in cand.subjects + cand.objects}
        withs = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in pobjs(p)]
        withs += [o for v in verb.children if v.dep_ in ("advcl", "acl") and v.lemma_.lower() == "accompany"
                  for g in v.children if g.dep_ == "agent" for o in pobjs(g)]
        return [a for o in withs for a in ctx.np_actors(o) if a.actor not in known]

    def _met_partner(self, ctx: ActorContext, verb: Token, subjects: list[Arg]) -> list[Arg]:
        """The state met in the act an agreement is conjoined to or is the purpose of: "Egypt MET Sudan and
        signed a deal", "met his Sudanese counterpart in Cairo TO SIGN the deal" (the deal is with Sudan)."""
        head = verb.head
        purpose = verb.dep_ in ("advcl", "xcomp") and is_infinitive(verb)
        if (verb.dep_ != "conj" and not purpose) or not any(g.relation == "CONSULT" for g in self.lex.verbs.get(head.lemma_.lower(), ())):
            return []
        return self._guests(ctx, head, {a.actor for a in subjects})

    @staticmethod
    def _guests(ctx: ActorContext, meeting: Token, known: set[str]) -> list[Arg]:
        """The states a meeting verb's object or with-phrase names, other than ``known``: "met SUDAN",
        "spoke WITH Egypt"."""
        return [a for d in meeting.children if d.dep_ == "dobj" or (d.dep_ == "prep" and d.lower_ == "with")
                for o in ([d] if d.dep_ == "dobj" else pobjs(d)) for a in ctx.np_actors(o) if a.actor not in known]

    def _meeting_outcome_parties(self, ctx: ActorContext, pact: Token) -> list[Arg]:
        """The parties of a meeting whose outcome a pact with no parties of its own is: "Erdogan welcomed
        Sisi to Ankara, CULMINATING IN the signing of 17 agreements" (host and guest), through the event
        nouns ("signing of") and the participle between them; none when no meeting verb is reached."""
        node = pact
        for _ in range(4):
            prep = node.head
            if node.dep_ != "pobj" or prep.dep_ != "prep":
                return []
            node = prep.head
            if node.pos_ == "VERB" and node.dep_ in ("advcl", "conj") and node.tag_ in ("VBG", "VBD"):
                meeting = node.head
                break
        else:
            return []
        lemma = meeting.lemma_.lower()
        if not (lemma in self.lex.cue("greeting_verbs") or any(g.relation == "CONSULT" for g in self.lex.verbs.get(lemma, ()))):
            return []
        hosts = ctx.subjects(meeting)
        guests = self._guests(ctx, meeting, {a.actor for a in hosts})
        return unique(hosts + guests) if hosts and guests else []

    @starts_on("joining_verbs")
    def _joined_by_candidates(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        """"He WAS JOINED BY President Jonathan of Nigeria and President Sall of Senegal": those who join a
        leader at a meeting meet him and each other (CONSULT); not when they join in an act ("was joined by
        Uganda IN condemning the coup")."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lex.cue("joining_verbs") \
                or not any(c.dep_ == "auxpass" for c in verb.children) \
                or any(c.dep_ in ("xcomp", "advcl") or (c.dep_ == "prep" and c.lower_ == "in") for c in verb.children):
            return
        armed = self.lex.cue("material_means_nouns")  # "soldiers were joined by troops from Botswana": no meeting
        joiners = [a for g in verb.children if g.dep_ == "agent" for o in pobjs(g) if o.lemma_.lower() not in armed
                   for a in ctx.np_actors(o)]
        joined = [a for s in verb.children if s.dep_ == "nsubjpass" and s.lemma_.lower() not in armed for a in ctx.np_actors(s)]
        parties = unique(joined + joiners) if joiners else []
        group = self.lex.group("meet", "CONSULT")
        if group is not None and len({a.actor for a in parties}) >= 2:
            yield Candidate(group, verb, parties, [], mutual=True)
