"""kg build on a Dask cluster: the same graph as one process, through a lost worker, with the cache, into a server.

One LocalCluster of 2 worker processes (each loads the spaCy pipeline once and
keeps it) serves the tests through its scheduler's tcp:// address, as a real
cluster would; the corpus is the seed plus a few hundred generated documents
in a JSONL file cut into byte ranges, a gzipped JSONL file and small text files.
"""
from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest
from rdflib import Graph
from typer.testing import CliRunner

distributed = pytest.importorskip("distributed")

from kg.building.builder import build  # noqa: E402
from kg.building.cluster import parse_spec  # noqa: E402
from kg.cli import app  # noqa: E402
from kg.errors import KgError  # noqa: E402
from kg.rdf.files import serialize  # noqa: E402
from kg.rdf.writing import with_ontology  # noqa: E402
from kg.stores import close_store, open_store  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BLOCKSIZE = 8 * 1024  # some 25 documents per partition: over a dozen partitions

STATES = [("Iran", "Tehran", "Iranian"), ("Russia", "Moscow", "Russian"), ("China", "Beijing", "Chinese"),
          ("Ukraine", "Kyiv", "Ukrainian"), ("Israel", "Jerusalem", "Israeli"), ("Turkey", "Ankara", "Turkish"),
          ("France", "Paris", "French"), ("India", "New Delhi", "Indian"), ("Egypt", "Cairo", "Egyptian"),
          ("Japan", "Tokyo", "Japanese"), ("Brazil", "Brasilia", "Brazilian"), ("Germany", "Berlin", "German")]
TEMPLATES = [
    "{A} supplied drones to {B} in {year}, officials said.",
    "{A} and {B} signed a defence cooperation agreement in {capA}.",
    "{A} accused {B} of violating the ceasefire.",
    "The {demA} foreign minister held talks with his {demB} counterpart in {capB}.",
    "{A} did not attack {B}, the ministry said.",
    "{A} may impose sanctions on {B} next year.",
    "{A} condemned the strikes by {B} on Monday.",
    "Trade between the two countries grew by {pct} percent.",
    "Markets in {capA} were calm on {day}.",
    "{A} sent humanitarian aid to {B} after the floods.",
]


def generated(count: int, seed: int = 14) -> list[dict[str, str]]:
    """News-like documents from templates over a dozen states (deterministic)."""
    rng = random.Random(seed)
    docs = []
    for n in range(count):
        sentences = []
        for _ in range(rng.randint(3, 7)):
            (a, ca, da), (b, cb, db) = rng.sample(STATES, 2)
            sentences.append(rng.choice(TEMPLATES).format(
                A=a, B=b, capA=ca, capB=cb, demA=da, demB=db, year=rng.randint(2015, 2025),
                pct=rng.randint(2, 40), day=rng.choice(["Monday", "Friday"])))
        docs.append({"id": f"gen-{n:04d}", "title": f"Report {n}", "date": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
                     "text": " ".join(sentences)})
    return docs


def _jsonl(docs: list[dict[str, str]]) -> str:
    return "".join(json.dumps(d) + "\n" for d in docs)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seed, 300 generated documents in wire.jsonl (with a malformed line and a duplicate id),
    40 in old.jsonl.gz and 12 text files."""
    root = tmp_path_factory.mktemp("cluster-corpus")
    folder = root / "corpus"
    (folder / "txt").mkdir(parents=True)
    shutil.copytree(SEEDS, folder / "seeds")
    docs = generated(352)
    wire = _jsonl(docs[:300]).splitlines(keepends=True)
    wire.insert(150, "{not json\n")
    wire.append(json.dumps({"id": "gen-0007", "text": "Russia attacked Ukraine."}) + "\n")  # a duplicate id
    (folder / "wire.jsonl").write_text("".join(wire))
    with gzip.open(folder / "old.jsonl.gz", "wt") as handle:
        handle.write(_jsonl(docs[300:340]))
    for doc in docs[340:]:
        (folder / "txt" / f"{doc['id']}.txt").write_text(f"Date: {doc['date']}\n{doc['title']}\n\n{doc['text']}\n")
    return folder


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    """A LocalCluster of 2 worker processes with one thread each, as `--dask local:2` starts."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as local:
        yield local


def _turtle(graph) -> str:
    return serialize(with_ontology(graph), "turtle")


@pytest.fixture(scope="module")
def reference(corpus):
    """The single-process build of the corpus: its Turtle bytes and summary."""
    graph, summary = build([corpus])
    return _turtle(graph), summary


def test_cluster_build_is_the_single_process_build_byte_for_byte(corpus, cluster, reference):
    seen: list[tuple[int, int]] = []
    graph, summary = build([corpus], dask=cluster.scheduler_address, blocksize=BLOCKSIZE,
                           partitions=lambda done, total: seen.append((done, total)))
    turtle, expected = reference
    assert _turtle(graph) == turtle
    assert summary.partitions >= 12 and seen[-1] == (summary.partitions, summary.partitions)
    assert summary.workers == 2
    assert summary.format().splitlines()[1:] == expected.format().splitlines()  # after the "cluster:" line
    assert summary.documents == 353 and summary.report.skipped == {"malformed": 1, "duplicate": 1}
    assert sorted(summary.report.warnings) == sorted(expected.report.warnings)

    def pipelines_loaded() -> int:
        from kg.nlp.pipeline import _load_pipeline
        return _load_pipeline.cache_info().misses

    with distributed.Client(cluster) as client:  # each worker loaded the pipeline once for all its partitions
        assert list(client.run(pipelines_loaded).values()) == [1, 1]


