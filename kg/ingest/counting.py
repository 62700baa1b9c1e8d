"""How many documents a set of paths holds, counted cheaply before a build (for a progress bar's total).

A one-document file counts 1, a ``.jsonl`` or ``.jsonl.gz`` file its non-blank
lines; folders are walked as :func:`kg.ingest.corpus.read_documents` walks
them (hidden entries skipped). The count is the number of documents the
reader will try: malformed lines and duplicate ids are among them. Counting
stops, and gives ``None``, once it has taken longer than its time budget or
meets anything it cannot read: the reader reports those, not the count.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Iran and Russia signed.")
>>> _ = (folder / "b.jsonl").write_text('{"id": "1", "text": "x"}\\n\\n{"id": "2", "text": "y"}\\n')
>>> _ = (folder / "notes.csv").write_text("ignored")
>>> count_documents([folder])
3
>>> count_documents([folder], budget=0) is None
True
"""
from __future__ import annotations

import gzip
import os
import time
import zlib
from pathlib import Path
from typing import Iterator, Sequence

from kg.ingest.corpus import SUFFIXES

class _OverBudget(Exception):
    """Counting has taken longer than allowed."""


def count_documents(paths: Sequence[str | Path], budget: float = 2.0) -> int | None:
    """The number of documents ``paths`` hold, or ``None`` if counting takes over ``budget`` seconds or fails."""
    deadline = time.monotonic() + budget
    try:
        return sum(_count_file(path, deadline) for path in _files(paths, deadline))
    except (OSError, EOFError, zlib.error, _OverBudget):
        return None


def _files(paths: Sequence[str | Path], deadline: float) -> Iterator[Path]:
    """The files a build reads: named files whatever their suffix, known suffixes inside folders."""
    for path in map(Path, paths):
        if not path.is_dir():
            if not path.exists():
                raise FileNotFoundError(path)
            yield path
            continue
        for folder, folders, names in os.walk(path, followlinks=True):
            _check(deadline)
            folders[:] = [f for f in folders if not f.startswith(".")]
            yield from (Path(folder) / n for n in names if not n.startswith(".") and _kind(n) is not None)


def _kind(name: str) -> str | None:
    lower = name.lower()
    return next((kind for suffix, kind in SUFFIXES.items() if lower.endswith(suffix)), None)


def _count_file(path: Path, deadline: float) -> int:
    """1 for a one-document file, the non-blank lines of a JSONL file."""
    _check(deadline)
    if _kind(path.name) != "jsonl":
        return 1
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    count = 0
    with opener(path, "rb") as handle:
        for number, line in enumerate(handle):
            if not number % 10_000:
                _check(deadline)
            count += bool(line.strip())
    return count


def _check(deadline: float) -> None:
    if time.monotonic() > deadline:
        raise _OverBudget
