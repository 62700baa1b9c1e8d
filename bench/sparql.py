#!/usr/bin/env python3
"""SPARQL latency of the ready queries: rdflib's in-memory graph against the Oxigraph store.

A synthetic graph *in our ontology* is built with ``kg.rdf.writing.GraphBuilder`` from
generated ``kg.records.Assertion``s — states of the gazetteer (a few major ones
more frequent, as in the news), the 13 relation types, random negation,
modality, dates, sources and triggers, synthetic evidence sentences, a fixed
seed — until it holds ``--triples`` triples, plus the ontology
(``kg.rdf.writing.with_ontology``). It is written once as N-Triples and cached in the
temporary folder. Then, each store in its own ``spawn`` subprocess:

* **rdflib** — ``Graph.parse(file, format="nt")`` into the memory store;
  ``kg.stores.add_graph`` of that graph into a fresh Oxigraph folder is timed
  too, as the other way to fill Oxigraph;
* **Oxigraph on disk** — ``kg.stores.open_store("oxigraph:DIR")`` and
  ``Graph.parse(file, format="ox-nt")`` (Oxigraph's own parser);
* **pyoxigraph alone** — the same folder queried with ``pyoxigraph.Store.query``
  (parameters as substitutions, every result term read): Oxigraph's engine
  without rdflib's query parser and result terms;
* **Oxigraph in memory** — oxrdflib's in-memory Oxigraph store (not a
  ``kg.stores`` spec), for comparison with the RocksDB folder.

Every ready query of ``kg.sparql.engine.ready_queries()`` runs through
``kg.sparql.engine.run_query`` (parameters ``actor=IRN``, ``subject=IRN``,
``relation=SUPPLY``, ``object=RUS``): one warm-up run, then ``--runs`` timed
runs, the median counts. A query whose warm-up takes longer than ``--slow``
seconds gets a single timed run. All stores must return as many rows as
rdflib (and, through rdflib terms, the same values); a warning is printed if
not. ``run_query`` parses every query with rdflib's SPARQL parser whatever the
store, so the table also shows that parse time: a floor under the Oxigraph
latencies through kg. The timed call is ``run_query`` itself: rdflib evaluates
and materialises its rows; on Oxigraph ``run_query`` answers SELECT natively and
holds the rows as pyoxigraph terms (converted to rdflib terms when iterated,
which the warm-up does to compare the values).

Run from the project root (1M triples: about half an hour, mostly rdflib; < 2 GB RAM)::

    .venv/bin/python bench/sparql.py
    .venv/bin/python bench/sparql.py --triples 100000 --runs 3
    .venv/bin/python bench/sparql.py --queries most-connected   # one query (or a few, comma-separated)

Prints Markdown tables and writes ``bench/results/sparql.json``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterator, Sequence

from throughput import ROOT, in_subprocess, machine_info, machine_line, markdown_table, peak_rss_mib, write_result

from kg.records import Assertion, Document

SEED = 1_000_003
GENERATOR_VERSION = 1  # bump when the generator changes, so the cached N-Triples are rebuilt
PARAMS = {"actor": "IRN", "subject": "IRN", "relation": "SUPPLY", "object": "RUS"}
#: states that dominate the news, drawn more often (the rest of the gazetteer follows)
MAJOR_STATES = ("RUS", "UKR", "USA", "CHN", "IRN", "ISR", "GBR", "FRA", "DEU", "TUR", "PRK", "KOR",
                "JPN", "IND", "PAK", "SAU", "SYR", "IRQ", "BLR", "POL")
SOURCES = ("Reuters", "Bloomberg", "the Associated Press", "the Kremlin", "the Pentagon", "state media",
           "the foreign ministry", "a senior official", "analysts", "the White House", "Tasnim", "Xinhua")
TAILS = ("after talks in the capital on Tuesday", "according to officials familiar with the matter",
         "despite warnings from Western governments", "as tensions in the region continued to rise",
         "in a statement released late on Monday", "amid growing concern over the conflict",
         "during a visit by a high-level delegation", "as part of a broader strategic partnership",
         "in response to recent developments on the border", "weeks after a summit of regional leaders")


# ---------------------------------------------------------------- synthetic data in our ontology

class SyntheticNews:
    """Random documents and assertions in the kg data model, reproducible from a seed."""

    def __init__(self, seed: int = SEED) -> None:
        from kg.knowledge.gazetteer import load_gazetteer
        from kg.knowledge.terms import relation_types

        self.rng = random.Random(seed)
        self.actors = load_gazetteer().actors
        states = sorted(a for a, actor in self.actors.items() if actor.is_state)
        rest = [s for s in states if s not in MAJOR_STATES]
        self.rng.shuffle(rest)
        self.states = [s for s in MAJOR_STATES if s in self.actors] + rest
        self.weights = [1 / (rank + 1) ** 0.9 for rank in range(len(self.states))]  # Zipf-like
        self.types = relation_types()
        self.labels = sorted(self.types)

    def state_pair(self, pool: int | None = None) -> tuple[str, str]:
        """Two different states, frequent ones more often; ``pool`` limits them to the first ``pool``."""
        states, weights = self.states[:pool], self.weights[:pool]
        while True:
            a, b = self.rng.choices(states, weights, k=2)
            if a != b:
                return a, b

    def document(self, number: int) -> Document:
        day = date(2022, 1, 1) + timedelta(days=self.rng.randrange(3 * 365))
        return Document(id=f"syn-{number:07d}", text="", date=day.isoformat(),
                        title=f"Synthetic report {number}", path=f"synthetic/{number}.txt")

    def sentence(self, subject: str, relation: str, obj: str) -> str:
        """An evidence sentence of 20–30 words naming both actors and the relation."""
        names = self.actors[subject].name, self.actors[obj].name
        tail = ", ".join(self.rng.sample(TAILS, 2))
        return f"{names[0]} {self.types[relation].name} {names[1]} {tail}, {self.rng.choice(SOURCES)} said."

    def assertion(self, doc: Document, start: int, sentence: str, subject: str, relation: str,
                  obj: str) -> Assertion:
        """One assertion with random flags (8% negated, 12% hypothetical), date, source and trigger."""
        rng = self.rng
        when = rng.random()
        dated = doc.date[:4] if when < 0.3 else doc.date[:7] if when < 0.5 else doc.date if when < 0.6 else None
        return Assertion(doc=doc.id, subject=subject, relation=relation, object=obj,
                         negated=rng.random() < 0.08, hypothetical=rng.random() < 0.12, date=dated,
                         source=rng.choice(SOURCES) if rng.random() < 0.3 else None, sentence=sentence,
                         start=start, end=start + len(sentence),
                         trigger=self.types[relation].name.split()[0] if rng.random() < 0.9 else None)

    def documents(self) -> Iterator[tuple[Document, list[Assertion]]]:
        """Endless documents of 4–14 sentences, each sentence with 1–3 statements."""
        number = 0
        while True:
            doc = self.document(number)
            found, start = [], 0
            for _ in range(self.rng.randint(4, 14)):
                subject, obj = self.state_pair()
                relation = self.rng.choice(self.labels)
                text = self.sentence(subject, relation, obj)
                for _ in range(self.rng.choices((1, 2, 3), (4, 4, 2))[0]):
                    found.append(self.assertion(doc, start, text, subject, relation, obj))
                    subject, obj = self.state_pair()
                    relation = self.rng.choice(self.labels)
                start += len(text) + 1
            yield doc, found
            number += 1


def synthetic_graph(triples: int, seed: int = SEED) -> tuple[Any, dict[str, int]]:
    """A data graph of at least ``triples`` triples (with the ontology) and what it holds."""
    from kg.rdf.writing import GraphBuilder, with_ontology

    news = SyntheticNews(seed)
    builder = GraphBuilder(news.actors)
    counts = {"documents": 0, "statements": 0}
    for doc, assertions in news.documents():
        builder.add_document(doc)
        for assertion in assertions:
            builder.add_assertion(assertion)
        counts["documents"] += 1
        counts["statements"] += len(assertions)
        if len(builder.graph) >= triples:
            break
    graph = with_ontology(builder.graph)
    counts["triples"] = len(graph)
    return graph, counts


def generate_ntriples(triples: int, path: str) -> dict[str, Any]:
    """Build the synthetic graph and write it as N-Triples to ``path`` (run in a subprocess)."""
    began = time.perf_counter()
    graph, counts = synthetic_graph(triples)
    built = time.perf_counter() - began
    part = Path(path + ".part")
    graph.serialize(destination=str(part), format="nt", encoding="utf-8")
    part.replace(path)
    return {**counts, "build_seconds": built, "serialize_seconds": time.perf_counter() - began - built,
            "peak_rss_mib": peak_rss_mib()}


def cached_ntriples(triples: int, cache: Path) -> tuple[Path, dict[str, Any]]:
    """The N-Triples file of the synthetic graph, generated once per size, seed and generator version."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"kg-bench-sparql-{triples}-s{SEED}-v{GENERATOR_VERSION}.nt"
    info_path = path.with_suffix(".json")
    if path.is_file() and info_path.is_file():
        print(f"using cached {path}", file=sys.stderr)
        return path, json.loads(info_path.read_text())
    print(f"generating {triples:,} triples → {path} …", file=sys.stderr)
    info = in_subprocess(generate_ntriples, triples, str(path))
    info_path.write_text(json.dumps(info))
    return path, info


