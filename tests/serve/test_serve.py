"""kg.serve.server: a read-only SPARQL 1.1 Protocol endpoint, queried with SPARQLWrapper and plain urllib."""
from __future__ import annotations

import csv
import inspect
import io
import json
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator
from urllib.parse import urlencode

import pytest
from rdflib import Graph, URIRef

from kg.errors import KgError
from kg.rdf.writing import GraphBuilder
from kg.records import Actor, Assertion, Document
from kg.serve.server import SparqlServer, make_server

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")

RUS = URIRef("https://kg.example.org/actor/RUS")
SUPPLIES = "SELECT ?b WHERE { actor:IRN kg:supplies ?b }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TEXTS = [
    "Iran supplied drones to Russia.",
    'Russia attacked Ukraine, <script>alert("x")</script> said "someone".',
    "China and Russia agreed on a deal.",
]


def _assertion(i: int, subject: str, relation: str, obj: str, negated: bool = False) -> Assertion:
    start = i * 100
    return Assertion("news", subject, relation, obj, negated, False, "2024-04", None, TEXTS[i], start, start + len(TEXTS[i]))


def small_graph() -> Graph:
    actors = {a.id: a for a in (Actor("IRN", "Iran"), Actor("RUS", "Russia"), Actor("UKR", "Ukraine"),
                                Actor("CHN", "China"))}
    builder = GraphBuilder(actors)
    builder.add_document(Document("news", " ".join(TEXTS), date="2024-04-18", title="News"))
    for a in (_assertion(0, "IRN", "SUPPLY", "RUS"), _assertion(1, "RUS", "ATTACK", "UKR"),
              _assertion(2, "CHN", "AGREE", "RUS", negated=True)):
        builder.add_assertion(a)
    return builder.graph


def _running(server: SparqlServer) -> Iterator[str]:
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    """``http://127.0.0.1:PORT/sparql`` of a server on an OS-assigned port."""
    yield from _running(make_server(small_graph(), port=0, timeout=30))


