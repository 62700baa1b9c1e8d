"""kg.stores: memory, a local Oxigraph folder and a real Oxigraph server, all through one API."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import KgError
from kg.network.view import to_networkx
from kg.rdf.writing import graph_from
from kg.sparql.engine import run_query
from kg.sparql.formats import format_result
from kg.sparql.ready import ready_queries
from kg.stores import add_graph, close_store, open_store

P1, P2 = URIRef("urn:kg:test:p1"), URIRef("urn:kg:test:p2")
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


@pytest.fixture
def graph(sample_assertions, sample_documents, sample_actors) -> Graph:
    return graph_from(sample_assertions, sample_documents, sample_actors)


def _plain(triple: tuple) -> tuple:
    """``"x"^^xsd:string`` (how Oxigraph hands plain literals back) as ``"x"``: the same RDF 1.1 term."""
    return tuple(Literal(str(t)) if isinstance(t, Literal) and t.datatype == XSD_STRING else t for t in triple)


def _triples(graph: Graph) -> set[tuple]:
    return {_plain(t) for t in graph}


def _ready(graph: Graph, name: str = "supplies") -> str:
    return format_result(run_query(graph, ready_queries()[name].text), "csv")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------- memory and Oxigraph folders

@pytest.mark.parametrize("spec", [None, "memory", " MEMORY "])
def test_memory_store_round_trip(graph, spec):
    store = open_store(spec)
    assert add_graph(store, graph, batch=5) == len(graph)
    assert set(store) == set(graph)
    assert _ready(store) == _ready(graph)
    assert store.namespace_manager.store.namespace("actor") == URIRef("https://kg.example.org/actor/")
    close_store(store)


def test_oxigraph_store_persists_between_openings(graph, tmp_path):
    spec = f"oxigraph:{tmp_path / 'new' / 'kg.oxigraph'}"
    store = open_store(spec)
    assert add_graph(store, graph, batch=50) == len(graph)
    close_store(store)
    close_store(store)  # twice is harmless

    again = open_store(spec)
    try:
        assert len(again) == len(graph)
        assert _triples(again) == _triples(graph)
        assert _ready(again) == _ready(graph)
        # pyoxigraph substitutes parameters only for projected variables: ?actor is selected
        rows = run_query(again, "SELECT ?actor ?b WHERE { ?actor kg:supplies ?b }", {"actor": "IRN"})
        assert [str(row.b) for row in rows] == ["https://kg.example.org/actor/RUS"]
        assert sorted(to_networkx(again).edges(keys=True)) == sorted(to_networkx(graph).edges(keys=True))
    finally:
        close_store(again)


def test_oxigraph_store_adds_to_what_is_there(graph, tmp_path):
    spec = f"oxigraph:{tmp_path / 'db'}"
    store = open_store(spec)
    add_graph(store, graph)
    add_graph(store, graph)  # the same triples again: nothing new
    extra = Graph()
    extra.add((URIRef("urn:kg:test:a"), P1, Literal("b")))
    add_graph(store, extra)
    assert len(store) == len(graph) + 1
    close_store(store)


def test_oxigraph_folder_in_use_is_a_one_line_error(tmp_path):
    spec = f"oxigraph:{tmp_path / 'db'}"
    store = open_store(spec)
    try:
        with pytest.raises(KgError, match="cannot open the Oxigraph store") as info:
            open_store(spec)
        assert "\n" not in str(info.value)
    finally:
        close_store(store)


@pytest.mark.parametrize("spec, message", [
    ("mysql:kg", r"bad store spec 'mysql:kg' \(known: memory, oxigraph:PATH, sparql:URL\)"),
    ("memory:x", "takes no argument"),
    ("oxigraph:", "name a folder"),
    ("oxigraph:  ", "name a folder"),
    ("sparql:", "not an http"),
    ("sparql:ftp://host/q", "not an http"),
    ("sparql:http://host/q|nowhere", "not an http"),
])
def test_bad_specs_are_one_line_errors(spec, message):
    with pytest.raises(KgError, match=message):
        open_store(spec)


def test_unwritable_oxigraph_path_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(KgError, match="not a folder"):
        open_store(f"oxigraph:{blocker}")
    with pytest.raises(KgError, match="cannot open the Oxigraph store"):
        open_store(f"oxigraph:{blocker / 'db'}")


def test_unreachable_endpoint_is_a_one_line_error():
    port = _free_port()  # nothing listens there
    with pytest.raises(KgError, match=rf"cannot reach http://127.0.0.1:{port}/query"):
        open_store(f"sparql:http://127.0.0.1:{port}")


def test_batch_size_must_be_positive(graph):
    with pytest.raises(KgError, match="batch size"):
        add_graph(open_store(), graph, batch=0)


# ---------------------------------------------------------------- a real Oxigraph server

def _oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).with_name("oxigraph")
    return str(beside_python) if beside_python.is_file() else shutil.which("oxigraph")


def _wait_until_ready(base: str, process: subprocess.Popen, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"oxigraph serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    pytest.fail("oxigraph serve did not answer within 10 s")


@pytest.fixture
def oxigraph_server(tmp_path) -> Iterator[str]:
    """``http://127.0.0.1:PORT`` of a fresh ``oxigraph serve`` (in-memory), stopped afterwards."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary (PyPI package 'oxigraph') is not installed")
    port = _free_port()
    process = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_remote_store_push_and_query(graph, oxigraph_server):
    store = open_store(f"sparql:{oxigraph_server}")
    assert add_graph(store, graph, batch=40) == len(graph)  # several INSERT DATA requests
    assert len(store) == len(graph)
    assert _ready(store) == _ready(graph)
    assert _triples(Graph() + store) == _triples(graph)
    close_store(store)