# ---------------------------------------------------------------- queries

#: the environment variable naming the ready queries to time (set by ``--queries``; spawned phases inherit it)
ONLY = "KG_BENCH_QUERIES"


def selected(queries: dict[str, Any]) -> dict[str, Any]:
    """The ready queries ``--queries`` names (all without it); an unknown name stops the benchmark."""
    names = [n for n in os.environ.get(ONLY, "").split(",") if n]
    if unknown := [n for n in names if n not in queries]:
        raise SystemExit(f"bench: no ready query {', '.join(unknown)} (known: {', '.join(queries)})")
    return {n: q for n, q in queries.items() if not names or n in names}


def query_params(name: str, wanted: dict[str, str]) -> dict[str, str]:
    """The benchmark's value for every parameter a ready query names."""
    missing = [p for p in wanted if p not in PARAMS]
    if missing:
        raise SystemExit(f"bench: ready query {name!r} has parameters without a benchmark value: {missing}")
    return {p: PARAMS[p] for p in wanted}


def rows_digest(result: Any) -> tuple[int, str]:
    """Row count and a digest of the sorted rows (terms as strings), to compare stores."""
    rows = sorted("\t".join("" if v is None else str(v) for v in row) for row in result)
    return len(rows), hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()[:16]


def time_queries(graph: Any, runs: int, slow: float) -> dict[str, dict[str, Any]]:
    """Each ready query: warm-up, then ``runs`` timed ``run_query`` calls (one if the warm-up is slow)."""
    from kg.sparql.engine import run_query
    from kg.sparql.ready import ready_queries

    timings = {}
    for name, query in selected(ready_queries()).items():
        params = query_params(name, query.params)
        began = time.perf_counter()
        rows, digest = rows_digest(run_query(graph, query.text, params))
        warmup = time.perf_counter() - began
        seconds = []
        for _ in range(1 if warmup > slow else runs):
            began = time.perf_counter()
            run_query(graph, query.text, params)
            seconds.append(time.perf_counter() - began)
        timings[name] = {"median": statistics.median(seconds), "seconds": seconds, "warmup": warmup,
                         "rows": rows, "digest": digest, "params": params}
        print(f"  {name}: {timings[name]['median'] * 1000:,.1f} ms, {rows} rows", file=sys.stderr)
    return timings


