"""JSONL corpora (optionally gzipped): one document a line, malformed lines reported with file:line."""
from __future__ import annotations

import codecs
import gzip
import io
import json
import re
from pathlib import Path
from typing import IO, Iterator

from kg.ingest.decoding import SNIFF_BYTES, is_blank, normalise_newlines, sniff_bom
from kg.ingest.metadata import checked_date, checked_url, dateline_date
from kg.ingest.report import Malformed, ReadContext
from kg.records import Document

SURROGATE = re.compile(r"[\ud800-\udfff]")


def read_jsonl(path: Path, context: ReadContext, start: int = 0,
               end: int | None = None) -> Iterator[tuple[Document, str]]:
    """One document per line of a ``.jsonl`` or ``.jsonl.gz`` file; blank lines are skipped.

    ``start`` and ``end`` (byte offsets of an uncompressed UTF-8 file) read
    only the lines that *begin* in ``[start, end)``, numbered as in the whole
    file: pieces that tile a file read each line once. A file that cannot be
    cut on bytes (UTF-16/32, binary) is read whole by its piece at 0.
    """
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
        encoding, _ = sniff_bom(head)
        if start and (encoding in ("utf-16", "utf-32") or (encoding is None and b"\x00" in head)):
            return  # not cut on bytes: the piece at 0 reads the whole file
        if encoding is None and b"\x00" in head:
            context.warn(f"{path}: binary file (NUL bytes), skipped", "binary")
            return
        if encoding in ("utf-16", "utf-32"):
            end = None
        handle.seek(0)
        records = 0
        try:
            for number, line in _lines(handle, encoding, path, context, start, end):
                if is_blank(line):
                    continue
                records += 1
                doc = _line_document(line, f"{path}:{number}", path, context, number)
                if doc is not None:
                    yield doc, f"{path}:{number}"
        except UnicodeDecodeError as error:
            context.warn(f"{path}: not decodable as {encoding} ({error.reason}), rest skipped", "binary")
            return
    if not records and not start and end is None:
        context.warn(f"{path}: empty file, skipped", "empty")


def _lines(handle: IO[bytes], encoding: str | None, path: Path, context: ReadContext,
           start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """Numbered text lines (those beginning in ``[start, end)``); invalid UTF-8 is
    replaced, with a warning per line."""
    if encoding in ("utf-16", "utf-32"):
        yield from enumerate(io.TextIOWrapper(handle, encoding=encoding, newline="\n"), start=1)
        return
    for number, raw in _raw_lines(handle, start, end):
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as error:
            context.warn(f"{path}:{number}: invalid UTF-8 at byte {error.start}, decoded with replacement characters")
            yield number, raw.decode("utf-8", "replace")


def _raw_lines(handle: IO[bytes], start: int, end: int | None) -> Iterator[tuple[int, bytes]]:
    """The numbered byte lines that begin in ``[start, end)`` (all of them by default).

    A line belongs to the piece its first byte is in; the lines before
    ``start`` are counted (not decoded) so that numbers match the whole file.

    >>> data = io.BytesIO(b"a\\nbb\\nccc\\n")
    >>> [list(_raw_lines(data, s, e)) for s, e in ((0, 1), (1, 4), (4, None))]
    [[(1, b'a\\n')], [(2, b'bb\\n')], [(3, b'ccc\\n')]]
    >>> [list(_raw_lines(data, s, e)) for s, e in ((0, 2), (2, 3), (3, 5), (5, 9))]
    [[(1, b'a\\n')], [(2, b'bb\\n')], [], [(3, b'ccc\\n')]]
    """
    number = 1
    handle.seek(0)
    if start:
        remaining = start - 1
        while remaining > 0:
            block = handle.read(min(remaining, 1 << 20))
            if not block:
                return
            number += block.count(b"\n")
            remaining -= len(block)
        before = handle.read(1)  # the byte before start: a line ends there, or goes on into the piece
        if not before:
            return
        number += 1
        if before != b"\n" and not handle.readline().endswith(b"\n"):
            return  # the line that began before start is the piece before's, and the last one
    position = handle.tell()
    while end is None or position < end:
        raw = handle.readline()
        if not raw:
            return
        yield number, raw
        number += 1
        position += len(raw)


def _line_document(line: str, where: str, path: Path, context: ReadContext, number: int) -> Document | None:
    """One JSONL line → a document, or ``None`` after a ``FILE:LINE: reason`` warning."""
    try:
        return _record_document(_json_object(line), where, path, context, number)
    except Malformed as problem:
        context.warn(f"{where}: {problem}, skipped", "malformed")
        return None


def _json_object(line: str) -> dict[str, object]:
    """Parse a line that must hold one JSON object."""
    try:
        value = json.loads(line)
    except ValueError as error:
        raise Malformed(f"invalid JSON ({getattr(error, 'msg', error)})") from None
    except RecursionError:
        raise Malformed("invalid JSON (nested too deeply)") from None
    if not isinstance(value, dict):
        raise Malformed(f"expected a JSON object, got {type(value).__name__}")
    return value


def _record_document(record: dict[str, object], where: str, path: Path, context: ReadContext,
                     line: int | None = None) -> Document:
    """Build a document from a JSON object with at least ``id`` and ``text``."""
    value = record.get("id")
    doc_id = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    fields = {"id": _required_str(doc_id, "id"), "text": _required_str(record.get("text"), "text"),
              "title": _optional_str(record, "title", where, context),
              "date": record.get("date"), "url": record.get("url")}
    clean = {key: no_surrogates(value, key, where, context) for key, value in fields.items()}
    return Document(
        id=clean["id"], text=normalise_newlines(clean["text"]), title=clean["title"] or None,
        date=checked_date(clean["date"], where, context) or dateline_date(clean["text"]),
        url=checked_url(clean["url"], where, context), path=str(path), line=line,
    )


def _required_str(value: object, key: str) -> str:
    """A required, non-blank string field.

    >>> _required_str("a1", "id")
    'a1'
    """
    if value is None:
        raise Malformed(f"missing '{key}'")
    if not isinstance(value, str):
        raise Malformed(f"'{key}' must be a string, got {type(value).__name__}")
    if is_blank(value):
        raise Malformed(f"empty '{key}'")
    return value


def _optional_str(record: dict[str, object], key: str, where: str, context: ReadContext) -> str | None:
    """An optional string field; another type is dropped with a warning."""
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    context.warn(f"{where}: '{key}' must be a string, got {type(value).__name__}, ignored")
    return None


def no_surrogates(value: object, key: str, where: str, context: ReadContext) -> object:
    """Replace lone surrogates (from ``\\ud800``-style escapes) that UTF-8 cannot encode."""
    if not isinstance(value, str) or not SURROGATE.search(value):
        return value
    context.warn(f"{where}: '{key}' holds lone surrogate escapes, replaced")
    return SURROGATE.sub("\ufffd", value)
