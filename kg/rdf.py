"""Assertions, documents and actors → an rdflib :class:`~rdflib.Graph`, and back.

The data model is the one of ``docs/ARCHITECTURE.md``: every assertion becomes
a ``kg:Statement`` node (subject, predicate, object, flags, date, source,
trigger, ``prov:wasDerivedFrom`` its sentence); a factual one (neither negated
nor hypothetical) is also asserted as the plain triple ``actor:IRN kg:supplies
actor:RUS``. IRIs are deterministic; there are no blank nodes.

>>> from kg.model import Assertion, Document
>>> doc = Document("seed", "Iran supplied drones to Russia.")
>>> a = Assertion("seed", "IRN", "SUPPLY", "RUS", False, False, "2023", None, doc.text, 0, 31)
>>> g = graph_from([a], [doc], {})
>>> (ACTOR.IRN, KG.supplies, ACTOR.RUS) in g
True
>>> assertions_from(g) == [a]
True
"""
from __future__ import annotations

import hashlib
import re
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping
from urllib.parse import quote, unquote

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from kg.errors import KgError
from kg.io import atomic_write
from kg.model import Actor, Assertion, Document
from kg.vocab import ACTOR, DOC, KG, PREFIXES, STMT, WD, ontology, relation_types

__all__ = [
    "GraphBuilder", "graph_from", "with_ontology", "new_graph",
    "document_iri", "sentence_iri", "statement_iri", "actor_node_iri",
    "serialize", "write_graph", "load_graph", "assertions_from", "actors_from",
    "FORMATS",
]

#: rdflib format name by file extension (``load_graph``, ``write_graph``).
FORMATS: dict[str, str] = {
    ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld",
    ".trig": "trig", ".nq": "nquads", ".n3": "n3", ".xml": "xml", ".rdf": "xml", ".owl": "xml",
}

_UNSAFE_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_WIKIDATA_ID = re.compile(r"(?:https?://www\.wikidata\.org/(?:entity|wiki)/)?(Q[1-9][0-9]*)")


# ---------------------------------------------------------------- IRIs

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


def _web_iri(url: str) -> URIRef:
    """A URL as an IRI, with characters Turtle cannot hold percent-encoded."""
    return URIRef(_UNSAFE_IRI_CHARS.sub(lambda m: quote(m.group()), url))


def _wikidata_iri(qid: str) -> URIRef | None:
    """``Q159`` or a Wikidata entity IRI → ``wd:Q159``; anything else → None."""
    match = _WIKIDATA_ID.fullmatch(qid.strip())
    return WD[match.group(1)] if match else None


def _local_id(iri: Node, base: str) -> str:
    """Inverse of the percent-encoded IRIs above: ``actor:RUS`` → ``"RUS"``."""
    return unquote(str(iri).removeprefix(base))


# ---------------------------------------------------------------- building

#: a literal per value, made once: dates, sources, triggers, flags and offsets repeat
#: (``typed`` keeps ``True`` and ``1`` apart)
_literal = lru_cache(maxsize=1 << 16, typed=True)(Literal)


def new_graph() -> Graph:
    """An empty in-memory graph with the project's prefixes bound."""
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def _actor_classes() -> frozenset[str]:
    """Local names of kg:Actor and its subclasses, read from the ontology."""
    onto = ontology()
    return frozenset(
        str(cls).removeprefix(str(KG))
        for cls in onto.transitive_subjects(RDFS.subClassOf, KG.Actor)
        if str(cls).startswith(str(KG))
    )


# the terms of every statement and sentence, looked up once (a namespace makes a new IRI per access)
_STATEMENT, _SENTENCE, _NEGATED, _HYPOTHETICAL, _DATE, _SOURCE, _TRIGGER, _TEXT, _START, _END = (
    KG[name] for name in ("Statement", "Sentence", "negated", "hypothetical", "date", "source", "trigger",
                          "text", "start", "end"))


class GraphBuilder:
    """Adds documents, actors and assertions to a graph, one at a time.

    Adding the same thing twice adds nothing new, so a streaming build can
    call :meth:`add_document` and :meth:`add_assertion` as items arrive.

    >>> b = GraphBuilder({"RUS": Actor("RUS", "Russia", wikidata="Q159")})
    >>> b.add_actor("RUS")
    rdflib.term.URIRef('https://kg.example.org/actor/RUS')
    >>> (ACTOR.RUS, SKOS.exactMatch, WD.Q159) in b.graph
    True
    """

    def __init__(self, actors: Mapping[str, Actor] | None = None, graph: Graph | None = None) -> None:
        self.actors: Mapping[str, Actor] = actors if actors is not None else {}
        self.graph: Graph = graph if graph is not None else new_graph()
        self._types = relation_types()
        self._kinds = _actor_classes()
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
        add((node, RDF.type, KG.Document))
        add((node, DCTERMS.identifier, Literal(doc.id)))
        if doc.title:
            add((node, DCTERMS.title, Literal(doc.title)))
        if doc.date:
            add((node, DCTERMS.date, Literal(doc.date)))
        if doc.path:
            add((node, DCTERMS.source, Literal(doc.path)))
        if doc.url and _ABSOLUTE_IRI.match(doc.url):
            add((node, KG.url, _web_iri(doc.url)))
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
            match = _wikidata_iri(record.wikidata) if record.wikidata else None
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
        add((node, RDF.type, _STATEMENT))
        add((node, RDF.subject, subject))
        add((node, RDF.predicate, rtype.prop))
        add((node, RDF.object, obj))
        add((node, _NEGATED, _literal(bool(a.negated))))
        add((node, _HYPOTHETICAL, _literal(bool(a.hypothetical))))
        for prop, value in ((_DATE, a.date), (_SOURCE, a.source), (_TRIGGER, a.trigger)):
            if value:
                add((node, prop, _literal(value)))
        add((node, PROV.wasDerivedFrom, evidence))
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
            self.graph.add((doc, RDF.type, KG.Document))
            self.graph.add((doc, DCTERMS.identifier, Literal(a.doc)))
            self._docs_done.add(a.doc)
        add = self.graph.add
        add((node, RDF.type, _SENTENCE))
        add((node, _TEXT, Literal(a.sentence)))
        add((node, _START, _literal(int(a.start))))
        add((node, _END, _literal(int(a.end))))
        add((node, DCTERMS.isPartOf, document_iri(a.doc)))
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


