"""Assertions, documents and actors → an rdflib :class:`~rdflib.Graph`, and back.

The data model is the one of ``docs/ARCHITECTURE.md``: every assertion becomes
a ``kg:Statement`` node (subject, predicate, object, flags, date, source,
trigger, ``prov:wasDerivedFrom`` its sentence); a factual one (neither negated
nor hypothetical) is also asserted as the plain triple ``actor:IRN kg:supplies
actor:RUS``. IRIs are deterministic; there are no blank nodes.

>>> from kg.records import Assertion, Document
>>> from kg.knowledge.terms import ACTOR, KG
>>> from kg.rdf.reading import assertions_from
>>> doc = Document("seed", "Iran supplied drones to Russia.")
>>> a = Assertion("seed", "IRN", "SUPPLY", "RUS", False, False, "2023", None, doc.text, 0, 31)
>>> g = graph_from([a], [doc], {})
>>> (ACTOR.IRN, KG.supplies, ACTOR.RUS) in g
True
>>> assertions_from(g) == [a]
True
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.errors import KgError
from kg.knowledge.terms import KG, actor_classes, ontology, relation_types
from kg.rdf.terms import (
    DATE,
    DERIVED_FROM,
    DOCUMENT,
    END,
    HYPOTHETICAL,
    IDENTIFIER,
    NEGATED,
    OBJECT,
    PART_OF,
    PREDICATE,
    SENTENCE,
    SOURCE,
    START,
    STATEMENT,
    SUBJECT,
    TEXT,
    TRIGGER,
    TYPE,
    actor_node_iri,
    document_iri,
    new_graph,
    sentence_iri,
    statement_iri,
    web_iri,
    wikidata_iri,
)
from kg.records import Actor, Assertion, Document

# ---------------------------------------------------------------- IRIs


# ---------------------------------------------------------------- building

#: a literal per value, made once: dates, sources, triggers, flags and offsets repeat
#: (``typed`` keeps ``True`` and ``1`` apart)
_literal = lru_cache(maxsize=1 << 16, typed=True)(Literal)




class GraphBuilder:
    """Adds documents, actors and assertions to a graph, one at a time.

    Adding the same thing twice adds nothing new, so a streaming build can
    call :meth:`add_document` and :meth:`add_assertion` as items arrive.

    >>> from kg.knowledge.terms import ACTOR, WD
    >>> b = GraphBuilder({"RUS": Actor("RUS", "Russia", wikidata="Q159")})
    >>> b.add_actor("RUS")
    rdflib.term.URIRef('https://kg.example.org/actor/RUS')
    >>> (ACTOR.RUS, SKOS.exactMatch, WD.Q159) in b.graph
    True
    """

    def __init__(self, actors: Mapping[str, Actor] | None = None, graph: Graph | None = None) -> None:
        self.actors: Mapping[str, Actor] = actors if actors is not None else {}
        self.graph: Graph = graph if graph is not None else new_graph(simple=True)
        self._types = relation_types()
        self._kinds = actor_classes()
        self._actors_done: set[str] = set()
        self._docs_done: set[str] = set()
        self._sentences_done: set[URIRef] = set()
        self._statements_done: set[URIRef] = set()

    def add_document(self, doc: Document) -> URIRef:
        """Add a ``kg:Document`` with identifier, title, date, source path and URL.

        The URL is kept only when it is absolute (has a scheme, ``https:``):
        a relative one would be resolved against the file's base when read back.
        """
        node = document_iri(doc.id)
        add = self.graph.add
        add((node, TYPE, DOCUMENT))
        add((node, IDENTIFIER, Literal(doc.id)))
        if doc.title:
            add((node, DCTERMS.title, Literal(doc.title)))
        if doc.date:
            add((node, DCTERMS.date, Literal(doc.date)))
        if doc.path:
            add((node, DCTERMS.source, Literal(doc.path)))
        url = web_iri(doc.url) if doc.url else None
        if url is not None:
            add((node, KG.url, url))
        self._docs_done.add(doc.id)
        return node

    def add_actor(self, actor: Actor | str) -> URIRef:
        """Add an actor node typed by its kind; an unknown id becomes a bare ``kg:Actor``."""
        actor_id = actor if isinstance(actor, str) else actor.id
        node = actor_node_iri(actor_id)
        if actor_id in self._actors_done:
            return node
        record = self.actors.get(actor_id) if isinstance(actor, str) else actor
        add = self.graph.add
        kind = record.kind if record is not None and record.kind in self._kinds else "Actor"
        add((node, RDF.type, KG[kind]))
        add((node, KG.code, Literal(actor_id)))
        if record is not None:
            add((node, RDFS.label, Literal(record.name, lang="en")))
            match = wikidata_iri(record.wikidata) if record.wikidata else None
            if match is not None:
                add((node, SKOS.exactMatch, match))
        self._actors_done.add(actor_id)
        return node

    def add_assertion(self, a: Assertion) -> URIRef:
        """Add the statement node of ``a``, its sentence, and the plain triple if factual.

        A second assertion with the same IRI (same doc, offsets, subject,
        relation, object) is ignored: the first one's flags are kept.
        """
        rtype = self._types.get(a.relation)
        if rtype is None:
            raise KgError(f"unknown relation type {a.relation!r} (known: {', '.join(self._types)})")
        node = statement_iri(a)
        if node in self._statements_done:
            return node
        self._statements_done.add(node)
        subject, obj = self.add_actor(a.subject), self.add_actor(a.object)
        evidence = self._add_sentence(a)
        add = self.graph.add
        add((node, TYPE, STATEMENT))
        add((node, SUBJECT, subject))
        add((node, PREDICATE, rtype.prop))
        add((node, OBJECT, obj))
        add((node, NEGATED, _literal(bool(a.negated))))
        add((node, HYPOTHETICAL, _literal(bool(a.hypothetical))))
        for prop, value in ((DATE, a.date), (SOURCE, a.source), (TRIGGER, a.trigger)):
            if value:
                add((node, prop, _literal(value)))
        add((node, DERIVED_FROM, evidence))
        if a.factual:
            add((subject, rtype.prop, obj))
        return node

    def _add_sentence(self, a: Assertion) -> URIRef:
        node = sentence_iri(a.doc, a.start, a.end)
        if node in self._sentences_done:
            return node
        self._sentences_done.add(node)
        if a.doc not in self._docs_done:
            doc = document_iri(a.doc)
            self.graph.add((doc, TYPE, DOCUMENT))
            self.graph.add((doc, IDENTIFIER, Literal(a.doc)))
            self._docs_done.add(a.doc)
        add = self.graph.add
        add((node, TYPE, SENTENCE))
        add((node, TEXT, Literal(a.sentence)))
        add((node, START, _literal(int(a.start))))
        add((node, END, _literal(int(a.end))))
        add((node, PART_OF, document_iri(a.doc)))
        return node


def graph_from(
    assertions: Iterable[Assertion],
    documents: Iterable[Document] = (),
    actors: Mapping[str, Actor] | None = None,
) -> Graph:
    """The data graph of ``assertions`` with their documents and the actors that occur.

    Documents are added first, so an assertion's document keeps its title,
    date and URL whatever the order of the inputs.
    """
    builder = GraphBuilder(actors)
    for doc in documents:
        builder.add_document(doc)
    for assertion in assertions:
        builder.add_assertion(assertion)
    return builder.graph


def with_ontology(graph: Graph, *, simple: bool = False) -> Graph:
    """A new graph (:func:`new_graph`) holding the triples of ``graph`` and of ``ontology/kg.ttl``."""
    merged = new_graph(simple)
    merged += graph
    merged += ontology()
    return merged


# ---------------------------------------------------------------- reading back


# ---------------------------------------------------------------- files


