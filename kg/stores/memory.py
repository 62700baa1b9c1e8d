"""The ``memory`` store: an rdflib in-memory graph.

>>> g = open_memory("")
>>> len(g), owns(g)
(0, True)
"""
from __future__ import annotations

from rdflib import Graph

from kg.errors import KgError
from kg.rdf.terms import new_graph
from kg.stores.ntriples import batches

NAME = "memory"
USAGE = "memory"


def open_memory(rest: str) -> Graph:
    """A new in-memory graph; the spec takes no argument."""
    if rest:
        raise KgError(f"bad store spec 'memory:{rest}': 'memory' takes no argument")
    return new_graph()


def owns(graph: Graph) -> bool:
    """Every graph no other backend claims is handled as an rdflib graph."""
    return True


def add(target: Graph, source: Graph, batch: int) -> None:
    """The triples of ``source`` through ``addN``, ``batch`` at a time."""
    for triples in batches(source, batch):
        target.addN((s, p, o, target) for s, p, o in triples)


def clear(graph: Graph) -> None:
    """Remove every triple."""
    graph.remove((None, None, None))


def close(graph: Graph) -> None:
    """Release the graph."""
    graph.close()
