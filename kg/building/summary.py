"""What a build did: documents read and skipped, sentences, actors, relations by type."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg.ingest.report import ReadReport


@dataclass
class BuildSummary:
    """What a build read and found."""

    documents: int = 0
    sentences: int = 0
    actors: set[str] = field(default_factory=set)
    relations: Counter[str] = field(default_factory=Counter)
    report: ReadReport = field(default_factory=ReadReport)
    cached: int = 0  # documents replayed from the build cache
    stored: int = 0  # triples sent to a store (a triple sent in two batches counts twice)
    partitions: int = 0  # partitions of a build on a Dask cluster (0: built in this process)
    workers: int = 0  # the cluster's workers when the build started

    def format(self) -> str:
        """The summary as the lines ``kg build`` prints."""
        cached = f" ({self.cached} unchanged, from the cache)" if self.cached else ""
        lines = [f"documents: {self.documents}{cached}", f"sentences: {self.sentences}",
                 f"actors:    {len(self.actors)}", f"relations: {sum(self.relations.values())}"]
        if self.partitions:
            lines.insert(0, f"cluster:   {self.partitions} partitions on {self.workers} Dask workers")
        lines += [f"  {label:10} {n}" for label, n in sorted(self.relations.items(), key=lambda kv: (-kv[1], kv[0]))]
        skipped = sum(self.report.skipped.values())
        if skipped:
            lines.append("skipped:   " + ", ".join(f"{r}: {n}" for r, n in sorted(self.report.skipped.items())))
        return "\n".join(lines)