def test_a_worker_killed_mid_build_costs_a_retry_not_the_build(corpus, cluster, reference):
    client = distributed.Client(cluster)
    pids = client.run(os.getpid)
    killed: list[int] = []

    def kill_one(done: int, total: int) -> None:
        if not killed:  # after the first partition: most are still to do
            assert done < total
            victim = sorted(pids.values())[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    graph, summary = build([corpus], dask=cluster.scheduler_address, blocksize=BLOCKSIZE, partitions=kill_one)
    assert killed and _turtle(graph) == reference[0]
    with pytest.raises(ProcessLookupError):
        os.kill(killed[0], 0)
    client.wait_for_workers(2, timeout=60)  # the nanny started a new worker process
    assert killed[0] not in client.run(os.getpid).values()
    client.close()


def test_the_cache_works_across_the_cluster(corpus, cluster, tmp_path):
    changed = tmp_path / "corpus"
    shutil.copytree(corpus, changed)
    cache = tmp_path / "cache.sqlite"
    first, summary = build([changed], dask=cluster.scheduler_address, blocksize=BLOCKSIZE, cache=cache)
    assert summary.cached == 0
    text = (changed / "txt" / "gen-0340.txt").read_text()
    (changed / "txt" / "gen-0340.txt").write_text(text.replace("Report", "Report, updated") + "Iran backed Egypt.\n")
    (changed / "txt" / "new.txt").write_text("China sent aid to Brazil.\n")
    again, summary = build([changed], dask=cluster.scheduler_address, blocksize=BLOCKSIZE, cache=cache)
    assert summary.documents == 354 and summary.cached == 352  # the changed and the new one were processed
    assert _turtle(again) == _turtle(build([changed])[0])


def test_cluster_build_into_an_oxigraph_server(corpus, cluster, reference, tmp_path):
    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.is_file():
        pytest.skip("the oxigraph server binary (PyPI package 'oxigraph') is not installed")
    port = _free_port()
    server = subprocess.Popen([str(binary), "serve", "--location", str(tmp_path / "db"), "--bind",
                               f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = _ready(f"http://127.0.0.1:{port}", server)
        store = open_store(f"sparql:{base}")
        _, summary = build([corpus], dask=cluster.scheduler_address, blocksize=BLOCKSIZE, store=store)
        close_store(store)
        out = tmp_path / "out"
        result = CliRunner().invoke(app, ["render", f"sparql:{base}", "--out", str(out / "graph.html")])
        assert result.exit_code == 0, result.output
        store = open_store(f"sparql:{base}")
        served = Graph() + store
        close_store(store)
    finally:
        server.terminate()
        server.wait(timeout=10)
    expected = Graph().parse(data=reference[0], format="turtle")
    assert summary.stored >= len(expected) and len(served) == len(expected)
    assert _turtle(served) == reference[0]


def test_cli_dask_local_starts_a_local_cluster(tmp_path):
    out = tmp_path / "out"
    single = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(tmp_path / "single"), "--quiet"])
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(out), "--dask", "local:2", "--no-cache"])
    assert single.exit_code == 0 and result.exit_code == 0, result.output
    assert "cluster:   1 partitions on 2 Dask workers" in result.output
    assert "Dask dashboard: http://" in result.output  # bokeh comes with kg[dask]
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "single" / "graph.ttl").read_bytes()


def test_bad_cluster_specs_are_one_line_errors(tmp_path):
    with pytest.raises(KgError, match="bad --dask spec 'local:x'"):
        parse_spec("local:x")
    with pytest.raises(KgError, match="known: local, local:N, tcp://HOST:PORT"):
        parse_spec("spark://host")
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--dask", "local:2", "--workers", "2"])
    assert result.exit_code == 2 and "do not go together" in result.output


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ready(base: str, process: subprocess.Popen) -> str:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        assert process.poll() is None, "oxigraph serve exited"
        try:
            with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1):
                return base
        except OSError:
            time.sleep(0.1)
    pytest.fail("oxigraph serve did not answer within 15 s")


def test_strict_stops_at_a_workers_bad_line(cluster, tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "a", "text": "Iran backed Syria."}\n{oops\n')
    with pytest.raises(KgError, match=r"bad.jsonl:2: invalid JSON"):
        build([tmp_path / "bad.jsonl"], dask=cluster.scheduler_address, strict=True)


def test_a_worker_with_another_kg_is_refused(sample_documents):
    from kg.building.builder import Collector
    from kg.building.distributed import PartitionResult, _InOrder
    from kg.building.summary import BuildSummary

    merge = _InOrder(Collector(BuildSummary(), None, None), None, False, expected="this kg")
    with pytest.raises(KgError, match="another kg"):
        merge.take(0, PartitionResult(fingerprint="an older kg"))
