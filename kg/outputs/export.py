"""Export a kg graph: RDF files, GraphML and GEXF for Gephi, a CSV edge list.

RDF formats go through :func:`kg.rdf.writing.serialize` (the same triples always give
the same text). GraphML and GEXF are written from the networkx view of
:func:`kg.network.view.to_networkx`, flattened to the scalar attributes their
writers accept (:func:`flat_network`). ``csv`` is one row per aggregated edge
(RFC 4180, CRLF line ends).

>>> from kg.rdf.writing import new_graph
>>> export(new_graph(), "csv")
'subject,relation,object,symmetric,count,factual,negated,hypothetical,dates\\r\\n'
>>> export(new_graph(), "png")
Traceback (most recent call last):
...
kg.errors.KgError: unknown export format 'png' (known: ttl, nt, jsonld, trig, graphml, gexf, csv)
"""
from __future__ import annotations

import csv
import io
import json
import re
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Mapping

import networkx as nx
from rdflib import Graph

from kg.errors import KgError
from kg.io import atomic_write
from kg.network.view import to_networkx
from kg.rdf.files import serialize
from kg.rdf.ntriples import nt_line, nt_term

__all__ = ["FORMATS", "EDGE_COLUMNS", "LIST_SEPARATOR", "export", "flat_network", "nt_term", "nt_line"]

#: Separator of list values (dates, documents) in one GraphML/GEXF/CSV cell.
LIST_SEPARATOR = ";"

#: Columns of the ``csv`` edge list, in order.
EDGE_COLUMNS: tuple[str, ...] = (
    "subject", "relation", "object", "symmetric", "count", "factual", "negated", "hypothetical", "dates",
)

# Characters XML 1.0 cannot hold at all (GraphML and GEXF readers reject them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# ---------------------------------------------------------------- N-Triples terms


# ---------------------------------------------------------------- networkx formats

def _xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids.

    >>> _xml_text("a\\x0cb")
    'ab'
    """
    return _NOT_XML.sub("", text)


def _scalar(value: object) -> str | int | float | bool:
    """A value GraphML and GEXF can hold: None → ``""``, lists joined, dicts as JSON.

    >>> _scalar(None), _scalar(["2023", "2024-04"]), _scalar(3), _scalar(True)
    ('', '2023;2024-04', 3, True)
    """
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return _xml_text(LIST_SEPARATOR.join(str(v) for v in value))
    if isinstance(value, Mapping):
        return _xml_text(json.dumps(value, sort_keys=True, ensure_ascii=False))
    return _xml_text(str(value))


def _distinct(values: Iterable[object]) -> list[str]:
    return sorted({str(v) for v in values if v})


def _evidence_summary(evidence: list[dict]) -> dict[str, object]:
    """The evidence list of an edge as scalars: count, documents, sources, first sentence.

    >>> _evidence_summary([{"doc": "d1", "source": None, "sentence": "Iran supplied drones."}])
    {'evidence_count': 1, 'docs': ['d1'], 'sources': [], 'example': 'Iran supplied drones.'}
    """
    return {
        "evidence_count": len(evidence),
        "docs": _distinct(e.get("doc") for e in evidence),
        "sources": _distinct(e.get("source") for e in evidence),
        "example": next((e["sentence"] for e in evidence if e.get("sentence")), ""),
    }


def _flat_edge(data: Mapping[str, object]) -> dict[str, object]:
    """Edge attributes for Gephi: ``label`` (relation), ``weight`` (count), evidence summarised."""
    flat = {k: v for k, v in data.items() if k != "evidence"}
    flat.update(_evidence_summary(list(data.get("evidence") or [])))
    flat.setdefault("label", data.get("relation", ""))
    flat.setdefault("weight", data.get("count", 1))
    return {k: _scalar(v) for k, v in flat.items()}


def flat_network(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose node and edge attributes are all scalars (str, int, float, bool).

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("IRN", "RUS", key="SUPPLY", relation="SUPPLY", count=2, dates=["2023"], evidence=[])
    >>> flat_network(G).edges["IRN", "RUS", "SUPPLY"]["dates"]
    '2023'
    """
    H = nx.MultiDiGraph()
    H.add_nodes_from((n, {k: _scalar(v) for k, v in d.items()}) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, k, _flat_edge(d)) for u, v, k, d in G.edges(keys=True, data=True))
    return H


def _graphml(graph: Graph) -> str:
    return "\n".join(nx.generate_graphml(flat_network(to_networkx(graph)))) + "\n"


def _gexf(graph: Graph) -> str:
    return "\n".join(nx.generate_gexf(flat_network(to_networkx(graph)))) + "\n"


# ---------------------------------------------------------------- csv edge list

def _cell(value: object) -> str:
    """A CSV cell: booleans as ``true``/``false``, lists joined with ``;``.

    >>> _cell(True), _cell(["2023", "2024"]), _cell(None)
    ('true', '2023;2024', '')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return "" if value is None else str(value)


def _edge_rows(G: nx.MultiDiGraph) -> Iterable[list[str]]:
    for u, v, key, data in G.edges(keys=True, data=True):
        row = {**data, "subject": u, "relation": key, "object": v}
        yield [_cell(row.get(column)) for column in EDGE_COLUMNS]


def _csv_edges(graph: Graph) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EDGE_COLUMNS)
    writer.writerows(_edge_rows(to_networkx(graph)))
    return out.getvalue()


# ---------------------------------------------------------------- export

#: Export format → the function that writes it as text.
_WRITERS: dict[str, Callable[[Graph], str]] = {
    "ttl": partial(serialize, fmt="turtle"),
    "nt": partial(serialize, fmt="nt"),
    "jsonld": partial(serialize, fmt="json-ld"),
    "trig": partial(serialize, fmt="trig"),
    "graphml": _graphml,
    "gexf": _gexf,
    "csv": _csv_edges,
}

#: The export formats, in the order help texts list them.
FORMATS: tuple[str, ...] = tuple(_WRITERS)


def export(graph: Graph, fmt: str, path: str | Path | None = None) -> str | None:
    """Write ``graph`` in ``fmt`` to ``path`` atomically, or return the text if ``path`` is None.

    >>> from kg.rdf.writing import new_graph
    >>> export(new_graph(), "nt")
    ''
    """
    writer = _WRITERS.get(fmt.strip().lower())
    if writer is None:
        raise KgError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    text = writer(graph)
    if path is None:
        return text
    atomic_write(path, text)
    return None
