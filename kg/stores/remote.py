"""The ``sparql:URL`` store: the default graph of a remote SPARQL 1.1 store.

Writes through ``graph.add`` are queued (``autocommit=False``) and sent by
the next query, :func:`add` or :func:`close`; :func:`add` sends one
``INSERT DATA`` request per batch.
"""
from __future__ import annotations

import socket
import urllib.error
import urllib.request
from urllib.parse import urlencode, urlsplit

from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

from kg.errors import KgError, one_line
from kg.stores.ntriples import ntriples_batches

NAME = "sparql"
USAGE = "sparql:URL"

#: Seconds to wait for a remote SPARQL store to answer one request.
HTTP_TIMEOUT = 60.0
#: seconds before an update over a whole graph (MOVE, CLEAR, DROP) is given up: the server's work
#: grows with the graph (moving 4 million triples takes Oxigraph minutes), so only a dead server is cut
WHOLE_GRAPH_TIMEOUT = 3600.0

_UPDATE_HEADERS = {"Content-Type": "application/sparql-update; charset=utf-8"}


def _http_url(text: str, spec: str) -> str:
    url = text.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise KgError(f"bad store spec {spec!r}: {url!r} is not an http(s) URL")
    return url


def sparql_endpoints(rest: str) -> tuple[str, str]:
    """The (query, update) endpoint URLs of the part of a ``sparql:`` spec after the colon.

    >>> sparql_endpoints("http://127.0.0.1:7878")
    ('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update')
    >>> sparql_endpoints("http://host/ds")
    ('http://host/ds', 'http://host/ds')
    >>> sparql_endpoints("http://host/q|http://host/u")
    ('http://host/q', 'http://host/u')
    """
    spec = f"sparql:{rest}"
    if "|" in rest:
        query, update = rest.split("|", 1)
        return _http_url(query, spec), _http_url(update, spec)
    url = _http_url(rest, spec)
    if urlsplit(url).path in ("", "/"):
        base = url.rstrip("/")
        return f"{base}/query", f"{base}/update"
    return url, url


def _http_error(url: str, exc: BaseException) -> str:
    """One line for a failed request: the HTTP status and the server's first line, or the reason."""
    if isinstance(exc, urllib.error.HTTPError):
        body = exc.read(2000).decode("utf-8", "replace").strip()
        return f"{url} answered HTTP {exc.code} {exc.reason}" + (f": {one_line(body)}" if body else "")
    reason = getattr(exc, "reason", exc)
    return f"cannot reach {url}: {one_line(reason if isinstance(reason, BaseException) else exc)}"


def _request(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
             timeout: float | None = None) -> bytes:
    """GET (or POST ``data`` to) ``url`` (``timeout`` seconds, :data:`HTTP_TIMEOUT` by default);
    any failure is a :class:`KgError` of one line."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT if timeout is None else timeout) as response:
            return response.read()
    except (urllib.error.URLError, socket.timeout, OSError, ValueError) as exc:
        raise KgError(f"SPARQL store: {_http_error(url, exc)}") from None


def _check_endpoint(query_url: str) -> None:
    """Ask the query endpoint ``ASK {}``, so a wrong URL fails now, not at the first write."""
    _request(f"{query_url}?{urlencode({'query': 'ASK {}'})}",
             headers={"Accept": "application/sparql-results+json, application/sparql-results+xml"})


def open_remote(rest: str) -> Graph:
    """An rdflib graph over the default graph of the remote store ``rest`` names."""
    query_url, update_url = sparql_endpoints(rest)
    _check_endpoint(query_url)
    # context_aware=False: rdflib would otherwise send default-graph-uri=urn:x-rdflib:default
    # with every query (it does not recognise its own default graph id) and find nothing.
    store = SPARQLUpdateStore(query_endpoint=query_url, update_endpoint=update_url,
                              autocommit=False, context_aware=False)
    return Graph(store=store, identifier=DATASET_DEFAULT_GRAPH_ID, bind_namespaces="core")


def owns(graph: Graph) -> bool:
    """True for a graph over a remote SPARQL store."""
    return isinstance(graph.store, SPARQLUpdateStore)


def _commit(store: SPARQLUpdateStore) -> None:
    """Send the queued writes of a remote store."""
    try:
        store.commit()
    except Exception as exc:
        raise KgError(f"SPARQL store: {_http_error(store.update_endpoint, exc)}") from None


def add(target: Graph, source: Graph, batch: int) -> None:
    """Queued writes first, then one ``INSERT DATA`` request per batch."""
    store: SPARQLUpdateStore = target.store  # type: ignore[assignment]
    _commit(store)
    named = target.identifier != DATASET_DEFAULT_GRAPH_ID  # a build's staging graph
    for text in ntriples_batches(source, batch):
        text = f"GRAPH <{target.identifier}> {{\n{text}}}\n" if named else text
        body = f"INSERT DATA {{\n{text}}}\n".encode("utf-8")
        _request(store.update_endpoint, body, _UPDATE_HEADERS)


def clear(graph: Graph) -> None:
    """``CLEAR DEFAULT`` after the queued writes."""
    store: SPARQLUpdateStore = graph.store  # type: ignore[assignment]
    _commit(store)
    _request(store.update_endpoint, b"CLEAR DEFAULT", _UPDATE_HEADERS, WHOLE_GRAPH_TIMEOUT)


def swap(graph: Graph, staging: str) -> None:
    """``MOVE`` the named graph ``staging`` to the default graph (one update request)."""
    store: SPARQLUpdateStore = graph.store  # type: ignore[assignment]
    _commit(store)
    _request(store.update_endpoint, f"MOVE SILENT GRAPH <{staging}> TO DEFAULT".encode(), _UPDATE_HEADERS,
             WHOLE_GRAPH_TIMEOUT)


def drop(graph: Graph, name: str) -> None:
    """``DROP SILENT GRAPH`` ``name``."""
    store: SPARQLUpdateStore = graph.store  # type: ignore[assignment]
    _commit(store)
    _request(store.update_endpoint, f"DROP SILENT GRAPH <{name}>".encode(), _UPDATE_HEADERS, WHOLE_GRAPH_TIMEOUT)


def close(graph: Graph) -> None:
    """Send what is still queued and release the store."""
    _commit(graph.store)  # type: ignore[arg-type]
    graph.close()
