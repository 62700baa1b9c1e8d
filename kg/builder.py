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
from typing import Iterable, Sequence

from rdflib import Graph

from kg.corpus import ReadReport, read_documents
from kg.gazetteer import load_gazetteer
from kg.graph import to_networkx
from kg.model import Document
from kg.nlp import load_pipeline
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

    def format(self) -> str:
        lines = [f"documents: {self.documents}", f"sentences: {self.sentences}",
                 f"actors:    {len(self.actors)}", f"relations: {sum(self.relations.values())}"]
        lines += [f"  {label:10} {n}" for label, n in sorted(self.relations.items(), key=lambda kv: (-kv[1], kv[0]))]
        skipped = sum(self.report.skipped.values())
        if skipped:
            lines.append("skipped:   " + ", ".join(f"{r}: {n}" for r, n in sorted(self.report.skipped.items())))
        return "\n".join(lines)


def build_graph(documents: Iterable[Document], *, model: str | None = None,
                summary: BuildSummary | None = None, batch_size: int = 64, workers: int = 1) -> tuple[Graph, BuildSummary]:
    """The graph of ``documents`` (with the ontology, so ready queries work) and a summary."""
    summary = summary or BuildSummary()
    builder = GraphBuilder(load_gazetteer().actors, graph=with_ontology(new_graph()))
    for document, doc, plan in parsed(documents, load_pipeline(model), batch_size=batch_size, n_process=workers):
        summary.documents += 1
        summary.sentences += plan.sentences if plan.sentences >= 0 else sum(1 for s in doc.sents if s.text.strip())
        builder.add_document(document)
        for assertion in assertions_of(document, doc, plan):
            builder.add_assertion(assertion)
            summary.actors.update((assertion.subject, assertion.object))
            summary.relations[assertion.relation] += 1
    return builder.graph, summary


def build(paths: Sequence[str | Path], *, model: str | None = None, strict: bool = False,
          workers: int = 1) -> tuple[Graph, BuildSummary]:
    """Read ``paths`` (files, folders, JSONL) and build their graph."""
    summary = BuildSummary()
    documents = read_documents(paths, strict=strict, report=summary.report)
    return build_graph(documents, model=model, summary=summary, workers=workers)


def write_outputs(graph: Graph, out: str | Path, *, title: str = "kg") -> list[Path]:
    """Write ``graph.ttl`` (data + ontology) and ``graph.html`` into ``out``.

    Both are made before either is written, so a failure leaves the old pair.
    """
    out = Path(out)
    turtle = serialize(with_ontology(graph), "turtle")
    page = to_html(to_networkx(graph), title=title)
    return atomic_write_all({out / "graph.ttl": turtle, out / "graph.html": page})
