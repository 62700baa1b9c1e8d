#!/usr/bin/env python3
"""Scale: ``kg build`` in one process against a Dask ``LocalCluster`` of 1 and 2 workers,
and the rate at which triples load into an Oxigraph server.

The corpus is generated here from templates (never from ``../shared/eval``):
news-sized documents of 8–16 sentences, about a dozen of them relations between
two of 40 states (supply, agreements, talks, accusations, attacks, sanctions,
aid, with negation and modality), the rest filler about markets, weather and
sport, written as JSONL files of 5,000 documents to a temporary folder.

Every configuration builds the same corpus into the default graph of an
Oxigraph server (``oxigraph serve --location DIR``, a fresh one for each
configuration, started here) with ``--store sparql:URL``, as a cluster
deployment would, so no configuration holds the graph in memory. (One server
for all three was tried first: after the first build's 2.1 million triples
were cleared, loading the same triples again was three times slower, which
hid everything else.) Each runs in its own ``spawn`` subprocess and is
timed from the call of ``kg.building.builder.build`` to its return, model
loading and cluster start included:

* **single** — ``build([corpus], store=…)``: one process reads, extracts and loads;
* **dask-N** — a ``LocalCluster`` of N worker processes (one thread each) started
  by the subprocess, then ``build([corpus], dask=ADDRESS, store=…)``; the peak
  RSS of each worker is its ``VmHWM`` asked through ``client.run`` after the build.

Loading is measured inside the builds: the seconds spent in
``kg.stores.add_graph`` (``INSERT DATA`` requests of 10,000 triples into the
build's staging graph) against the triples sent, and apart from it the seconds
of ``publish`` (one ``MOVE`` of the staging graph to the default graph, done by
the server; its time grows with the graph). On a cluster, the seconds the client spends merging results
(graph building and loading included) give the most documents per second one
client can take, whatever the number of workers. Run from the project root (takes about an hour at 20,000 documents)::

    .venv/bin/python bench/scale.py                      # 20,000 documents, single, dask-1, dask-2
    .venv/bin/python bench/scale.py --docs 2000          # a quick look

Prints Markdown tables and writes ``bench/results/scale.json``.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, in_subprocess, machine_info, machine_line, markdown_table, peak_rss_mib, write_result  # noqa: E402

SEED = 1400
FILE_DOCS = 5000

STATES = [
    ("Iran", "Tehran", "Iranian"), ("Russia", "Moscow", "Russian"), ("China", "Beijing", "Chinese"),
    ("Ukraine", "Kyiv", "Ukrainian"), ("Israel", "Jerusalem", "Israeli"), ("Turkey", "Ankara", "Turkish"),
    ("France", "Paris", "French"), ("India", "New Delhi", "Indian"), ("Egypt", "Cairo", "Egyptian"),
    ("Japan", "Tokyo", "Japanese"), ("Brazil", "Brasilia", "Brazilian"), ("Germany", "Berlin", "German"),
    ("Pakistan", "Islamabad", "Pakistani"), ("Saudi Arabia", "Riyadh", "Saudi"), ("Qatar", "Doha", "Qatari"),
    ("Syria", "Damascus", "Syrian"), ("Iraq", "Baghdad", "Iraqi"), ("Jordan", "Amman", "Jordanian"),
    ("Poland", "Warsaw", "Polish"), ("Hungary", "Budapest", "Hungarian"), ("Italy", "Rome", "Italian"),
    ("Spain", "Madrid", "Spanish"), ("Mexico", "Mexico City", "Mexican"), ("Canada", "Ottawa", "Canadian"),
    ("Kenya", "Nairobi", "Kenyan"), ("Nigeria", "Abuja", "Nigerian"), ("Ethiopia", "Addis Ababa", "Ethiopian"),
    ("Sudan", "Khartoum", "Sudanese"), ("Algeria", "Algiers", "Algerian"), ("Morocco", "Rabat", "Moroccan"),
    ("Vietnam", "Hanoi", "Vietnamese"), ("Indonesia", "Jakarta", "Indonesian"), ("Australia", "Canberra", "Australian"),
    ("South Korea", "Seoul", "South Korean"), ("North Korea", "Pyongyang", "North Korean"),
    ("Venezuela", "Caracas", "Venezuelan"), ("Cuba", "Havana", "Cuban"), ("Serbia", "Belgrade", "Serbian"),
    ("Armenia", "Yerevan", "Armenian"), ("Azerbaijan", "Baku", "Azerbaijani"),
]
RELATIONS = [
    "{A} supplied {weapon} to {B} in {year}, {outlet} reported.",
    "{A} and {B} signed a {deal} agreement in {capA} on {day}.",
    "The {demA} foreign minister held talks with his {demB} counterpart in {capB}.",
    "{A} accused {B} of {crime}, a government spokesman said.",
    "{demA} forces attacked positions in {B} overnight, according to {outlet}.",
    "{A} did not send troops to {B}, the defence ministry said.",
    "{A} may impose new sanctions on {B} if the talks fail.",
    "{A} condemned the strikes by {B} and recalled its ambassador.",
    "{A} sent humanitarian aid to {B} after the {disaster}.",
    "Officials in {capA} said {A} would back {B} at the United Nations.",
    "{A} threatened {B} with retaliation over the border incident.",
    "{A} asked {B} for help with air defence, {outlet} reported.",
]
FILLER = [
    "Markets in {capA} closed higher on {day} as investors weighed new data.",
    "The central bank kept its key rate unchanged at {pct} percent.",
    "Heavy rain is expected across the region later this week.",
    "The national football team won its qualifier {goals}-1 on {day}.",
    "Analysts said the outlook for the economy remained uncertain.",
    "Fuel prices rose by {pct} percent in the past month.",
    "The ministry published its annual report on {day}.",
    "Traffic in {capA} was disrupted by a strike of transport workers.",
]
WORDS = dict(weapon=["drones", "artillery shells", "ballistic missiles", "tanks", "ammunition"],
             deal=["trade", "energy", "defence", "nuclear", "grain"],
             crime=["violating the ceasefire", "supporting terrorism", "spying", "election interference"],
             outlet=["Reuters", "Bloomberg", "the state news agency", "officials"],
             disaster=["earthquake", "floods", "drought"], day=["Monday", "Tuesday", "Thursday", "Saturday"])


def generate(count: int, seed: int = SEED) -> list[dict[str, str]]:
    """``count`` news-sized documents from the templates (deterministic for a seed)."""
    rng = random.Random(seed)
    docs = []
    for n in range(count):
        sentences = []
        for _ in range(rng.randint(8, 16)):
            (a, ca, da), (b, cb, db) = rng.sample(STATES, 2)
            template = rng.choice(RELATIONS if rng.random() < 0.6 else FILLER)
            picks = {key: rng.choice(values) for key, values in WORDS.items()}
            sentences.append(template.format(A=a, B=b, capA=ca, capB=cb, demA=da, demB=db, year=rng.randint(2015, 2025),
                                             pct=rng.randint(2, 40), goals=rng.randint(2, 4), **picks))
        docs.append({"id": f"scale-{n:06d}", "title": f"Wire report {n}",
                     "date": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}", "text": " ".join(sentences)})
    return docs


def write_corpus(folder: Path, docs: list[dict[str, str]]) -> tuple[int, int]:
    """JSONL files of ``FILE_DOCS`` documents each; returns (documents, words)."""
    folder.mkdir(parents=True, exist_ok=True)
    for first in range(0, len(docs), FILE_DOCS):
        lines = "".join(json.dumps(d) + "\n" for d in docs[first:first + FILE_DOCS])
        (folder / f"wire-{first // FILE_DOCS:03d}.jsonl").write_text(lines, encoding="utf-8")
    return len(docs), sum(len(d["text"].split()) for d in docs)


# ---------------------------------------------------------------- the Oxigraph server

def start_server(folder: Path) -> tuple[subprocess.Popen, str]:
    """``oxigraph serve`` (the PyPI package 'oxigraph') on a free port; its base URL."""
    import socket

    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.is_file():
        raise SystemExit("the oxigraph server binary is missing: pip install oxigraph")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([str(binary), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1):
                return process, base
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("oxigraph serve did not start")


# ---------------------------------------------------------------- one configuration (in a subprocess)

def _timed_loading() -> dict[str, float]:
    """Wrap the builder's ``add_graph`` so that the seconds and triples sent to the store are counted."""
    import kg.building.builder as builder

    counts = {"seconds": 0.0, "triples": 0}
    original = builder.add_graph

    def timed(target: Any, source: Any, *args: Any, **kwargs: Any) -> int:
        began = time.perf_counter()
        sent = original(target, source, *args, **kwargs)
        counts["seconds"] += time.perf_counter() - began
        counts["triples"] += sent
        return sent

    builder.add_graph = timed
    return counts


