"""Reading kg graphs back: the one reader of statements and actors that every consumer shares.

The graph is read one property at a time (one index scan each) and joined in
dicts: on 100k statements in the memory store this takes seconds, where the
same join in SPARQL with OPTIONALs takes minutes. :func:`read_statements`
gives every ``kg:Statement`` node with its evidence; :func:`assertions_from`
and :mod:`kg.network.view` are built on it.

>>> from rdflib import Literal
>>> as_flag(Literal(True)), as_flag(Literal("false")), as_flag(None)
(True, False, False)
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from kg.knowledge.terms import ACTOR, DOC, KG, WD, actor_classes, ontology, relation_types
from kg.rdf.terms import (
    DATE,
    DERIVED_FROM,
    END,
    HYPOTHETICAL,
    IDENTIFIER,
    NEGATED,
    OBJECT,
    PART_OF,
    PREDICATE,
    SOURCE,
    START,
    SUBJECT,
    TEXT,
    TRIGGER,
    local_id,
)
from kg.records import Actor, Assertion

STATEMENT_PROPS = (SUBJECT, PREDICATE, OBJECT, NEGATED, HYPOTHETICAL, DATE, SOURCE, TRIGGER,
                   DERIVED_FROM, TEXT, START, END, PART_OF, IDENTIFIER)
ACTOR_PROPS = (KG.code, RDFS.label, SKOS.exactMatch)


def as_flag(term: Node | None) -> bool:
    """A flag's value: true for the literal ``true`` (or ``1``), typed or plain; a missing value is false."""
    return term is not None and str(term).strip().lower() in ("true", "1")


def as_int(term: Node | None) -> int | None:
    """An integer literal's value, or None."""
    try:
        return None if term is None else int(term)
    except ValueError:
        return None


def as_text(term: Node | None) -> str | None:
    """A term's text, or None."""
    return None if term is None else str(term)


class Columns:
    """The values of a few properties, keyed by subject: one triple-pattern scan per property."""

    def __init__(self, graph: Graph, props: Iterable[URIRef]) -> None:
        self.values: dict[URIRef, dict[Node, list[Node]]] = {}
        for prop in props:
            column = self.values[prop] = defaultdict(list)
            for subject, value in graph.subject_objects(prop):
                column[subject].append(value)

    def all(self, node: Node | None, prop: URIRef) -> list[Node]:
        """Every value of ``prop`` on ``node``."""
        return self.values[prop].get(node, []) if node is not None else []

    def first(self, node: Node | None, prop: URIRef) -> Node | None:
        """The value of a functional property; the smallest one if there are several."""
        values = self.values[prop].get(node) if node is not None else None
        if not values:
            return None
        return values[0] if len(values) == 1 else min(values, key=str)

    def joined(self, node: Node, prop: URIRef) -> str | None:
        """All values of ``prop`` on ``node``, sorted and joined with "; ", or None."""
        values = self.values[prop].get(node)
        return "; ".join(sorted({str(v) for v in values})) if values else None


@dataclass(frozen=True, slots=True)
class StatementRecord:
    """A ``kg:Statement`` node as read back: its triple, flags and evidence."""

    node: Node
    subject: Node
    predicate: Node
    object: Node
    negated: bool
    hypothetical: bool
    date: str | None
    source: str | None
    trigger: str | None
    doc: str | None
    sentence: str | None
    start: int | None
    end: int | None


def _record(columns: Columns, node: Node) -> StatementRecord | None:
    first = columns.first
    subject, predicate, obj = first(node, SUBJECT), first(node, PREDICATE), first(node, OBJECT)
    if subject is None or predicate is None or obj is None:
        return None
    sentence = first(node, DERIVED_FROM)
    doc = first(sentence, PART_OF)
    identifier = first(doc, IDENTIFIER)
    return StatementRecord(
        node=node, subject=subject, predicate=predicate, object=obj,
        negated=as_flag(first(node, NEGATED)), hypothetical=as_flag(first(node, HYPOTHETICAL)),
        date=as_text(first(node, DATE)), source=columns.joined(node, SOURCE), trigger=as_text(first(node, TRIGGER)),
        doc=str(identifier) if identifier is not None else (local_id(doc, str(DOC)) if doc is not None else None),
        sentence=as_text(first(sentence, TEXT)), start=as_int(first(sentence, START)), end=as_int(first(sentence, END)),
    )


def read_statements(graph: Graph, columns: Columns | None = None) -> Iterator[StatementRecord]:
    """Every statement node with a subject, predicate and object (``columns`` may be shared)."""
    columns = columns or Columns(graph, STATEMENT_PROPS)
    for node in graph.subjects(RDF.type, KG.Statement, unique=True):
        record = _record(columns, node)
        if record is not None:
            yield record


def actor_id(columns: Columns, node: Node) -> str:
    """An actor node's id: its ``kg:code``, else the local name of its IRI."""
    code = columns.first(node, KG.code)
    return str(code) if code is not None else local_id(node, str(ACTOR))


def assertions_from(graph: Graph) -> list[Assertion]:
    """The assertions of the statement nodes of ``graph``, sorted by doc, offsets, triple.

    Statement nodes without a relation type, subject, object or a sentence
    with offsets in a document are skipped (``kg validate`` reports them).
    """
    labels = {t.prop: label for label, t in relation_types().items()}
    columns = Columns(graph, (*STATEMENT_PROPS, KG.code))
    found = [
        Assertion(doc=r.doc, subject=actor_id(columns, r.subject), relation=labels[r.predicate],
                  object=actor_id(columns, r.object), negated=r.negated, hypothetical=r.hypothetical,
                  date=r.date, source=r.source, sentence=r.sentence or "", start=r.start, end=r.end, trigger=r.trigger)
        for r in read_statements(graph, columns)
        if r.predicate in labels and r.doc is not None and r.start is not None and r.end is not None
    ]
    return sorted(found, key=lambda a: (a.doc, a.start, a.end, a.subject, a.relation, a.object))


def actor_kinds(graph: Graph) -> dict[Node, str]:
    """The kind of every typed actor node: of its kg: classes, the one deepest below kg:Actor
    (ties broken by name)."""
    onto = ontology()
    depth = {kind: len(list(onto.transitive_objects(KG[kind], RDFS.subClassOf))) for kind in actor_classes()}
    kinds: dict[Node, str] = {}
    for kind in sorted(depth, key=lambda k: (depth[k], k)):  # the most specific is written last
        kinds.update(dict.fromkeys(graph.subjects(RDF.type, KG[kind], unique=True), kind))
    return kinds


def actors_from(graph: Graph) -> dict[str, Actor]:
    """The actors of ``graph`` (nodes with a ``kg:code``), keyed by id."""
    kinds = actor_kinds(graph)
    found: dict[str, Actor] = {}
    for node, code in graph.subject_objects(KG.code):
        match = graph.value(node, SKOS.exactMatch)
        found[str(code)] = Actor(
            id=str(code),
            name=str(graph.value(node, RDFS.label) or code),
            kind=kinds.get(node, "Actor"),
            wikidata=str(match).removeprefix(str(WD)) if match is not None else None,
        )
    return dict(sorted(found.items()))
