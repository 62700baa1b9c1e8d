"""Plain records passed from one step of the pipeline to the next.

Data flows one way: :class:`Document` (corpus) → spaCy ``Doc`` (nlp, actors)
→ :class:`Assertion` (relations) → RDF (rdf) → networkx / HTML / SPARQL.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Protocol, TypeVar


@dataclass(frozen=True, slots=True)
class Document:
    """One news text.

    >>> Document(id="a1", text="Russia and Iran signed a treaty.").id
    'a1'
    """

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    path: str | None = None
    line: int | None = None  # the line of a JSONL corpus it was read from


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor of the graph: a state (ISO 3166-1 alpha-3 id) or another actor."""

    id: str
    name: str
    kind: str = "State"  # State | Organisation | ArmedGroup | Person
    wikidata: str | None = None

    @property
    def is_state(self) -> bool:
        return self.kind == "State"


@dataclass(frozen=True, slots=True)
class Assertion:
    """One typed, directed relation between two actors, with its evidence.

    The field names are those of ``kg extract`` output and of relations.md.

    >>> a = Assertion("d", "IRN", "SUPPLY", "RUS", False, False, None, None, "Iran supplied drones to Russia.", 0, 31)
    >>> a.to_json()["relation"]
    'SUPPLY'
    """

    doc: str
    subject: str
    relation: str
    object: str
    negated: bool
    hypothetical: bool
    date: str | None
    source: str | None
    sentence: str
    start: int
    end: int
    trigger: str | None = field(default=None, compare=False)

    @property
    def factual(self) -> bool:
        return not (self.negated or self.hypothetical)

    def to_json(self) -> dict[str, object]:
        """The assertion as the JSON object of a ``kg extract`` line."""
        return asdict(self)


class Flagged(Protocol):
    """Anything that carries the two flags of a relation."""

    negated: bool
    hypothetical: bool


F = TypeVar("F", bound=Flagged)


def plainest(first: F, second: F) -> F:
    """Of two readings of the same relation, the one with fewer flags (a factual reading wins;
    a negated and a hypothetical reading do not add up to a factual one); the first on a tie.

    >>> a = Assertion("d", "IRN", "SUPPLY", "RUS", True, False, None, None, "", 0, 1)
    >>> b = Assertion("d", "IRN", "SUPPLY", "RUS", False, True, None, None, "", 0, 1)
    >>> plainest(a, b) is a, plainest(b, a.__class__(*[getattr(a, f) for f in ('doc', 'subject', 'relation', 'object')], False, False, None, None, '', 0, 1)).negated
    (True, False)
    """
    return second if second.negated + second.hypothetical < first.negated + first.hypothetical else first
