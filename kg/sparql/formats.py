"""Result formats, one set for the CLI and the SPARQL endpoint: tables, CSV, TSV, JSON, XML and RDF."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Callable
from typing import Literal as TypingLiteral

from rdflib import BNode, Graph, URIRef
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import KgError
from kg.knowledge.terms import PREFIXES as NAMESPACES
from kg.rdf.files import serialize
from kg.rdf.ntriples import nt_term
from kg.rdf.terms import new_graph
from kg.sparql.engine import LOCAL_NAME, OxigraphResult

#: the output formats of ``kg query``
OutputFormat = TypingLiteral["table", "csv", "json"]


def short_name(term: Node | None) -> str:
    """A term as a table cell: ``actor:IRN`` for IRIs with a project prefix, lexical form for literals.

    >>> from rdflib import Literal
    >>> short_name(URIRef("https://kg.example.org/actor/IRN")), short_name(Literal(3))
    ('actor:IRN', '3')
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        best = max((ns for ns in NAMESPACES.values() if term.startswith(ns)), key=len, default=None)
        if best is not None and LOCAL_NAME.match(term[len(best):]):
            prefix = next(p for p, ns in NAMESPACES.items() if ns == best)
            return f"{prefix}:{term[len(best):]}"
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split()) if any(c in term for c in "\t\n\r") else str(term)


def _rows(result: "Result | OxigraphResult") -> tuple[list[str], list[list[Node | None]]]:
    names = [str(v) for v in result.vars or []]
    if isinstance(result, OxigraphResult):
        return names, result.lexical_rows()
    return names, [[row[i] for i in range(len(names))] for row in result]


def _table(result: Result) -> str:
    names, rows = _rows(result)
    cells = [[short_name(v) for v in row] for row in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"


def _csv(result: Result) -> str:
    """SPARQL 1.1 CSV results (RFC 4180): full IRIs, lexical forms, CRLF lines."""
    names, rows = _rows(result)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if v is None else f"_:{v}" if isinstance(v, BNode) else str(v) for v in row])
    return out.getvalue()


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    cell = {"type": "literal", "value": str(term)}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype:
        cell["datatype"] = str(term.datatype)
    return cell