def _timed_publishing() -> dict[str, float]:
    """Wrap ``publish`` (the staging graph moved to the default graph: one MOVE) to count its seconds."""
    import kg.building.builder as builder
    import kg.building.distributed as distributed

    counts = {"seconds": 0.0}
    original = builder.publish

    def timed(*args: Any) -> None:
        began = time.perf_counter()
        original(*args)
        counts["seconds"] += time.perf_counter() - began

    builder.publish = distributed.publish = timed
    return counts


def _timed_merging() -> dict[str, float]:
    """Wrap the client's merge of a partition (graph building and loading included) to count its seconds."""
    from kg.building.distributed import _InOrder

    counts = {"seconds": 0.0}
    original = _InOrder._merge

    def timed(self: Any, result: Any) -> None:
        began = time.perf_counter()
        original(self, result)
        counts["seconds"] += time.perf_counter() - began

    _InOrder._merge = timed  # type: ignore[method-assign]
    return counts


def _worker_peak_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def run_configuration(corpus: str, store: str, workers: int, partition_mb: float) -> dict[str, Any]:
    """Build ``corpus`` into ``store``: in this process (``workers`` 0) or on a LocalCluster of ``workers``."""
    from kg.building.builder import build
    from kg.stores import close_store, open_store

    loading = _timed_loading()
    publishing = _timed_publishing()
    target = open_store(store)
    result: dict[str, Any] = {"workers": workers}
    if workers == 0:
        began = time.perf_counter()
        _, summary = build([corpus], store=target)
        result["seconds"] = time.perf_counter() - began
    else:
        from distributed import Client, LocalCluster

        merging = _timed_merging()
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=40) as cluster, Client(cluster) as client:
            began = time.perf_counter()
            _, summary = build([corpus], store=target, dask=cluster.scheduler_address,
                               blocksize=int(partition_mb * (1 << 20)))
            result["seconds"] = time.perf_counter() - began
            result["worker_peak_rss_mib"] = sorted(client.run(_worker_peak_mib).values())
            result["partitions"] = summary.partitions
        result["client_merge_seconds"] = round(merging["seconds"], 2)
    close_store(target)
    result.update(documents=summary.documents, relations=sum(summary.relations.values()),
                  stored=summary.stored, load_seconds=round(loading["seconds"], 2),
                  publish_seconds=round(publishing["seconds"], 2),
                  process_peak_rss_mib=peak_rss_mib()["self"])
    result["seconds"] = round(result["seconds"], 2)
    return result


