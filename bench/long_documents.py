#!/usr/bin/env python3
"""Cost of one long document against the same text as 1,000 articles (``bench/throughput.py --long``).

The text is relation-dense: the seed article (``seeds/*.txt``) on one line,
repeated until the size is reached (1, 10 and 50 MB by default). Two phases
run on the same text, each in its own ``spawn`` subprocess so that their peak
RSS figures are separate:

* **one document** — ``kg.extract.assertions.extract`` over a single document
  holding the whole text;
* **1,000 articles** — the same text cut at sentence ends into 1,000 documents.

Assertions are counted, not kept (a graph in memory grows with the relations
whatever the document lengths; ``--store`` is the answer to that). The figure
that matters is words/s of the long document against the articles (target:
within 20 %) and a peak RSS that does not grow with the length.

Run from the project root::

    .venv/bin/python bench/throughput.py --long                 # 1, 10 and 50 MB
    .venv/bin/python bench/long_documents.py --sizes 1 --repeat 3   # 1 MB only, best of 3

Prints a Markdown table and writes ``bench/results/long_documents.json``.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import Any, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, git_commit, in_subprocess, machine_info, markdown_table, peak_rss_mib, write_result  # noqa: E402

SEED_FILE = ROOT / "seeds" / "russia-iran-missile-experts-2024.txt"
ARTICLES = 1000


def long_text(megabytes: float) -> str:
    """The seed article on one line, repeated to ``megabytes`` million characters."""
    seed = " ".join(SEED_FILE.read_text(encoding="utf-8").split())
    target = int(megabytes * 1_000_000)
    return " ".join([seed] * (target // (len(seed) + 1) + 1))[:target]


def articles(text: str, n: int = ARTICLES) -> list[str]:
    """``text`` cut at sentence ends into ``n`` pieces of about equal length."""
    size, out, start = len(text) // n, [], 0
    while start < len(text):
        cut = text.find(". ", start + size)
        end = len(text) if cut < 0 or len(out) == n - 1 else cut + 1
        out.append(text[start:end].strip())
        start = end
    return [t for t in out if t]


def word_count(text: str) -> int:
    """Words of ``text``, counted without building a list of them (``str.split`` on 50 MB
    makes 7.7 million strings, more memory than kg uses for the whole document).

    >>> word_count("Iran  supplied drones. ")
    3
    """
    return sum(1 for _ in re.finditer(r"\S+", text))


def phase(megabytes: float, split: bool) -> dict[str, Any]:
    """Extract the relations of the text as one document or as articles; time and peak RSS."""
    from kg.extract.assertions import extract
    from kg.nlp.pipeline import load_pipeline
    from kg.records import Document

    nlp = load_pipeline()
    sum(1 for _ in extract([Document("warm-up", long_text(0.01))], nlp))
    text = long_text(megabytes)
    texts = articles(text) if split else [text]
    documents = [Document(f"d{i}", t) for i, t in enumerate(texts)]
    began = time.perf_counter()
    relations = sum(1 for _ in extract(documents, nlp))
    seconds = time.perf_counter() - began
    peak = peak_rss_mib()["self"]  # before counting words: that is the benchmark's work, not kg's
    words = sum(word_count(t) for t in texts)
    return {"megabytes": megabytes, "documents": len(texts), "characters": sum(map(len, texts)), "words": words,
            "relations": relations, "seconds": seconds, "words_per_s": words / seconds,
            "peak_rss_mib": peak}


def report(rows: list[dict[str, Any]]) -> str:
    """The Markdown table: per size, both phases and their ratio."""
    table = []
    for one, many in zip(rows[0::2], rows[1::2]):
        table.append([f"{one['megabytes']:g} MB", f"{one['words']:,}", f"{one['relations']:,}",
                      f"{one['words_per_s']:,.0f}", f"{many['words_per_s']:,.0f}",
                      f"{one['words_per_s'] / many['words_per_s']:.2f}",
                      f"{one['peak_rss_mib']:,.0f}", f"{many['peak_rss_mib']:,.0f}"])
    return markdown_table(["text", "words", "relations", "one document words/s", f"{ARTICLES:,} articles words/s",
                           "ratio", "one document peak RSS MiB", "articles peak RSS MiB"], table)


def main(argv: Sequence[str] | None = None) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 50], help="text sizes in MB (default 1 10 50)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each phase, alternating one document and articles; the fastest counts (default 1)")
    args = parser.parse_args(argv)
    rows = []
    for size in args.sizes:
        runs: dict[bool, list[dict[str, Any]]] = {False: [], True: []}
        for _ in range(args.repeat):
            for split in (False, True):
                print(f"long documents: {size:g} MB as {'1,000 articles' if split else 'one document'} …",
                      file=sys.stderr)
                runs[split].append(in_subprocess(phase, size, split))
        rows += [{**min(runs[split], key=lambda r: r["seconds"]), "seconds_all": [r["seconds"] for r in runs[split]]}
                 for split in (False, True)]
    print(report(rows))
    result = {"machine": machine_info(["spacy"]), "commit": git_commit(), "options": vars(args), "rows": rows}
    name = "long_documents" + ("" if args.sizes == [1, 10, 50] else "-" + "-".join(f"{s:g}" for s in args.sizes) + "mb")
    print(f"\nwritten {write_result(name, result).relative_to(ROOT)}", file=sys.stderr)
    return rows


if __name__ == "__main__":
    main()