@pytest.fixture(scope="module")
def impatient_endpoint() -> Iterator[str]:
    yield from _running(make_server(small_graph(), port=0, timeout=0.2))


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
          method: str | None = None) -> tuple[int, dict[str, str], str]:
    """(status, headers, body) of one request; HTTP errors are answers too."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


def get(endpoint: str, headers: dict[str, str] | None = None, **params: str) -> tuple[int, dict[str, str], str]:
    return fetch(f"{endpoint}?{urlencode(params)}", headers=headers)


def post_form(endpoint: str, **params: str) -> tuple[int, dict[str, str], str]:
    return fetch(endpoint, urlencode(params).encode(), {"Content-Type": "application/x-www-form-urlencoded"})


def post_body(endpoint: str, body: str, content_type: str) -> tuple[int, dict[str, str], str]:
    return fetch(endpoint, body.encode(), {"Content-Type": content_type})


def _bindings(body: str) -> list[dict]:
    return json.loads(body)["results"]["bindings"]


# ---------------------------------------------------------------- SPARQLWrapper

def test_sparqlwrapper_select_json(endpoint):
    client = SPARQLWrapper.SPARQLWrapper(endpoint)
    client.setQuery(SUPPLIES)
    client.setReturnFormat(SPARQLWrapper.JSON)
    result = client.query().convert()
    assert result["head"]["vars"] == ["b"]
    assert result["results"]["bindings"] == [{"b": {"type": "uri", "value": str(RUS)}}]


def test_sparqlwrapper_select_posted_as_form(endpoint):
    client = SPARQLWrapper.SPARQLWrapper(endpoint)
    client.setQuery("SELECT ?text WHERE { ?s kg:text ?text } ORDER BY ?text")
    client.setMethod(SPARQLWrapper.POST)
    client.setReturnFormat(SPARQLWrapper.JSON)
    texts = [b["text"]["value"] for b in client.query().convert()["results"]["bindings"]]
    assert texts == sorted(TEXTS)


def test_sparqlwrapper_ask(endpoint):
    client = SPARQLWrapper.SPARQLWrapper(endpoint)
    client.setQuery("ASK { actor:IRN kg:supplies actor:RUS }")
    client.setReturnFormat(SPARQLWrapper.JSON)
    assert client.query().convert() == {"head": {}, "boolean": True}
    client.setQuery("ASK { actor:CHN kg:agreesWith ?x }")  # negated: no plain triple
    assert client.query().convert()["boolean"] is False


@pytest.mark.parametrize("fmt", ["TURTLE", "XML", "JSONLD"])
def test_sparqlwrapper_construct(endpoint, fmt):
    client = SPARQLWrapper.SPARQLWrapper(endpoint)
    client.setQuery("CONSTRUCT { ?a kg:supplies ?b } WHERE { ?a kg:supplies ?b }")
    client.setReturnFormat(getattr(SPARQLWrapper, fmt))
    converted = client.query().convert()
    graph = converted if isinstance(converted, Graph) else Graph().parse(
        data=converted, format={"TURTLE": "turtle", "JSONLD": "json-ld"}[fmt])
    assert set(graph) == {(URIRef("https://kg.example.org/actor/IRN"),
                           URIRef("https://kg.example.org/ontology#supplies"), RUS)}


def test_sparqlwrapper_update_is_refused(endpoint):
    client = SPARQLWrapper.SPARQLWrapper(endpoint)
    client.setMethod(SPARQLWrapper.POST)
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(urllib.error.HTTPError) as info:
        client.query()
    assert info.value.code == 403


# ---------------------------------------------------------------- plain HTTP

def test_get_gives_sparql_json_results(endpoint):
    status, headers, body = get(endpoint, query=SUPPLIES)
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert _bindings(body) == [{"b": {"type": "uri", "value": str(RUS)}}]


def test_query_path_is_an_alias(endpoint):
    status, _, body = get(endpoint.replace("/sparql", "/query"), query=SUPPLIES)
    assert status == 200 and _bindings(body)


def test_post_form_and_post_sparql_query(endpoint):
    status, _, body = post_form(endpoint, query=SUPPLIES)
    assert status == 200 and _bindings(body)[0]["b"]["value"] == str(RUS)
    status, _, body = post_body(endpoint, SUPPLIES, "application/sparql-query")
    assert status == 200 and _bindings(body)[0]["b"]["value"] == str(RUS)


def test_json_results_type_literals(endpoint):
    query = ("SELECT ?label ?date ?start WHERE { actor:IRN rdfs:label ?label . ?d dcterms:date ?date . "
             "?x kg:start ?start } LIMIT 1")
    (row,) = _bindings(get(endpoint, query=query)[2])
    assert row["label"] == {"type": "literal", "value": "Iran", "xml:lang": "en"}
    assert row["date"] == {"type": "literal", "value": "2024-04-18"}
    assert row["start"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"


def test_csv_by_accept_header(endpoint):
    query = "SELECT ?text WHERE { ?s kg:text ?text } ORDER BY ?text"
    status, headers, body = get(endpoint, {"Accept": "text/csv"}, query=query)
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body, newline="")))
    assert rows == [["text"]] + [[t] for t in sorted(TEXTS)]
    assert body.endswith("\r\n")


def test_accept_quality_values_and_format_parameter(endpoint):
    accept = {"Accept": "text/csv;q=0.4, text/tab-separated-values"}
    status, headers, body = get(endpoint, accept, query=SUPPLIES)
    assert headers["Content-Type"].startswith("text/tab-separated-values")
    assert body == f"?b\n<{RUS}>\n"
    _, headers, _ = get(endpoint, accept, query=SUPPLIES, format="json")  # the parameter wins
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    _, headers, body = get(endpoint, query=SUPPLIES, format="xml")
    assert headers["Content-Type"].startswith("application/sparql-results+xml") and "<sparql" in body


def test_tsv_keeps_one_row_per_line(endpoint):
    status, _, body = get(endpoint, query="SELECT ?t WHERE { ?s kg:text ?t } ORDER BY ?t", format="tsv")
    lines = body.splitlines()
    assert lines[0] == "?t" and len(lines) == 1 + len(TEXTS)
    assert '\\"someone\\"' in body


def test_ask_is_a_json_boolean(endpoint):
    status, headers, body = get(endpoint, query="ASK { actor:RUS kg:attacks actor:UKR }")
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}


@pytest.mark.parametrize("accept, media_type, parser", [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("*/*", "text/turtle", "turtle"),
])
def test_construct_by_content_negotiation(endpoint, accept, media_type, parser):
    query = "CONSTRUCT { ?s kg:text ?t } WHERE { ?s kg:text ?t }"
    status, headers, body = post_body(endpoint, query, "application/sparql-query") if accept == "*/*" else \
        get(endpoint, {"Accept": accept}, query=query)
    assert status == 200 and headers["Content-Type"].startswith(media_type)
    assert sorted(str(o) for o in Graph().parse(data=body, format=parser).objects()) == sorted(TEXTS)


def test_describe_gives_turtle(endpoint):
    status, headers, body = get(endpoint, query="DESCRIBE actor:RUS")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert "Russia" in body


# ---------------------------------------------------------------- refusals and errors

@pytest.mark.parametrize("send", [
    lambda e: post_form(e, query="INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
    lambda e: post_form(e, update="INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
    lambda e: get(e, query="DELETE WHERE { ?s ?p ?o }"),
    lambda e: post_body(e, "CLEAR ALL", "application/sparql-update"),
    lambda e: post_body(e, "PREFIX x: <urn:x> DROP ALL", "application/sparql-query"),
])
def test_updates_are_refused(endpoint, send):
    status, headers, body = send(endpoint)
    assert status == 403
    assert body.strip().count("\n") == 0 and "read-only" in body
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert get(endpoint, query="ASK { ?s ?p ?o }")[2].count("true") == 1  # nothing was removed


@pytest.mark.parametrize("query, word", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
])
def test_remote_data_is_never_fetched(endpoint, query, word):
    status, _, body = get(endpoint, query=query)
    assert status == 403 and word in body


def test_words_service_and_from_in_literals_are_fine(endpoint):
    status, _, body = get(endpoint, query='ASK { FILTER("SERVICE FROM" != "") }')
    assert status == 200 and json.loads(body)["boolean"] is True


def test_bad_query_is_400_with_one_line(endpoint):
    status, headers, body = get(endpoint, query="SELEC * WHERE { ?s ?p ?o }")
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert body.startswith("bad SPARQL") and body.count("\n") == 1


@pytest.mark.parametrize("params, status", [
    ({}, 400),
    ({"query": " "}, 400),
    ({"query": SUPPLIES, "format": "png"}, 400),
    ({"query": "ASK {}", "format": "csv"}, 406),
    ({"query": SUPPLIES, "default-graph-uri": "urn:g"}, 400),
])
def test_bad_requests(endpoint, params, status):
    assert get(endpoint, **params)[0] == status


def test_unknown_path_is_404(endpoint):
    base = endpoint.removesuffix("/sparql")
    assert fetch(f"{base}/nope")[0] == 404
    assert fetch(f"{base}/sparql/x?query=ASK%7B%7D")[0] == 404
    assert fetch(f"{base}/update", b"update=CLEAR+ALL", {"Content-Type": "application/x-www-form-urlencoded"})[0] == 404


def test_other_content_types_are_415(endpoint):
    assert post_body(endpoint, "query=ASK{}", "text/plain")[0] == 415


def test_cors_preflight(endpoint):
    status, headers, _ = fetch(endpoint, method="OPTIONS", headers={"Origin": "https://yasgui.org",
                                                                     "Access-Control-Request-Method": "POST"})
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in headers["Access-Control-Allow-Headers"]


def test_slow_query_is_cut_with_503_and_the_server_stays_usable(impatient_endpoint, endpoint):
    started = time.monotonic()
    status, _, body = get(impatient_endpoint, query=SLOW)
    assert status == 503 and "timed out after 0.2 s" in body
    assert time.monotonic() - started < 3
    started = time.monotonic()
    status, _, body = get(endpoint, query="ASK { actor:IRN kg:supplies actor:RUS }")
    assert status == 200 and json.loads(body)["boolean"] is True
    assert time.monotonic() - started < 3  # the slow query was stopped, not left running


def test_concurrent_queries_all_answer(endpoint):
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: get(endpoint, query=SUPPLIES), range(16)))
    assert {status for status, _, _ in answers} == {200}
    assert len({body for _, _, body in answers}) == 1


# ---------------------------------------------------------------- the page and the server

def test_index_page_is_a_self_contained_form(endpoint):
    status, headers, body = fetch(endpoint.removesuffix("sparql"))
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert '<form method="post" action="/sparql">' in body and "<textarea" in body
    assert "<script" not in body and " src=" not in body and "<link" not in body
    assert "&lt;https://kg.example.org/ontology#&gt;" in body and "<https://" not in body
    assert "PREFIX kg:" in body


def test_default_bind_address_is_loopback():
    defaults = {name: p.default for name, p in inspect.signature(make_server).parameters.items()}
    assert (defaults["host"], defaults["port"], defaults["timeout"]) == ("127.0.0.1", 7878, 30.0)
    server = make_server(Graph(), port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
        assert server.url == f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.server_close()


def test_busy_port_and_bad_timeout_are_one_line_errors():
    server = make_server(Graph(), port=0)
    try:
        with pytest.raises(KgError, match="cannot listen on 127.0.0.1"):
            make_server(Graph(), port=server.server_address[1])
    finally:
        server.server_close()
    with pytest.raises(KgError, match="timeout"):
        make_server(Graph(), port=0, timeout=0)


SERVE_SCRIPT = """
import sys
from kg.rdf.terms import new_graph
from kg.serve.server import serve
serve(new_graph(), port=0, on_ready=lambda url: print(url, flush=True))
print("stopped", flush=True)
"""


def test_serve_stops_cleanly_on_ctrl_c():
    process = subprocess.Popen([sys.executable, "-c", SERVE_SCRIPT], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    try:
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        assert json.loads(get(url, query="ASK {}")[2]) == {"head": {}, "boolean": True}
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=10)
        assert process.returncode == 0 and out.strip() == "stopped"
    finally:
        if process.poll() is None:
            process.kill()


def test_serves_an_oxigraph_store(tmp_path):
    from kg.stores import add_graph, close_store, open_store

    store = open_store(f"oxigraph:{tmp_path / 'db'}")
    add_graph(store, small_graph())
    try:
        for url in _running(make_server(store, port=0)):
            assert _bindings(get(url, query=SUPPLIES)[2]) == [{"b": {"type": "uri", "value": str(RUS)}}]
            construct = "CONSTRUCT { ?a kg:supplies ?b } WHERE { ?a kg:supplies ?b }"
            status, _, body = get(url, {"Accept": "text/turtle"}, query=construct)
            assert status == 200 and (None, None, RUS) in Graph().parse(data=body, format="turtle")
            assert get(url, query="INSERT DATA { <urn:a> <urn:b> <urn:c> }")[0] == 403
    finally:
        close_store(store)


# ---------------------------------------------------------------- ready queries by name

@pytest.fixture(scope="module")
def ready_endpoint() -> Iterator[str]:
    """A server over the small graph with the ontology (the ready queries read relation types from it)."""
    from kg.rdf.writing import with_ontology

    yield from _running(make_server(with_ontology(small_graph()), port=0, timeout=30))


def _base(endpoint: str) -> str:
    return endpoint.removesuffix("/sparql")


def test_ready_query_by_name_answers_like_its_sparql(ready_endpoint):
    from kg.sparql.ready import ready_queries

    status, headers, body = fetch(f"{_base(ready_endpoint)}/queries/supplies")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    text = ready_queries()["supplies"].text
    assert json.loads(body) == json.loads(fetch(f"{ready_endpoint}?{urlencode({'query': text})}")[2])
    assert json.loads(body)["results"]["bindings"][0]["supplier"]["value"].endswith("/IRN")


@pytest.mark.parametrize("actor", ["RUS", "Russia", "russia", "Moscow", "actor:RUS"])
def test_ready_query_parameters_take_codes_and_names(ready_endpoint, actor):
    status, _, body = fetch(f"{_base(ready_endpoint)}/queries/actor-relations?{urlencode({'actor': actor})}&format=csv")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert status == 200 and {(r["direction"], r["relation"], r["other"].rsplit("/", 1)[1]) for r in rows} == {
        ("in", "SUPPLY", "IRN"), ("out", "ATTACK", "UKR"), ("in", "AGREE", "CHN")}


@pytest.mark.parametrize("path, status, fragment", [
    ("/queries/no-such-query", 404, "no ready query 'no-such-query'"),
    ("/queries/supplies?actor=IRN", 400, "supplies has no parameter 'actor' (it takes: none)"),
    ("/queries/actor-relations?actor=Atlantis", 400, "unknown actor 'Atlantis'"),
    ("/queries/actor-relations?actor=IRN&actor=RUS", 400, "give actor once"),
    ("/queries/supplies?format=xls", 400, "unknown format 'xls'"),
])
def test_ready_query_errors_are_one_line(ready_endpoint, path, status, fragment):
    got, headers, body = fetch(_base(ready_endpoint) + path)
    assert got == status and headers["Content-Type"].startswith("text/plain")
    assert fragment in body and len(body.strip().splitlines()) == 1


def test_queries_lists_the_ready_queries_with_working_examples(ready_endpoint):
    status, headers, body = fetch(f"{_base(ready_endpoint)}/queries")
    listed = {q["name"]: q for q in json.loads(body)["queries"]}
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert {"supplies", "actor-relations", "most-connected"} <= set(listed)
    assert listed["actor-relations"]["example"] == "/queries/actor-relations?actor=Iran"
    assert listed["hostile-cooperative"]["counts"].startswith("factual statements only")
    for query in listed.values():
        got, _, answer = fetch(_base(ready_endpoint) + query["example"] + ("&" if "?" in query["example"] else "?")
                               + "format=csv")
        assert got == 200 and answer.splitlines()[0].split(",") == query["columns"], query["name"]
    page = fetch(_base(ready_endpoint) + "/")[2]
    assert '<a href="/queries/actor-relations?actor=Iran"><code>actor-relations</code></a>' in page


# ---------------------------------------------------------------- never turned outward, never stuck

SERVICE_QUERIES = [
    "SELECT * WHERE { SERVICE <URL> { ?s ?p ?o } }",
    "SELECT * WHERE { SERV\\u0049CE <URL> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053\\u0045RVICE <URL> { ?s ?p ?o } }",
    "select * where { sErViCe silent <URL> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z FILTER EXISTS { SERVICE <URL> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <URL> { ?s ?p ?o } } } }",
    "ASK { OPTIONAL { SERVICE <URL> { ?s ?p ?o } } }",
    "SELECT * FR\\u004FM <URL> WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("template", SERVICE_QUERIES)
def test_service_is_refused_however_it_is_written_and_nothing_goes_out(endpoint, listener, template):
    url, received = listener
    status, _, body = get(endpoint, query=template.replace("URL", url))
    assert status == 403 and ("SERVICE" in body or "FROM" in body)
    time.sleep(0.2)
    assert received == []


def test_the_listener_would_have_seen_a_request(listener):
    url, received = listener  # the check above can fail: a request to the listener is recorded
    with pytest.raises(Exception):
        urllib.request.urlopen(url, timeout=2)
    assert received and received[0].startswith(b"GET /sparql")


@pytest.mark.parametrize("query", ['SELECT * WHERE { ?s ?p "\\ud800" }', "SELECT ?x WHERE { BIND(\"\\uDFFF\" AS ?x) }"])
def test_a_lone_surrogate_is_a_400_with_one_line(endpoint, query):
    status, _, body = get(endpoint, query=query)
    assert status == 400 and "surrogate" in body and body.count("\n") == 1


def test_the_listen_backlog_takes_32_clients_at_once(endpoint):
    import socket

    assert SparqlServer.request_queue_size >= 32
    host, port = endpoint.split("//")[1].split("/")[0].split(":")
    clients = [socket.create_connection((host, int(port)), timeout=10) for _ in range(32)]
    try:
        with ThreadPoolExecutor(32) as pool:
            answers = list(pool.map(lambda _: get(endpoint, query=SUPPLIES)[0], range(32)))
        assert answers == [200] * 32
    finally:
        for c in clients:
            c.close()


def test_a_timed_out_query_on_oxigraph_stops_and_does_not_hold_up_the_next(tmp_path):
    from kg.stores import add_graph, close_store, open_store

    store = open_store(f"oxigraph:{tmp_path / 'db'}")
    add_graph(store, small_graph())
    server = make_server(store, port=0, timeout=1)
    try:
        for url in _running(server):
            first = server.queries.pid
            status, _, body = get(url, query=SLOW)
            assert status == 503 and "timed out after 1 s" in body
            assert server.queries.pid != first
            assert not _alive(first)  # the process that ran it is gone: the query stopped
            status, _, body = get(url, query="ASK { actor:IRN kg:supplies actor:RUS }")
            assert status == 200 and json.loads(body)["boolean"] is True
            assert get(url, query="SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")[0] == 403
    finally:
        close_store(store)
    assert not _alive(server.queries.pid or 0)


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return pid > 0
