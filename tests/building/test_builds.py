"""Builds never lose a graph: a store keeps its graph until a new one is complete, a damaged
cache is started afresh, temporary files do not outlive their build, outputs are never inputs."""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
from pathlib import Path

import pytest

from kg.building.builder import build, build_graph
from kg.building.cache import BuildCache
from kg.errors import KgError
from kg.records import Document
from kg.stores import STAGING, close_store, open_store, staging_graph

NEWS = ["Iran supplied drones to Russia.", "Russia and Iran signed a defence pact.",
        "Israel struck Iran on Friday.", "The United States imposed sanctions on Iran."]


def _docs(*texts: str) -> list[Document]:
    return [Document(f"d{i}", t) for i, t in enumerate(texts)]


def _count(spec: str) -> tuple[int, int]:
    """(triples in the default graph, quads in the staging graph) of a store."""
    store = open_store(spec)
    try:
        from kg.stores.oxigraph import native_store
        import pyoxigraph as ox

        staged = len(list(native_store(store).quads_for_pattern(None, None, None, ox.NamedNode(STAGING))))
        return len(store), staged
    finally:
        close_store(store)


class Stop(KeyboardInterrupt):
    """Ctrl-C at a chosen moment."""


def test_an_interrupted_build_into_a_store_leaves_its_graph_whole(tmp_path):
    spec = f"oxigraph:{tmp_path / 'db'}"
    store = open_store(spec)
    try:
        build_graph(_docs(*NEWS[:2]), store=store)
    finally:
        close_store(store)
    before, _ = _count(spec)
    assert before > 0

    def interrupt(documents: int, chars: int) -> None:
        if documents:
            raise Stop()

    store = open_store(spec)
    try:
        with pytest.raises(Stop):
            build_graph(_docs(*NEWS), store=store, progress=interrupt)
    finally:
        close_store(store)
    assert _count(spec) == (before, 0)  # the old graph, and nothing staged left over


def test_a_build_killed_mid_way_is_invisible_and_cleaned_by_the_next(tmp_path):
    from kg.stores import add_graph

    spec = f"oxigraph:{tmp_path / 'db'}"
    store = open_store(spec)
    try:
        build_graph(_docs(NEWS[0]), store=store)
        whole = len(store)
        graph, _ = build_graph(_docs(*NEWS))  # what a killed build had sent so far: no cleanup ran
        add_graph(staging_graph(store), graph)
    finally:
        close_store(store)
    assert _count(spec)[0] == whole and _count(spec)[1] > 0  # queries see the old graph only
    store = open_store(spec)
    try:
        build_graph(_docs(NEWS[1]), store=store)
    finally:
        close_store(store)
    assert _count(spec)[1] == 0


_KILLED_AFTER_FIRST_BATCH = """
import os, signal, sys
from kg.building import builder
from kg.cli import app

sent = builder.Collector.flush

def flush_then_die(self):
    sent(self)
    if self.summary.stored:  # triples are in the staging graph: die with no cleanup
        os.kill(os.getpid(), signal.SIGKILL)

builder.Collector.flush = flush_then_die
app(sys.argv[1:])
"""


def test_kg_build_killed_with_sigkill_after_sending_triples_loses_nothing(tmp_path):
    import subprocess
    import sys

    from kg.building.builder import STORE_BATCH

    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": f"{NEWS[i % 4]} Item {i}."}) + "\n"
                              for i in range(STORE_BATCH + 100)), encoding="utf-8")
    old = tmp_path / "old.txt"
    old.write_text(NEWS[0], encoding="utf-8")
    spec, out = f"oxigraph:{tmp_path / 'db'}", tmp_path / "out"
    kg = [sys.executable, "-m", "kg.cli", "build", "--store", spec, "--out", str(out), "--quiet"]
    subprocess.run(kg + [str(old)], check=True, capture_output=True, timeout=300)
    whole, _ = _count(spec)

    killed = subprocess.run([sys.executable, "-c", _KILLED_AFTER_FIRST_BATCH, *kg[3:], str(corpus)],
                            capture_output=True, timeout=600)
    assert killed.returncode == -9, killed.stderr.decode()
    default, staged = _count(spec)
    assert default == whole and staged > 0  # the kill came mid-way; queries still see the old graph
    assert _temporary(out) == [] or all(name.startswith(".kg-cache") for name in _temporary(out))

    subprocess.run(kg + [str(corpus)], check=True, capture_output=True, timeout=600)
    default, staged = _count(spec)
    assert staged == 0 and default > whole  # the next build cleans up and publishes the new graph
    assert _temporary(out) == []


def _damage(path: Path) -> None:
    """Overwrite the middle of an SQLite file (its data pages, not the header)."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 4096] = os.urandom(4096)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("harm", ["pages", "row"])
def test_a_damaged_cache_is_reported_in_one_line_and_rebuilt(tmp_path, caplog, harm):
    cache = tmp_path / "cache.sqlite"
    documents = [Document(f"d{i}", NEWS[i % 4] + f" Item {i}. " + "Filler words here. " * 40) for i in range(40)]
    with BuildCache(cache, "test") as stored:
        expected, _ = build_graph(documents, cache=stored)
    if harm == "pages":
        _damage(cache)
    else:
        with sqlite3.connect(cache) as db:
            db.execute("UPDATE docs SET assertions = '{not json'")
    caplog.set_level(logging.WARNING, logger="kg")
    with BuildCache(cache, "test") as stored:
        graph, summary = build_graph(documents, cache=stored)
    assert summary.documents == 40 and len(graph) == len(expected)
    damaged = [r.getMessage() for r in caplog.records if "damaged" in r.getMessage()]
    assert len(damaged) == 1 and "\n" not in damaged[0] and str(cache) in damaged[0]
    with BuildCache(cache, "test") as stored:  # the rebuilt cache is whole again
        build_graph(documents, cache=stored)
        assert stored.hits == 40


def _temporary(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith("tmp"))


def test_no_temporary_file_outlives_an_interrupted_or_failed_build(tmp_path, monkeypatch):
    source = tmp_path / "news.txt"
    source.write_text(" ".join(NEWS), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    in_tmp = set(Path(tempfile.gettempdir()).glob("kg-cache-*"))

    def interrupt(documents: int, chars: int) -> None:
        raise Stop()

    with pytest.raises(Stop):
        build([source], cache=out / ".kg-cache.sqlite", progress=interrupt)
    assert _temporary(out) == [] and set(Path(tempfile.gettempdir()).glob("kg-cache-*")) == in_tmp

    (out / ".kg-cache.sqlite.999999999.tmp").write_bytes(b"left by a killed build")
    build([source], cache=out / ".kg-cache.sqlite")
    assert _temporary(out) == [] and (out / ".kg-cache.sqlite").is_file()

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kg.building.cache.os.replace", full_disk)
    with pytest.raises(KgError) as error:
        build([source], cache=out / ".kg-cache.sqlite")
    assert str(error.value) == f"cannot save build cache {out / '.kg-cache.sqlite'}: No space left on device"
    assert _temporary(out) == []  # and the message names the cache, not a copy elsewhere


def test_a_build_never_reads_its_own_outputs(tmp_path):
    from kg.building.builder import write_outputs

    (tmp_path / "news.txt").write_text(NEWS[0], encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):
        graph, summary = build([tmp_path], cache=out / ".kg-cache.sqlite", exclude=[out])
        write_outputs(graph, out)
        assert summary.documents == 1 and not summary.report.skipped
    assert (out / "graph.html").is_file()
    graph, summary = build([tmp_path, out], exclude=[out])  # named on purpose: still not an input
    assert summary.documents == 1
