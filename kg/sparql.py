"""SPARQL over a kg graph: project prefixes, safe parameters, ready queries, output formats.

The prefixes of :data:`kg.vocab.PREFIXES` (``kg:``, ``actor:``, ``skos:`` …)
are always declared, so ``SELECT * WHERE { ?a kg:supplies ?b }`` runs as is.
Ready queries live in ``ontology/queries/*.rq``; their leading ``#`` lines
describe them and name their parameters (``# param: actor — …``).

>>> from kg.model import Assertion
>>> from kg.rdf import graph_from
>>> g = graph_from([Assertion("d", "IRN", "SUPPLY", "RUS", False, False, None, None, "…", 0, 1)])
>>> print(format_result(run_query(g, "SELECT ?b WHERE { ?actor kg:supplies ?b }", {"actor": "IRN"})), end="")
b
---------
actor:RUS
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal as TypingLiteral
from typing import Iterator, Mapping

from pyparsing import ParseException
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.stores.memory import Memory, SimpleMemory
from rdflib.query import Result, ResultRow
from rdflib.term import Node, Variable
import pyoxigraph as ox
from oxrdflib._converter import from_ox, to_ox

from kg.errors import KgError
from kg.rdf import actor_node_iri, document_iri, new_graph, serialize
from kg.vocab import PREFIXES as NAMESPACES
from kg.vocab import ontology_path

__all__ = [
    "PREFIXES", "QUERY_DIR", "ReadyQuery", "bind_value", "format_result", "ready_queries",
    "resolve_query", "run_query", "short_name", "with_prefixes",
]

#: The PREFIX declarations every query gets, as SPARQL text.
PREFIXES: str = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in NAMESPACES.items())

QUERY_DIR: Path = ontology_path("queries")

OutputFormat = TypingLiteral["table", "csv", "json"]

# Parameter names whose values are always plain literals, never IRIs.
_LITERAL_PARAMS = frozenset({"label", "relation", "source", "date", "trigger", "text", "name"})
# Parameter names whose bare values are ids of a project namespace.
_ID_PARAMS = {"actor": actor_node_iri, "subject": actor_node_iri, "object": actor_node_iri,
              "doc": document_iri, "document": document_iri}
_UPDATE_START = re.compile(  # after comments and the prologue, an update's first keyword
    r"^(?:\s+|#[^\n]*|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s+<[^>]*>)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_DECLARED_PREFIX = re.compile(r"\bPREFIX\s+([\w.-]*):", re.IGNORECASE)
_VARIABLE_NAME = re.compile(r"^[A-Za-z_][\w]*$")
_IRI_START = re.compile(r"^(?:https?|urn|file):", re.IGNORECASE)
_BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LOCAL_NAME = re.compile(r"^[\w-](?:[\w.-]*[\w-])?$")


# ---------------------------------------------------------------- prefixes and parameters

def with_prefixes(text: str) -> str:
    """``text`` with the project's PREFIX lines before it, except those it declares itself.

    >>> with_prefixes("PREFIX kg: <x:> ASK {}").count("PREFIX kg:")
    1
    """
    declared = set(_DECLARED_PREFIX.findall(text))
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in NAMESPACES.items() if p not in declared)
    return head + text


def _expand_prefixed(value: str) -> URIRef | None:
    prefix, sep, local = value.partition(":")
    if sep and prefix in NAMESPACES and _LOCAL_NAME.match(local):
        return URIRef(NAMESPACES[prefix] + local)
    return None


def bind_value(name: str, value: str) -> Node:
    """The RDF term a command-line parameter ``name=value`` stands for.

    1. A parameter named ``label``, ``relation``, ``source``, ``date``,
       ``trigger``, ``text`` or ``name`` is a plain literal: ``SUPPLY``.
    2. A value starting ``http:``, ``https:``, ``urn:`` or ``file:`` is an IRI.
    3. A value with a project prefix is that IRI: ``kg:supplies``, ``wd:Q159``.
    4. A bare value of ``actor``, ``subject``, ``object`` (also ``actor2`` …)
       is an actor IRI, of ``doc`` or ``document`` a document IRI.
    5. Anything else is a plain literal.

    >>> bind_value("actor", "IRN")
    rdflib.term.URIRef('https://kg.example.org/actor/IRN')
    >>> bind_value("relation", "SUPPLY")
    rdflib.term.Literal('SUPPLY')
    >>> bind_value("p", "kg:supplies")
    rdflib.term.URIRef('https://kg.example.org/ontology#supplies')
    """
    base = name.rstrip("0123456789")
    if base in _LITERAL_PARAMS:
        return Literal(value)
    if _IRI_START.match(value):
        if _BAD_IRI_CHARS.search(value):
            raise KgError(f"parameter {name}: {value!r} is not a valid IRI")
        return URIRef(value)
    expanded = _expand_prefixed(value)
    if expanded is not None:
        return expanded
    if base in _ID_PARAMS:
        return _ID_PARAMS[base](value)
    return Literal(value)


def _bindings(text: str, params: Mapping[str, str] | None) -> dict[str, Node]:
    bindings: dict[str, Node] = {}
    for raw_name, value in (params or {}).items():
        name = raw_name.lstrip("?$")
        if not _VARIABLE_NAME.match(name):
            raise KgError(f"bad parameter name {raw_name!r}")
        if not re.search(rf"[?$]{name}\b", text):
            raise KgError(f"parameter {name}: the query has no variable ?{name}")
        bindings[name] = bind_value(name, value)
    return bindings


# ---------------------------------------------------------------- running

def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__


def _update_error(text: str, error: ParseException) -> ParseException:
    """A more precise error for a bad update than rdflib's "expected end of text" at char 0."""
    try:
        from pyparsing import Optional, StringEnd, Suppress, ZeroOrMore
        from rdflib.plugins.sparql import parser

        one = parser.Prologue + parser.Update1
        (one + ZeroOrMore(Suppress(";") + one) + Optional(Suppress(";")) + StringEnd()).parse_string(
            parser.expandUnicodeEscapes(text), parse_all=True)
    except ParseException as precise:
        return precise
    except Exception:  # rdflib's grammar names are internal; fall back to its own error
        pass
    return error


