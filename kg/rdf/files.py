"""RDF files: the formats, deterministic serialisation, atomic writing and reading."""
from __future__ import annotations

import re
import warnings
from pathlib import Path

from rdflib import BNode, Dataset, Graph
from rdflib.compare import to_canonical_graph

from kg.errors import KgError, one_line
from kg.io import atomic_write
from kg.rdf.terms import new_graph

#: rdflib format name by file extension (``load_graph``, ``write_graph``).
FORMATS: dict[str, str] = {
    ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld",
    ".trig": "trig", ".nq": "nquads", ".n3": "n3", ".xml": "xml", ".rdf": "xml", ".owl": "xml",
}


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
        raise KgError(f"{where}: cannot parse {fmt}: {one_line(exc, 200)}") from exc
    return graph
