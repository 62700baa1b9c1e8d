"""What a state says will come: measures another state "will face" ("Clinton said Pakistan WOULD FACE sanctions":
the speaker's threat, THREATEN, and the measure itself, planned), and the harm another state's act "could" do
("Chavez warned that US military AID to Colombia COULD RESULT in escalation": a warning against it, OPPOSE)."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, pobjs, unique


class ProspectRules:
    """Measures or consequences a state says another state will face."""

    @starts_on("facing_verbs")
    def _prospect_candidates(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        """"Clinton said Pakistan would now FACE SANCTIONS": the speaker threatens the one facing them;
        not what a state says it faces itself, nor a prospect ruled out ("would not face")."""
        said, cue = verb.head, self.lex.cue
        if verb.pos_ != "VERB" or verb.dep_ != "ccomp" or said.lemma_.lower() not in cue("reporting_verbs") \
                or not self._modal(verb) \
                or any(c.dep_ == "neg" for c in verb.children):
            return
        measures = [d for d in verb.children if d.dep_ == "dobj" and (
            d.lemma_.lower() in cue("consequence_nouns")
            or any(g.relation in cue("measure_relations") for g in self.lex.nouns.get(d.lemma_.lower(), ())))]
        facing = child(verb, "nsubj")
        if not measures or facing is None:
            return
        targets = ctx.np_actors(facing)
        speakers = [a for a in ctx.subjects(said) if a.actor not in {t.actor for t in targets}]
        if not targets or not speakers:
            return
        yield Candidate(self.lex.group("threaten", "THREATEN"), said, speakers, targets)
        for measure in measures:
            group = next((g for g in self.lex.nouns.get(measure.lemma_.lower(), ())
                          if g.relation in cue("measure_relations")), None)
            if group is not None:
                yield Candidate(group, measure, speakers, targets, hypothetical=True)

    @starts_on("cautioning_verbs")
    def _warned_act_candidates(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        """"Chavez has WARNED that US military AID to Colombia COULD result in escalation": a warning that another
        state's act may do harm opposes that state (relations.md: a warning with nothing threatened); a warning
        of consequences threatens (ThreatRules), one about a state itself ("warned that Somalia could face
        famine") says nothing of its acts."""
        cue = self.lex.cue
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in cue("cautioning_verbs"):
            return
        warners = ctx.subjects(verb)
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            act = child(clause, "nsubj")
            if act is None or act.pos_ != "NOUN" or not self._modal(clause) \
                    or any(t.lemma_.lower() in cue("consequence_nouns") for t in clause.subtree) \
                    or (act.lemma_.lower() not in self.lex.nouns and act.lemma_.lower() not in cue("deciding_nouns")):
                continue
            owners = [a for a in ctx.modifier_actors(act) if a.actor not in {w.actor for w in warners}]
            if warners and owners:
                yield Candidate(self.lex.group("condemn", "OPPOSE"), verb, warners, owners)

    @starts_on("consequence_nouns")
    def _promised_response_candidates(self, ctx: ActorContext, noun: Token) -> Iterator[Candidate]:
        """"said there WOULD BE a fierce RESPONSE to any Israeli attack", "denounced Paris' decision, adding there
        would be CONSEQUENCES": the speaker threatens the author of the act answered, or else the one other state
        the sentence names (THREATEN, relations.md: warnings of consequences)."""
        be, cue = noun.head, self.lex.cue
        if noun.dep_ != "attr" or be.lemma_ != "be" or child(be, "expl") is None or not self._modal(be) \
                or be.dep_ != "ccomp" or be.head.lemma_.lower() not in cue("reporting_verbs") \
                or any(c.dep_ == "neg" for c in be.children):
            return
        speakers = ctx.subjects(be.head)
        known = {a.actor for a in speakers}
        authors = [a for p in noun.children if p.dep_ == "prep" and p.lower_ in ("to", "for") for o in pobjs(p)
                   for a in ctx.modifier_actors(o) + ctx.np_actors(o) if a.actor not in known]
        if not authors:  # the one other state of the sentence
            others = {a for i, a, kind in ctx.mention_starts if noun.sent.start <= i < noun.sent.end
                      and ctx.is_state_mention(kind) and a not in known}
            authors = [Arg(others.pop(), noun, "coref")] if len(others) == 1 else []
        if speakers and authors:
            yield Candidate(self.lex.group("threaten", "THREATEN"), be.head, speakers, unique(authors[:1]))

    def _modal(self, verb: Token) -> bool:
        """Whether a verb has a modal auxiliary ("would face", "could result")."""
        return any(c.dep_ == "aux" and c.lower_ in self.lex.cue("modal_aux") for c in verb.children)