def rdflib_phase(nt_path: str, runs: int, slow: float, ox_dir: str) -> dict[str, Any]:
    """Load the N-Triples into rdflib's memory store and time the queries; then time add_graph into Oxigraph."""
    from kg.rdf.terms import new_graph
    from kg.stores import add_graph, close_store, open_store

    graph = new_graph()
    began = time.perf_counter()
    graph.parse(nt_path, format="nt")
    load = time.perf_counter() - began
    print(f"rdflib: {len(graph):,} triples loaded in {load:.1f} s", file=sys.stderr)
    queries = time_queries(graph, runs, slow)
    rss = peak_rss_mib()
    target = open_store(f"oxigraph:{ox_dir}")
    began = time.perf_counter()
    add_graph(target, graph)
    add_seconds = time.perf_counter() - began
    close_store(target)
    shutil.rmtree(ox_dir, ignore_errors=True)
    return {"load_seconds": load, "triples": len(graph), "queries": queries, "peak_rss_mib": rss,
            "oxigraph_add_graph_seconds": add_seconds}


def ox_term(term: Any) -> Any:
    """An rdflib IRI or literal (what ``bind_value`` gives) as a pyoxigraph term."""
    import pyoxigraph as ox
    from rdflib import URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)


def native_phase(ox_dir: str, runs: int, slow: float) -> dict[str, dict[str, Any]]:
    """The ready queries on the Oxigraph folder through pyoxigraph alone (no rdflib parsing or terms).

    Shows how much of the ``run_query`` latency is Oxigraph's engine and how much
    the rdflib side (parsing the query, converting every result term).
    """
    import pyoxigraph as ox

    from kg.sparql.engine import bind_value, with_prefixes
    from kg.sparql.ready import ready_queries

    store = ox.Store(ox_dir)
    timings = {}
    for name, query in selected(ready_queries()).items():
        text = with_prefixes(query.text)
        substitutions = {ox.Variable(k): ox_term(bind_value(k, v)) for k, v in query_params(name, query.params).items()}

        def once() -> tuple[float, int]:
            began, rows = time.perf_counter(), 0
            for solution in store.query(text, substitutions=substitutions):
                tuple(solution)
                rows += 1
            return time.perf_counter() - began, rows

        warmup, rows = once()
        seconds = [once()[0] for _ in range(1 if warmup > slow else runs)]
        timings[name] = {"median": statistics.median(seconds), "seconds": seconds, "rows": rows}
        print(f"  {name} (pyoxigraph): {timings[name]['median'] * 1000:,.1f} ms, {rows} rows", file=sys.stderr)
    del store
    return timings


