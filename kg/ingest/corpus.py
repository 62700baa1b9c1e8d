"""Reading documents: paths → ``Iterator[Document]``, robust to messy input.

A path is a file or a folder. Folders are walked recursively in sorted order;
files ending in ``.txt``, ``.md``, ``.html``, ``.htm``, ``.jsonl`` or
``.jsonl.gz`` are read, hidden files and folders and other files are ignored.
A file named explicitly is read whatever its suffix (as plain text unless the
suffix says otherwise).

Bad input never stops a run unless ``strict=True``: each problem is one line
naming the file (and the line for JSONL), logged on the ``kg.ingest.corpus`` logger
and recorded in a :class:`ReadReport`. In strict mode every such warning is
raised as :class:`~kg.errors.KgError` instead. Missing paths and folders
without any readable document are always errors.

Text is kept as given, so that character offsets stay meaningful: only a byte
order mark is removed and ``\\r\\n`` / ``\\r`` become ``\\n`` (HTML is the
exception: it is reduced to its visible text; Markdown loses its front matter).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "russia-iran.txt").write_text("Treaty signed\\r\\nRussia and Iran signed.")
>>> [(d.id, d.title, d.text) for d in read_documents([folder])]
[('russia-iran', 'Treaty signed', 'Treaty signed\\nRussia and Iran signed.')]
"""
from __future__ import annotations

import hashlib
import os
import zlib
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from kg.errors import KgError
from kg.ingest.decoding import decode, is_blank
from kg.ingest.html import HtmlText, declared_charset
from kg.ingest.jsonl import read_jsonl
from kg.ingest.metadata import (
    FRONT_MATTER,
    checked_date,
    checked_url,
    dateline_date,
    first_line_title,
    leading_metadata,
    simple_yaml,
)
from kg.ingest.report import ReadContext, ReadReport, reason_of
from kg.records import Document

#: suffix (lower case) → how the file is read; longest suffixes first.
SUFFIXES: dict[str, str] = {
    ".jsonl.gz": "jsonl", ".jsonl": "jsonl", ".html": "html", ".htm": "html",
    ".md": "markdown", ".txt": "text",
}


def read_documents(
    paths: Sequence[str | Path], *, strict: bool = False, report: ReadReport | None = None,
    exclude: Sequence[str | Path] = (),
) -> Iterator[Document]:
    """Stream the documents of files and folders, one at a time.

    Duplicate ids (across all inputs) are *skipped*: the first document with an
    id wins, a later one is dropped with a warning naming both places. Renaming
    it instead would invent ids that match neither gold files nor earlier builds.

    Raises :class:`KgError` for a missing path, for a folder without any
    readable document (a folder read twice is not an error: its documents are
    readable, only duplicates), and (``strict=True``) for every warning.
    ``report.read`` counts the documents yielded. Folders in ``exclude`` (a
    build's output folder and store) are never entered, so a build never
    reads its own outputs.
    """
    context = ReadContext(strict, report if report is not None else ReadReport())
    inputs = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    if not inputs:
        raise KgError("no input files or folders given")
    for path in inputs:  # checked now, not at the first document
        if not path.exists():
            raise KgError(f"no such file or folder: {path}")
    return _documents(inputs, context, _identities(exclude))


def _documents(inputs: list[Path], context: ReadContext, skipped: set[tuple[int, int]]) -> Iterator[Document]:
    for path in inputs:
        if path.is_dir() and _identities([path]) & skipped:
            continue
        files = _walk(path, context, skipped) if path.is_dir() else iter([path])
        found = 0
        for doc, place in _read_files(files, context):
            found += 1
            if context.admit(doc, place):
                context.report.read += 1
                yield doc
        if not found and path.is_dir():
            raise KgError(f"no readable documents in folder: {path} (looked for {', '.join(SUFFIXES)})")


def document_id(path: Path) -> str:
    """The id of a one-document file: its name without the (known) extension.

    >>> document_id(Path("news/russia-iran.txt")), document_id(Path("dump.jsonl.gz"))
    ('russia-iran', 'dump')
    """
    name = path.name
    suffix = _suffix(name) or Path(name).suffix
    return name[: len(name) - len(suffix)] if suffix and len(suffix) < len(name) else name


