"""``kg build``: documents → assertions → RDF graph (+ summary), and writing outputs.

>>> from kg.records import Document
>>> graph, summary = build_graph([Document("d", "Iran supplied drones to Russia.")])
>>> summary.relations["SUPPLY"], summary.documents
(1, 1)
"""
from __future__ import annotations

import functools
import gc
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from rdflib import Graph

from kg.building.cache import BuildCache, fingerprint
from kg.building.summary import BuildSummary
from kg.extract.assertions import assertions_of
from kg.ingest.corpus import read_documents
from kg.ingest.report import ReadContext
from kg.io import atomic_write_all
from kg.knowledge.gazetteer import load_gazetteer
from kg.network.view import to_networkx
from kg.nlp.pipeline import load_pipeline, model_name
from kg.nlp.stream import failure, process
from kg.outputs.html.renderer import to_html
from kg.rdf.files import serialize
from kg.rdf.terms import new_graph
from kg.rdf.writing import GraphBuilder, with_ontology
from kg.records import Assertion, Document
from kg.stores import add_graph, discard, publish, staging_graph

#: documents whose triples a store build sends together
STORE_BATCH = 500
#: ... or assertions, whichever comes first (one long document holds many)
STORE_ASSERTIONS = 20_000


class Collector:
    """Adds each document's assertions to the graph and the summary.

    With a ``store``, the triples go there every ``STORE_BATCH`` documents
    and the graph in memory starts afresh, so memory does not grow with the corpus.
    """

    def __init__(self, summary: BuildSummary, cache: BuildCache | None,
                 progress: Callable[[int, int], None] | None, store: Graph | None = None) -> None:
        self.summary = summary
        self.cache = cache
        self.progress = progress
        self.store = store
        self.pending = self.pending_assertions = 0
        self.builder = GraphBuilder(load_gazetteer().actors, graph=with_ontology(new_graph(), simple=True))

    def add(self, document: Document, sentences: int, assertions: list[Assertion]) -> None:
        """Add one document's metadata and assertions (a store gets them with the next batch)."""
        self.summary.documents += 1
        self.summary.sentences += sentences
        self.builder.add_document(document)
        for assertion in assertions:
            self.builder.add_assertion(assertion)
            self.summary.actors.update((assertion.subject, assertion.object))
            self.summary.relations[assertion.relation] += 1
        self.pending += 1
        self.pending_assertions += len(assertions)
        if self.store is not None and (self.pending >= STORE_BATCH or self.pending_assertions >= STORE_ASSERTIONS):
            self.flush()

    def replayed(self, document: Document) -> bool:
        """Add a document from the cache; False when it must be processed."""
        found = self.cache.lookup(document) if self.cache is not None else None
        if found is None:
            return False
        self.add(document, *found)
        self.summary.cached += 1
        if self.progress is not None:
            self.progress(1, len(document.text))
        return True

    def flush(self) -> None:
        """Send the triples gathered so far to the store and start a new graph."""
        if self.store is None or not self.pending:
            return
        self.summary.stored += add_graph(self.store, self.builder.graph)
        self.builder = GraphBuilder(self.builder.actors)
        self.pending = self.pending_assertions = 0

    def result(self) -> Graph:
        """The graph built: the store's, once the rest is sent, or the one in memory."""
        if self.store is None:
            return self.builder.graph
        self.flush()
        return self.store


def build_graph(documents: Iterable[Document], *, model: str | None = None,
                summary: BuildSummary | None = None, batch_size: int = 64, workers: int = 1,
                cache: BuildCache | None = None, store: Graph | None = None,
                progress: Callable[[int, int], None] | None = None, strict: bool = False) -> tuple[Graph, BuildSummary]:
    """The graph of ``documents`` (with the ontology, so ready queries work) and a summary.
    Without a ``store`` the graph is a simple one of :func:`kg.rdf.terms.new_graph` (no named graphs).

    Documents found in ``cache`` are replayed, the others processed and stored;
    ``progress`` is called with (documents, characters) done as they are done,
    so it moves during one long document too. A document whose processing
    fails is reported in one line, skipped and counted (``strict``: the build
    stops). With ``store`` (a graph of :func:`kg.stores.open_store`) the
    triples go in batches into a staging graph of that store, which replaces
    the store's default graph only when the build is complete (an interrupted
    or failed build leaves it as it was), and the store is the graph returned.
    """
    if store is None:
        return _build_graph(documents, model, summary, batch_size, workers, cache, None, progress, strict)
    target = staging_graph(store)
    try:
        _, summary = _build_graph(documents, model, summary, batch_size, workers, cache, target, progress, strict)
    except BaseException:
        with suppress(Exception):  # the store may be what failed: the first error is the one to report
            discard(store, target)
        raise
    publish(store, target)
    return store, summary