def with_ontology(graph: Graph) -> Graph:
    """A new graph holding the triples of ``graph`` and of ``ontology/kg.ttl``."""
    merged = new_graph()
    merged += graph
    merged += ontology()
    return merged


# ---------------------------------------------------------------- reading back

def _actor_id(graph: Graph, node: Node) -> str:
    code = graph.value(node, KG.code)
    return str(code) if code is not None else _local_id(node, str(ACTOR))


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
        doc=str(doc_id) if doc_id is not None else _local_id(doc, str(DOC)),
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
    kinds = _actor_classes()
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


# ---------------------------------------------------------------- files

def _format_for(path: Path, fmt: str | None = None) -> str:
    if fmt:
        return fmt
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise KgError(f"{path}: unknown RDF file extension {path.suffix!r} (known: {known})") from None


def _has_blank_nodes(graph: Graph) -> bool:
    return any(isinstance(term, BNode) for triple in graph for term in triple)


def _sorted_ntriples(graph: Graph) -> str:
    """The N-Triples of ``graph``, one triple a line, sorted; blank nodes relabelled canonically."""
    if _has_blank_nodes(graph):
        graph = to_canonical_graph(graph)
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    # split on "\n" only: str.splitlines() would also split inside literals at U+2028 etc.
    return "".join(sorted(line + "\n" for line in text.split("\n") if line.strip()))


def _canonical_copy(graph: Graph) -> Graph:
    """A copy of ``graph`` whose triples were inserted in sorted order, same prefixes."""
    copy = Graph(bind_namespaces="core")
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace, override=True, replace=True)
    copy.parse(data=_sorted_ntriples(graph), format="nt")
    return copy


def serialize(graph: Graph, fmt: str = "turtle") -> str:
    """``graph`` as text in ``fmt``; the same triples always give the same text.

    rdflib's Turtle writer sorts subjects, predicates and objects itself; for
    the other formats the triples are first put into sorted order. TriG is
    written as Turtle, which TriG reads as the default graph (rdflib's own
    TriG writer would name the graph with a random blank node).
    """
    if fmt in ("nt", "ntriples", "nt11", "nquads"):  # N-Triples lines are N-Quads of the default graph
        return _sorted_ntriples(graph)
    if fmt in ("turtle", "trig"):  # a Turtle document is a TriG document: its triples are the default graph
        return (_canonical_copy(graph) if _has_blank_nodes(graph) else graph).serialize(format="turtle")
    return _canonical_copy(graph).serialize(format=fmt)


def write_graph(graph: Graph, path: str | Path, format: str | None = None) -> Path:
    """Write ``graph`` to ``path`` atomically and deterministically; return the path.

    ``format`` is an rdflib format name (``"turtle"``, ``"nt"``, ``"json-ld"``,
    ``"trig"``, ``"xml"``); ``None`` takes it from the extension (:data:`FORMATS`).
    """
    target = Path(path)
    return atomic_write(target, serialize(graph, _format_for(target, format)))


def _parse_error_line(exc: BaseException) -> int | None:
    """The line number an rdflib parser reports, where it reports one."""
    for attr in ("lines", "lineno", "line"):
        value = getattr(exc, attr, None)
        if isinstance(value, int):
            return value + 1 if attr == "lines" else value
    get_line = getattr(exc, "getLineNumber", None)  # xml.sax.SAXParseException
    if callable(get_line):
        return int(get_line())
    match = re.search(r"line (\d+)", str(exc))
    return int(match.group(1)) if match else None


def _one_line(exc: BaseException) -> str:
    message = getattr(exc, "_why", None) or str(exc) or type(exc).__name__  # _why: notation3.BadSyntax
    return " ".join(str(message).split())[:200]


def load_graph(path: str | Path, format: str | None = None) -> Graph:
    """Parse an RDF file into a new graph, the format taken from the extension.

    A TriG file's named graphs are merged into one graph. A missing file or
    a syntax error raises :class:`KgError` naming the file (and the line).
    """
    source = Path(path)
    fmt = _format_for(source, format)
    if not source.is_file():
        raise KgError(f"{source}: no such file")
    graph = new_graph()
    try:
        with warnings.catch_warnings():  # rdflib's TriG, N3 and JSON-LD parsers use its own deprecated API
            warnings.simplefilter("ignore", DeprecationWarning)
            if fmt in ("trig", "nquads"):
                dataset = Dataset(default_union=True)
                dataset.parse(source, format=fmt)
                for triple in dataset.triples((None, None, None)):
                    graph.add(triple)
            else:
                graph.parse(source, format=fmt)
    except Exception as exc:  # rdflib raises many types: BadSyntax, ParseError, SAX, JSON
        line = _parse_error_line(exc)
        where = f"{source}:{line}" if line else str(source)
        raise KgError(f"{where}: cannot parse {fmt}: {_one_line(exc)}") from exc
    return graph
