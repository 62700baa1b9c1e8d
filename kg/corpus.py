"""Reading documents: paths → ``Iterator[Document]``, robust to messy input.

A path is a file or a folder. Folders are walked recursively in sorted order;
files ending in ``.txt``, ``.md``, ``.html``, ``.htm``, ``.jsonl`` or
``.jsonl.gz`` are read, hidden files and folders and other files are ignored.
A file named explicitly is read whatever its suffix (as plain text unless the
suffix says otherwise).

Bad input never stops a run unless ``strict=True``: each problem is one line
naming the file (and the line for JSONL), logged on the ``kg.corpus`` logger
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

import codecs
import gzip
import hashlib
import io
import json
import logging
import os
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as _date
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Iterable, Iterator, Sequence

from kg.dates import dateline
from kg.errors import KgError
from kg.model import Document

logger = logging.getLogger("kg.corpus")

#: suffix (lower case) → how the file is read; longest suffixes first.
SUFFIXES: dict[str, str] = {
    ".jsonl.gz": "jsonl", ".jsonl": "jsonl", ".html": "html", ".htm": "html",
    ".md": "markdown", ".txt": "text",
}
SNIFF_BYTES = 8192           # NUL bytes in this many leading bytes: a binary file
TITLE_MAX = 200              # a first line this long or longer is no title
MAX_REPLACED_SHARE = 0.25    # more replacement characters than this: a binary file
_BOMS = (  # UTF-32 before UTF-16: their byte order marks share a prefix
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_KEYS = ("date", "title", "url")  # leading "Key: value" lines of a text file
_META_LINE = re.compile(r"[ \t]*(date|title|url)[ \t]*:[ \t]*([^\n]*?)[ \t]*(?:\n|$)", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+\-Z ]*)?")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s<>\"{}|\\^`]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NON_SPACE = re.compile(r"\S")


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

    def summary(self) -> str:
        """One line for the CLI."""
        text = f"read {self.read} document{'' if self.read == 1 else 's'}"
        total = sum(self.skipped.values())
        if not total:
            return text
        reasons = ", ".join(f"{reason}: {n}" for reason, n in sorted(self.skipped.items()))
        return f"{text}; skipped {total} ({reasons})"


class _Malformed(Exception):
    """A JSONL record that cannot become a document; the message says why."""


@dataclass
class _Context:
    """State of one :func:`read_documents` call."""

    strict: bool
    report: ReadReport
    first_seen: dict[str, str] = field(default_factory=dict)

    def warn(self, message: str, reason: str | None = None) -> None:
        """Record a one-line warning (``reason``: the item was skipped); strict → raise."""
        message = message.replace("\r", "\\r").replace("\n", "\\n")
        if self.strict:  # the item stops the run: it is not "skipped"
            raise KgError(message.removesuffix(", skipped").removesuffix(" (skipped)"))
        logger.warning(message)
        self.report.warnings.append(message)
        if reason:
            self.report.skipped[reason] += 1

    def admit(self, doc: Document, place: str) -> bool:
        """True for a new id; a repeated id is skipped with a warning naming both places."""
        first = self.first_seen.get(doc.id)
        if first is None:
            self.first_seen[doc.id] = place
            return True
        self.warn(f"{place}: duplicate id {doc.id!r} (first read from {first}), skipped", "duplicate")
        return False


def read_documents(
    paths: Sequence[str | Path], *, strict: bool = False, report: ReadReport | None = None
) -> Iterator[Document]:
    """Stream the documents of files and folders, one at a time.

    Duplicate ids (across all inputs) are *skipped*: the first document with an
    id wins, a later one is dropped with a warning naming both places. Renaming
    it instead would invent ids that match neither gold files nor earlier builds.

    Raises :class:`KgError` for a missing path, for a folder without any
    readable document (a folder read twice is not an error: its documents are
    readable, only duplicates), and (``strict=True``) for every warning.
    ``report.read`` counts the documents yielded.
    """
    context = _Context(strict, report if report is not None else ReadReport())
    inputs = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    if not inputs:
        raise KgError("no input files or folders given")
    for path in inputs:
        if not path.exists():
            raise KgError(f"no such file or folder: {path}")
    for path in inputs:
        files = _walk(path, context) if path.is_dir() else iter([path])
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


# ---------------------------------------------------------------- files

def _suffix(name: str) -> str | None:
    """The known suffix a file name ends with (case-insensitive), if any."""
    lower = name.lower()
    return next((s for s in SUFFIXES if lower.endswith(s)), None)


def _walk(folder: Path, context: _Context) -> Iterator[Path]:
    """Readable files below ``folder``, depth first, entries sorted by name."""
    visited: set[tuple[int, int]] = set()
    stack = [_entries(folder, visited, context)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.is_dir():
            stack.append(_entries(entry, visited, context))
        elif _suffix(entry.name):
            yield entry


def _entries(folder: Path, visited: set[tuple[int, int]], context: _Context) -> Iterator[Path]:
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


def _read_files(files: Iterable[Path], context: _Context) -> Iterator[tuple[Document, str]]:
    """Documents of the files with the place each came from (``FILE`` or ``FILE:LINE``)."""
    for path in files:
        try:
            if SUFFIXES.get(_suffix(path.name) or "") == "jsonl":
                yield from _read_jsonl(path, context)
            else:
                doc = _read_single(path, context)
                if doc is not None:
                    yield doc, str(path)
        except (OSError, EOFError, zlib.error) as error:
            context.warn(f"{path}: cannot read ({_reason(error)})", "unreadable")


def _reason(error: BaseException) -> str:
    """A short reason for an I/O error."""
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


# ---------------------------------------------------------------- decoding

def _sniff_bom(head: bytes) -> tuple[str | None, int]:
    """The encoding a byte order mark announces and the mark's length.

    >>> _sniff_bom(codecs.BOM_UTF16_LE + b"a\\x00")
    ('utf-16', 2)
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    return None, 0


