"""``kg build``: documents → assertions → RDF graph (+ summary), and writing outputs.

>>> from kg.model import Document
>>> graph, summary = build_graph([Document("d", "Iran supplied drones to Russia.")])
>>> summary.relations["SUPPLY"], summary.documents
(1, 1)
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from rdflib import Graph

from kg.corpus import ReadReport, read_documents
from kg.gazetteer import load_gazetteer
from kg.graph import to_networkx
from kg.cache import BuildCache, fingerprint
from kg.model import Assertion, Document
from kg.nlp import load_pipeline, model_name
from kg.pipeline import assertions_of, parsed
from kg.io import atomic_write_all
from kg.rdf import GraphBuilder, new_graph, serialize, with_ontology
from kg.renderer import to_html


@dataclass
class BuildSummary:
    """What a build read and found."""

    documents: int = 0
    sentences: int = 0
    actors: set[str] = field(default_factory=set)
    relations: Counter[str] = field(default_factory=Counter)
    report: ReadReport = field(default_factory=ReadReport)
    cached: int = 0  # documents replayed from the build cache

    def format(self) -> str:
        cached = f" ({self.cached} unchanged, from the cache)" if self.cached else ""
        lines = [f"documents: {self.documents}{cached}", f"sentences: {self.sentences}",
                 f"actors:    {len(self.actors)}", f"relations: {sum(self.relations.values())}"]
        lines += [f"  {label:10} {n}" for label, n in sorted(self.relations.items(), key=lambda kv: (-kv[1], kv[0]))]
        skipped = sum(self.report.skipped.values())
        if skipped:
            lines.append("skipped:   " + ", ".join(f"{r}: {n}" for r, n in sorted(self.report.skipped.items())))
        return "\n".join(lines)


class _Collector:
    """Adds each document's assertions to the graph and the summary."""

    def __init__(self, summary: BuildSummary, cache: BuildCache | None,
                 progress: Callable[[int], None] | None) -> None:
        self.summary = summary
        self.cache = cache
        self.progress = progress
        self.builder = GraphBuilder(load_gazetteer().actors, graph=with_ontology(new_graph()))

    def add(self, document: Document, sentences: int, assertions: list[Assertion]) -> None:
        self.summary.documents += 1
        self.summary.sentences += sentences
        self.builder.add_document(document)
        for assertion in assertions:
            self.builder.add_assertion(assertion)
            self.summary.actors.update((assertion.subject, assertion.object))
            self.summary.relations[assertion.relation] += 1
        if self.progress is not None:
            self.progress(1)

    def replayed(self, document: Document) -> bool:
        """Add a document from the cache; False when it must be processed."""
        found = self.cache.lookup(document) if self.cache is not None else None
        if found is None:
            return False
        self.add(document, *found)
        self.summary.cached += 1
        return True


def build_graph(documents: Iterable[Document], *, model: str | None = None,
                summary: BuildSummary | None = None, batch_size: int = 64, workers: int = 1,
                cache: BuildCache | None = None,
                progress: Callable[[int], None] | None = None) -> tuple[Graph, BuildSummary]:
    """The graph of ``documents`` (with the ontology, so ready queries work) and a summary.

    Documents found in ``cache`` are replayed, the others processed and stored;
    ``progress`` is called with 1 after each document.
    """
    collect = _Collector(summary or BuildSummary(), cache, progress)
    fresh = (d for d in documents if not collect.replayed(d))
    for document, doc, plan in parsed(fresh, load_pipeline(model), batch_size=batch_size, n_process=workers):
        sentences = plan.sentences if plan.sentences >= 0 else sum(1 for s in doc.sents if s.text.strip())
        assertions = assertions_of(document, doc, plan)
        collect.add(document, sentences, assertions)
        if cache is not None:
            cache.store(document, sentences, assertions)
    return collect.builder.graph, collect.summary


def build(paths: Sequence[str | Path], *, model: str | None = None, strict: bool = False,
          workers: int = 1, cache: str | Path | None = None,
          progress: Callable[[int], None] | None = None) -> tuple[Graph, BuildSummary]:
    """Read ``paths`` (files, folders, JSONL) and build their graph; with
    ``cache`` (a file path), unchanged documents are not processed again."""
    summary = BuildSummary()
    documents = read_documents(paths, strict=strict, report=summary.report)
    if cache is None:
        return build_graph(documents, model=model, summary=summary, workers=workers, progress=progress)
    with BuildCache(cache, fingerprint(model_name(model))) as store:
        return build_graph(documents, model=model, summary=summary, workers=workers, cache=store, progress=progress)


def write_outputs(graph: Graph, out: str | Path, *, title: str = "kg") -> list[Path]:
    """Write ``graph.ttl`` (data + ontology) and ``graph.html`` into ``out``.

    Both are made before either is written, so a failure leaves the old pair.
    """
    out = Path(out)
    turtle = serialize(with_ontology(graph), "turtle")
    page = to_html(to_networkx(graph), title=title)
    return atomic_write_all({out / "graph.ttl": turtle, out / "graph.html": page})
