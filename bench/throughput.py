#!/usr/bin/env python3
"""Throughput of ``kg build`` against plain spaCy on the same news-sized corpus.

The corpus is made of the real passages of ``../shared/eval/dev.jsonl`` (read
in place, never copied) and the paragraphs of ``seeds/*.txt``: each document
joins 3–8 random passages, shuffled with a fixed seed, and is written as JSONL
to a temporary folder. Two phases run on those same texts, each in its own
``spawn`` subprocess so their peak RSS figures are separate:

* **baseline** — ``spacy.load(kg.nlp.pipeline.model_name())`` with every component
  enabled, ``nlp.pipe(texts, batch_size=64)``, every doc consumed (its
  sentences counted);
* **kg** — ``kg.building.builder.build([corpus.jsonl])``: reading, the full kg pipeline,
  relation extraction and the RDF graph.

Each phase loads its models and processes a few documents before the clock
starts, then takes the best of ``--repeat`` runs. Words are whitespace-separated
tokens of the texts; sentences are those of the baseline parse.
``--memory-check`` also compares the peak RSS of kg builds of 500 and 2,000
documents (each in a fresh process), with the graph in memory and streamed
into an Oxigraph folder (``--store oxigraph:PATH``).

Run from the project root::

    .venv/bin/python bench/throughput.py                 # 1,000 documents
    .venv/bin/python bench/throughput.py --docs 2000 --workers 2 --repeat 3 --memory-check
    .venv/bin/python bench/throughput.py --long          # long documents (bench/long_documents.py)

Prints Markdown tables and writes ``bench/results/throughput.json``.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import date, datetime, timedelta, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the checkout's kg is measured, not a copy installed before it changed
    sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"
DEV_GOLD = ROOT.parent / "shared" / "eval" / "dev.jsonl"
SEED_DIR = ROOT / "seeds"
SEED = 20240501
WARMUP_DOCS = 16
BATCH_SIZE = 64


# ---------------------------------------------------------------- shared helpers (imported by the other benchmarks)

def machine_info(packages: Sequence[str] = ()) -> dict[str, Any]:
    """Cores, RAM, CPU model, Python and the versions of ``packages``."""
    info: dict[str, Any] = {
        "cores": os.cpu_count(),
        "ram_gib": round(_meminfo_kib("MemTotal") / 2**20, 1),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": [round(x, 2) for x in os.getloadavg()],  # 1, 5, 15 min, when the result is written
    }
    for name in packages:
        try:
            info[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            info[name] = None
    return info


def _meminfo_kib(key: str) -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def peak_rss_mib() -> dict[str, float]:
    """Peak resident set size of this process and of its largest waited-for child (MiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self": round(own, 1), "children": round(children, 1)}


def in_subprocess(func: Callable[..., Any], *args: Any) -> Any:
    """``func(*args)`` in a fresh ``spawn`` process (not daemonic, so it may start workers)."""
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child_main, args=(sender, func, args))
    process.start()
    sender.close()
    try:
        status, value = receiver.recv()
    except EOFError:
        status, value = "error", "the subprocess died without an answer"
    process.join()
    if status != "ok":
        raise SystemExit(f"benchmark subprocess failed:\n{value}")
    return value


def _child_main(sender: Any, func: Callable[..., Any], args: tuple) -> None:
    try:
        sender.send(("ok", func(*args)))
    except BaseException:  # report anything, including SystemExit, to the parent
        sender.send(("error", traceback.format_exc()))
    finally:
        sender.close()


