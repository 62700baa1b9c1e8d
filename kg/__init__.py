"""kg: knowledge graphs of state-to-state relations from news text.

The small public API, used by the CLI and by notebooks::

    import kg
    graph, summary = kg.build(["seeds/"])          # documents -> RDF graph
    graph = kg.load("out/graph.ttl")               # or read a built one
    rows = kg.query(graph, "supplies")             # SPARQL: text, .rq file or ready query name
    G = kg.to_networkx(graph)                      # aggregated actor graph
    kg.render(G, "out/graph.html")                 # interactive offline HTML
    for a in kg.extract([kg.Document("d", "Iran supplied drones to Russia.")]): ...
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from kg.model import Actor, Assertion, Document

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph
    from rdflib.query import Result

__all__ = ["Actor", "Assertion", "Document", "build", "extract", "load", "query", "render", "to_networkx"]
__version__ = "0.1.0"


def build(paths: Any, **options: Any) -> "tuple[Graph, Any]":
    """Build the graph of files/folders ``paths``: ``(graph, summary)``."""
    from kg.builder import build as _build
    return _build([paths] if isinstance(paths, str) else paths, **options)


def extract(documents: Any, **options: Any) -> Any:
    """Assertions of ``Document`` records, streamed."""
    from kg.pipeline import extract as _extract
    return _extract(documents, **options)


def load(path: Any) -> "Graph":
    """Read a graph file (.ttl, .nt, .jsonld, .trig)."""
    from kg.rdf import load_graph
    return load_graph(path)


def query(graph: "Graph", text: str, params: Mapping[str, str] | None = None) -> "Result | None":
    """Run SPARQL (text, a .rq path or a ready query name) with project prefixes and safe bindings."""
    from kg.sparql import resolve_query, run_query
    return run_query(graph, resolve_query(text), params)


def to_networkx(graph: "Graph") -> Any:
    """The aggregated actor graph (networkx MultiDiGraph) of an RDF graph."""
    from kg.graph import to_networkx as _to_networkx
    return _to_networkx(graph)


def render(G: Any, path: Any, **options: Any) -> Any:
    """Write the interactive HTML of a networkx actor graph."""
    from kg.renderer import render_html
    return render_html(G, path, **options)
