"""A document's metadata: leading Key: value lines, front matter, the title line, ISO dates and URLs checked."""
from __future__ import annotations

import re
from datetime import date as _date

from kg.ingest.datelines import dateline
from kg.ingest.decoding import NON_SPACE
from kg.ingest.report import ReadContext

TITLE_MAX = 200              # a first line this long or longer is no title


_META_KEYS = ("date", "title", "url")  # leading "Key: value" lines of a text file


_META_LINE = re.compile(r"[ \t]*(date|title|url)[ \t]*:[ \t]*([^\n]*?)[ \t]*(?:\n|$)", re.IGNORECASE)


FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+\-Z ]*)?")


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s<>\"{}|\\^`]+")


def leading_metadata(text: str) -> tuple[dict[str, str], int]:
    """``Date:``, ``Title:``, ``URL:`` lines at the very start, and where they end.

    >>> leading_metadata("Date: 2024-05-01\\nTitle: X\\nBody")
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


def simple_yaml(block: str) -> dict[str, str]:
    """``key: value`` pairs of a front-matter block (lower-case keys, quotes removed).

    >>> simple_yaml('title: "Pact"\\ndate: 2024-05-01\\ntags: [a]')
    {'title': 'Pact', 'date': '2024-05-01', 'tags': '[a]'}
    """
    pairs = (line.split(":", 1) for line in block.split("\n") if ":" in line and not line[:1].isspace())
    return {key.strip().lower(): value.strip().strip("\"'") for key, value in pairs}


def first_line_title(text: str, heading: bool = False) -> str | None:
    """The first non-empty line when it reads like a headline: short, no final period.

    >>> first_line_title("\\n  Russia and Iran sign a pact\\nThe text.")
    'Russia and Iran sign a pact'
    >>> first_line_title("Russia and Iran signed a pact.") is None
    True
    """
    first = NON_SPACE.search(text)
    if first is None:
        return None
    stop = text.find("\n", first.start(), first.start() + TITLE_MAX + 1)
    line = text[first.start(): stop if stop >= 0 else first.start() + TITLE_MAX + 1].strip()
    if heading:
        line = line.lstrip("#").strip()
    if not line or len(line) >= TITLE_MAX or line.endswith("."):
        return None
    return line


def iso_date(value: str) -> str | None:
    """An ISO 8601 date (or date-time) → ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    >>> iso_date("2024-05-01T10:30:00Z"), iso_date("2024-05"), iso_date("May 2024")
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


def checked_date(value: object, where: str, context: ReadContext) -> str | None:
    """A metadata date as ISO text; anything else is dropped with a warning."""
    if value is None or value == "":
        return None
    iso = iso_date(value) if isinstance(value, str) else None
    if iso is None:
        context.warn(f"{where}: unrecognised date {value!r} (expected ISO 8601, e.g. 2024-05-01), ignored")
    return iso


def checked_url(value: object, where: str, context: ReadContext) -> str | None:
    """An absolute URL without spaces; anything else is dropped with a warning."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and _URL.fullmatch(value.strip()):
        return value.strip()
    context.warn(f"{where}: not an absolute URL {value!r}, ignored")
    return None


def dateline_date(text: object) -> str | None:
    """The date of the dateline that opens ``text`` ("Brussels, 26 February 2025 —"), if it has one.

    >>> dateline_date("Brussels, 26 February 2025 \u2014 The EU said."), dateline_date("LONDON: x")
    ('2025-02-26', None)
    """
    found = dateline(text.lstrip()) if isinstance(text, str) else None
    return found.date if found else None