def git_commit() -> str | None:
    """The commit the project is at (``+dirty`` when kg/ has local changes)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "kg", "ontology"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+dirty" if dirty else "")


def write_result(name: str, data: dict[str, Any]) -> Path:
    """Write ``bench/results/<name>.json`` with the command line, time and commit added."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    record = {"benchmark": name, "command": " ".join([Path(sys.argv[0]).as_posix(), *sys.argv[1:]]),
              "when": datetime.now(timezone.utc).isoformat(timespec="seconds"), "commit": git_commit(), **data}
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown table; numbers right-aligned."""
    def aligned(i: int) -> str:
        numeric = all(isinstance(row[i], (int, float)) for row in rows) and rows
        return "---:" if numeric else "---"

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(aligned(i) for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def machine_line(info: dict[str, Any]) -> str:
    """One line for the report: cores, RAM, CPU, Python and package versions."""
    versions = ", ".join(f"{k} {v}" for k, v in info.items()
                         if k not in ("cores", "ram_gib", "cpu", "python", "platform", "load_average") and v)
    load = "/".join(f"{x:.1f}" for x in info.get("load_average", ()))
    return (f"Machine: {info['cores']} cores ({info['cpu']}), {info['ram_gib']} GiB RAM; "
            f"Python {info['python']}" + (f"; {versions}" if versions else "")
            + (f"; load average at the end (1/5/15 min) {load}" if load else ""))


# ---------------------------------------------------------------- corpus

def passages(dev: Path = DEV_GOLD, seeds: Path = SEED_DIR) -> list[str]:
    """The texts of the dev gold (read in place) and the non-empty paragraphs of ``seeds/*.txt``."""
    if not dev.is_file():
        raise SystemExit(f"bench: {dev} not found: the benchmark reads the dev passages in place "
                         f"from the project's sibling folder shared/eval/")
    texts = [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted(seeds.glob("*.txt")):
        texts += [p.strip() for p in path.read_text(encoding="utf-8").splitlines() if p.strip()]
    return [t for t in texts if t.strip()]


def make_corpus(pool: Sequence[str], n_docs: int, seed: int = SEED) -> list[dict[str, str]]:
    """``n_docs`` JSONL records, each 3–8 distinct random passages joined as paragraphs, with a date."""
    rng = random.Random(seed)
    start = date(2022, 1, 1)
    records = []
    for i in range(n_docs):
        chosen = rng.sample(pool, k=min(len(pool), rng.randint(3, 8)))
        day = start + timedelta(days=rng.randrange(3 * 365))
        records.append({"id": f"bench-{i:06d}", "date": day.isoformat(), "text": "\n\n".join(chosen)})
    return records


def write_jsonl(records: Sequence[dict[str, str]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def read_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines]


def word_count(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


# ---------------------------------------------------------------- phases (each runs in its own process)

def baseline_phase(corpus: str, warmup: str, workers: int, repeat: int) -> dict[str, Any]:
    """Plain spaCy: the full model pipeline over the texts; best of ``repeat`` runs."""
    import spacy

    from kg.nlp.pipeline import model_name

    nlp = spacy.load(model_name())
    texts = read_texts(Path(corpus))

    def run(batch: Sequence[str]) -> tuple[float, int]:
        began = time.perf_counter()
        sentences = 0
        for doc in nlp.pipe(batch, batch_size=BATCH_SIZE, n_process=workers):
            sentences += sum(1 for _ in doc.sents)
        return time.perf_counter() - began, sentences

    run(read_texts(Path(warmup)))
    runs = [run(texts) for _ in range(repeat)]
    return {"seconds": [t for t, _ in runs], "best": min(t for t, _ in runs), "docs": len(texts),
            "sentences": runs[0][1], "pipeline": list(nlp.pipe_names), "model": f"{nlp.meta['lang']}_{nlp.meta['name']}",
            "model_version": nlp.meta["version"], "peak_rss_mib": peak_rss_mib()}


def kg_phase(corpus: str, warmup: str, workers: int, repeat: int) -> dict[str, Any]:
    """``kg.building.builder.build`` on the corpus file; best of ``repeat`` runs."""
    from kg.building.builder import build
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline()

    def run(path: str) -> tuple[float, dict[str, Any]]:
        began = time.perf_counter()
        graph, summary = build([path], workers=workers)
        seconds = time.perf_counter() - began
        found = {"docs": summary.documents, "sentences": summary.sentences, "triples": len(graph),
                 "relations": sum(summary.relations.values()), "actors": len(summary.actors)}
        return seconds, found

    run(warmup)
    runs = [run(corpus) for _ in range(repeat)]
    return {"seconds": [t for t, _ in runs], "best": min(t for t, _ in runs), **runs[0][1],
            "pipeline": list(nlp.pipe_names), "peak_rss_mib": peak_rss_mib()}


def memory_phase(corpus: str, workers: int, store: str | None = None) -> dict[str, Any]:
    """One kg build of ``corpus`` in a fresh process, in memory or into ``store``
    (a ``kg.stores`` spec): its peak RSS and graph size."""
    from kg.building.builder import build
    from kg.stores import close_store, open_store

    began = time.perf_counter()
    target = open_store(store) if store else None
    try:
        graph, summary = build([corpus], workers=workers, store=target)
        triples = len(graph)
    finally:
        if target is not None:
            close_store(target)
    return {"docs": summary.documents, "triples": triples, "store": store or "memory",
            "seconds": time.perf_counter() - began, "peak_rss_mib": peak_rss_mib()}


# ---------------------------------------------------------------- report

def rates(phase: dict[str, Any], words: int) -> dict[str, float]:
    return {"docs_per_s": phase["docs"] / phase["best"], "words_per_s": words / phase["best"]}


def rss_cell(phase: dict[str, Any], workers: int) -> str:
    rss = phase["peak_rss_mib"]
    return f"{rss['self']:,.0f}" + (f" (+ workers {rss['children']:,.0f})" if workers > 1 else "")


def report(result: dict[str, Any]) -> str:
    """The Markdown tables of a run."""
    corpus, workers = result["corpus"], result["options"]["workers"]
    base, kg = result["baseline"], result["kg"]
    rows = [[name, phase["docs"], phase["best"], phase["docs_per_s"],
             round(phase["words_per_s"]), rss_cell(phase, workers)]
            for name, phase in (("spaCy baseline (`nlp.pipe`, full model)", base), ("kg build", kg))]
    lines = [machine_line(result["machine"]),
             f"Corpus: {corpus['docs']:,} documents, {corpus['words']:,} words, {corpus['sentences']:,} sentences "
             f"(spaCy parse; kg counts {kg['sentences']:,}); workers {workers}, best of {result['options']['repeat']}.",
             "",
             markdown_table(["phase", "docs", "seconds", "docs/s", "words/s", "peak RSS MiB"], rows),
             "",
             f"kg / baseline throughput: **{result['ratio']:.2f}×** (target ≥ 1.5×). "
             f"kg found {kg['relations']:,} relations among {kg['actors']} actors ({kg['triples']:,} triples)."]
    if "memory_check" in result:
        checks = result["memory_check"]
        mem_rows = [[kind, m["docs"], m["triples"], m["seconds"], round(m["peak_rss_mib"]["self"])]
                    for kind, check in checks.items() for m in check["builds"]]
        lines += ["", markdown_table(["graph in", "docs", "triples", "seconds", "peak RSS MiB"], mem_rows), ""]
        lines += [f"Peak RSS, graph in {kind}: grows {check['growth_mib']:,.0f} MiB from "
                  f"{check['builds'][0]['docs']:,} to {check['builds'][1]['docs']:,} documents ({check['ratio']:.2f}×)."
                  for kind, check in checks.items()]
    return "\n".join(lines)


def memory_check(pool: Sequence[str], folder: Path, workers: int) -> dict[str, Any]:
    """Peak RSS of kg builds of the first 500 and of 2,000 documents of one corpus,
    in memory and streamed into an Oxigraph folder."""
    records = make_corpus(pool, 2000)
    paths = {n: write_jsonl(records[:n], folder / f"memory-{n}.jsonl") for n in (500, 2000)}
    check: dict[str, Any] = {}
    for kind in ("memory", "oxigraph"):
        builds = []
        for n, path in paths.items():
            store = f"oxigraph:{folder / f'store-{n}'}" if kind == "oxigraph" else None
            print(f"memory check: kg build of {n} documents into {kind} …", file=sys.stderr)
            builds.append(in_subprocess(memory_phase, str(path), workers, store))
        small, large = (b["peak_rss_mib"]["self"] for b in builds)
        check[kind] = {"builds": builds, "growth_mib": large - small, "ratio": large / small}
    return check


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents in the corpus (default 1000)")
    parser.add_argument("--workers", type=int, default=1, help="n_process for both phases (default 1)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per phase; the best counts (default 1)")
    parser.add_argument("--memory-check", action="store_true", help="also compare peak RSS at 500 and 2,000 docs")
    parser.add_argument("--long", action="store_true", help="instead: one long document of 1, 10 and 50 MB against "
                                                            "the same text as 1,000 articles (bench/long_documents.py)")
    args = parser.parse_args(argv)
    if args.long:
        from long_documents import main as long_main
        return {"long": long_main([])}
    if args.docs < 1 or args.workers < 1 or args.repeat < 1:
        parser.error("--docs, --workers and --repeat must be at least 1")

    pool = passages()
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        folder = Path(tmp)
        records = make_corpus(pool, args.docs)
        corpus = write_jsonl(records, folder / "corpus.jsonl")
        warmup = write_jsonl(make_corpus(pool, WARMUP_DOCS, seed=SEED + 1), folder / "warmup.jsonl")
        texts = [r["text"] for r in records]
        words = word_count(texts)
        phase_args = (str(corpus), str(warmup), args.workers, args.repeat)
        print(f"baseline: spaCy on {len(texts)} documents …", file=sys.stderr)
        baseline = in_subprocess(baseline_phase, *phase_args)
        print(f"kg: build of {len(texts)} documents …", file=sys.stderr)
        kg = in_subprocess(kg_phase, *phase_args)
        baseline.update(rates(baseline, words))
        kg.update(rates(kg, words))
        result: dict[str, Any] = {
            "machine": machine_info(["spacy", baseline["model"].replace("_", "-")]),
            "options": vars(args),
            "corpus": {"docs": len(texts), "words": words, "sentences": baseline["sentences"],
                       "passages": len(pool), "bytes": corpus.stat().st_size, "seed": SEED},
            "baseline": baseline, "kg": kg, "ratio": baseline["best"] / kg["best"],  # same texts: the time ratio
        }
        if args.memory_check:
            result["memory_check"] = memory_check(pool, folder, args.workers)
    print(report(result))
    print(f"\nwritten {write_result('throughput', result).relative_to(ROOT)}", file=sys.stderr)
    return result


if __name__ == "__main__":
    main()