def oxigraph_phase(nt_path: str, runs: int, slow: float, ox_dir: str | None) -> dict[str, Any]:
    """Parse the N-Triples into a fresh Oxigraph store (``ox-nt``) and time the queries.

    ``ox_dir`` is the folder of a ``kg.stores.open_store("oxigraph:DIR")`` store;
    ``None`` takes oxrdflib's in-memory Oxigraph store instead (no kg store spec opens one).
    """
    from rdflib import Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from kg.knowledge.terms import PREFIXES as NAMESPACES
    from kg.stores import close_store, open_store

    if ox_dir is None:
        graph = Graph(store="Oxigraph", identifier=DATASET_DEFAULT_GRAPH_ID, bind_namespaces="core")
        for prefix, namespace in NAMESPACES.items():
            graph.bind(prefix, namespace, override=True, replace=True)
    else:
        shutil.rmtree(ox_dir, ignore_errors=True)
        graph = open_store(f"oxigraph:{ox_dir}")
    began = time.perf_counter()
    graph.parse(nt_path, format="ox-nt")
    load = time.perf_counter() - began
    triples = len(graph)
    print(f"oxigraph ({ox_dir or 'memory'}): {triples:,} triples loaded in {load:.1f} s", file=sys.stderr)
    queries = time_queries(graph, runs, slow)
    close_store(graph)
    found = {"load_seconds": load, "triples": triples, "queries": queries, "peak_rss_mib": peak_rss_mib()}
    if ox_dir is not None:
        found["disk_mib"] = round(sum(f.stat().st_size for f in Path(ox_dir).rglob("*") if f.is_file()) / 2**20, 1)
    return found


def parse_times(repeat: int = 5) -> dict[str, float]:
    """Median time of rdflib's SPARQL parser on each ready query (part of every ``run_query``)."""
    from rdflib.plugins.sparql.parser import parseQuery

    from kg.sparql.ready import ready_queries

    times = {}
    for name, query in selected(ready_queries()).items():
        parseQuery(query.text)
        samples = []
        for _ in range(repeat):
            began = time.perf_counter()
            parseQuery(query.text)
            samples.append(time.perf_counter() - began)
        times[name] = statistics.median(samples)
    return times


# ---------------------------------------------------------------- report

#: the stores compared with rdflib: result key → column title
ENGINES = {
    "oxigraph": "Oxigraph (kg.stores, on disk)",
    "oxigraph_memory": "Oxigraph in memory (oxrdflib)",
    "native": "pyoxigraph alone, on disk",
}


