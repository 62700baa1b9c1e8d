"""``kg build --dask``: extraction on a Dask cluster's workers, the graph made on the client.

The client plans partitions from file names and sizes
(:mod:`kg.ingest.partitions`) and maps :func:`process_partition` over them.
A worker reads its partition, runs the spaCy pipeline it loaded once (and
keeps, :func:`kg.nlp.pipeline.load_pipeline` is cached per process) and sends
back plain records: each document's metadata (without its text), its place,
content hash, sentence count and assertions, plus the warnings of reading.
The client takes the results in partition order, whatever order they finish
in, and feeds them to the same collector as a single-process build: duplicate
ids are dropped by the same rule, the graph and its Turtle are the same bytes,
a store gets the same batches.

A partition is a pure function of its input, so a worker lost in the middle
costs a retry of its partitions (Dask reschedules them), not the build. With
the build cache, the content hashes it holds are broadcast to the workers,
which skip those documents; the client replays their assertions.
"""
from __future__ import annotations

import functools
import time
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from rdflib import Graph
from spacy.language import Language

from kg.building.builder import Collector
from kg.building.cache import BuildCache, fingerprint
from kg.building.cluster import dask_client, dashboard, parse_spec, worker_count
from kg.building.summary import BuildSummary
from kg.errors import KgError, one_line
from kg.extract.assertions import assertions_of
from kg.ingest.corpus import content_hash
from kg.ingest.partitions import BLOCKSIZE, Partition, plan_partitions, read_partition
from kg.ingest.report import ReadContext, ReadReport
from kg.knowledge.resources import overlaid, overlays
from kg.nlp.pipeline import load_pipeline, model_name
from kg.nlp.stream import failure, process
from kg.records import Assertion, Document
from kg.stores import discard, publish, staging_graph

#: what a worker sends back per document: metadata (no text), place, content hash,
#: sentences, assertions (None: the client has them in its cache)
Record = tuple[Document, str, str, int, "list[Assertion] | None"]


@dataclass
class PartitionResult:
    """What one partition gave: its records in reading order, the warnings of reading, or an error."""

    records: list[Record] = field(default_factory=list)
    warnings: list[tuple[str, str | None]] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    fingerprint: str = ""  # what the worker's results depend on: kg's version, the model, the knowledge


def process_partition(partition: Partition, model: str | None = None, knowledge: tuple[str, ...] = (),
                      strict: bool = False, known: frozenset[str] = frozenset(),
                      batch_size: int = 64) -> PartitionResult:
    """Read and extract one partition (runs on a worker); a :class:`KgError` is returned, not raised."""
    began = time.perf_counter()
    context = ReadContext(strict, ReadReport(), echo=False)
    result = PartitionResult()
    try:
        with overlaid([Path(k) for k in knowledge]):
            result.fingerprint = _fingerprint(model_name(model), overlays())
            result.records = _records(partition, context, model, known, batch_size)
    except KgError as exc:
        result.error = str(exc)
    result.warnings = list(zip(context.report.warnings, context.report.reasons))
    result.seconds = time.perf_counter() - began
    return result


@functools.lru_cache(maxsize=4)
def _fingerprint(model: str, knowledge: tuple[Path, ...]) -> str:
    """:func:`kg.building.cache.fingerprint`, computed once per worker process."""
    return fingerprint(model)


def _records(partition: Partition, context: ReadContext, model: str | None, known: frozenset[str],
             batch_size: int) -> list[Record]:
    """The records of a partition, in reading order; the pipeline is loaded only when a document needs it.

    A document whose processing fails is reported (a warning, counted as
    ``failed``) and sent back with sentences ``-1``, so that its id still counts.
    """
    documents = [(doc, place, content_hash(doc)) for doc, place in read_partition(partition, context)]
    fresh = [doc for doc, _, key in documents if key not in known]
    done: Iterator[tuple[int, list[Assertion]]] = iter(())
    if fresh:
        done = _extracted(fresh, load_pipeline(model), batch_size, context)
    records: list[Record] = []
    for doc, place, key in documents:
        sentences, assertions = 0, None
        if key not in known:
            sentences, assertions = next(done)
        records.append((replace(doc, text=""), place, key, sentences, assertions))
    return records


def _extracted(documents: list[Document], nlp: Language, batch_size: int,
               context: ReadContext) -> Iterator[tuple[int, list[Assertion]]]:
    """Sentences and assertions of each document, in order, as a one-process build finds them
    (:func:`kg.building.builder.build_graph`); ``(-1, [])`` for a document that failed."""
    assertions: list[Assertion] = []
    sentences, failed = 0, False
    for window in process(documents, nlp, batch_size=batch_size):
        if window.error is not None:
            failed = True
            context.warn(failure(window), "failed")
        elif not failed:
            plan = window.plan
            sentences += plan.sentences if plan.sentences >= 0 else sum(1 for s in window.doc.sents if s.text.strip())
            assertions += assertions_of(window.document, window.doc, plan)
        if window.last:
            yield (-1, []) if failed else (sentences, assertions)
            assertions, sentences, failed = [], 0, False