# ---------------------------------------------------------------- main

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=20000, help="generated documents (default 20,000)")
    parser.add_argument("--workers", default="0,1,2", help="configurations: 0 = one process, N = LocalCluster of N")
    parser.add_argument("--partition-mb", type=float, default=1.0, help="input megabytes per partition (default 1)")
    args = parser.parse_args()
    configurations = [int(w) for w in args.workers.split(",")]

    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
        corpus = Path(tmp) / "corpus"
        documents, words = write_corpus(corpus, generate(args.docs))
        runs = []
        for workers in configurations:
            server, base = start_server(Path(tmp) / f"db-{workers}")  # a fresh server for each configuration
            try:
                run = in_subprocess(run_configuration, str(corpus), f"sparql:{base}", workers, args.partition_mb)
            finally:
                server.terminate()
                server.wait(timeout=30)
            run["docs_per_s"] = round(run["documents"] / run["seconds"], 1)
            run["triples_per_s_loaded"] = round(run["stored"] / run["load_seconds"]) if run["load_seconds"] else None
            runs.append(run)
            print(f"workers={workers}: {run}", file=sys.stderr, flush=True)
    report(documents, words, runs)


def report(documents: int, words: int, runs: list[dict[str, Any]]) -> None:
    """Print the tables and write ``bench/results/scale.json``."""
    single = next((r for r in runs if r["workers"] == 0), None)
    rows = []
    for run in runs:
        name = "kg build, one process" if run["workers"] == 0 else f"LocalCluster, {run['workers']} worker(s)"
        ratio = round(run["docs_per_s"] / single["docs_per_s"], 2) if single else None
        workers_rss = run.get("worker_peak_rss_mib")
        merge = run.get("client_merge_seconds")
        rows.append([name, run["seconds"], run["docs_per_s"], ratio if ratio is not None else "",
                     run["process_peak_rss_mib"], ", ".join(f"{m:,.0f}" for m in workers_rss) if workers_rss else "–",
                     run["stored"], run["triples_per_s_loaded"] or "", run.get("publish_seconds", ""),
                     round(run["documents"] / merge) if merge else "–"])
    machine = machine_info(["spacy", "dask", "distributed", "rdflib", "oxigraph"])
    print(f"{documents:,} generated documents, {words:,} words")
    print(markdown_table(["configuration", "seconds", "docs/s", "ratio to one process", "client/process peak RSS MiB",
                          "worker peak RSS MiB", "triples sent", "triples/s loaded",
                          "publish (MOVE) seconds", "client merge docs/s"], rows))
    print(machine_line(machine))
    path = write_result("scale", {"machine": machine, "documents": documents, "words": words, "runs": runs})
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
