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


def read_jsonl(path: Path, context: ReadContext) -> Iterator[tuple[Document, str]]:
    """One document per line of a ``.jsonl`` or ``.jsonl.gz`` file; blank lines are skipped."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
        encoding, _ = sniff_bom(head)
        if encoding is None and b"\x00" in head:
            context.warn(f"{path}: binary file (NUL bytes), skipped", "binary")
            return
        handle.seek(0)
        records = 0
        try:
            for number, line in _lines(handle, encoding, path, context):
                if is_blank(line):
                    continue
                records += 1
                doc = _line_document(line, f"{path}:{number}", path, context, number)
                if doc is not None:
                    yield doc, f"{path}:{number}"
        except UnicodeDecodeError as error:
            context.warn(f"{path}: not decodable as {encoding} ({error.reason}), rest skipped", "binary")
            return
    if not records:
        context.warn(f"{path}: empty file, skipped", "empty")


def _lines(handle: IO[bytes], encoding: str | None, path: Path,
           context: ReadContext) -> Iterator[tuple[int, str]]:
    """Numbered text lines; invalid UTF-8 is replaced, with a warning per line."""
    if encoding in ("utf-16", "utf-32"):
        yield from enumerate(io.TextIOWrapper(handle, encoding=encoding, newline="\n"), start=1)
        return
    for number, raw in enumerate(handle, start=1):
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as error:
            context.warn(f"{path}:{number}: invalid UTF-8 at byte {error.start}, decoded with replacement characters")
            yield number, raw.decode("utf-8", "replace")


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
