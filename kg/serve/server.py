"""A local, read-only SPARQL 1.1 Protocol endpoint over a kg graph (standard library ``http.server``).

>>> from kg.rdf.writing import new_graph
>>> server = make_server(new_graph(), port=0)
>>> server.server_address[0], server.url.endswith("/sparql")
('127.0.0.1', True)
>>> server.server_close()

Protocol
    ``GET /sparql?query=…``, ``POST /sparql`` with a form body
    (``application/x-www-form-urlencoded``, ``query=…``) or with the query as
    body (``application/sparql-query``). ``/query`` is an alias of
    ``/sparql``; ``GET /`` is a small HTML page with a query form.
    Ready queries by name: ``GET /queries`` lists them (JSON), ``GET
    /queries/NAME?PARAM=VALUE`` runs one (:mod:`kg.serve.ready`), e.g.
    ``/queries/supplies`` or ``/queries/actor-relations?actor=Iran``.
    The project prefixes (``kg:``, ``actor:``, ``rdf:`` …) are declared for
    every query (:func:`kg.sparql.engine.run_query`).

Results
    Chosen by a ``format`` parameter if given, else by the ``Accept`` header,
    else the first of each list: SELECT and ASK → ``json`` (SPARQL 1.1 Query
    Results JSON), ``xml``, and for SELECT ``csv``, ``tsv``; CONSTRUCT and
    DESCRIBE → ``turtle``, ``jsonld``, ``nt``, ``rdfxml`` (see :data:`FORMATS`).

Errors (one line of ``text/plain``)
    400 bad SPARQL or request, 403 SPARQL Update / ``update=`` / ``SERVICE`` /
    ``FROM``, 404 unknown path, 406 a ``format`` that does not fit the
    result, 413 a body over 1 MiB, 415 another POST content type, 503 a query
    that ran out of time.

Safety
    Read-only: updates are refused, and so are ``SERVICE`` and ``FROM``
    (rdflib would fetch those URLs: the endpoint never reaches the network).
    The default bind address is 127.0.0.1. Every answer carries
    ``Access-Control-Allow-Origin: *`` so YASGUI or a notebook in a browser
    can query it; that lets any web page open in a browser on this machine
    read the graph while the server runs, which is acceptable for a
    read-only view of news-derived data, but do not serve private graphs,
    and think twice before ``--host 0.0.0.0``.

Time limit
    The answer is 503 once ``timeout`` seconds have passed, and the query
    stops. On a graph in memory a query runs in a worker thread, which is
    then asked to stop by an exception raised into it at its next Python
    step (``PyThreadState_SetAsyncExc``): rdflib's evaluator is Python and
    stops at once. On an Oxigraph store (native code, which a thread cannot
    stop) queries run in a child process that opened the store read-only,
    and a query out of time ends that process (:mod:`kg.serve.isolation`).
    Queries run one at a time (rdflib's SPARQL parser, pyparsing, is not
    thread-safe, and the GIL would serialise them anyway): time spent
    waiting for an earlier query counts against the limit.
"""
from __future__ import annotations

import socket
import sys
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from string import Template
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from rdflib import Graph

from kg.errors import KgError
from kg.serve.isolation import QueryProcess
from kg.serve.queries import HttpError, Reply, answer, format_values
from kg.serve.ready import PREFIX, ready_links, ready_listing, ready_request
from kg.sparql.engine import PREFIXES
from kg.stores.oxigraph import folder_of, native_store
from kg.sparql.formats import FORMATS

__all__ = ["FORMATS", "ENDPOINT_PATHS", "SparqlServer", "make_server", "serve"]

#: Paths that answer SPARQL queries.
ENDPOINT_PATHS: tuple[str, ...] = ("/sparql", "/query")

MAX_BODY = 1 << 20  # bytes of a POST body
_MAX_FIELDS = 64

_FORM = "application/x-www-form-urlencoded"
_SPARQL_QUERY = "application/sparql-query"
_SPARQL_UPDATE = "application/sparql-update"

_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Max-Age": "86400",
}
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


# ---------------------------------------------------------------- result formats


# ---------------------------------------------------------------- evaluating


# ---------------------------------------------------------------- the HTML page

_EXAMPLE = """SELECT ?subject ?relation ?object (COUNT(?st) AS ?evidence)
WHERE {
  ?st a kg:Statement ; rdf:subject ?subject ; rdf:predicate ?relation ; rdf:object ?object .
}
GROUP BY ?subject ?relation ?object
ORDER BY DESC(?evidence)
LIMIT 25
"""