def test_remote_store_explicit_endpoint_pair(graph, oxigraph_server):
    store = open_store(f"sparql:{oxigraph_server}/query|{oxigraph_server}/update")
    add_graph(store, graph)
    rows = run_query(store, "SELECT ?b WHERE { ?actor kg:supplies ?b }", {"actor": "IRN"})
    assert [row[0] for row in rows] == [URIRef("https://kg.example.org/actor/RUS")]
    close_store(store)


def test_remote_store_sends_queued_adds_on_close(oxigraph_server):
    store = open_store(f"sparql:{oxigraph_server}")
    store.add((URIRef("urn:kg:test:a"), P1, Literal('quote " and\nnewline', lang="en")))
    close_store(store)
    again = open_store(f"sparql:{oxigraph_server}")
    assert again.value(URIRef("urn:kg:test:a"), P1) == Literal('quote " and\nnewline', lang="en")


def test_remote_store_keeps_blank_nodes_together(oxigraph_server):
    source, node = Graph(), BNode()
    source.add((URIRef("urn:kg:test:a"), P1, node))
    source.add((node, P2, Literal("inner")))
    for i in range(5):
        source.add((URIRef(f"urn:kg:test:x{i}"), P1, Literal(i)))
    store = open_store(f"sparql:{oxigraph_server}")
    add_graph(store, source, batch=1)
    rows = list(run_query(store, "SELECT ?v WHERE { <urn:kg:test:a> <urn:kg:test:p1> ?b . ?b <urn:kg:test:p2> ?v }"))
    assert [str(row[0]) for row in rows] == ["inner"]
    assert len(store) == 7


def test_remote_store_wrong_path_is_a_one_line_error(oxigraph_server):
    with pytest.raises(KgError, match="answered HTTP 404"):
        open_store(f"sparql:{oxigraph_server}/nowhere")


def test_oxigraph_answers_natively_and_formats_like_rdflib(graph, tmp_path):
    from kg.rdf.writing import with_ontology
    from kg.sparql.engine import OxigraphResult
    from kg.sparql.formats import format_result
    from kg.sparql.ready import ready_queries

    graph = with_ontology(graph)  # the ready queries read relation types from the ontology
    store = open_store(f"oxigraph:{tmp_path / 'native'}")
    try:
        add_graph(store, graph)
        for name, ready in ready_queries().items():
            params = {p: {"actor": "IRN", "subject": "IRN", "relation": "SUPPLY", "object": "RUS"}[p]
                      for p in ready.params}
            native = run_query(store, ready.text, params)
            assert isinstance(native, OxigraphResult)
            for fmt in ("table", "csv"):  # same rows in the same order
                ours, theirs = format_result(native, fmt), format_result(run_query(graph, ready.text, params), fmt)
                assert ours == theirs, (name, fmt)
            assert len(ours.splitlines()) > 1, name  # every ready query finds something here
    finally:
        close_store(store)


# ---------------------------------------------------------------- builds that stream into a store

