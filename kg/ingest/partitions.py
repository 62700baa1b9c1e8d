"""A corpus cut into partitions for a cluster, planned from file names and sizes alone.

A partition is a list of pieces; a piece is a whole file, or the lines of an
uncompressed JSONL file that begin in a byte range (``[start, end)``, as
``dask.bag.read_text(blocksize=…)`` cuts text). Small files are grouped until a
partition holds about ``blocksize`` bytes; a JSONL file larger than that is cut
into ranges of ``blocksize`` bytes; a gzipped file cannot be cut and is one
piece. Planning never opens a file: the client only lists folders and reads
sizes, the workers read (:func:`read_partition`).

Read in partition order, the pieces give the documents of
:func:`kg.ingest.corpus.read_documents` in its order (duplicates are for the
reader of the results to drop, with :meth:`ReadContext.admit`).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> lines = "".join(f'{{"id": "n{i}", "text": "Text {i}."}}\\n' for i in range(30))
>>> _ = (folder / "big.jsonl").write_text(lines)
>>> _ = (folder / "a.txt").write_text("Iran and Russia.")
>>> parts = plan_partitions([folder], blocksize=400)
>>> [[(p.shown.rsplit("/", 1)[1], p.start, p.end) for p in part] for part in parts]
[[('a.txt', 0, None)], [('big.jsonl', 0, 400)], [('big.jsonl', 400, 800)], [('big.jsonl', 800, None)]]
>>> context = ReadContext(False, ReadReport())
>>> [doc.id for part in parts for doc, _ in read_partition(part, context)][:3], context.report.warnings
(['a', 'n0', 'n1'], [])
>>> len([doc for part in parts for doc, _ in read_partition(part, context)])
31
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Sequence

from kg.errors import KgError
from kg.ingest.corpus import corpus_files, is_jsonl, read_piece
from kg.ingest.report import ReadContext, ReadReport
from kg.records import Document

#: bytes of input per partition by default: about a thousand news articles
BLOCKSIZE = 4 << 20


@dataclass(frozen=True, slots=True)
class Piece:
    """A file (``end`` None and ``start`` 0) or the lines of a JSONL file beginning in ``[start, end)``.

    ``shown`` is the path as the user gave it (it names the file in the graph
    and in warnings); ``path`` is where a worker opens it.
    """

    shown: str
    path: str
    start: int = 0
    end: int | None = None


Partition = tuple[Piece, ...]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the worker that reads it reports why it cannot


def _pieces(path: Path, size: int, blocksize: int, absolute: bool) -> list[Piece]:
    """One file as pieces: cut on bytes when it is an uncompressed JSONL file over ``blocksize``."""
    where = str(path.resolve()) if absolute else str(path)
    if not is_jsonl(path) or path.name.lower().endswith(".gz") or size <= blocksize:
        return [Piece(str(path), where)]
    starts = range(0, size, blocksize)
    return [Piece(str(path), where, start, start + blocksize if start + blocksize < size else None)
            for start in starts]


def plan_partitions(paths: Sequence[str | Path], *, blocksize: int = BLOCKSIZE, absolute: bool = False,
                    report: ReadReport | None = None, exclude: Sequence[str | Path] = ()) -> list[Partition]:
    """The partitions of a corpus, in reading order; ``absolute`` makes every
    path a worker opens absolute (for workers started in another folder).

    Missing paths and folders without a readable file raise :class:`~kg.errors.KgError`.
    """
    if blocksize < 1:
        raise KgError(f"partition size must be at least 1 byte, not {blocksize}")
    context = ReadContext(False, report if report is not None else ReadReport())
    partitions: list[Partition] = []
    group: list[Piece] = []
    filled = 0
    for path in corpus_files(paths, context, exclude):
        size = _size(path)
        pieces = _pieces(path, size, blocksize, absolute)
        if len(pieces) > 1:  # a cut file: its ranges are partitions of their own
            partitions += [tuple(group)] if group else []
            partitions += [(piece,) for piece in pieces]
            group, filled = [], 0
            continue
        group.append(pieces[0])
        filled += size
        if filled >= blocksize:
            partitions.append(tuple(group))
            group, filled = [], 0
    if group:
        partitions.append(tuple(group))
    return partitions


def read_partition(partition: Partition, context: ReadContext) -> Iterator[tuple[Document, str]]:
    """The documents of a partition's pieces with their places (``FILE`` or ``FILE:LINE``), in order."""
    warnings = context.report.warnings
    for piece in partition:
        opened = Path(piece.path)
        first = len(warnings)
        for doc, place in read_piece(opened, context, piece.start, piece.end):
            warnings[first:] = [_shown_place(w, piece) for w in warnings[first:]]
            first = len(warnings)
            yield _shown(doc, piece, opened), _shown_place(place, piece)
        warnings[first:] = [_shown_place(w, piece) for w in warnings[first:]]


def _shown(doc: Document, piece: Piece, opened: Path) -> Document:
    """The document as if read from the path the user gave."""
    if piece.shown == piece.path or doc.path != str(opened):
        return doc
    return replace(doc, path=piece.shown)


def _shown_place(text: str, piece: Piece) -> str:
    """A place or warning naming the file a worker opened, as naming the path the user gave."""
    return piece.shown + text[len(piece.path):] if text.startswith(piece.path) else text
