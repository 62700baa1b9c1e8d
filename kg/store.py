"""Where the triples live: in memory, in a local Oxigraph database, or in a remote SPARQL store.

A store is named by a spec string (the ``--store`` option):

=====================================  ===================================================
``memory`` (or nothing)                an rdflib in-memory graph, :func:`kg.rdf.new_graph`
``oxigraph:PATH``                      an Oxigraph (RocksDB) database in folder ``PATH``,
                                       created if missing, kept between runs
``sparql:http://127.0.0.1:7878``       an Oxigraph server (``oxigraph serve``): a URL
                                       without a path means its ``/query`` and ``/update``
``sparql:http://host/ds``              a URL with a path is both the query and the update
                                       endpoint (Fuseki ``/ds``, Virtuoso ``/sparql``)
``sparql:http://host/q|http://host/u``  an explicit query | update endpoint pair (GraphDB:
                                       ``/repositories/r|/repositories/r/statements``)
=====================================  ===================================================

Every spec gives an rdflib :class:`~rdflib.Graph` whose triples are in the
*default graph* of the store, with the project prefixes bound, so
:func:`kg.sparql.run_query` and :func:`kg.graph.to_networkx` work on all of
them. Fill a store with :func:`add_graph` (batched), release it with
:func:`close_store`.

>>> g = open_store("memory")
>>> add_graph(g, open_store(None))
0
>>> close_store(g)
"""
from __future__ import annotations

import gc
import socket
import urllib.error
import urllib.request
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.term import Node

from kg.errors import KgError
from kg.export import nt_line
from kg.rdf import new_graph
from kg.vocab import PREFIXES

__all__ = ["MEMORY", "STORE_KINDS", "open_store", "add_graph", "clear_store", "close_store", "is_store_spec", "sparql_endpoints"]

MEMORY = "memory"

#: Seconds to wait for a remote SPARQL store to answer one request.
HTTP_TIMEOUT = 60.0

_Triple = tuple[Node, Node, Node]


# ---------------------------------------------------------------- opening

def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__


def _bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def _open_memory(rest: str) -> Graph:
    if rest:
        raise KgError(f"bad store spec 'memory:{rest}': 'memory' takes no argument")
    return new_graph()


def _open_oxigraph(rest: str) -> Graph:
    """An rdflib graph over the Oxigraph database in folder ``rest`` (created if missing)."""
    if not rest.strip():
        raise KgError("bad store spec 'oxigraph:': name a folder, e.g. oxigraph:out/kg.oxigraph")
    path = Path(rest).expanduser()
    if path.exists() and not path.is_dir():
        raise KgError(f"{path}: not a folder, cannot hold an Oxigraph store")
    graph = Graph(store="Oxigraph", identifier=DATASET_DEFAULT_GRAPH_ID, bind_namespaces="core")
    try:
        path.mkdir(parents=True, exist_ok=True)
        graph.open(str(path))
    except Exception as exc:  # OSError, or pyoxigraph's error for a locked or damaged database
        raise KgError(f"{path}: cannot open the Oxigraph store: {_one_line(exc)}") from None
    return _bind_prefixes(graph)


def _http_url(text: str, spec: str) -> str:
    url = text.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise KgError(f"bad store spec {spec!r}: {url!r} is not an http(s) URL")
    return url


def sparql_endpoints(rest: str) -> tuple[str, str]:
    """The (query, update) endpoint URLs of the part of a ``sparql:`` spec after the colon.

    >>> sparql_endpoints("http://127.0.0.1:7878")
    ('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update')
    >>> sparql_endpoints("http://host/ds")
    ('http://host/ds', 'http://host/ds')
    >>> sparql_endpoints("http://host/q|http://host/u")
    ('http://host/q', 'http://host/u')
    """
    spec = f"sparql:{rest}"
    if "|" in rest:
        query, update = rest.split("|", 1)
        return _http_url(query, spec), _http_url(update, spec)
    url = _http_url(rest, spec)
    if urlsplit(url).path in ("", "/"):
        base = url.rstrip("/")
        return f"{base}/query", f"{base}/update"
    return url, url


