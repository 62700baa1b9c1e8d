"""Reading kg graphs back: the one reader of statements and actors every consumer shares."""
from __future__ import annotations

from typing import Mapping
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node
from kg.records import Actor, Assertion
from kg.knowledge.terms import actor_classes
from kg.rdf.terms import local_id
from kg.knowledge.terms import ACTOR, DOC, KG, WD, ontology, relation_types


def _actor_id(graph: Graph, node: Node) -> str:
    code = graph.value(node, KG.code)
    return str(code) if code is not None else local_id(node, str(ACTOR))


def _optional(graph: Graph, node: Node, prop: URIRef) -> str | None:
    value = graph.value(node, prop)
    return None if value is None else str(value)


def _flag(graph: Graph, node: Node, prop: URIRef) -> bool:
    """A boolean flag; only a boolean literal ``true`` (or ``1``) is true."""
    value = graph.value(node, prop)
    return isinstance(value, Literal) and value.toPython() is True


def _offset(graph: Graph, node: Node, prop: URIRef) -> int | None:
    value = graph.value(node, prop)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _assertion(graph: Graph, node: Node, labels: Mapping[Node, str]) -> Assertion | None:
    """The assertion of one statement node, or None when a part it needs is missing."""
    label = labels.get(graph.value(node, RDF.predicate))
    subject, obj = graph.value(node, RDF.subject), graph.value(node, RDF.object)
    sentence = graph.value(node, PROV.wasDerivedFrom)
    if label is None or subject is None or obj is None or sentence is None:
        return None
    start, end = _offset(graph, sentence, KG.start), _offset(graph, sentence, KG.end)
    doc = graph.value(sentence, DCTERMS.isPartOf)
    if start is None or end is None or doc is None:
        return None
    doc_id = graph.value(doc, DCTERMS.identifier)
    return Assertion(
        doc=str(doc_id) if doc_id is not None else local_id(doc, str(DOC)),
        subject=_actor_id(graph, subject),
        relation=label,
        object=_actor_id(graph, obj),
        negated=_flag(graph, node, KG.negated),
        hypothetical=_flag(graph, node, KG.hypothetical),
        date=_optional(graph, node, KG.date),
        source=_optional(graph, node, KG.source),
        sentence=str(graph.value(sentence, KG.text) or ""),
        start=start,
        end=end,
        trigger=_optional(graph, node, KG.trigger),
    )


def assertions_from(graph: Graph) -> list[Assertion]:
    """The assertions of the statement nodes of ``graph``, sorted by doc, offsets, triple.

    Statement nodes without a relation type, subject, object or a sentence
    with offsets in a document are skipped (``kg validate`` reports them).
    """
    labels = {t.prop: label for label, t in relation_types().items()}
    found = (_assertion(graph, node, labels) for node in set(graph.subjects(RDF.type, KG.Statement)))
    return sorted((a for a in found if a is not None),
                  key=lambda a: (a.doc, a.start, a.end, a.subject, a.relation, a.object))


def _most_specific_kind(graph: Graph, node: Node, kinds: frozenset[str]) -> str:
    """The actor kind of ``node``: of its kg: classes, the one deepest below kg:Actor."""
    onto = ontology()
    present = [str(t).removeprefix(str(KG)) for t in graph.objects(node, RDF.type)]
    present = [k for k in present if k in kinds]
    if not present:
        return "Actor"
    depth = {k: len(list(onto.transitive_objects(KG[k], RDFS.subClassOf))) for k in present}
    return max(sorted(present), key=depth.__getitem__)


def actors_from(graph: Graph) -> dict[str, Actor]:
    """The actors of ``graph`` (nodes with a ``kg:code``), keyed by id."""
    kinds = actor_classes()
    found: dict[str, Actor] = {}
    for node, code in graph.subject_objects(KG.code):
        match = graph.value(node, SKOS.exactMatch)
        found[str(code)] = Actor(
            id=str(code),
            name=str(graph.value(node, RDFS.label) or code),
            kind=_most_specific_kind(graph, node, kinds),
            wikidata=str(match).removeprefix(str(WD)) if match is not None else None,
        )
    return dict(sorted(found.items()))
