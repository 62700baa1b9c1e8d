"""SPARQL over a kg graph: project prefixes, safe parameters, updates refused, Oxigraph answered natively.

The prefixes of :data:`kg.knowledge.terms.PREFIXES` (``kg:``, ``actor:``, ``skos:`` …)
are always declared, so ``SELECT * WHERE { ?a kg:supplies ?b }`` runs as is.
Ready queries are in :mod:`kg.sparql.ready`, result formats in :mod:`kg.sparql.formats`.

>>> from kg.records import Assertion
>>> from kg.sparql.formats import format_result
>>> from kg.rdf.writing import graph_from
>>> g = graph_from([Assertion("d", "IRN", "SUPPLY", "RUS", False, False, None, None, "…", 0, 1)])
>>> print(format_result(run_query(g, "SELECT ?b WHERE { ?actor kg:supplies ?b }", {"actor": "IRN"})), end="")
b
---------
actor:RUS
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Mapping

import pyoxigraph as ox
from pyparsing import ParseException, ParseResults
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
from rdflib.plugins.sparql.parser import expandUnicodeEscapes, parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.stores.memory import Memory, SimpleMemory
from rdflib.query import Result, ResultRow
from rdflib.term import Node, Variable

from kg.errors import KgError, one_line
from kg.knowledge.terms import PREFIXES as NAMESPACES
from kg.rdf.terms import actor_node_iri, document_iri
from kg.sparql.names import actor_code, relation_label
from kg.stores.oxigraph import from_oxigraph_term, native_store, to_oxigraph_term

#: The PREFIX declarations every query gets, as SPARQL text.
PREFIXES: str = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in NAMESPACES.items())



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
LOCAL_NAME = re.compile(r"^[\w-](?:[\w.-]*[\w-])?$")
_SIGNIFICANT = re.compile(r"#[^\n]*|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s+<[^>]*>", re.IGNORECASE)  # what is not a query


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
    if sep and prefix in NAMESPACES and LOCAL_NAME.match(local):
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


def _named(graph: Graph | None, name: str, value: str) -> str:
    """A bare actor or relation value given by name, as its code or label (``Iran`` → ``IRN``)."""
    base = name.rstrip("0123456789")
    if graph is None or _IRI_START.match(value) or _expand_prefixed(value) is not None:
        return value
    if base in ("actor", "subject", "object"):
        return actor_code(graph, value)
    if base == "relation":
        return relation_label(value)
    return value


def _bindings(text: str, params: Mapping[str, str] | None, graph: Graph | None = None) -> dict[str, Node]:
    bindings: dict[str, Node] = {}
    for raw_name, value in (params or {}).items():
        name = raw_name.lstrip("?$")
        if not _VARIABLE_NAME.match(name):
            raise KgError(f"bad parameter name {raw_name!r}")
        if not re.search(rf"[?$]{name}\b", text):
            raise KgError(f"parameter {name}: the query has no variable ?{name}")
        bindings[name] = bind_value(name, _named(graph, name, value))
    return bindings


# ---------------------------------------------------------------- running

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


class Refused(KgError):
    """A query that asks for something the caller does not allow (``SERVICE``, ``FROM``): never run."""


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(text: str) -> None:
    r"""A lone surrogate, written as such or as a ``\u`` escape, is bad SPARQL, not a crash later.

    >>> _check_text('SELECT * WHERE { ?s ?p "\\ud800" }')
    Traceback (most recent call last):
    ...
    kg.errors.KgError: bad SPARQL: a lone surrogate (U+D800) is not a character
    """
    found = _SURROGATE.search(text) or _SURROGATE.search(expandUnicodeEscapes(text))
    if found:
        raise KgError(f"bad SPARQL: a lone surrogate (U+{ord(found.group()):04X}) is not a character")


def _parts(node: object) -> Iterator[CompValue]:
    """Every ``CompValue`` of an rdflib parse tree or algebra."""
    if isinstance(node, CompValue):
        yield node
        children: Iterable[object] = node.values()
    elif isinstance(node, (list, tuple, set, ParseResults)):
        children = node
    else:
        return
    for child in children:
        yield from _parts(child)


def refuse_remote(algebra: object) -> None:
    r""":class:`Refused` for ``SERVICE`` (anywhere: nested, in ``FILTER EXISTS``, however the
    keyword is written, ``\u`` escapes included) and ``FROM``/``FROM NAMED``, read off the
    query's algebra: either would make this process fetch a URL named in the query."""
    for part in _parts(algebra):
        if part.name == "ServiceGraphPattern":
            raise Refused("SERVICE is not allowed: it would make this process query another endpoint")
        if dict.get(part, "datasetClause"):
            raise Refused("FROM and FROM NAMED are not allowed: they would make this process fetch a graph")