_PAGE = Template("""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 62em; padding: 0 1em; color: #222 }
textarea { width: 100%; font: 13px/1.4 ui-monospace, monospace; box-sizing: border-box }
pre, code { background: #f3f3f3; font-size: 13px } pre { padding: .6em; overflow: auto }
</style></head><body>
<h1>kg SPARQL endpoint</h1>
<p>A read-only SPARQL 1.1 endpoint over $triples triples of state-to-state relations.
Send queries to <code>$endpoint</code> (also <code>/query</code>); updates are refused.</p>
<form method="post" action="/sparql">
<textarea name="query" rows="12" spellcheck="false">$example</textarea>
<p><label>Results <select name="format">$options</select></label> <button type="submit">Run query</button></p>
</form>
<h2>Ready queries</h2>
<p>By name, with parameters as codes or names; <a href="/queries"><code>/queries</code></a> lists them as JSON.</p>
<ul>$ready</ul>
<h2>Protocol</h2>
<ul>
<li><code>GET /sparql?query=…</code>, or <code>POST /sparql</code> with <code>query=…</code> as a form
or the query itself as <code>application/sparql-query</code>.</li>
<li>Results by <code>Accept</code> header or a <code>format</code> parameter: $formats.</li>
<li>Queries stop after $timeout s. <code>SERVICE</code> and <code>FROM</code> are not supported.</li>
</ul>
<h2>Prefixes declared for every query</h2>
<pre>$prefixes</pre>
</body></html>
""")


def _page(triples: int, endpoint: str, timeout: float) -> bytes:
    """The ``GET /`` page; every value in it is HTML-escaped."""
    options = '<option value="">auto</option>' + "".join(
        f'<option value="{escape(f.name)}">{escape(f.name)}</option>' for f in FORMATS)
    formats = ", ".join(f"<code>{escape(f.name)}</code> ({escape(f.media_type)})" for f in FORMATS)
    return _PAGE.substitute(
        triples=escape(f"{triples:,}"), endpoint=escape(endpoint), example=escape(_EXAMPLE),
        options=options, formats=formats, timeout=escape(f"{timeout:g}"), prefixes=escape(PREFIXES), ready=ready_links(),
    ).encode("utf-8")


# ---------------------------------------------------------------- HTTP

def _content_type(value: str | None) -> str:
    """``'Application/X-WWW-Form-Urlencoded; charset=UTF-8'`` → ``'application/x-www-form-urlencoded'``."""
    return (value or "").split(";", 1)[0].strip().lower()


def _parse_fields(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, max_num_fields=_MAX_FIELDS)
    except ValueError as exc:
        raise HttpError(400, f"bad parameters: {exc}") from None