class _InOrder:
    """Takes partition results as they finish and merges them in partition order."""

    def __init__(self, collect: Collector, cache: BuildCache | None, strict: bool, expected: str) -> None:
        self.collect = collect
        self.expected = expected
        self.cache = cache
        self.context = ReadContext(strict, collect.summary.report)
        self.waiting: dict[int, PartitionResult] = {}
        self.next = 0

    def take(self, index: int, result: PartitionResult) -> None:
        """Keep a finished partition; merge every partition whose turn has come."""
        self.waiting[index] = result
        while self.next in self.waiting:
            self._merge(self.waiting.pop(self.next))
            self.next += 1

    def _merge(self, result: PartitionResult) -> None:
        for message, reason in result.warnings:
            self.context.warn(message, reason)
        if result.error is not None:
            raise KgError(result.error)
        if result.fingerprint != self.expected:
            raise KgError("a Dask worker runs another kg (version, spaCy model or knowledge files) than this "
                          "client: install the same kg on every machine", exit_code=1)
        summary = self.collect.summary
        for doc, place, key, sentences, assertions in result.records:
            if not self.context.admit(doc, place):
                continue
            summary.report.read += 1
            if sentences < 0:  # failed on the worker, reported there
                continue
            if assertions is None:
                found = self.cache.lookup_hash(key) if self.cache is not None else None
                if found is None:  # cannot happen: the workers skipped only hashes the cache holds
                    raise KgError(f"{place}: document {doc.id!r} is neither in the build cache nor processed")
                summary.cached += 1
                sentences, assertions = found
            elif self.cache is not None:
                self.cache.store_hash(key, sentences, assertions)
            self.collect.add(doc, sentences, assertions)
            if self.collect.progress is not None:
                self.collect.progress(1, 0)


def build_on_cluster(paths: Sequence[str | Path], spec: str, *, model: str | None = None, strict: bool = False,
                     cache: BuildCache | None = None, store: Graph | None = None,
                     summary: BuildSummary | None = None, blocksize: int = BLOCKSIZE,
                     progress: Callable[[int, int], None] | None = None, exclude: Sequence[str | Path] = (),
                     partitions: Callable[[int, int], None] | None = None,
                     announce: Callable[[str], None] | None = None) -> tuple[Graph, BuildSummary]:
    """The graph of ``paths`` built on the Dask cluster ``spec`` (``local``, ``local:N``, ``tcp://…``).

    The same graph as :func:`kg.building.builder.build_graph` of the same
    corpus; ``partitions`` is called with (done, total) as partitions finish,
    ``progress`` with 1 per document merged, ``announce`` with the dashboard's address.
    """
    summary = summary or BuildSummary()
    kind, _ = parse_spec(spec)
    plan = plan_partitions(paths, blocksize=blocksize, absolute=kind != "local", report=summary.report,
                           exclude=exclude)
    with dask_client(spec) as client:
        link = dashboard(client)
        if announce is not None and link:
            announce(f"Dask dashboard: {link}")
        summary.partitions, summary.workers = len(plan), worker_count(client)
        options = dict(model=model, knowledge=tuple(str(k) for k in overlays()), strict=strict,
                       known=_scattered(client, cache))
        target = staging_graph(store) if store is not None else None  # replaces the default graph when complete
        collect = Collector(summary, cache, progress, target)
        try:
            _run(client, plan, options, _InOrder(collect, cache, strict, fingerprint(model_name(model))), partitions)
            graph = collect.result()
        except BaseException:
            if store is not None and target is not None:
                with suppress(Exception):  # the store may be what failed: the first error is the one to report
                    discard(store, target)
            raise
    if store is not None and target is not None:
        publish(store, target)
        return store, summary
    return graph, summary


def _scattered(client: Any, cache: BuildCache | None) -> Any:
    """The cache's content hashes, sent once to every worker (a future), or an empty set."""
    if cache is None:
        return frozenset()
    return client.scatter([cache.known()], broadcast=True, hash=False)[0]


def _run(client: Any, plan: list[Partition], options: dict[str, Any], merge: _InOrder,
         partitions: Callable[[int, int], None] | None) -> None:
    """Submit every partition, merge the results in order as they come; cancel the rest on an error."""
    from distributed import as_completed

    futures = client.map(process_partition, plan, pure=False, **options)
    index = {future.key: number for number, future in enumerate(futures)}
    done = 0
    try:
        for future in as_completed(futures):
            try:
                result = future.result()
            except KgError:
                raise
            except Exception as exc:  # a worker's failure (not bad input), after Dask's retries
                raise KgError(f"a Dask task failed: {one_line(exc)}", exit_code=1) from None
            done += 1
            if partitions is not None:
                partitions(done, len(plan))
            merge.take(index[future.key], result)
            future.release()
    finally:
        client.cancel(futures)