def _decode(data: bytes, where: str, context: _Context, declared: str | None = None) -> str | None:
    """Bytes → text with ``\\n`` newlines; ``None`` (after a warning) for a binary file."""
    encoding, skip = _sniff_bom(data[:4])
    if encoding:
        try:
            return _newlines(data.decode(encoding).removeprefix("\ufeff"))
        except UnicodeDecodeError as error:
            context.warn(f"{where}: not decodable as {encoding} ({error.reason}), skipped", "binary")
            return None
    if b"\x00" in data[:SNIFF_BYTES]:
        context.warn(f"{where}: binary file (NUL bytes), skipped", "binary")
        return None
    return _decode_utf8(data, where, context, declared)


def _decode_utf8(data: bytes, where: str, context: _Context, declared: str | None) -> str | None:
    """UTF-8, else a declared charset, else UTF-8 with replacement characters."""
    try:
        return _newlines(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        first_bad = error.start
    if declared:
        try:
            return _newlines(data.decode(declared))
        except (UnicodeDecodeError, LookupError):
            pass
    text = data.decode("utf-8", "replace")
    if text.count("\ufffd") > MAX_REPLACED_SHARE * len(text):
        context.warn(f"{where}: binary file (not decodable as UTF-8), skipped", "binary")
        return None
    context.warn(f"{where}: invalid UTF-8 at byte {first_bad}, decoded with replacement characters")
    return _newlines(text)


def _newlines(text: str) -> str:
    r"""``\r\n`` and ``\r`` → ``\n``.

    >>> _newlines("a\r\nb\rc")
    'a\nb\nc'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _is_blank(text: str) -> bool:
    """True for empty or whitespace-only text (without copying it)."""
    return _NON_SPACE.search(text) is None


# ---------------------------------------------------------------- one-document files

def _read_single(path: Path, context: _Context) -> Document | None:
    """A ``.txt``, ``.md`` or ``.html`` file (or any file named explicitly) → a document."""
    kind = SUFFIXES.get(_suffix(path.name) or "", "text")
    data = path.read_bytes()
    if not data.strip():
        context.warn(f"{path}: empty file, skipped", "empty")
        return None
    declared = _declared_charset(data[:2048]) if kind == "html" else None
    text = _decode(data, str(path), context, declared)
    if text is None:
        return None
    doc = _PARSERS[kind](text, path, context)
    if _is_blank(doc.text):
        context.warn(f"{path}: no text, skipped", "empty")
        return None
    return doc


def _text_document(text: str, path: Path, context: _Context) -> Document:
    """Plain text: leading ``Date:``/``Title:``/``URL:`` lines are read, the text is kept whole.

    >>> d = _text_document("Date: 2024-05-01\\nHeadline\\nBody.", Path("a.txt"), _Context(True, ReadReport()))
    >>> d.date, d.title
    ('2024-05-01', 'Headline')
    """
    meta, end = _leading_metadata(text)
    return _document(path, text, meta, text[end:], context)


def _markdown_document(text: str, path: Path, context: _Context) -> Document:
    """Markdown: YAML front matter (removed from the text) and leading metadata lines."""
    front = _FRONT_MATTER.match(text)
    meta: dict[str, str] = {}
    if front:
        meta = _simple_yaml(front.group(1))
        text = text[front.end():]
    lines, end = _leading_metadata(text)
    return _document(path, text, {**lines, **meta}, text[end:], context, heading=True)


def _html_document(text: str, path: Path, context: _Context) -> Document:
    """HTML: the visible text, ``<title>``, and the publication date."""
    page = _HtmlText()
    page.feed(text)
    page.close()
    body = page.text()
    meta = {"title": page.title(), "date": page.published()}
    return _document(path, body, {k: v for k, v in meta.items() if v}, body, context)


def _document(path: Path, text: str, meta: dict[str, str], rest: str,
              context: _Context, heading: bool = False) -> Document:
    """Assemble a one-file document; the title defaults to the first line of ``rest``."""
    title = meta.get("title") or _first_line_title(rest, heading)
    return Document(
        id=document_id(path), text=text, title=title or None,
        date=_checked_date(meta.get("date"), str(path), context) or dateline_date(text),
        url=_checked_url(meta.get("url"), str(path), context), path=str(path),
    )


def _leading_metadata(text: str) -> tuple[dict[str, str], int]:
    """``Date:``, ``Title:``, ``URL:`` lines at the very start, and where they end.

    >>> _leading_metadata("Date: 2024-05-01\\nTitle: X\\nBody")
    ({'date': '2024-05-01', 'title': 'X'}, 26)
    """
    meta: dict[str, str] = {}
    end = 0
    while match := _META_LINE.match(text, end):
        if match.end() == end:
            break
        meta.setdefault(match.group(1).lower(), match.group(2))
        end = match.end()
    return meta, end


def _simple_yaml(block: str) -> dict[str, str]:
    """``key: value`` pairs of a front-matter block (lower-case keys, quotes removed).

    >>> _simple_yaml('title: "Pact"\\ndate: 2024-05-01\\ntags: [a]')
    {'title': 'Pact', 'date': '2024-05-01', 'tags': '[a]'}
    """
    pairs = (line.split(":", 1) for line in block.split("\n") if ":" in line and not line[:1].isspace())
    return {key.strip().lower(): value.strip().strip("\"'") for key, value in pairs}


def _first_line_title(text: str, heading: bool = False) -> str | None:
    """The first non-empty line when it reads like a headline: short, no final period.

    >>> _first_line_title("\\n  Russia and Iran sign a pact\\nThe text.")
    'Russia and Iran sign a pact'
    >>> _first_line_title("Russia and Iran signed a pact.") is None
    True
    """
    first = _NON_SPACE.search(text)
    if first is None:
        return None
    stop = text.find("\n", first.start(), first.start() + TITLE_MAX + 1)
    line = text[first.start(): stop if stop >= 0 else first.start() + TITLE_MAX + 1].strip()
    if heading:
        line = line.lstrip("#").strip()
    if not line or len(line) >= TITLE_MAX or line.endswith("."):
        return None
    return line


def _iso_date(value: str) -> str | None:
    """An ISO 8601 date (or date-time) → ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    >>> _iso_date("2024-05-01T10:30:00Z"), _iso_date("2024-05"), _iso_date("May 2024")
    ('2024-05-01', '2024-05', None)
    """
    match = _ISO_DATE.fullmatch(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        _date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(part for part in (year, month, day) if part)


def _checked_date(value: object, where: str, context: _Context) -> str | None:
    """A metadata date as ISO text; anything else is dropped with a warning."""
    if value is None or value == "":
        return None
    iso = _iso_date(value) if isinstance(value, str) else None
    if iso is None:
        context.warn(f"{where}: unrecognised date {value!r} (expected ISO 8601, e.g. 2024-05-01), ignored")
    return iso


def dateline_date(text: object) -> str | None:
    """The date of the dateline that opens ``text`` ("Brussels, 26 February 2025 —"), if it has one.

    >>> dateline_date("Brussels, 26 February 2025 \u2014 The EU said."), dateline_date("LONDON: x")
    ('2025-02-26', None)
    """
    found = dateline(text.lstrip()) if isinstance(text, str) else None
    return found.date if found else None


def _checked_url(value: object, where: str, context: _Context) -> str | None:
    """An absolute URL without spaces; anything else is dropped with a warning."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and _URL.fullmatch(value.strip()):
        return value.strip()
    context.warn(f"{where}: not an absolute URL {value!r}, ignored")
    return None


# ---------------------------------------------------------------- HTML

_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "title"})
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "td", "th", "tr", "ul",
})
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def _declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag.

    >>> _declared_charset(b'<meta charset="windows-1252">')
    'windows-1252'
    """
    match = _CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


class _HtmlText(HTMLParser):
    """Collects the visible text, the title and publication dates of a page.

    The head contributes only its ``<title>``: scripts, styles and the like are
    dropped; block elements end lines; entities are unescaped.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._title: list[str] = []
        self._open: list[str] = []          # open skipped elements
        self._pre = 0
        self._meta_date: str | None = None
        self._time_dates: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._open.append(tag)
        elif tag in _BLOCK_TAGS:
            self._parts.append("\n")
        self._pre += int(tag == "pre")
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and values.get("property", values.get("name")) == "article:published_time":
            self._meta_date = self._meta_date or _iso_date(values.get("content", ""))
        if tag == "time" and (iso := _iso_date(values.get("datetime", ""))):
            self._time_dates.append(iso)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag):]
        elif tag in _BLOCK_TAGS:
            self._parts.append("\n")
        if tag == "pre" and self._pre:
            self._pre -= 1

    def handle_data(self, data: str) -> None:
        if not self._open:
            self._parts.append(data if self._pre else re.sub(r"\s+", " ", data))
        elif self._open[-1] == "title":
            self._title.append(data)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """A malformed ``<![`` section is a bogus comment (as in HTML5), not a crash."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i, report)

    def text(self) -> str:
        """The visible text, one block per line."""
        joined = "".join(self._parts)
        return re.sub(r"[ \t\f\v]*\n\s*", "\n", joined).strip()

    def title(self) -> str | None:
        return " ".join("".join(self._title).split()) or None

    def published(self) -> str | None:
        return self._meta_date or next(iter(self._time_dates), None)


_PARSERS = {"text": _text_document, "markdown": _markdown_document, "html": _html_document}


# ---------------------------------------------------------------- JSONL

def _read_jsonl(path: Path, context: _Context) -> Iterator[tuple[Document, str]]:
    """One document per line of a ``.jsonl`` or ``.jsonl.gz`` file; blank lines are skipped."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
        encoding, _ = _sniff_bom(head)
        if encoding is None and b"\x00" in head:
            context.warn(f"{path}: binary file (NUL bytes), skipped", "binary")
            return
        handle.seek(0)
        records = 0
        try:
            for number, line in _lines(handle, encoding, path, context):
                if _is_blank(line):
                    continue
                records += 1
                doc = _line_document(line, f"{path}:{number}", path, context)
                if doc is not None:
                    yield doc, f"{path}:{number}"
        except UnicodeDecodeError as error:
            context.warn(f"{path}: not decodable as {encoding} ({error.reason}), rest skipped", "binary")
            return
    if not records:
        context.warn(f"{path}: empty file, skipped", "empty")


