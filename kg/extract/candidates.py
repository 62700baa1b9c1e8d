"""What the extractor finds: candidates (a trigger with its parties) and relation mentions (what a Doc carries)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.syntax import Arg
from kg.knowledge.lexicon import TriggerGroup


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
    affirmed: bool = False  # its negation is part of its sense: "does NOT recognize" rejects
    described: bool = False  # a description of the states, true whatever the clause says: "would harm THE TWO ALLIES"