def geometric_mean(values: Sequence[float]) -> float:
    return math.exp(statistics.fmean(math.log(v) for v in values))


def compare(phases: dict[str, dict[str, Any]], parse: dict[str, float]) -> dict[str, Any]:
    """Per query: rdflib's median, each engine's median, ratio and row agreement; then the overall ratios."""
    per_query = {}
    for name, r in phases["rdflib"]["queries"].items():
        row: dict[str, Any] = {"rdflib_ms": r["median"] * 1000, "parse_ms": parse[name] * 1000,
                               "rows": {"rdflib": r["rows"]}, "same_values": {}, "runs": {"rdflib": len(r["seconds"])}}
        for engine in ENGINES:
            e = phases[engine]["queries"][name]
            row[f"{engine}_ms"] = e["median"] * 1000
            row[f"{engine}_ratio"] = r["median"] / e["median"]
            row["rows"][engine] = e["rows"]
            row["runs"][engine] = len(e["seconds"])
            if "digest" in e:  # rdflib terms: values comparable
                row["same_values"][engine] = e["digest"] == r["digest"]
        per_query[name] = row
    return {"queries": per_query, "overall": {engine: overall(per_query, engine) for engine in ENGINES}}


def overall(per_query: dict[str, dict[str, Any]], engine: str) -> dict[str, float]:
    """rdflib / ``engine`` over all queries: geometric mean and median of the ratios, ratio of medians, of totals."""
    ratios = [q[f"{engine}_ratio"] for q in per_query.values()]
    rdflib_ms = [q["rdflib_ms"] for q in per_query.values()]
    engine_ms = [q[f"{engine}_ms"] for q in per_query.values()]
    return {"geometric_mean": geometric_mean(ratios), "median_of_ratios": statistics.median(ratios),
            "ratio_of_median_latencies": statistics.median(rdflib_ms) / statistics.median(engine_ms),
            "total_ratio": sum(rdflib_ms) / sum(engine_ms)}


def warnings_for(per_query: dict[str, dict[str, Any]]) -> list[str]:
    out = []
    for name, q in per_query.items():
        for engine, rows in q["rows"].items():
            if rows != q["rows"]["rdflib"]:
                out.append(f"WARNING: {name}: rdflib returned {q['rows']['rdflib']} rows, {ENGINES[engine]} {rows}")
            elif not q["same_values"].get(engine, True):
                out.append(f"WARNING: {name}: {ENGINES[engine]} returns the same number of rows ({rows}) "
                           "as rdflib but different values")
    return out


def rows_cell(q: dict[str, Any]) -> int | str:
    counts = q["rows"]
    return counts["rdflib"] if len(set(counts.values())) == 1 else " / ".join(map(str, counts.values()))


