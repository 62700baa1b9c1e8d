"""The IRIs of documents, sentences, statements and actors: deterministic, safe, no blank nodes."""
from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, unquote

from rdflib import Graph, URIRef
from rdflib.plugins.stores.memory import Memory, SimpleMemory
from rdflib.namespace import DCTERMS, PROV, RDF
from rdflib.term import Node

from kg.knowledge.terms import ACTOR, DOC, KG, PREFIXES, STMT, WD
from kg.records import Assertion

_UNSAFE_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|^`\\]')


_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


_WIKIDATA_ID = re.compile(r"(?:https?://www\.wikidata\.org/(?:entity|wiki)/)?(Q[1-9][0-9]*)")


def _segment(text: str) -> str:
    """Percent-encode one IRI path segment: ``'a b/c'`` → ``'a%20b%2Fc'``."""
    return quote(text, safe="")


def document_iri(doc_id: str) -> URIRef:
    """``doc:`` + the percent-encoded document id.

    >>> document_iri("news 1")
    rdflib.term.URIRef('https://kg.example.org/doc/news%201')
    """
    return DOC[_segment(doc_id)]


def sentence_iri(doc_id: str, start: int, end: int) -> URIRef:
    """``<doc IRI>/sentence/<start>-<end>``.

    >>> sentence_iri("seed", 120, 260)
    rdflib.term.URIRef('https://kg.example.org/doc/seed/sentence/120-260')
    """
    return URIRef(f"{document_iri(doc_id)}/sentence/{start}-{end}")


def statement_iri(a: Assertion) -> URIRef:
    """``stmt:`` + 16 hex digits of SHA-1 over ``doc|start|end|subject|relation|object``.

    >>> statement_iri(Assertion("d", "IRN", "SUPPLY", "RUS", False, False, None, None, "", 0, 5))[-16:]
    'a7e2d91aeb68a421'
    """
    key = f"{a.doc}|{a.start}|{a.end}|{a.subject}|{a.relation}|{a.object}"
    return STMT[hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]]


def actor_node_iri(actor_id: str) -> URIRef:
    """``actor:`` + the percent-encoded actor id (``actor:RUS``)."""
    return ACTOR[_segment(actor_id)]


def web_iri(url: str) -> URIRef | None:
    """An absolute URL as an IRI, with characters Turtle cannot hold
    percent-encoded; anything else → None.

    >>> web_iri("https://example.org/a b"), web_iri("example.org")
    (rdflib.term.URIRef('https://example.org/a%20b'), None)
    """
    if not _ABSOLUTE_IRI.match(url):
        return None
    return URIRef(_UNSAFE_IRI_CHARS.sub(lambda m: quote(m.group()), url))


def wikidata_iri(qid: str) -> URIRef | None:
    """``Q159`` or a Wikidata entity IRI → ``wd:Q159``; anything else → None."""
    match = _WIKIDATA_ID.fullmatch(qid.strip())
    return WD[match.group(1)] if match else None


def local_id(iri: Node, base: str) -> str:
    """Inverse of the percent-encoded IRIs above: ``actor:RUS`` → ``"RUS"``."""
    return unquote(str(iri).removeprefix(base))


def new_graph(simple: bool = False) -> Graph:
    """An empty in-memory graph with the project's prefixes bound.

    A ``simple`` one is held by rdflib's ``SimpleMemory`` store (one graph: no named
    graphs, no change events), which a build fills about a third faster than the
    default ``Memory`` (a build's graph is one); parsing JSON-LD, TriG or N-Quads
    into a graph, validating it with pySHACL or staging a build in a graph of its
    own needs named graphs: copy a simple graph into a default one first
    (``g = new_graph(); g += simple_graph``).

    >>> type(new_graph().store).__name__, type(new_graph(simple=True).store).__name__
    ('Memory', 'SimpleMemory')
    """
    graph = Graph(store=SimpleMemory() if simple else Memory(), bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


# The terms of every statement and sentence, looked up once: a namespace makes a new IRI per
# attribute access, which shows in loops over 100k statements (writing and reading share these).
STATEMENT, SENTENCE, DOCUMENT, TYPE = KG.Statement, KG.Sentence, KG.Document, RDF.type
SUBJECT, PREDICATE, OBJECT = RDF.subject, RDF.predicate, RDF.object
NEGATED, HYPOTHETICAL, DATE, SOURCE, TRIGGER = KG.negated, KG.hypothetical, KG.date, KG.source, KG.trigger
DERIVED_FROM, TEXT, START, END = PROV.wasDerivedFrom, KG.text, KG.start, KG.end
PART_OF, IDENTIFIER = DCTERMS.isPartOf, DCTERMS.identifier
