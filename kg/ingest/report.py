"""What reading met: documents read, files and lines skipped and why; warnings or, in strict mode, errors."""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from kg.errors import KgError
from kg.records import Document


@dataclass
class ReadReport:
    """What a read did: documents read, items skipped by reason, all warnings.

    >>> r = ReadReport(read=3)
    >>> r.skipped["empty"] += 1
    >>> r.summary()
    'read 3 documents; skipped 1 (empty: 1)'
    """

    read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    reasons: list[str | None] = field(default_factory=list)  # per warning: why an item was skipped, or None

    def summary(self) -> str:
        """One line for the CLI."""
        text = f"read {self.read} document{'' if self.read == 1 else 's'}"
        total = sum(self.skipped.values())
        if not total:
            return text
        reasons = ", ".join(f"{reason}: {n}" for reason, n in sorted(self.skipped.items()))
        return f"{text}; skipped {total} ({reasons})"


class Malformed(Exception):
    """A JSONL record that cannot become a document; the message says why."""


@dataclass
class ReadContext:
    """State of one :func:`read_documents` call."""

    strict: bool
    report: ReadReport
    first_seen: dict[str, str] = field(default_factory=dict)
    echo: bool = True  # log each warning (a Dask worker only records them: the client logs them in order)

    def warn(self, message: str, reason: str | None = None) -> None:
        """Record a one-line warning (``reason``: the item was skipped); strict → raise."""
        message = message.replace("\r", "\\r").replace("\n", "\\n")
        if self.strict:  # the item stops the run: it is not "skipped"
            raise KgError(message.removesuffix(", skipped").removesuffix(" (skipped)"))
        if self.echo:
            logger.warning(message)
        self.report.warnings.append(message)
        if reason:
            self.report.skipped[reason] += 1
        self.report.reasons.append(reason)

    def admit(self, doc: Document, place: str) -> bool:
        """True for a new id; a repeated id is skipped with a warning naming both places."""
        first = self.first_seen.get(doc.id)
        if first is None:
            self.first_seen[doc.id] = place
            return True
        self.warn(f"{place}: duplicate id {doc.id!r} (first read from {first}), skipped", "duplicate")
        return False


def reason_of(error: BaseException) -> str:
    """A short reason for an I/O error."""
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


logger = logging.getLogger("kg.ingest.corpus")