def _http_error(url: str, exc: BaseException) -> str:
    """One line for a failed request: the HTTP status and the server's first line, or the reason."""
    if isinstance(exc, urllib.error.HTTPError):
        body = exc.read(2000).decode("utf-8", "replace").strip()
        return f"{url} answered HTTP {exc.code} {exc.reason}" + (f": {_one_line(body)}" if body else "")
    reason = getattr(exc, "reason", exc)
    return f"cannot reach {url}: {_one_line(reason if isinstance(reason, BaseException) else exc)}"


def _request(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> bytes:
    """GET (or POST ``data`` to) ``url``; any failure is a :class:`KgError` of one line."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
            return response.read()
    except (urllib.error.URLError, socket.timeout, OSError, ValueError) as exc:
        raise KgError(f"SPARQL store: {_http_error(url, exc)}") from None


def _check_endpoint(query_url: str) -> None:
    """Ask the query endpoint ``ASK {}``, so a wrong URL fails now, not at the first write."""
    _request(f"{query_url}?{urlencode({'query': 'ASK {}'})}",
             headers={"Accept": "application/sparql-results+json, application/sparql-results+xml"})


def _open_sparql(rest: str) -> Graph:
    """An rdflib graph over the default graph of a remote SPARQL 1.1 store.

    Writes through ``graph.add`` are queued (``autocommit=False``) and sent
    by the next query, :func:`add_graph` or :func:`close_store`.
    """
    query_url, update_url = sparql_endpoints(rest)
    _check_endpoint(query_url)
    # context_aware=False: rdflib would otherwise send default-graph-uri=urn:x-rdflib:default
    # with every query (it does not recognise its own default graph id) and find nothing.
    store = SPARQLUpdateStore(query_endpoint=query_url, update_endpoint=update_url,
                              autocommit=False, context_aware=False)
    graph = Graph(store=store, identifier=DATASET_DEFAULT_GRAPH_ID, bind_namespaces="core")
    return _bind_prefixes(graph)


#: Store kind (the part of a spec before the first colon) → the function opening it.
_OPENERS: dict[str, Callable[[str], Graph]] = {
    MEMORY: _open_memory, "oxigraph": _open_oxigraph, "sparql": _open_sparql,
}
STORE_KINDS: tuple[str, ...] = tuple(_OPENERS)


def is_store_spec(text: str) -> bool:
    """True when ``text`` names a persistent store (``oxigraph:PATH``, ``sparql:URL``), not a file.

    >>> is_store_spec("oxigraph:out/kg.db"), is_store_spec("out/graph.ttl"), is_store_spec("memory")
    (True, False, False)
    """
    kind = text.strip().partition(":")[0].lower()
    return kind in _OPENERS and kind != MEMORY


def open_store(spec: str | None = None) -> Graph:
    """The graph a store spec names (see the module docstring); bad specs raise :class:`KgError`.

    >>> len(open_store(None)), open_store("memory").namespace_manager.store.namespace("kg")
    (0, rdflib.term.URIRef('https://kg.example.org/ontology#'))
    >>> open_store("mysql:db")
    Traceback (most recent call last):
    ...
    kg.errors.KgError: bad store spec 'mysql:db' (known: memory, oxigraph:PATH, sparql:URL)
    """
    kind, _, rest = (spec or MEMORY).strip().partition(":")
    opener = _OPENERS.get(kind.lower())
    if opener is None:
        raise KgError(f"bad store spec {spec!r} (known: memory, oxigraph:PATH, sparql:URL)")
    return opener(rest)


# ---------------------------------------------------------------- writing

def _batches(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size``.

    >>> [len(b) for b in _batches(range(5), 2)]
    [2, 2, 1]
    """
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _has_blank(triple: _Triple) -> bool:
    return isinstance(triple[0], BNode) or isinstance(triple[2], BNode)


def _ntriples_batches(source: Graph, size: int) -> Iterator[str]:
    """N-Triples text of ``source``, ``size`` triples a piece.

    Triples with blank nodes come last, all in one piece: a blank node label
    means the same node only within one request or one load.
    """
    blank: list[_Triple] = []

    def ground() -> Iterator[_Triple]:
        for triple in source:
            if _has_blank(triple):
                blank.append(triple)
            else:
                yield triple

    try:
        for batch in _batches(ground(), size):
            yield "".join(map(nt_line, batch))
        if blank:
            yield "".join(map(nt_line, blank))
    except KgError:
        raise
    except Exception as exc:  # rdflib refuses to write an IRI with spaces or <>
        raise KgError(f"cannot write a triple as N-Triples: {_one_line(exc)}") from None


def _insert_data(update_url: str, ntriples: str) -> None:
    """One SPARQL 1.1 Update request: ``INSERT DATA { … }`` into the default graph."""
    body = f"INSERT DATA {{\n{ntriples}}}\n".encode("utf-8")
    _request(update_url, body, {"Content-Type": "application/sparql-update; charset=utf-8"})


def _add_remote(target: Graph, source: Graph, batch: int) -> None:
    store: SPARQLUpdateStore = target.store  # type: ignore[assignment]
    _commit(store)
    for text in _ntriples_batches(source, batch):
        _insert_data(store.update_endpoint, text)


def _add_oxigraph(target: Graph, source: Graph, batch: int) -> None:
    """One Oxigraph transaction per batch, loaded from N-Triples by Oxigraph's own parser,
    then written through to disk: RocksDB's write buffers would otherwise grow with the store."""
    for text in _ntriples_batches(source, batch):
        target.parse(data=text, format="ox-nt")
    target.store._inner.flush()  # type: ignore[attr-defined]


def _add_triples(target: Graph, source: Graph, batch: int) -> None:
    for triples in _batches(source, batch):
        target.addN((s, p, o, target) for s, p, o in triples)


def _store_kind(graph: Graph) -> str:
    store = graph.store
    if isinstance(store, SPARQLUpdateStore):
        return "sparql"
    return "oxigraph" if isinstance(store, OxigraphStore) else MEMORY


_ADDERS: dict[str, Callable[[Graph, Graph, int], None]] = {
    "sparql": _add_remote, "oxigraph": _add_oxigraph, MEMORY: _add_triples,
}


def add_graph(target: Graph, source: Graph, batch: int = 10000) -> int:
    """Add the triples of ``source`` to ``target`` in batches of ``batch``; return how many were sent.

    Remote stores get one ``INSERT DATA`` request per batch, Oxigraph one
    transaction per batch; other stores take the batches through ``addN``.
    The source's prefixes are bound in the target too.

    >>> from rdflib import Literal, URIRef
    >>> source = new_graph()
    >>> _ = source.add((URIRef("urn:a"), URIRef("urn:b"), Literal("c")))
    >>> target = open_store("memory")
    >>> add_graph(target, source), len(target)
    (1, 1)
    """
    if batch < 1:
        raise KgError(f"batch size must be at least 1, not {batch}")
    if target is source:
        return len(source)
    for prefix, namespace in source.namespaces():
        target.bind(prefix, namespace, override=False)
    _ADDERS[_store_kind(target)](target, source, batch)
    return len(source)


def clear_store(graph: Graph) -> None:
    """Remove every triple of the store's default graph (named graphs are left alone).

    >>> from rdflib import URIRef
    >>> g = open_store("memory"); _ = g.add((URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")))
    >>> clear_store(g); len(g)
    0
    """
    kind = _store_kind(graph)
    if kind == "oxigraph":
        graph.store._inner.clear_graph(ox.DefaultGraph())
    elif kind == "sparql":
        _commit(graph.store)  # type: ignore[arg-type]
        _request(graph.store.update_endpoint, b"CLEAR DEFAULT",  # type: ignore[attr-defined]
                 {"Content-Type": "application/sparql-update; charset=utf-8"})
    else:
        graph.remove((None, None, None))


def _commit(store: SPARQLUpdateStore) -> None:
    """Send the queued writes of a remote store."""
    try:
        store.commit()
    except Exception as exc:
        raise KgError(f"SPARQL store: {_http_error(store.update_endpoint, exc)}") from None


def close_store(graph: Graph) -> None:
    """Send what a remote store still queues, and release the store (an Oxigraph folder's lock).

    Closing twice is harmless.
    """
    if isinstance(graph.store, SPARQLUpdateStore):
        _commit(graph.store)
    oxigraph = _store_kind(graph) == "oxigraph"
    try:
        graph.close()
    except AttributeError:  # oxrdflib: already closed
        pass
    if oxigraph:
        # the folder's lock goes with the last reference to the database; frames kept in
        # reference cycles (tracebacks caught while rdflib parses a query) can hold one
        gc.collect()
