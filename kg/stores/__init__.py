"""Where the triples live: in memory, in a local Oxigraph database, or in a remote SPARQL store.

A store is named by a spec string (the ``--store`` option):

=====================================  ===================================================
``memory`` (or nothing)                an rdflib in-memory graph, :func:`kg.rdf.terms.new_graph`
``oxigraph:PATH``                      an Oxigraph (RocksDB) database in folder ``PATH``,
                                       created if missing, kept between runs
``sparql:http://127.0.0.1:7878``       an Oxigraph server (``oxigraph serve``): a URL
                                       without a path means its ``/query`` and ``/update``
``sparql:http://host/ds``              a URL with a path is both the query and the update
                                       endpoint (Fuseki ``/ds``, Virtuoso ``/sparql``)
``sparql:http://host/q|http://host/u``  an explicit query | update endpoint pair (GraphDB:
                                       ``/repositories/r|/repositories/r/statements``)
=====================================  ===================================================

Each kind is one module behind one interface (``open``, ``owns``, ``add``,
``clear``, ``close``; ``swap`` and ``drop`` of named graphs where the store has
them), registered by name in :data:`BACKENDS`. Every spec
gives an rdflib :class:`~rdflib.Graph` whose triples are in the *default
graph* of the store, with the project prefixes bound, so
:func:`kg.sparql.engine.run_query` and :func:`kg.network.view.to_networkx`
work on all of them. Fill a store with :func:`add_graph` (batched), release
it with :func:`close_store`. A build fills the graph :func:`staging_graph`
gives, then calls :func:`publish` (or :func:`discard`), so that the default
graph is never half-built.

>>> g = open_store("memory")
>>> add_graph(g, open_store(None))
0
>>> close_store(g)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from rdflib import Graph, URIRef

from kg.errors import KgError
from kg.knowledge.terms import PREFIXES
from kg.stores import memory, oxigraph, remote

__all__ = ["BACKENDS", "MEMORY", "STORE_KINDS", "STAGING", "Backend", "open_store", "add_graph", "clear_store",
           "close_store", "is_store_spec", "staging_graph", "publish", "discard"]

MEMORY = memory.NAME


@dataclass(frozen=True, slots=True)
class Backend:
    """One kind of store: how to open it from a spec, recognise, fill, clear and close its graphs."""

    name: str
    usage: str
    open: Callable[[str], Graph]
    owns: Callable[[Graph], bool]
    add: Callable[[Graph, Graph, int], None]
    clear: Callable[[Graph], None]
    close: Callable[[Graph], None]
    swap: Callable[[Graph, str], None] | None = None  # a named graph becomes the default graph
    drop: Callable[[Graph, str], None] | None = None  # a named graph goes


#: Store kind (the part of a spec before the first colon) → its backend; the
#: memory backend comes last, as it takes any graph the others do not own.
BACKENDS: dict[str, Backend] = {
    module.NAME: Backend(module.NAME, module.USAGE, opener, module.owns, module.add, module.clear, module.close,
                         getattr(module, "swap", None), getattr(module, "drop", None))
    for module, opener in ((oxigraph, oxigraph.open_oxigraph), (remote, remote.open_remote),
                           (memory, memory.open_memory))
}
#: the named graph a build fills before it replaces a store's default graph
STAGING = "urn:kg:build-staging"
STORE_KINDS: tuple[str, ...] = (MEMORY, oxigraph.NAME, remote.NAME)


def _backend_of(graph: Graph) -> Backend:
    return next(backend for backend in BACKENDS.values() if backend.owns(graph))


def is_store_spec(text: str) -> bool:
    """True when ``text`` names a persistent store (``oxigraph:PATH``, ``sparql:URL``), not a file.

    >>> is_store_spec("oxigraph:out/kg.db"), is_store_spec("out/graph.ttl"), is_store_spec("memory")
    (True, False, False)
    """
    kind = text.strip().partition(":")[0].lower()
    return kind in BACKENDS and kind != MEMORY


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
    backend = BACKENDS.get(kind.lower())
    if backend is None:
        known = ", ".join(BACKENDS[k].usage for k in STORE_KINDS)
        raise KgError(f"bad store spec {spec!r} (known: {known})")
    graph = backend.open(rest)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def add_graph(target: Graph, source: Graph, batch: int = 10000) -> int:
    """Add the triples of ``source`` to ``target`` in batches of ``batch``; return how many were sent.

    Remote stores get one ``INSERT DATA`` request per batch, Oxigraph one
    transaction per batch; other stores take the batches through ``addN``.
    The source's prefixes are bound in the target too.

    >>> from rdflib import Literal, URIRef
    >>> source = open_store("memory")
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
    _backend_of(target).add(target, source, batch)
    return len(source)


def clear_store(graph: Graph) -> None:
    """Remove every triple of the store's default graph (named graphs are left alone).

    >>> from rdflib import URIRef
    >>> g = open_store("memory"); _ = g.add((URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")))
    >>> clear_store(g); len(g)
    0
    """
    _backend_of(graph).clear(graph)


def staging_graph(graph: Graph) -> Graph:
    """Where a build into ``graph`` puts its triples: a named graph of the same store, emptied
    first (an interrupted build may have left one), so that the default graph stays whole
    until :func:`publish`; for a store without named graphs (memory), ``graph`` itself, emptied."""
    backend = _backend_of(graph)
    if backend.swap is None or backend.drop is None:
        backend.clear(graph)
        return graph
    backend.drop(graph, STAGING)
    return Graph(store=graph.store, identifier=URIRef(STAGING), namespace_manager=graph.namespace_manager)


def publish(graph: Graph, staged: Graph) -> None:
    """Make what a build put in ``staged`` the default graph of ``graph``'s store, replacing it at once."""
    backend = _backend_of(graph)
    if staged is not graph and backend.swap is not None:
        backend.swap(graph, str(staged.identifier))


def discard(graph: Graph, staged: Graph) -> None:
    """Drop what an unfinished build put in ``staged``; the default graph is untouched."""
    backend = _backend_of(graph)
    if staged is not graph and backend.drop is not None:
        backend.drop(graph, str(staged.identifier))


def close_store(graph: Graph) -> None:
    """Send what a remote store still queues, and release the store (an Oxigraph folder's lock).

    Closing twice is harmless.
    """
    _backend_of(graph).close(graph)