def content_hash(doc: Document) -> str:
    """SHA-256 (hex) over id, text and date: unchanged documents keep their hash.

    >>> content_hash(Document("a", "x")) == content_hash(Document("a", "x", title="t"))
    True
    >>> content_hash(Document("a", "x")) == content_hash(Document("a", "x", date="2024"))
    False
    """
    digest = hashlib.sha256()
    for part in (doc.id, doc.text, doc.date):
        data = b"" if part is None else part.encode("utf-8", "surrogatepass")
        digest.update(b"-" if part is None else b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


def corpus_files(paths: Sequence[str | Path], context: ReadContext,
                 exclude: Sequence[str | Path] = ()) -> Iterator[Path]:
    """The files :func:`read_documents` reads, in its order, found without reading them.

    Missing paths and folders without any file of a known suffix raise :class:`KgError`.
    """
    inputs = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    if not inputs:
        raise KgError("no input files or folders given")
    for path in inputs:
        if not path.exists():
            raise KgError(f"no such file or folder: {path}")
    skipped = _identities(exclude)
    for path in inputs:
        if path.is_dir() and _identities([path]) & skipped:
            continue
        found = 0
        for found, file in enumerate(_walk(path, context, skipped) if path.is_dir() else iter([path]), start=1):
            yield file
        if not found and path.is_dir():
            raise KgError(f"no readable documents in folder: {path} (looked for {', '.join(SUFFIXES)})")


def is_jsonl(path: Path) -> bool:
    """True for a file read as JSONL (``.jsonl``, ``.jsonl.gz``), one document a line.

    >>> is_jsonl(Path("a.JSONL.gz")), is_jsonl(Path("a.txt"))
    (True, False)
    """
    return SUFFIXES.get(_suffix(path.name) or "") == "jsonl"


def read_piece(path: Path, context: ReadContext, start: int = 0,
               end: int | None = None) -> Iterator[tuple[Document, str]]:
    """The documents (with ``FILE`` or ``FILE:LINE``) of one file, or of the lines of a
    JSONL file that begin in bytes ``[start, end)``; nothing is admitted or skipped as a duplicate."""
    if not start and end is None:
        yield from _read_files([path], context)
        return
    try:
        yield from read_jsonl(path, context, start, end)
    except (OSError, EOFError, zlib.error) as error:
        context.warn(f"{path}: cannot read ({reason_of(error)})", "unreadable")


# ---------------------------------------------------------------- files

def _suffix(name: str) -> str | None:
    """The known suffix a file name ends with (case-insensitive), if any."""
    lower = name.lower()
    return next((s for s in SUFFIXES if lower.endswith(s)), None)


def _identities(folders: Iterable[str | Path]) -> set[tuple[int, int]]:
    """(device, inode) of the folders that exist."""
    found = set()
    for folder in folders:
        try:
            info = Path(folder).stat()
        except OSError:
            continue
        found.add((info.st_dev, info.st_ino))
    return found


def _walk(folder: Path, context: ReadContext, skipped: set[tuple[int, int]] = frozenset()) -> Iterator[Path]:
    """Readable files below ``folder``, depth first, entries sorted by name; ``skipped`` folders are not entered."""
    visited: set[tuple[int, int]] = set(skipped)
    stack = [_entries(folder, visited, context)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.is_dir():
            stack.append(_entries(entry, visited, context))
        elif _suffix(entry.name):
            yield entry


def _entries(folder: Path, visited: set[tuple[int, int]], context: ReadContext) -> Iterator[Path]:
    """The non-hidden entries of a folder, sorted; a folder is entered once (symlink loops)."""
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in visited:
            return iter(())
        visited.add((info.st_dev, info.st_ino))
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as error:
        context.warn(f"{folder}: cannot read folder ({error.strerror or error}), skipped", "unreadable")
        return iter(())
    return (folder / name for name in names if not name.startswith("."))


def _read_files(files: Iterable[Path], context: ReadContext) -> Iterator[tuple[Document, str]]:
    """Documents of the files with the place each came from (``FILE`` or ``FILE:LINE``)."""
    for path in files:
        try:
            if is_jsonl(path):
                yield from read_jsonl(path, context)
            else:
                doc = _read_single(path, context)
                if doc is not None:
                    yield doc, str(path)
        except (OSError, EOFError, zlib.error) as error:
            context.warn(f"{path}: cannot read ({reason_of(error)})", "unreadable")


# ---------------------------------------------------------------- decoding


# ---------------------------------------------------------------- one-document files

def _read_single(path: Path, context: ReadContext) -> Document | None:
    """A ``.txt``, ``.md`` or ``.html`` file (or any file named explicitly) → a document."""
    kind = SUFFIXES.get(_suffix(path.name) or "", "text")
    data = path.read_bytes()
    if not data.strip():
        context.warn(f"{path}: empty file, skipped", "empty")
        return None
    declared = declared_charset(data[:2048]) if kind == "html" else None
    text = decode(data, str(path), context, declared)
    if text is None:
        return None
    doc = _PARSERS[kind](text, path, context)
    if is_blank(doc.text):
        context.warn(f"{path}: no text, skipped", "empty")
        return None
    return doc


def _text_document(text: str, path: Path, context: ReadContext) -> Document:
    """Plain text: leading ``Date:``/``Title:``/``URL:`` lines are read, the text is kept whole.

    >>> d = _text_document("Date: 2024-05-01\\nHeadline\\nBody.", Path("a.txt"), ReadContext(True, ReadReport()))
    >>> d.date, d.title
    ('2024-05-01', 'Headline')
    """
    meta, end = leading_metadata(text)
    return make_document(path, text, meta, text[end:], context)


def _markdown_document(text: str, path: Path, context: ReadContext) -> Document:
    """Markdown: YAML front matter (removed from the text) and leading metadata lines."""
    front = FRONT_MATTER.match(text)
    meta: dict[str, str] = {}
    if front:
        meta = simple_yaml(front.group(1))
        text = text[front.end():]
    lines, end = leading_metadata(text)
    return make_document(path, text, {**lines, **meta}, text[end:], context, heading=True)


def _html_document(text: str, path: Path, context: ReadContext) -> Document:
    """HTML: the visible text, ``<title>``, and the publication date."""
    page = HtmlText()
    page.feed(text)
    page.close()
    body = page.text()
    meta = {"title": page.title(), "date": page.published()}
    return make_document(path, body, {k: v for k, v in meta.items() if v}, body, context)


def make_document(path: Path, text: str, meta: dict[str, str], rest: str,
              context: ReadContext, heading: bool = False) -> Document:
    """Assemble a one-file document; the title defaults to the first line of ``rest``."""
    title = meta.get("title") or first_line_title(rest, heading)
    return Document(
        id=document_id(path), text=text, title=title or None,
        date=checked_date(meta.get("date"), str(path), context) or dateline_date(text),
        url=checked_url(meta.get("url"), str(path), context), path=str(path),
    )


# ---------------------------------------------------------------- HTML


_PARSERS = {"text": _text_document, "markdown": _markdown_document, "html": _html_document}


# ---------------------------------------------------------------- JSONL


