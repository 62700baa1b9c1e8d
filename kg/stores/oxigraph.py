"""The ``oxigraph:PATH`` store: an Oxigraph (RocksDB) database in a folder, through oxrdflib.

This module is the one place that reaches into oxrdflib's internals, because
oxrdflib has no public API for them: the ``pyoxigraph.Store`` behind a graph
(to run SPARQL natively, flush writes and clear the default graph) and its
term converters. Everything else asks this module.
"""
from __future__ import annotations

import gc
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from oxrdflib._converter import from_ox, to_ox  # no public equivalent
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.errors import KgError, one_line
from kg.stores.ntriples import ntriples_batches

NAME = "oxigraph"
USAGE = "oxigraph:PATH"

__all__ = ["native_store", "open_oxigraph", "open_read_only", "folder_of", "owns", "add", "clear", "swap", "drop",
           "close", "to_oxigraph_term", "from_oxigraph_term"]


def open_oxigraph(rest: str) -> Graph:
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
        raise KgError(f"{path}: cannot open the Oxigraph store: {one_line(exc)}") from None
    graph.store.kg_folder = path.resolve()  # type: ignore[attr-defined]
    return graph


def folder_of(graph: Graph) -> Path | None:
    """The folder of an Oxigraph store opened by :func:`open_oxigraph`, else None."""
    return getattr(graph.store, "kg_folder", None)


def open_read_only(folder: str | Path) -> Graph:
    """A read-only view of the Oxigraph database in ``folder``, which another process may
    hold open (for writing) at the same time."""
    try:
        inner = ox.Store.read_only(str(folder))
    except Exception as exc:
        raise KgError(f"{folder}: cannot open the Oxigraph store read-only: {one_line(exc)}") from None
    return Graph(store=OxigraphStore(store=inner), identifier=DATASET_DEFAULT_GRAPH_ID, bind_namespaces="core")


def native_store(graph: Graph) -> ox.Store | None:
    """The ``pyoxigraph.Store`` behind an oxrdflib graph, or None for any other graph."""
    inner = getattr(graph.store, "_inner", None)
    return inner if isinstance(inner, ox.Store) else None


def owns(graph: Graph) -> bool:
    """True for a graph over an Oxigraph store."""
    return isinstance(graph.store, OxigraphStore)


def add(target: Graph, source: Graph, batch: int) -> None:
    """One Oxigraph transaction per batch, loaded from N-Triples by Oxigraph's own parser,
    then written through to disk: RocksDB's write buffers would otherwise grow with the store."""
    for text in ntriples_batches(source, batch):
        target.parse(data=text, format="ox-nt")
    store = native_store(target)
    if store is not None:
        store.flush()


def clear(graph: Graph) -> None:
    """Remove every triple of the default graph; named graphs stay."""
    store = native_store(graph)
    if store is not None:
        store.clear_graph(ox.DefaultGraph())


def swap(graph: Graph, staging: str) -> None:
    """The named graph ``staging`` becomes the default graph, in one transaction
    (the old default graph stays whole until it commits)."""
    store = native_store(graph)
    if store is not None:
        store.update(f"MOVE SILENT GRAPH <{staging}> TO DEFAULT")
        store.flush()


def drop(graph: Graph, name: str) -> None:
    """Remove the named graph ``name`` (nothing when it is not there)."""
    store = native_store(graph)
    if store is not None:
        store.update(f"DROP SILENT GRAPH <{name}>")


def close(graph: Graph) -> None:
    """Release the database and its folder's lock."""
    try:
        graph.close()
    except AttributeError:  # oxrdflib: already closed
        pass
    # the folder's lock goes with the last reference to the database; frames kept in
    # reference cycles (tracebacks caught while rdflib parses a query) can hold one
    gc.collect()


def to_oxigraph_term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    return to_ox(term)


def from_oxigraph_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """A pyoxigraph term as an rdflib term."""
    return from_ox(term)