NEWS = ["Iran supplied drones to Russia.", "Russia and Iran signed a defence pact.",
        "Israel struck Iran on Friday.", "The United States imposed sanctions on Iran."]


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_a_build_streamed_into_a_store_equals_the_build_in_memory(tmp_path, monkeypatch, kind):
    import kg.building.builder
    from kg.records import Document

    documents = [Document(f"d{i}", text) for i, text in enumerate(NEWS)]
    whole, summary = kg.building.builder.build_graph(documents)
    monkeypatch.setattr(kg.building.builder, "STORE_BATCH", 1)  # one batch per document
    store = open_store("memory" if kind == "memory" else f"oxigraph:{tmp_path / 'db'}")
    try:
        streamed, streamed_summary = kg.building.builder.build_graph(documents, store=store)
        assert streamed is store
        assert _triples(store) == _triples(whole)
        assert streamed_summary.relations == summary.relations and sum(summary.relations.values()) >= 4
        assert streamed_summary.stored >= len(whole)  # actor nodes and the ontology are sent with the first batch
    finally:
        close_store(store)


def test_a_rebuild_into_the_same_store_equals_a_full_build(tmp_path):
    import kg.building.builder
    from kg.building.cache import BuildCache
    from kg.records import Document

    spec = f"oxigraph:{tmp_path / 'db'}"
    before = [Document("a", NEWS[0]), Document("b", NEWS[1])]
    after = [Document("a", NEWS[2]), Document("b", NEWS[1]), Document("c", NEWS[3])]  # a changed, c new
    expected, _ = kg.building.builder.build_graph(after)
    with BuildCache(tmp_path / "cache.sqlite", "test") as cache:
        for documents in (before, after):
            store = open_store(spec)
            try:
                kg.building.builder.build_graph(documents, cache=cache, store=store)
            finally:
                close_store(store)
    store = open_store(spec)
    try:
        assert _triples(store) == _triples(expected)
    finally:
        close_store(store)


def test_clear_store_empties_the_default_graph_only(graph, oxigraph_server, tmp_path):
    from kg.stores import clear_store

    remote = open_store(f"sparql:{oxigraph_server}")
    add_graph(remote, graph)
    named = "INSERT DATA { GRAPH <urn:kg:test:g> { <urn:kg:test:a> <urn:kg:test:p1> 1 } }"
    run_query(remote, named, allow_update=True)
    clear_store(remote)
    assert len(remote) == 0
    assert bool(run_query(remote, "ASK { GRAPH <urn:kg:test:g> { ?s ?p ?o } }"))
    close_store(remote)
    local = open_store(f"oxigraph:{tmp_path / 'db'}")
    add_graph(local, graph)
    clear_store(local)
    assert len(local) == 0
    close_store(local)


def test_a_closed_oxigraph_store_can_be_opened_again_after_a_query(graph, tmp_path):
    spec = f"oxigraph:{tmp_path / 'db'}"
    store = open_store(spec)
    add_graph(store, graph)
    assert "/actor/RUS" in _ready(store)
    close_store(store)
    again = open_store(spec)  # the folder's lock was released
    assert len(again) == len(graph)
    close_store(again)


def test_a_slow_move_of_a_big_graph_is_waited_for_not_cut_at_the_request_timeout(monkeypatch):
    """Moving a build's staging graph of millions of triples takes a server minutes: the whole-graph
    updates wait WHOLE_GRAPH_TIMEOUT, other requests HTTP_TIMEOUT."""
    import http.server
    import threading

    from kg.stores import remote

    seen: list[bytes] = []

    class Slow(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the ASK {} of open_store
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b'{"head": {}, "boolean": true}')

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            seen.append(body)
            if body.startswith(b"MOVE"):
                time.sleep(1.0)  # longer than the request timeout below
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setattr(remote, "HTTP_TIMEOUT", 0.3)
    monkeypatch.setattr(remote, "WHOLE_GRAPH_TIMEOUT", 10.0)
    try:
        store = open_store(f"sparql:http://127.0.0.1:{server.server_address[1]}")
        remote.swap(store, "urn:kg:build-staging")
        assert seen[-1].startswith(b"MOVE SILENT GRAPH <urn:kg:build-staging> TO DEFAULT")
        monkeypatch.setattr(remote, "WHOLE_GRAPH_TIMEOUT", 0.3)
        with pytest.raises(KgError, match="timed out"):
            remote.swap(store, "urn:kg:build-staging")
    finally:
        server.shutdown()
