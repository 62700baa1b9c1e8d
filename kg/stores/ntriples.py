"""A graph's triples as N-Triples text in batches: what the stores load and send.

>>> from rdflib import Literal, URIRef
>>> from kg.rdf.terms import new_graph
>>> g = new_graph(); _ = g.add((URIRef("urn:a"), URIRef("urn:b"), Literal("c")))
>>> list(ntriples_batches(g, 10))
['<urn:a> <urn:b> "c" .\\n']
"""
from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator, TypeVar

from rdflib import BNode, Graph
from rdflib.term import Node

from kg.errors import KgError, one_line
from kg.rdf.ntriples import nt_line

T = TypeVar("T")
Triple = tuple[Node, Node, Node]


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size``.

    >>> [len(b) for b in batches(range(5), 2)]
    [2, 2, 1]
    """
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _has_blank(triple: Triple) -> bool:
    return isinstance(triple[0], BNode) or isinstance(triple[2], BNode)


def ntriples_batches(source: Graph, size: int) -> Iterator[str]:
    """N-Triples text of ``source``, ``size`` triples a piece.

    Triples with blank nodes come last, all in one piece: a blank node label
    means the same node only within one request or one load.
    """
    blank: list[Triple] = []

    def ground() -> Iterator[Triple]:
        for triple in source:
            if _has_blank(triple):
                blank.append(triple)
            else:
                yield triple

    try:
        for batch in batches(ground(), size):
            yield "".join(map(nt_line, batch))
        if blank:
            yield "".join(map(nt_line, blank))
    except KgError:
        raise
    except Exception as exc:  # rdflib refuses to write an IRI with spaces or <>
        raise KgError(f"cannot write a triple as N-Triples: {one_line(exc)}") from None