def _parse(text: str) -> tuple[str, object]:
    """``("query" | "update", parse tree)``; bad SPARQL raises :class:`KgError`."""
    _check_text(text)
    if not text.strip() or not _SIGNIFICANT.sub("", text).strip():
        raise KgError("bad SPARQL: the query is empty")
    try:
        return "query", parseQuery(text)
    except ParseException as query_error:
        try:
            return "update", parseUpdate(text)
        except ParseException as update_error:
            error = _update_error(text, update_error) if _UPDATE_START.match(text) else query_error
            raise KgError(f"bad SPARQL: {one_line(error)}") from None
    except Exception as exc:  # rdflib raises plain Exceptions for some bad input
        raise KgError(f"bad SPARQL: {one_line(exc)}") from None


def _evaluated_by_rdflib(graph: Graph) -> bool:
    """True for rdflib's own in-memory stores; a store like Oxigraph runs SPARQL text itself."""
    return isinstance(graph.store, (Memory, SimpleMemory))


_QUERY_FORM = re.compile(  # after comments and the prologue, a query's form
    r"^(?:\s+|#[^\n]*|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s+<[^>]*>)*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_PREFIX_MAP = {prefix: str(ns) for prefix, ns in NAMESPACES.items()}


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
            yield ResultRow({v: from_oxigraph_term(t) for v, t in zip(self.vars, row) if t is not None}, self.vars)

    def lexical_rows(self) -> list[list[Node | _Lexical | None]]:
        """The rows with literals kept as their lexical form (cheap to format)."""
        return [[_light(term) for term in row] for row in self.native]

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
    allow_remote: bool = False,
) -> "Result | OxigraphResult | None":
    """Run SPARQL ``text`` on ``graph`` with the project prefixes and bound ``params``.

    Parameters are bound with ``initBindings`` by the rules of :func:`bind_value`,
    never pasted into the text; a bare actor (``actor``, ``subject``, ``object``)
    or ``relation`` may be given by name (:mod:`kg.sparql.names`), and an
    unknown name is a :class:`KgError`. Updates (INSERT, DELETE, LOAD, CLEAR, DROP,
    CREATE …) raise :class:`KgError` unless ``allow_update``; then they run
    and ``None`` is returned. Unless ``allow_remote``, a query with ``SERVICE``
    or ``FROM`` (either makes this process fetch a URL the query names) raises
    :class:`Refused` before anything runs.
    """
    kind, tree = _parse(text)
    bindings = _bindings(text, params, graph)
    if kind == "update" and not allow_update:
        raise KgError("SPARQL updates are not allowed here (read-only query)")
    translated = None
    if kind == "query" and (not allow_remote or _evaluated_by_rdflib(graph)):
        try:
            translated = translateQuery(tree, initNs=NAMESPACES)
        except Exception as exc:
            raise KgError(f"bad SPARQL: {one_line(exc)}") from None
        if not allow_remote:
            refuse_remote(translated.algebra)
    try:
        # rdflib's parser is slow: hand the parsed query on rather than parse the text again
        if kind == "update":
            request = translateUpdate(tree, initNs=NAMESPACES) if _evaluated_by_rdflib(graph) else text
            graph.update(request, initNs=NAMESPACES, initBindings=bindings)
            return None
        native = native_store(graph)
        if native is not None and _QUERY_FORM.match(text) and _QUERY_FORM.match(text).group(1).upper() in ("SELECT", "ASK"):
            return OxigraphResult(native.query(text, prefixes=_PREFIX_MAP,
                                               substitutions={ox.Variable(k): to_oxigraph_term(v) for k, v in bindings.items()}))
        request = translated if _evaluated_by_rdflib(graph) else text
        result = graph.query(request, initNs=NAMESPACES, initBindings=bindings)
        if result.type == "SELECT":
            result.bindings  # evaluate now, so errors surface here  # noqa: B018
    except KgError:
        raise
    except Exception as exc:
        raise KgError(f"bad SPARQL: {one_line(exc)}") from None
    return result


# ---------------------------------------------------------------- ready queries


# ---------------------------------------------------------------- output


