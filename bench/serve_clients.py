#!/usr/bin/env python3
"""Requests per second of ``kg serve`` with 8 and 32 concurrent clients.

The server is ``kg serve`` in its own process over the seed article's graph
(built first into a temporary folder, as a Turtle file and as an Oxigraph
store); the clients are threads of this process, each sending the same query
again and again for ``--seconds`` seconds over a new connection each time
(as a browser page or a script without keep-alive would). Every answer is
checked: a refused or dropped connection, or a status other than 200, counts
as a failure.

Run from the project root::

    .venv/bin/python bench/serve_clients.py                # 8 and 32 clients, 10 s each

Prints a Markdown table and writes ``bench/results/serve_clients.json``.
"""
from __future__ import annotations

import argparse
import http.client
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, git_commit, machine_info, markdown_table, write_result  # noqa: E402

QUERIES = {"ASK": "ASK { actor:IRN kg:supplies actor:RUS }",
           "supplies": "SELECT ?a ?b (COUNT(?s) AS ?n) WHERE { ?s rdf:subject ?a ; rdf:predicate kg:supplies ; "
                       "rdf:object ?b } GROUP BY ?a ?b"}


def _server(graph: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", graph, "--port", "0"],
                               stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert process.stderr is not None
    line = process.stderr.readline()
    url = next((word for word in line.split() if word.startswith("http://")), None)
    if url is None:
        process.kill()
        raise SystemExit(f"kg serve did not start: {line}")
    threading.Thread(target=process.stderr.read, daemon=True).start()  # its request log must not fill the pipe
    return process, url


def _load(url: str, query: str, clients: int, seconds: float) -> dict[str, Any]:
    parts = urlsplit(url)
    path = f"{parts.path}?{urlencode({'query': query})}"
    ok, failed = [0] * clients, [0] * clients
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        while time.monotonic() < stop:
            try:
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
                response = conn.getresponse()
                response.read()
                conn.close()
                ok[k] += response.status == 200
                failed[k] += response.status != 200
            except OSError:
                failed[k] += 1

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    return {"clients": clients, "ok": sum(ok), "failed": sum(failed), "seconds": elapsed,
            "requests_per_s": sum(ok) / elapsed}


def main(argv: Sequence[str] | None = None) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="seconds per measurement (default 10)")
    parser.add_argument("--clients", type=int, nargs="+", default=[8, 32], help="concurrent clients (default 8 32)")
    args = parser.parse_args(argv)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-serve-") as tmp:
        out = Path(tmp) / "out"
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ROOT / "seeds"), "--out", str(out), "--quiet"],
                       check=True, cwd=ROOT)
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ROOT / "seeds"), "--out", str(out), "--quiet",
                        "--store", f"oxigraph:{Path(tmp) / 'db'}"], check=True, cwd=ROOT)
        for name, graph in (("graph.ttl (rdflib)", str(out / "graph.ttl")), ("oxigraph store", f"oxigraph:{Path(tmp) / 'db'}")):
            process, url = _server(graph)
            try:
                _load(url, QUERIES["ASK"], 2, 1.0)  # warm-up
                for query in QUERIES:
                    for clients in args.clients:
                        print(f"serve: {name}, {query}, {clients} clients …", file=sys.stderr)
                        rows.append({"graph": name, "query": query, **_load(url, QUERIES[query], clients, args.seconds)})
            finally:
                process.terminate()
                process.wait(10)
    print(markdown_table(["graph", "query", "clients", "requests/s", "answered", "failed"],
                         [[r["graph"], r["query"], r["clients"], f"{r['requests_per_s']:,.0f}", f"{r['ok']:,}",
                           r["failed"]] for r in rows]))
    result = {"machine": machine_info(["rdflib", "pyoxigraph"]), "commit": git_commit(), "rows": rows}
    print(f"\nwritten {write_result('serve_clients', result).relative_to(ROOT)}", file=sys.stderr)
    return rows


if __name__ == "__main__":
    main()