class _Handler(BaseHTTPRequestHandler):
    """Routes ``/``, ``/sparql``, ``/query`` and ``/queries/…``; everything else is 404."""

    server: SparqlServer
    server_version = "kg-sparql"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._respond(self._get)

    def do_POST(self) -> None:  # noqa: N802
        self._respond(self._post)

    def do_OPTIONS(self) -> None:  # noqa: N802
        """CORS preflight (a browser's POST of ``application/sparql-query``)."""
        self._send(204, "text/plain", b"")

    # -- routing

    def _respond(self, route: Callable[[str, dict[str, list[str]]], Reply]) -> None:
        parts = urlsplit(self.path)
        try:
            reply = route(parts.path, _parse_fields(parts.query))
        except HttpError as error:
            self._send(error.status, "text/plain", (error.message + "\n").encode("utf-8"))
        except Exception as exc:  # a bug or an rdflib surprise: still one line, and the server lives on
            self.log_error("%s: %s", type(exc).__name__, exc)
            message = " ".join(f"internal error: {type(exc).__name__}: {exc}".split())[:300]
            self._send(500, "text/plain", (message + "\n").encode("utf-8"))
        else:
            headers = _PAGE_HEADERS if reply.media_type == "text/html" else {"Vary": "Accept"}
            self._send(200, reply.media_type, reply.body, headers)

    def _get(self, path: str, fields: dict[str, list[str]]) -> Reply:
        if path == "/":
            return Reply("text/html", self.server.page)
        return self._sparql(path, fields)

    def _post(self, path: str, fields: dict[str, list[str]]) -> Reply:
        body = self._body()
        kind = _content_type(self.headers.get("Content-Type"))
        if kind == _SPARQL_UPDATE:
            raise HttpError(403, "SPARQL Update is not allowed: this endpoint is read-only")
        if kind == _FORM:
            for name, values in _parse_fields(body).items():
                fields.setdefault(name, []).extend(values)
        elif kind == _SPARQL_QUERY:
            fields = {**fields, "query": fields.get("query", []) + [body]}
        else:
            raise HttpError(415, f"POST {_FORM} or {_SPARQL_QUERY}, not {kind or 'no content type'}")
        return self._sparql(path, fields)

    def _sparql(self, path: str, fields: dict[str, list[str]]) -> Reply:
        if path in (PREFIX, PREFIX + "/"):
            return ready_listing()
        if path.startswith(PREFIX + "/"):
            text, params = ready_request(path, fields)
            accept = self.headers.get("Accept") or ""
            if self.server.queries is not None:
                return self.server.queries.answer(text, format_values(fields), accept, self.server.query_timeout, params)
            return answer(self.server.graph, text, format_values(fields), accept, self.server.query_timeout, params)
        if path not in ENDPOINT_PATHS:
            raise HttpError(404, f"no such path {path!r}: the SPARQL endpoint is /sparql")
        if "update" in fields:
            raise HttpError(403, "SPARQL Update is not allowed: this endpoint is read-only")
        if fields.keys() & {"default-graph-uri", "named-graph-uri"}:
            raise HttpError(400, "default-graph-uri and named-graph-uri are not supported: one graph is served")
        queries = fields.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise HttpError(400, "pass exactly one query: ?query=… (GET or form POST) or a sparql-query body")
        formats = format_values(fields)
        accept = self.headers.get("Accept") or ""
        if self.server.queries is not None:
            return self.server.queries.answer(queries[0], formats, accept, self.server.query_timeout)
        return answer(self.server.graph, queries[0], formats, accept, self.server.query_timeout)

    # -- reading and writing

    def _body(self) -> str:
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            raise HttpError(411, "send a Content-Length, not a chunked body")
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            self.close_connection = True
            raise HttpError(413, f"the body must be between 0 and {MAX_BODY} bytes")
        try:
            return self.rfile.read(length).decode("utf-8")
        except UnicodeDecodeError:
            raise HttpError(400, "the body is not UTF-8") from None

    def _send(self, status: int, media_type: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", f"{media_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for name, value in {**_CORS, **(headers or {})}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client left
            self.close_connection = True


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server answering SPARQL over ``graph`` (see the module docstring)."""

    daemon_threads = True
    request_queue_size = 128  # the listen backlog: http.server's 5 drops connections of 32 concurrent clients

    def __init__(self, address: tuple[str, int], graph: Graph, query_timeout: float) -> None:
        self.graph = graph
        self.query_timeout = query_timeout
        self.queries: QueryProcess | None = None
        super().__init__(address, _Handler)
        self.page = _page(len(graph), self.url, query_timeout)
        folder = folder_of(graph) if native_store(graph) is not None else None
        self.queries = QueryProcess(folder) if folder is not None else None

    def server_close(self) -> None:
        """Stop listening, and end the query process of an Oxigraph store."""
        super().server_close()
        if self.queries is not None:
            self.queries.close()

    @property
    def url(self) -> str:
        """The endpoint's URL, ``http://127.0.0.1:7878/sparql``."""
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}{ENDPOINT_PATHS[0]}"


class _SparqlServer6(SparqlServer):
    address_family = socket.AF_INET6


def make_server(graph: Graph, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0) -> SparqlServer:
    """A server bound to ``host:port`` (``port=0``: any free port), not yet serving.

    Call ``serve_forever()`` (in a thread, for tests) and ``shutdown()``/``server_close()``.
    """
    if not timeout > 0:
        raise KgError(f"timeout must be more than 0 seconds, not {timeout}")
    cls = _SparqlServer6 if ":" in host else SparqlServer
    try:
        return cls((host, port), graph, timeout)
    except OSError as exc:
        raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def _announce(url: str) -> None:
    print(f"kg: SPARQL endpoint at {url} (read-only; Ctrl-C stops)", file=sys.stderr, flush=True)


def serve(
    graph: Graph,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve ``graph`` until Ctrl-C; ``on_ready`` gets the endpoint URL (default: a line on stderr)."""
    server = make_server(graph, host, port, timeout)
    (on_ready or _announce)(server.url)
    try:
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
