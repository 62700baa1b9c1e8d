"""Envoys ordered out: "Somalia ordered the Ethiopian ambassador to leave", "gave the envoy
72 hours to leave the country" are expulsions (SANCTION, relations.md: expelling diplomats);
a state given time to act is a demand on it: "Senegal GAVE Gambia until Monday TO withdraw"
(REQUEST), and one that must otherwise "face" something is threatened."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext, capital_place
from kg.extract.syntax import Arg, child, heads_as, pobjs, unique


class ExpulsionRules:
    """An envoy of another state told to leave: SANCTION from the state that tells it."""

    @starts_on("departure_verbs")
    def _departure_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        if token.pos_ != "VERB" or token.lemma_.lower() not in self.lex.cue("departure_verbs") \
                or token.dep_ not in ("xcomp", "ccomp", "advcl", "relcl", "acl"):
            return
        head = token.head
        if head.pos_ == "NOUN" and head.dep_ in ("npadvmod", "dobj"):  # "gave X 14 DAYS to leave"
            head = head.head
        envoy = self._envoy_sent_away(head, token)
        if envoy is None:
            return
        group = self.lex.group("expel", "SANCTION")
        senders = ctx.subjects(head)
        if not senders and envoy.dep_ == "nsubjpass":  # "Danish diplomats WERE ORDERED to leave RUSSIA": Russia
            senders = [a for o in token.children if o.dep_ == "dobj" for a in ctx.np_actors(o)]
        known = {a.actor for a in senders}
        theirs = [a for a in ctx.np_actors(envoy) if a.actor not in known]
        if group is not None and senders and theirs:
            yield Candidate(group, head, senders, theirs)

    @starts_on("unwelcome_words")
    def _unwelcome_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        """"Peru DECLARED Mexico's ambassador PERSONA NON GRATA": an envoy declared unwelcome is expelled
        (SANCTION on the envoy's state; the model parses "persona" as a verb, so the envoy is read as the
        nearest envoy noun between the declaring verb and the phrase)."""
        doc = token.doc
        if token.lower_ != "grata" or token.i < 3 or doc[token.i - 1].lower_ != "non" or doc[token.i - 2].lower_ != "persona":
            return
        verb = next((t for t in reversed(doc[token.sent.start:token.i - 2]) if t.lemma_.lower() in self.lex.cue("declaring_verbs")), None)
        if verb is None:
            return
        envoys = [t for t in doc[verb.i + 1:token.i - 2] if t.lemma_.lower() in self.lex.cue("envoy_heads")]
        senders = ctx.subjects(verb)
        known = {a.actor for a in senders}
        theirs = [a for e in envoys[-1:] for a in ctx.np_actors(e) if a.actor not in known]
        group = self.lex.group("expel", "SANCTION")
        if group is not None and senders and theirs:
            yield Candidate(group, verb, senders, theirs)

    def _envoy_sent_away(self, head: Token, departure: Token) -> Token | None:
        """The envoy ``head`` orders out through ``departure`` ("ordered THE AMBASSADOR to leave")."""
        if head.lemma_.lower() not in self.lex.cue("departure_orders"):
            return None
        envoy = child(head, "dative") if head.lemma_.lower() == "give" else None
        envoy = envoy or child(head, "dobj") or child(departure, "nsubj")
        sent_away = self.lex.cue("envoy_heads") | self.lex.cue("expelled_people")
        if envoy is None or not heads_as(envoy, sent_away):
            envoy = child(head, "nsubjpass")  # "the ambassador WAS GIVEN 72 hours to leave"
        return envoy if envoy is not None and heads_as(envoy, sent_away) else None  # or "Ambassador Sylvain Itte"

    def orders_envoy_out(self, verb: Token) -> bool:
        """Whether ``verb`` tells an envoy to leave: an expulsion, not a request to the envoy's state."""
        return any(c.lemma_.lower() in self.lex.cue("departure_verbs") and self._envoy_sent_away(verb, c) is not None
                   for c in verb.children if c.dep_ in ("xcomp", "ccomp"))

    def ultimatum(self, verb: Token) -> Token | None:
        """The act a giving verb demands by a deadline ("gave Gambia UNTIL MONDAY to WITHDRAW",
        "gave Somalia 48 HOURS to withdraw"), or None: no transfer of anything."""
        if verb.lemma_.lower() not in self.lex.cue("ultimatum_verbs"):
            return None
        times = self.lex.cue("deadline_words")
        given = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "dative"))]  # "given X's leader ... TO cede"
        timed = any((t.dep_ in ("dobj", "npadvmod", "dative") and t.lemma_.lower() in times)
                    or (t.dep_ == "prep" and t.lower_ in times) for t in verb.subtree)
        act = next((c for h in given for c in h.children if c.dep_ in ("advcl", "xcomp", "relcl", "ccomp", "acl")
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        return act if timed else None

    @starts_on("ultimatum_verbs")
    def _ultimatum_candidates(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        act = self.ultimatum(verb) if verb.pos_ == "VERB" else None
        if act is None or self._envoy_sent_away(verb, act) is not None:
            return  # an envoy given hours to leave is expelled (_departure_candidates)
        givers = ctx.subjects(verb)
        known = {a.actor for a in givers}
        given = [a for c in verb.children if c.dep_ in ("dobj", "dative") for a in ctx.np_actors(c) if a.actor not in known]
        request, threat = self.lex.group("urge", "REQUEST"), self.lex.group("threaten", "THREATEN")
        if givers and given and request is not None:
            yield Candidate(request, verb, givers, given)
            faced = any(c.dep_ == "conj" and c.lemma_.lower() in self.lex.cue("facing_verbs") for c in act.children)
            if faced and threat is not None:  # "to withdraw OR FACE sanctions"
                yield Candidate(threat, verb, givers, given)

    @staticmethod
    def _own_envoy(obj: Token) -> bool:
        """An envoy owned by a pronoun is the sender's own: "summoned ITS ambassador from Addis Ababa"."""
        return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in obj.children)

    def _mutual_recall(self, ctx: ActorContext, verb: Token, envoys: list[Token]) -> bool:
        """Envoys with no owner that two states withdraw are each one's own: "Egypt and Turkey
        withdrew AMBASSADORS" (each recalls its own from the other); not "summoned ambassadors"."""
        if verb.lemma_.lower() not in self.lex.cue("recall_verbs") - self.lex.cue("own_envoy_recall_verbs"):
            return False
        ownerless = all(e.tag_ == "NNS" and not any(c.dep_ in ("poss", "det") for c in e.children) for e in envoys)
        return ownerless and len({a.actor for a in ctx.subjects(verb)}) >= 2

    @staticmethod
    def _mission_places(ctx: ActorContext, heads: list[Token], preps: frozenset[str], known: frozenset[str]) -> list[Arg]:
        """A capital taken as a place where one's own mission or envoy is: "closed its embassy
        IN LIMA", "recalled its ambassador FROM LIMA" concern the capital's state."""
        return [a for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in preps
                for o in pobjs(p) for a in capital_place(ctx, o, known)]

    def _provoking_state(self, ctx: ActorContext, verb: Token, known: frozenset[str]) -> list[Arg]:
        """The one state that did what one's own envoy is recalled after: "Kenya recalled its ambassador AFTER
        MOGADISHU decided to auction the blocks" (cue ``provoked_marks``)."""
        clauses = [c for c in verb.children if c.dep_ == "advcl"
                   and any(m.dep_ == "mark" and m.lower_ in self.lex.cue("provoked_marks") for m in c.children)]
        states = unique(a for c in clauses for a in ctx.subjects(c) if a.actor not in known)
        return states if len(states) == 1 else []

    def _envoy_host(self, ctx: ActorContext, objects: list[Token]) -> list[Arg]:
        """The state an envoy is posted to, who summons or expels it when the sentence names no one else:
        "the ministry summoned the High Commissioner of Ghana TO NIGERIA" (Nigeria summons), "Danish
        diplomats were expelled FROM RUSSIA" (Russia expels)."""
        envoys = [o for o in objects if o.lemma_.lower() in self.lex.cue("envoy_heads")]
        senders = {a.actor for o in envoys for a in ctx.np_actors(o)}
        return [a for o in envoys for p in [*o.children, *o.head.children] if p.dep_ == "prep" and (
                p.lower_ == "to" or (p.lower_ == "from" and o.dep_ == "nsubjpass" and p.head.i == o.head.i))
                for h in pobjs(p) for a in ctx.np_actors(h) if a.actor not in senders] \
            or self._mission_places(ctx, envoys, frozenset({"in"}), frozenset(senders))  # "... commissioner IN NEW DELHI"
        # "to Senegal" may hang on the verb; "diplomats were expelled FROM Russia": the state they leave