def _parse(text: str) -> tuple[str, object]:
    """``("query" | "update", parse tree)``; bad SPARQL raises :class:`KgError`."""
    try:
        return "query", parseQuery(text)
    except ParseException as query_error:
        try:
            return "update", parseUpdate(text)
        except ParseException as update_error:
            error = _update_error(text, update_error) if _UPDATE_START.match(text) else query_error
            raise KgError(f"bad SPARQL: {_one_line(error)}") from None
    except Exception as exc:  # rdflib raises plain Exceptions for some bad input
        raise KgError(f"bad SPARQL: {_one_line(exc)}") from None


def _evaluated_by_rdflib(graph: Graph) -> bool:
    """True for rdflib's own in-memory stores; a store like Oxigraph runs SPARQL text itself."""
    return isinstance(graph.store, (Memory, SimpleMemory))


_QUERY_FORM = re.compile(  # after comments and the prologue, a query's form
    r"^(?:\s+|#[^\n]*|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s+<[^>]*>)*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_PREFIX_MAP = {prefix: str(ns) for prefix, ns in NAMESPACES.items()}


def _oxigraph(graph: Graph) -> "ox.Store | None":
    """The Oxigraph store behind an oxrdflib graph, or None."""
    inner = getattr(graph.store, "_inner", None)
    return inner if isinstance(inner, ox.Store) else None


class _Lexical(str):
    """A literal of an Oxigraph answer kept as its lexical form: formatting
    needs no Python value, and rdflib's conversion is most of the cost."""

    language: str | None
    datatype: URIRef | None

    def __new__(cls, term: "ox.Literal") -> "_Lexical":
        self = super().__new__(cls, term.value)
        self.language = term.language
        self.datatype = URIRef(term.datatype.value) if term.datatype is not None and not term.language else None
        return self


def _light(term: "ox.NamedNode | ox.BlankNode | ox.Literal | None") -> Node | _Lexical | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    return _Lexical(term)


class OxigraphResult:
    """A SELECT or ASK answer read straight from an Oxigraph store.

    Iterating gives rows of rdflib terms, like an rdflib ``Result``;
    :func:`format_result` formats the answer without converting it.
    """

    def __init__(self, answer: "ox.QuerySolutions | ox.QueryBoolean") -> None:
        if isinstance(answer, ox.QueryBoolean):
            self.type, self.askAnswer, self.vars, self.native = "ASK", bool(answer), [], []
        else:
            self.type, self.askAnswer = "SELECT", None
            self.vars = [Variable(v.value) for v in answer.variables]
            self.native = [tuple(solution) for solution in answer]

    def __len__(self) -> int:
        return len(self.native)

    def __iter__(self) -> Iterator[ResultRow]:
        for row in self.native:
            yield ResultRow({v: from_ox(t) for v, t in zip(self.vars, row) if t is not None}, self.vars)

    @property
    def bindings(self) -> list[dict[Variable, Node]]:
        return [{v: t for v, t in zip(self.vars, row) if t is not None} for row in self]

    def serialize(self, *args: object, **kwargs: object) -> bytes | str | None:
        """Serialize through rdflib (XML results and other rdflib formats)."""
        result = Result(self.type)
        result.vars, result.askAnswer = self.vars, self.askAnswer
        if self.type == "SELECT":
            result.bindings = self.bindings
        return result.serialize(*args, **kwargs)


def run_query(
    graph: Graph,
    text: str,
    params: Mapping[str, str] | None = None,
    allow_update: bool = False,
) -> "Result | OxigraphResult | None":
    """Run SPARQL ``text`` on ``graph`` with the project prefixes and bound ``params``.

    Parameters are bound with ``initBindings`` by the rules of :func:`bind_value`,
    never pasted into the text. Updates (INSERT, DELETE, LOAD, CLEAR, DROP,
    CREATE …) raise :class:`KgError` unless ``allow_update``; then they run
    and ``None`` is returned.
    """
    kind, tree = _parse(text)
    bindings = _bindings(text, params)
    if kind == "update" and not allow_update:
        raise KgError("SPARQL updates are not allowed here (read-only query)")
    try:
        # rdflib's parser is slow: hand the parsed query on rather than parse the text again
        if kind == "update":
            request = translateUpdate(tree, initNs=NAMESPACES) if _evaluated_by_rdflib(graph) else text
            graph.update(request, initNs=NAMESPACES, initBindings=bindings)
            return None
        native = _oxigraph(graph)
        if native is not None and _QUERY_FORM.match(text) and _QUERY_FORM.match(text).group(1).upper() in ("SELECT", "ASK"):
            return OxigraphResult(native.query(text, prefixes=_PREFIX_MAP,
                                               substitutions={ox.Variable(k): to_ox(v) for k, v in bindings.items()}))
        request = translateQuery(tree, initNs=NAMESPACES) if _evaluated_by_rdflib(graph) else text
        result = graph.query(request, initNs=NAMESPACES, initBindings=bindings)
        if result.type == "SELECT":
            result.bindings  # evaluate now, so errors surface here  # noqa: B018
    except KgError:
        raise
    except Exception as exc:
        raise KgError(f"bad SPARQL: {_one_line(exc)}") from None
    return result


# ---------------------------------------------------------------- ready queries

@dataclass(frozen=True, slots=True)
class ReadyQuery:
    """A query of ``ontology/queries``: its name, description, parameters and text."""

    name: str
    description: str
    params: dict[str, str]   # parameter name → its description
    text: str
    path: Path

    def summary(self) -> str:
        """The first line of the description."""
        return self.description.split("\n", 1)[0]


_PARAM_LINE = re.compile(r"^param:\s*\??(\w+)\s*(?:[—:-]+\s*)?(.*)$")


def read_ready_query(path: Path) -> ReadyQuery:
    """A :class:`ReadyQuery` from a ``.rq`` file and its leading ``#`` lines."""
    text = path.read_text(encoding="utf-8")
    description: list[str] = []
    params: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comment = line.lstrip("#").strip()
        param = _PARAM_LINE.match(comment)
        if param:
            params[param.group(1)] = param.group(2).strip()
        elif comment:
            description.append(comment)
    return ReadyQuery(path.stem, "\n".join(description), params, text, path)


def ready_queries(directory: Path | None = None) -> dict[str, ReadyQuery]:
    """The ready queries of ``ontology/queries`` (or ``directory``), by name."""
    folder = directory or QUERY_DIR
    return {p.stem: read_ready_query(p) for p in sorted(folder.glob("*.rq"))}


def resolve_query(arg: str) -> str:
    """The SPARQL text ``arg`` stands for: a ready-query name, a ``.rq`` path, or SPARQL itself.

    >>> "kg:supplies" in resolve_query("supplies")
    True
    >>> resolve_query("ASK {}")
    'ASK {}'
    """
    ready = ready_queries()
    if arg in ready:
        return ready[arg].text
    if arg.endswith(".rq") or (len(arg) < 256 and "\n" not in arg and Path(arg).is_file()):
        path = Path(arg)
        if not path.is_file():
            raise KgError(f"{arg}: no such query file")
        return path.read_text(encoding="utf-8")
    if re.fullmatch(r"[\w-]+", arg):
        raise KgError(f"unknown ready query {arg!r} (known: {', '.join(ready)})")
    return arg


# ---------------------------------------------------------------- output

def short_name(term: Node | None) -> str:
    """A term as a table cell: ``actor:IRN`` for IRIs with a project prefix, lexical form for literals.

    >>> short_name(URIRef("https://kg.example.org/actor/IRN")), short_name(Literal(3))
    ('actor:IRN', '3')
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        best = max((ns for ns in NAMESPACES.values() if term.startswith(ns)), key=len, default=None)
        if best is not None and _LOCAL_NAME.match(term[len(best):]):
            prefix = next(p for p, ns in NAMESPACES.items() if ns == best)
            return f"{prefix}:{term[len(best):]}"
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split()) if "\n" in term or "\r" in term else str(term)


def _rows(result: "Result | OxigraphResult") -> tuple[list[str], list[list[Node | None]]]:
    names = [str(v) for v in result.vars or []]
    if isinstance(result, OxigraphResult):
        return names, [[_light(term) for term in row] for row in result.native]
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
