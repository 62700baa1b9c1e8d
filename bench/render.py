#!/usr/bin/env python3
"""HTML generation time and size of ``kg.outputs.html.renderer.render_html``, and the page's open time in
headless Chromium, at 100, 1,000 and 5,000 edges.

For each size, synthetic assertions in our ontology (the generator of
``bench/sparql.py``: gazetteer states, the 13 relation types, random flags,
dates, sources, evidence sentences, fixed seed) are put into an RDF graph with
``kg.rdf.writing.GraphBuilder`` and converted with ``kg.network.view.to_networkx``, exactly as
``kg build`` does, so nodes and edges carry the real attributes. Each graph has
exactly the requested number of aggregated edges (distinct subject, relation,
object; symmetric relations once), with 1–10 evidence sentences each, among
``3·√edges`` states (at most the whole gazetteer). ``render_html`` writes the
page to a temporary folder (after one warm-up render of an empty graph); the
median of ``--runs`` runs is reported, with the one-off ``to_networkx`` time.

Then each page is opened ``--runs`` times in Debian's headless Chromium
(Selenium, a 1440×900 window, a fresh tab each time) and the page reports
``performance.now()`` when its first drawing is done (``window.kgReadyAt``:
from navigation start, so reading and parsing the file, the data, vis-network
and the first frame). Responsiveness is timed inside the page, each to the
next painted frame: unticking one relation type (filters applied, pairs
restyled, view re-fitted), switching to one edge per relation type, and
drawing the matrix. ``--no-browser`` skips this part.

Run from the project root::

    .venv/bin/python bench/render.py
    .venv/bin/python bench/render.py --edges 100 1000 5000 20000 --runs 5 --no-browser

Prints a Markdown table and writes ``bench/results/render.json``.
"""
from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

from sparql import SyntheticNews
from throughput import ROOT, machine_info, machine_line, markdown_table, write_result

SEED = 7
STATEMENTS_PER_DOC = 12
EVIDENCE_COUNTS = (1, 2, 3, 4, 6, 10)
EVIDENCE_WEIGHTS = (50, 20, 12, 8, 6, 4)


def actor_pool(news: SyntheticNews, edges: int) -> int:
    """How many states a graph of ``edges`` edges spreads over: 3·√edges, at least 12."""
    return min(len(news.states), max(12, round(3 * math.sqrt(edges))))


def edge_keys(news: SyntheticNews, edges: int) -> list[tuple[str, str, str]]:
    """``edges`` distinct (subject, relation, object) keys; symmetric relations ordered min → max."""
    pool, keys = actor_pool(news, edges), set()
    if edges > pool * (pool - 1) * len(news.labels) // 2:
        raise SystemExit(f"bench: {edges} edges do not fit among {pool} states")
    while len(keys) < edges:
        subject, obj = news.state_pair(pool)
        relation = news.rng.choice(news.labels)
        if news.types[relation].symmetric:
            subject, obj = sorted((subject, obj))
        keys.add((subject, relation, obj))
    return sorted(keys)