@contextmanager
def loaded_objects_frozen() -> Iterator[None]:
    """Keep what is alive before a build (the pipeline and the knowledge: some 200,000 objects) out of
    the garbage collector's passes while it runs, so that a full pass walks only what the build made
    (full passes took about 3% of a build of 1,000 documents, two thirds of it walking those objects);
    they are handed back after. Nothing is done when the process keeps frozen objects of its own
    (``gc.freeze``).

    >>> with loaded_objects_frozen():
    ...     gc.get_freeze_count() > 0
    True
    >>> gc.get_freeze_count()
    0
    """
    if gc.get_freeze_count():
        yield
        return
    gc.collect()  # garbage left from before (an earlier build's graph) is not frozen with the rest
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _build_graph(documents: Iterable[Document], model: str | None, summary: BuildSummary | None, batch_size: int,
                 workers: int, cache: BuildCache | None, store: Graph | None,
                 progress: Callable[[int, int], None] | None, strict: bool) -> tuple[Graph, BuildSummary]:
    summary = summary or BuildSummary()
    collect = Collector(summary, cache, progress, store)
    fresh = (d for d in documents if not collect.replayed(d))
    reading = ReadContext(strict, summary.report)
    assertions: list[Assertion] = []
    sentences, failed, done = 0, False, 0
    nlp = load_pipeline(model)
    with loaded_objects_frozen():
        for window in process(fresh, nlp, batch_size=batch_size, n_process=workers):
            if window.error is not None:
                failed = True
                reading.warn(failure(window))
            elif not failed:
                plan = window.plan
                sentences += plan.sentences if plan.sentences >= 0 else sum(1 for s in window.doc.sents if s.text.strip())
                assertions += assertions_of(window.document, window.doc, window.plan)
            if progress is not None:
                end = len(window.document.text) if window.last else window.plan.end
                progress(int(window.last), max(0, end - done))
                done = 0 if window.last else max(done, end)
            if window.last:
                if failed:
                    summary.report.skipped["failed"] += 1
                else:
                    collect.add(window.document, sentences, assertions)
                    if cache is not None:
                        cache.store(window.document, sentences, assertions)
                assertions, sentences, failed = [], 0, False
    return collect.result(), collect.summary


def build(paths: Sequence[str | Path], *, model: str | None = None, strict: bool = False,
          workers: int = 1, cache: str | Path | None = None, store: Graph | None = None,
          progress: Callable[[int, int], None] | None = None,
          exclude: Sequence[str | Path] = (), dask: str | None = None, **cluster: Any) -> tuple[Graph, BuildSummary]:
    """Read ``paths`` (files, folders, JSONL; never the folders in ``exclude``, such as
    the build's own outputs) and build their graph; with ``cache`` (a file path),
    unchanged documents are not processed again; with ``store``, the triples go
    to that store as they are made (see :func:`build_graph`); with ``dask``
    (``local``, ``local:N`` or a scheduler address), extraction runs on that Dask
    cluster (``cluster``: the options of :func:`kg.building.distributed.build_on_cluster`)
    and gives the same graph."""
    summary = BuildSummary()
    if dask is not None:
        from kg.building.distributed import build_on_cluster

        run = functools.partial(build_on_cluster, paths, dask, model=model, strict=strict, store=store,
                                summary=summary, progress=progress, exclude=exclude, **cluster)
        if cache is None:
            return run()
        with BuildCache(cache, fingerprint(model_name(model))) as stored:
            return run(cache=stored)
    documents = read_documents(paths, strict=strict, report=summary.report, exclude=exclude)
    options: dict[str, Any] = dict(model=model, summary=summary, workers=workers, store=store, progress=progress,
                                   strict=strict)
    if cache is None:
        return build_graph(documents, **options)
    with BuildCache(cache, fingerprint(model_name(model))) as stored:
        return build_graph(documents, cache=stored, **options)


def write_outputs(graph: Graph, out: str | Path, *, title: str | None = None) -> list[Path]:
    """Write ``graph.ttl`` (data + ontology) and ``graph.html`` into ``out`` (titled from the corpus by default).

    Both are made before either is written, so a failure leaves the old pair.
    """
    out = Path(out)
    turtle = serialize(with_ontology(graph), "turtle")
    page = to_html(to_networkx(graph), title=title)
    return atomic_write_all({out / "graph.ttl": turtle, out / "graph.html": page})