def report(result: dict[str, Any]) -> str:
    data, phases, comparison = result["data"], result["phases"], result["comparison"]
    rdflib, oxigraph = phases["rdflib"], phases["oxigraph"]
    query_rows = [[f"`{name}`", rows_cell(q), q["rdflib_ms"],
                   *[cell for engine in ENGINES for cell in (q[f"{engine}_ms"], f"{q[f'{engine}_ratio']:,.1f}×")],
                   q["parse_ms"]] for name, q in comparison["queries"].items()]
    headers = ["query", "rows", "rdflib ms"]
    for title in ENGINES.values():
        headers += [f"{title} ms", "ratio"]
    load_rows = [["rdflib memory store, `parse(format=\"nt\")`", rdflib["load_seconds"],
                  round(rdflib["peak_rss_mib"]["self"])],
                 ["Oxigraph on disk (`open_store(\"oxigraph:DIR\")`), `parse(format=\"ox-nt\")`",
                  oxigraph["load_seconds"], round(oxigraph["peak_rss_mib"]["self"])],
                 ["Oxigraph on disk, `kg.stores.add_graph` from the rdflib graph",
                  rdflib["oxigraph_add_graph_seconds"], "–"],
                 ["Oxigraph in memory (oxrdflib), `parse(format=\"ox-nt\")`", phases["oxigraph_memory"]["load_seconds"],
                  round(phases["oxigraph_memory"]["peak_rss_mib"]["self"])]]
    overall_rows = [[title, f"{o['geometric_mean']:.1f}×", f"{o['median_of_ratios']:.1f}×",
                     f"{o['ratio_of_median_latencies']:.1f}×", f"{o['total_ratio']:.1f}×"]
                    for title, o in zip(ENGINES.values(), comparison["overall"].values())]
    runs = result["options"]["runs"]
    lines = [machine_line(result["machine"]),
             f"Graph: {data['triples']:,} triples ({data['statements']:,} statements in "
             f"{data['documents']:,} documents, {data['triples'] / data['statements']:.1f} triples per statement, "
             f"with the ontology); N-Triples {data['nt_mib']:,.0f} MiB; Oxigraph folder {oxigraph['disk_mib']:,.0f} MiB.",
             "",
             markdown_table(["load", "seconds", "peak RSS MiB"], load_rows),
             "",
             f"Median of {runs} runs after one warm-up; ratio = rdflib / that store. rdflib and both Oxigraph "
             "stores are timed as one `kg.sparql.engine.run_query` call, which parses every query with rdflib's SPARQL "
             "parser (\"parse ms\") whatever the store and returns the rows materialised (on Oxigraph as "
             "pyoxigraph terms, turned into rdflib terms only when iterated); \"pyoxigraph alone\" queries the "
             "same on-disk folder with `pyoxigraph.Store.query` (no rdflib parsing), every term read.",
             "",
             markdown_table(headers + ["parse ms"], query_rows),
             "",
             markdown_table(["rdflib / …", "geometric mean", "median of ratios", "ratio of median latencies",
                             "ratio of total time"], overall_rows),
             "",
             "Target: ≥ 20× for Oxigraph through kg."]
    single = [n for n, q in comparison["queries"].items() if runs > 1 and 1 in q["runs"].values()]
    if single:
        lines.append(f"Warm-up over {result['options']['slow']:g} s, so one timed run only: {', '.join(single)}.")
    return "\n".join(lines + warnings_for(comparison["queries"]))


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph (default 1M)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query after one warm-up (default 5)")
    parser.add_argument("--slow", type=float, default=30.0,
                        help="a query whose warm-up takes longer (seconds) gets one timed run (default 30)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()),
                        help="folder for the cached N-Triples (default: the temporary folder)")
    parser.add_argument("--queries", default="",
                        help="comma-separated ready queries to time (default: all); the result goes to "
                             "bench/results/sparql-NAMES.json, the full run's file is left as it is")
    args = parser.parse_args(argv)
    if args.triples < 1 or args.runs < 1:
        parser.error("--triples and --runs must be at least 1")
    os.environ[ONLY] = args.queries

    nt_path, data = cached_ntriples(args.triples, args.cache)
    data["nt_mib"] = nt_path.stat().st_size / 2**20
    with tempfile.TemporaryDirectory(prefix="kg-bench-ox-") as tmp:
        on_disk = os.path.join(tmp, "ox")
        print("rdflib phase …", file=sys.stderr)
        phases = {"rdflib": in_subprocess(rdflib_phase, str(nt_path), args.runs, args.slow, os.path.join(tmp, "add"))}
        print("oxigraph phase (on disk) …", file=sys.stderr)
        phases["oxigraph"] = in_subprocess(oxigraph_phase, str(nt_path), args.runs, args.slow, on_disk)
        print("pyoxigraph phase (same folder) …", file=sys.stderr)
        phases["native"] = {"queries": in_subprocess(native_phase, on_disk, args.runs, args.slow)}
        print("oxigraph phase (in memory) …", file=sys.stderr)
        phases["oxigraph_memory"] = in_subprocess(oxigraph_phase, str(nt_path), args.runs, args.slow, None)
    result = {"machine": machine_info(["rdflib", "pyoxigraph", "oxrdflib"]),
              "options": {**vars(args), "cache": str(args.cache)}, "params": PARAMS, "data": data,
              "phases": phases, "comparison": compare(phases, parse_times())}
    print(report(result))
    name = "sparql" + (f"-{args.queries.replace(',', '-')}" if args.queries else "")
    print(f"\nwritten {write_result(name, result).relative_to(ROOT)}", file=sys.stderr)
    return result


if __name__ == "__main__":
    main()
