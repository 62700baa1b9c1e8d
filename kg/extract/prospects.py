"""Measures a state says another will face: "Clinton said Pakistan WOULD FACE sanctions" is the speaker's
threat (THREATEN) and, for a measure, the measure itself, still planned (SANCTION, hypothetical)."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import child


class ProspectRules:
    """Measures or consequences a state says another state will face."""

    @starts_on("facing_verbs")
    def _prospect_candidates(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        """"Clinton said Pakistan would now FACE SANCTIONS": the speaker threatens the one facing them;
        not what a state says it faces itself, nor a prospect ruled out ("would not face")."""
        said, cue = verb.head, self.lex.cue
        if verb.pos_ != "VERB" or verb.dep_ != "ccomp" or said.lemma_.lower() not in cue("reporting_verbs") \
                or not any(c.dep_ == "aux" and c.lower_ in cue("modal_aux") for c in verb.children) \
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