def _lines(handle: IO[bytes], encoding: str | None, path: Path,
           context: _Context) -> Iterator[tuple[int, str]]:
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


def _line_document(line: str, where: str, path: Path, context: _Context) -> Document | None:
    """One JSONL line → a document, or ``None`` after a ``FILE:LINE: reason`` warning."""
    try:
        return _record_document(_json_object(line), where, path, context)
    except _Malformed as problem:
        context.warn(f"{where}: {problem}, skipped", "malformed")
        return None


def _json_object(line: str) -> dict[str, object]:
    """Parse a line that must hold one JSON object."""
    try:
        value = json.loads(line)
    except ValueError as error:
        raise _Malformed(f"invalid JSON ({getattr(error, 'msg', error)})") from None
    except RecursionError:
        raise _Malformed("invalid JSON (nested too deeply)") from None
    if not isinstance(value, dict):
        raise _Malformed(f"expected a JSON object, got {type(value).__name__}")
    return value


def _record_document(record: dict[str, object], where: str, path: Path, context: _Context) -> Document:
    """Build a document from a JSON object with at least ``id`` and ``text``."""
    value = record.get("id")
    doc_id = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    fields = {"id": _required_str(doc_id, "id"), "text": _required_str(record.get("text"), "text"),
              "title": _optional_str(record, "title", where, context),
              "date": record.get("date"), "url": record.get("url")}
    clean = {key: _no_surrogates(value, key, where, context) for key, value in fields.items()}
    return Document(
        id=clean["id"], text=_newlines(clean["text"]), title=clean["title"] or None,
        date=_checked_date(clean["date"], where, context) or dateline_date(clean["text"]),
        url=_checked_url(clean["url"], where, context), path=str(path),
    )


def _required_str(value: object, key: str) -> str:
    """A required, non-blank string field.

    >>> _required_str("a1", "id")
    'a1'
    """
    if value is None:
        raise _Malformed(f"missing '{key}'")
    if not isinstance(value, str):
        raise _Malformed(f"'{key}' must be a string, got {type(value).__name__}")
    if _is_blank(value):
        raise _Malformed(f"empty '{key}'")
    return value


def _optional_str(record: dict[str, object], key: str, where: str, context: _Context) -> str | None:
    """An optional string field; another type is dropped with a warning."""
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    context.warn(f"{where}: '{key}' must be a string, got {type(value).__name__}, ignored")
    return None


def _no_surrogates(value: object, key: str, where: str, context: _Context) -> object:
    """Replace lone surrogates (from ``\\ud800``-style escapes) that UTF-8 cannot encode."""
    if not isinstance(value, str) or not _SURROGATE.search(value):
        return value
    context.warn(f"{where}: '{key}' holds lone surrogate escapes, replaced")
    return _SURROGATE.sub("\ufffd", value)
