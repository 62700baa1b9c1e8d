"""kg: knowledge graphs of state-to-state relations from news text.

The public API, used by the CLI and by notebooks::

    import kg
    graph, summary = kg.build(["seeds/"])          # documents -> RDF graph
    graph = kg.load("out/graph.ttl")               # or read a built one
    rows = kg.query(graph, "supplies")             # SPARQL: text, .rq file or ready query name
    G = kg.to_networkx(graph)                      # aggregated actor graph
    kg.render(G, "out/graph.html")                 # interactive offline HTML

Relations of documents without a graph: :func:`kg.extract.assertions.extract`.
The stages, one subpackage each: ``ingest`` → ``nlp`` → ``extract`` → ``rdf``
→ ``sparql`` / ``network`` → ``outputs``; ``building`` runs them.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg.records import Actor, Assertion, Document

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    from rdflib import Graph
    from rdflib.query import Result

    from kg.building.summary import BuildSummary

__all__ = ["Actor", "Assertion", "Document", "build", "load", "query", "render", "to_networkx"]
__version__ = "0.1.0"


def build(paths: str | Path | Sequence[str | Path], *, model: str | None = None, strict: bool = False,
          workers: int = 1, cache: str | Path | None = None, store: Graph | None = None,
          knowledge: str | Path | None = None, dask: str | None = None) -> tuple[Graph, BuildSummary]:
    """Build the graph of files/folders ``paths``: ``(graph, summary)``; into ``store`` when given.

    ``knowledge`` names a folder laid out like ``ontology/`` whose files extend the shipped
    knowledge for this build (:func:`kg.knowledge.resources.overlaid`). ``dask`` runs the
    extraction on a Dask cluster: ``"local"``, ``"local:N"`` or a scheduler's ``"tcp://HOST:8786"``
    (``pip install 'kg[dask]'``); the graph is the same.
    """
    from kg.building.builder import build as build_paths
    from kg.knowledge.resources import overlaid, overlays

    targets = [paths] if isinstance(paths, (str, Path)) else list(paths)
    with overlaid([knowledge] if knowledge is not None else list(overlays())):
        return build_paths(targets, model=model, strict=strict, workers=workers, cache=cache, store=store,
                           dask=dask)


def load(path: str | Path) -> Graph:
    """Read a graph file (.ttl, .nt, .jsonld, .trig)."""
    from kg.rdf.files import load_graph
    return load_graph(path)


def query(graph: Graph, text: str, params: Mapping[str, str] | None = None,
          allow_remote: bool = False) -> Result | None:
    """Run SPARQL (text, a .rq path or a ready query name) with project prefixes and safe bindings.

    ``SERVICE`` and ``FROM`` (which fetch the URLs they name) need ``allow_remote=True``.
    """
    from kg.sparql.engine import run_query
    from kg.sparql.ready import resolve_query
    return run_query(graph, resolve_query(text), params, allow_remote=allow_remote)


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The aggregated actor graph (networkx MultiDiGraph) of an RDF graph."""
    from kg.network.view import to_networkx as actor_graph
    return actor_graph(graph)


def render(G: nx.MultiDiGraph, path: str | Path, *, title: str | None = None, focus: str | None = None,
           depth: int = 1, min_count: int = 1, top: int | None = None) -> Path:
    """Write the interactive HTML of a networkx actor graph; returns the path written."""
    from kg.outputs.html.renderer import render_html
    return render_html(G, path, title=title, focus=focus, depth=depth, min_count=min_count, top=top)
