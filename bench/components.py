#!/usr/bin/env python3
"""Where a ``kg build`` spends its time: each stage of the pipeline on the throughput corpus.

The corpus is :mod:`throughput`'s (the passages of ``../shared/eval/dev.jsonl`` and the
seed, shuffled with its seed). The stages run one after the other over all documents,
each timed on its own: the cheap selection pass (:mod:`kg.nlp.selection`), the ``Doc``
of the kept text (``prepare``: the tokenizer), every component of the pipeline in order
(``pipe`` over all documents in batches of 64, as a build runs them), the assertions
(offsets mapped back, dates read) and the RDF graph. Best of ``--repeat`` runs per stage.
A stage's share is of their sum, which is close to a build's time (a build streams the
same stages in batches, and reads its input besides).

Run from the project root::

    .venv/bin/python bench/components.py                 # 300 documents, best of 3
    .venv/bin/python bench/components.py --docs 1000

Prints a Markdown table and writes ``bench/results/components.json``.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, Callable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, machine_info, machine_line, make_corpus, markdown_table, passages, write_result  # noqa: E402

BATCH_SIZE = 64


def _best(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs of ``run`` and the result of the last."""
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - began)
    return min(times), result


def stages(records: Sequence[dict[str, str]], repeat: int) -> list[tuple[str, float]]:
    """Each stage's best time over all ``records``, in pipeline order."""
    from kg.building.builder import Collector
    from kg.building.summary import BuildSummary
    from kg.extract.assertions import assertions_of
    from kg.nlp.pipeline import load_pipeline
    from kg.nlp.selection import SentenceSelector, prepare
    from kg.records import Document

    nlp = load_pipeline()
    selector = SentenceSelector(nlp)
    documents = [Document(r["id"], r["text"], date=r["date"]) for r in records]
    timings: list[tuple[str, float]] = []

    seconds, plans = _best(repeat, lambda: [selector(d.text, d.date) for d in documents])
    timings.append(("selection pass", seconds))
    seconds, docs = _best(repeat, lambda: [prepare(nlp, p, d.date) for p, d in zip(plans, documents)])
    timings.append(("tokenizer (kept text)", seconds))
    for name, component in nlp.pipeline:
        def run(component: Any = component, inputs: list = docs) -> list:
            copies = [doc.copy() for doc in inputs]  # each run on the same input, not on its own output
            began = time.perf_counter()
            done = list(component.pipe(copies, batch_size=BATCH_SIZE)) if hasattr(component, "pipe") \
                else [component(doc) for doc in copies]
            return [time.perf_counter() - began, done]
        runs = [run() for _ in range(repeat)]
        timings.append((name, min(r[0] for r in runs)))
        docs = runs[-1][1]
    seconds, found = _best(repeat, lambda: [assertions_of(d, doc, p) for d, doc, p in zip(documents, docs, plans)])
    timings.append(("assertions (offsets, dates)", seconds))

    def graph() -> None:
        collect = Collector(BuildSummary(), None, None)
        for document, assertions in zip(documents, found):
            collect.add(document, 0, assertions)
    seconds, _ = _best(repeat, graph)
    timings.append(("RDF graph", seconds))
    return timings


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300, help="documents in the corpus (default 300)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage; the best counts (default 3)")
    args = parser.parse_args(argv)
    records = make_corpus(passages(), args.docs)
    timings = stages(records, args.repeat)
    total = sum(seconds for _, seconds in timings)
    rows = [(name, seconds, f"{100 * seconds / total:.1f}%") for name, seconds in timings]
    print(machine_line(machine_info(["spacy"])))
    print(f"{args.docs} documents, best of {args.repeat} per stage; shares of the sum ({total:.2f} s).\n")
    print(markdown_table(["stage", "seconds", "share"], rows + [("sum", total, "100%")]))
    result = {"machine": machine_info(["spacy"]), "options": vars(args),
              "stages": [{"stage": name, "seconds": seconds} for name, seconds in timings], "sum": total}
    print(f"\nwritten {write_result('components', result).relative_to(ROOT)}", file=sys.stderr)
    return result


if __name__ == "__main__":
    main()