def synthetic_rdf(edges: int, seed: int = SEED) -> tuple[Any, int]:
    """An RDF graph whose networkx view has ``edges`` edges, and its number of statements."""
    from kg.rdf.writing import GraphBuilder

    news = SyntheticNews(seed)
    builder = GraphBuilder(news.actors)
    statements, doc, start = 0, None, 0
    for subject, relation, obj in edge_keys(news, edges):
        for _ in range(news.rng.choices(EVIDENCE_COUNTS, EVIDENCE_WEIGHTS)[0]):
            if statements % STATEMENTS_PER_DOC == 0:
                doc, start = news.document(statements // STATEMENTS_PER_DOC), 0
                builder.add_document(doc)
            pair = (subject, obj) if not news.types[relation].symmetric or news.rng.random() < 0.5 else (obj, subject)
            sentence = news.sentence(pair[0], relation, pair[1])
            builder.add_assertion(news.assertion(doc, start, sentence, pair[0], relation, pair[1]))
            start += len(sentence) + 1
            statements += 1
    return builder.graph, statements


def measure(edges: int, runs: int, folder: Path) -> dict[str, Any]:
    """to_networkx once, then ``runs`` timed render_html calls of one synthetic graph."""
    from kg.network.view import to_networkx
    from kg.outputs.html.renderer import render_html

    graph, statements = synthetic_rdf(edges)
    began = time.perf_counter()
    G = to_networkx(graph)
    convert = time.perf_counter() - began
    path = folder / f"graph-{edges}.html"
    seconds = []
    for _ in range(runs):
        began = time.perf_counter()
        render_html(G, path, title=f"kg benchmark, {edges} edges")
        seconds.append(time.perf_counter() - began)
    pairs = len({frozenset((u, v)) for u, v in G.edges()})
    return {"edges_requested": edges, "edges": G.number_of_edges(), "nodes": G.number_of_nodes(), "pairs": pairs,
            "statements": statements, "triples": len(graph), "to_networkx_seconds": convert,
            "render_seconds": seconds, "median": statistics.median(seconds), "bytes": path.stat().st_size}


CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--window-size=1440,900", "--force-device-scale-factor=1"]
# each action, then the time to the next painted frame, in ms
TIMED = """
const done = arguments[arguments.length - 1], t0 = performance.now();
(ACTION)();
requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
"""
ACTIONS = {
    "filter_ms": "() => document.querySelector('#kg-relations input[type=checkbox]').click()",
    "typed_view_ms": "() => kgGraph.setMode('types')",
    "matrix_ms": "() => kgGraph.setView('matrix')",
}


def browser_times(pages: list[Path], runs: int) -> list[dict[str, Any]]:
    """Open each page ``runs`` times in headless Chromium: open time and the timed actions, medians."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_script_timeout(120)
    results = []
    try:
        for page in pages:
            samples: dict[str, list[float]] = {"open_ms": [], **{k: [] for k in ACTIONS}}
            for _ in range(runs):
                driver.switch_to.new_window("tab")
                driver.get(page.as_uri())
                WebDriverWait(driver, 120).until(lambda d: d.execute_script("return document.body.dataset.ready"))
                samples["open_ms"].append(driver.execute_script("return window.kgReadyAt"))
                for name, action in ACTIONS.items():
                    samples[name].append(driver.execute_async_script(TIMED.replace("(ACTION)", f"({action})")))
                driver.close()
                driver.switch_to.window(driver.window_handles[0])
            results.append({"page": page.name, **{k: statistics.median(v) for k, v in samples.items()},
                            "samples": samples})
    finally:
        driver.quit()
    return results


def _chromium() -> str | None:
    import subprocess

    try:
        return subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def empty_page_bytes(folder: Path) -> int:
    """Size of the page of an empty graph (vis-network, CSS, script); rendering it also warms caches."""
    import networkx as nx

    from kg.outputs.html.renderer import render_html

    return render_html(nx.MultiDiGraph(), folder / "empty.html").stat().st_size


def report(result: dict[str, Any]) -> str:
    empty = result["empty_page_bytes"]
    rows = [[m["edges"], m["nodes"], m["pairs"], m["statements"], m["to_networkx_seconds"],
             m["median"], round(m["bytes"] / 1024), round((m["bytes"] - empty) / m["edges"])]
            + ([round(m["browser"][k]) for k in ("open_ms", *ACTIONS)] if "browser" in m else [])
            for m in result["sizes"]]
    runs = result["options"]["runs"]
    headers = ["edges", "actors", "pairs", "evidence sentences", "to_networkx s", f"render_html s (median of {runs})",
               "HTML KiB", "data bytes/edge"]
    if any("browser" in m for m in result["sizes"]):
        headers += ["page open ms", "untick a type ms", "per-type view ms", "matrix ms"]
    table = markdown_table(headers, rows)
    note = (f"The page of an empty graph (inlined vis-network, CSS, script) is {empty / 1024:,.0f} KiB; "
            "data bytes/edge is the rest divided by the edges (each edge carries at most 5 evidence sentences). "
            "Browser times are medians in headless Chromium: page open is navigation start to the first drawing; "
            "the others run to the next painted frame.")
    return "\n".join([machine_line(result["machine"]), "", table, "", note])


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edges", type=int, nargs="+", default=[100, 1000, 5000],
                        help="graph sizes in aggregated edges (default 100 1000 5000)")
    parser.add_argument("--runs", type=int, default=3,
                        help="render_html runs and page openings per size; the median counts (default 3)")
    parser.add_argument("--no-browser", action="store_true", help="skip the headless Chromium measurements")
    args = parser.parse_args(argv)
    if args.runs < 1 or min(args.edges) < 1:
        parser.error("--edges and --runs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="kg-bench-render-") as tmp:
        empty = empty_page_bytes(Path(tmp))
        sizes = []
        for edges in args.edges:
            print(f"render: {edges} edges …", file=sys.stderr)
            sizes.append(measure(edges, args.runs, Path(tmp)))
        if not args.no_browser:
            print("render: opening the pages in headless Chromium …", file=sys.stderr)
            pages = [Path(tmp) / f"graph-{m['edges_requested']}.html" for m in sizes]
            for m, times in zip(sizes, browser_times(pages, args.runs)):
                m["browser"] = times
    result = {"machine": machine_info(["networkx", "pyvis", "rdflib", "selenium"]) | {"chromium": _chromium()},
              "options": vars(args),
              "empty_page_bytes": empty, "sizes": sizes}
    print(report(result))
    print(f"\nwritten {write_result('render', result).relative_to(ROOT)}", file=sys.stderr)
    return result


if __name__ == "__main__":
    main()
