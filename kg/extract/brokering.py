"""Help given to the parties of a deal: "agreed to normalize relations in a deal brokered
with U.S. help" is AID from the helper to each party (relations.md: a broker aids each side)."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span, Token

from kg.extract.candidates import Candidate, RelationMention
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, pobjs, unique


class BrokeringRules:
    """Help given to the parties of a deal: AID from the helper to each party."""

    @starts_on("brokering_help_nouns")
    def _brokering_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        """"a deal brokered WITH U.S. HELP", "reached a deal with Qatari mediation"."""
        cue = self.lex.cue
        if token.pos_ != "NOUN" or token.lemma_.lower() not in cue("brokering_help_nouns") \
                or token.dep_ != "pobj" or token.head.lower_ != "with":
            return
        helpers = unique(ctx.modifier_actors(token))
        verb = token.head.head
        parties = self._deal_parties(ctx, verb)
        helpers = [h for h in helpers if h.actor not in {p.actor for p in parties}]
        if helpers and len({p.actor for p in parties}) >= 2:
            yield Candidate(self.aid_group, token, helpers, parties, pairable=False)

    def _deal_parties(self, ctx: ActorContext, verb: Token) -> list[Arg]:
        """The states that make the deal: the subjects of the agreeing verb, or of the verb
        the brokered deal is part of ("X and Y agreed ... in a deal brokered with ...")."""
        cue = self.lex.cue
        if verb.pos_ != "VERB":
            return []
        if verb.dep_ == "acl" and verb.lemma_.lower() in cue("brokering_verbs") \
                and verb.head.lemma_.lower() in cue("deal_nouns"):
            governed = ctx.governing_verb(verb.head)
            return unique(ctx.subjects(governed[0])) if governed else []
        if verb.lemma_.lower() in cue("brokering_verbs") | cue("agreeing_verbs"):
            return unique(ctx.subjects(verb))
        return []

    @starts_on("mediating_verbs")
    def _co_mediator_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        """States that mediate or broker together cooperate (relations.md: mediation):
        "Qatar and Egypt mediated a ceasefire between Israel and Hamas"."""
        if token.pos_ != "VERB" or token.lemma_.lower() not in self.lex.cue("mediating_verbs"):
            return
        mediators = unique(a for a in ctx.subjects(token) if ctx.is_state_mention(ctx.kind_at.get(a.token.i, "")))
        if len({a.actor for a in mediators}) >= 2:
            yield Candidate(self.cooperate_group, token, mediators, [], mutual=True)

    @starts_on("mediating_verbs", "mediator_nouns")
    def _quarrel_mediator_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        """"Qatar offered to MEDIATE IN the Kenya-Somalia dispute", "Togo's president, MEDIATOR IN the
        Mali-Ivory Coast row": the mediator aids each side of the quarrel (relations.md: mediation), with the
        mediation's flags."""
        verb = token.pos_ == "VERB" and token.lemma_.lower() in self.lex.cue("mediating_verbs")
        if not verb and not (token.pos_ == "NOUN" and token.lemma_.lower() in self.lex.cue("mediator_nouns")):
            return
        quarrels = [o for p in token.children if p.dep_ == "prep" and p.lower_ in ("in", "over") for o in pobjs(p)]
        quarrelling = [(q, g) for q in quarrels for g in self.lex.nouns.get(q.lemma_.lower(), ())
                       if g.mutual or g.relation == "CONFLICT"]
        parties = unique(a for q, g in quarrelling
                         for c in self._noun_candidates(ctx, q, g) for a in c.subjects + c.objects)
        found = ctx.subjects(token) if verb else ctx.np_actors(token.head) if token.dep_ == "appos" \
            else ctx.modifier_actors(token)  # "Gnassingbe, mediator in ...", "the Qatari mediator in ..."
        mediators = [a for a in found if a.actor not in {p.actor for p in parties}]
        if mediators and len({p.actor for p in parties}) >= 2:
            yield Candidate(self.aid_group, token, unique(mediators), parties, pairable=False)

    def _mediated(self, ctx: ActorContext, sent: Span, mentions: list[RelationMention]) -> list[RelationMention]:
        """A mediator named in a sentence ("after mediation BY QATAR", "U.S.-BROKERED", "a meeting
        mediated by CHINA", "under the auspices of X") aids each party of the talks or the deal
        the sentence states between two other states (relations.md: mediation), with its flags."""
        mediated = self.lex.cue("mediated_relations")
        if not any(m.relation in mediated for m in mentions):  # most sentences: nothing to look for
            return []
        helpers = {a.actor: token.text for token in sent for a in self._mediators(ctx, token)}
        if not helpers:
            return []
        hosts = frozenset(a.actor for token in sent if token.pos_ == "VERB" and token.lemma_.lower() in self.lex.cue("chairing_verbs")
                          and not (token.dep_ == "amod" and token.nbor(-1).tag_ == "HYPH")  # not "OMAN-MEDIATED talks": a
                          # label, not a seat at the table
                          for a in self._mediators(ctx, token))
        return self._aid_to_parties(helpers, [m for m in mentions if m.relation in mediated], hosts=hosts)

    def _mediated_nearby(self, ctx: ActorContext, parsed: list[tuple[Span, list[RelationMention]]]
                         ) -> list[RelationMention]:
        """A mediator whose sentence names no parties aids the parties of the deal or talks the
        sentence before or after states: "Diplomats from France and the US brokered the truce.
        Israel and Lebanon accepted a cessation of hostilities." (relations.md: mediation)."""
        mediated = self.lex.cue("mediated_relations")
        sents = [sent for sent in ctx.doc.sents if any(t.is_alpha for t in sent)]  # not a stray quote mark
        by_start = {sent.start: mentions for sent, mentions in parsed}
        found: list[RelationMention] = []
        for i, sent in enumerate(sents):
            if any(m.relation in mediated for m in by_start.get(sent.start, ())):
                continue  # the sentence's own parties, if any, were served by _mediated
            neighbours = [m for j in (i - 1, i + 1) if 0 <= j < len(sents)
                          for m in by_start.get(sents[j].start, ()) if m.relation in self.lex.cue("brokered_relations")]
            if not neighbours:
                continue
            helpers = {a.actor: token.text for token in sent if self._brokers_deal(token)
                       for a in self._mediators(ctx, token)}
            found += self._aid_to_parties(helpers, neighbours, sent)
        return found

    @staticmethod
    def _aid_to_parties(helpers: dict[str, str], mentions: list[RelationMention], sent: Span | None = None,
                        hosts: frozenset[str] = frozenset()) -> list[RelationMention]:
        """AID from each helper (its trigger word) to both parties of each mention neither helper is
        party to, with the mention's flags and source; stated in ``sent`` when given, else the mention's sentence.
        A helper named by a verb that sits it at the table (``hosts``, cue ``chairing_verbs``) takes part in the
        talks too: "Oman MEDIATED talks between Iran and the US", "talks LED by Malaysia" (CONSULT each); not
        "under the mediation of Angola", nor talks BROKERED or FACILITATED from afar."""
        return [RelationMention(helper, label, party, m.negated, m.hypothetical, m.source,
                                m.start if sent is None else sent.start_char, m.end if sent is None else sent.end_char, trigger)
                for m in mentions if m.subject not in helpers and m.object not in helpers
                for helper, trigger in helpers.items() for party in (m.subject, m.object)
                for label in (("AID", "CONSULT") if m.relation == "CONSULT" and helper in hosts else ("AID",))]

    def _brokers_deal(self, token: Token) -> bool:
        """Whether a mediation verb's object or a participle's noun is a deal or talks: "BROKERED the truce",
        "a ceasefire ... was BROKERED by", "the U.S.-BROKERED accord"."""
        deals, cue = self.lex.cue("deal_nouns"), self.lex.cue
        if token.lemma_.lower() not in cue("mediating_verbs") | cue("mediating_participles"):
            return False
        brokered = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")] + (
            [token.head] if token.dep_ in ("amod", "acl", "compound") else [])
        return any(n.lemma_.lower() in deals or n.head.lemma_.lower() in deals and n.dep_ == "compound" or self._meeting(n)
                   for n in brokered)  # or talks: "the talks were BROKERED by Qatar"

    def _mediators(self, ctx: ActorContext, token: Token) -> list[Arg]:
        """The states a mediation word names as mediator: its modifiers, by- or of-phrase ("Qatari
        mediation", "mediation by Qatar"), or a participle's agent or modifier ("brokered by Turkey", "U.S.-brokered")."""
        lemma, cue = token.lemma_.lower(), self.lex.cue
        if token.pos_ == "NOUN" and (lemma in cue("mediating_nouns") or token.lower_ in cue("mediating_nouns")):
            found = ctx.modifier_actors(token)
            nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None  # "after mediation BY Qatar", often misattached
            by = [p for p in token.children if p.dep_ == "prep" and p.lower_ in ("by", "of")] + (
                [nxt] if nxt is not None and nxt.lower_ == "by" and nxt.dep_ == "prep" else [])
            found += [a for p in by for o in pobjs(p) for a in ctx.np_actors(o)]
        elif token.pos_ == "VERB" and token.tag_ != "VBN" and lemma in cue("mediating_verbs"):
            found = list(ctx.subjects(token))  # "diplomats from France BROKERED the truce"
        elif token.tag_ == "VBN" and lemma in cue("mediating_participles"):
            found = [a for c in token.children if c.dep_ in ("npadvmod", "compound", "nmod") for a in ctx.np_actors(c)]
            found += [a for g in token.children if g.dep_ == "agent" for o in pobjs(g) for a in ctx.np_actors(o)]
        else:
            return []
        return [a for a in unique(found) if ctx.is_state_mention(ctx.kind_at.get(a.token.i, "NAME"))]