def _json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON."""
    names, rows = _rows(result)
    bindings = [{n: _json_term(v) for n, v in zip(names, row) if v is not None} for row in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=2) + "\n"


def _graph_result(result: Result, fmt: OutputFormat) -> str:
    graph = new_graph()
    for triple in result:
        graph.add(triple)
    if fmt == "json":
        return serialize(graph, "json-ld")
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["subject", "predicate", "object"])
        writer.writerows(sorted([str(t) for t in triple] for triple in graph))
        return out.getvalue()
    return serialize(graph, "turtle")


def format_result(result: Result | None, fmt: OutputFormat = "table") -> str:
    """``result`` as text: an aligned table, CSV (RFC 4180) or SPARQL JSON results.

    ASK gives ``true``/``false`` (JSON: ``{"head": {}, "boolean": …}``);
    CONSTRUCT and DESCRIBE give Turtle (CSV: subject,predicate,object rows;
    JSON: JSON-LD). An update (``None``) gives ``"ok"``.
    """
    if fmt not in ("table", "csv", "json"):
        raise KgError(f"unknown output format {fmt!r} (table, csv, json)")
    if result is None:
        return "ok\n"
    if result.type == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.askAnswer)}) + "\n"
        return ("true" if result.askAnswer else "false") + "\n"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return _graph_result(result, fmt)
    return {"table": _table, "csv": _csv, "json": _json}[fmt](result)


def _result_graph(result: Result) -> Graph:
    graph = new_graph()
    for triple in result:
        graph.add(triple)
    return graph


def _tsv(result: Result) -> str:
    """SPARQL 1.1 TSV results: ``?var`` header, terms in N-Triples syntax, empty when unbound."""
    names = [str(v) for v in result.vars or []]
    lines = ["\t".join(f"?{name}" for name in names)]
    lines += ["\t".join("" if term is None else nt_term(term) for term in row) for row in result]
    return "\n".join(lines) + "\n"


def _xml_results(result: Result) -> str:
    return result.serialize(format="xml", encoding="utf-8").decode("utf-8")


@dataclass(frozen=True)
class ResultFormat:
    """A way to write a query result: its names (``format=``), media types (first is sent), result kinds."""

    name: str
    media_types: tuple[str, ...]
    kinds: frozenset[str]          # "SELECT", "ASK", "GRAPH" (CONSTRUCT, DESCRIBE)
    render: Callable[[Result], str]
    aliases: tuple[str, ...] = ()

    @property
    def media_type(self) -> str:
        return self.media_types[0]

    def named(self, value: str) -> bool:
        """Whether ``value`` (a name, alias or media type) names this format."""
        return value == self.name or value in self.aliases or value in self.media_types


_TABLES, _GRAPHS = frozenset({"SELECT", "ASK"}), frozenset({"GRAPH"})


#: Result formats; for each result kind the first that fits is the default.
FORMATS: tuple[ResultFormat, ...] = (
    ResultFormat("json", ("application/sparql-results+json", "application/json"), _TABLES,
                 lambda r: format_result(r, "json")),
    ResultFormat("xml", ("application/sparql-results+xml", "application/xml", "text/xml"), _TABLES, _xml_results),
    ResultFormat("csv", ("text/csv",), frozenset({"SELECT"}), lambda r: format_result(r, "csv")),
    ResultFormat("tsv", ("text/tab-separated-values",), frozenset({"SELECT"}), _tsv),
    ResultFormat("turtle", ("text/turtle", "application/turtle", "application/x-turtle"), _GRAPHS,
                 lambda r: serialize(_result_graph(r), "turtle"), aliases=("ttl", "n3")),
    ResultFormat("jsonld", ("application/ld+json", "application/json"), _GRAPHS,
                 lambda r: serialize(_result_graph(r), "json-ld"), aliases=("json-ld", "json")),
    ResultFormat("nt", ("application/n-triples", "text/plain"), _GRAPHS,
                 lambda r: serialize(_result_graph(r), "nt"), aliases=("ntriples", "n-triples")),
    ResultFormat("rdfxml", ("application/rdf+xml", "application/xml", "text/xml"), _GRAPHS,
                 lambda r: serialize(_result_graph(r), "xml"), aliases=("rdf", "rdf+xml", "xml")),
)


FORMAT_NAMES = frozenset(n for f in FORMATS for n in (f.name, *f.aliases))


RESULT_KINDS = {"SELECT": "SELECT", "ASK": "ASK", "CONSTRUCT": "GRAPH", "DESCRIBE": "GRAPH"}


def media_ranges(accept: str) -> list[str]:
    """The media ranges of an ``Accept`` header, best first; ``q=0`` ones dropped.

    >>> media_ranges("text/csv;q=0.5, application/sparql-results+json, */*;q=0.1")
    ['application/sparql-results+json', 'text/csv', '*/*']
    """
    ranked = []
    for index, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, index, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def best_format(kind: str, ranges: list[str]) -> ResultFormat | None:
    """The first format for ``kind`` that one of the media ranges (best first) accepts."""
    fitting = [f for f in FORMATS if kind in f.kinds]
    for media in ranges:
        major = media[:-1] if media.endswith("/*") else None
        for fmt in fitting:
            if media == "*/*" or media in fmt.media_types or (major and fmt.media_type.startswith(major)):
                return fmt
    return None


def negotiate(kind: str, accept: str) -> ResultFormat:
    """The best format for ``kind`` by ``Accept``; the kind's default if nothing fits.

    >>> negotiate("SELECT", "text/csv").name, negotiate("GRAPH", "text/csv").name
    ('csv', 'turtle')
    """
    return best_format(kind, media_ranges(accept)) or next(f for f in FORMATS if kind in f.kinds)
