"""HTML → its visible text, block elements on lines of their own; the charset a page declares."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from kg.ingest.metadata import iso_date

_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "title"})


_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "td", "th", "tr", "ul",
})


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag.

    >>> declared_charset(b'<meta charset="windows-1252">')
    'windows-1252'
    """
    match = _CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


class HtmlText(HTMLParser):
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
        """Open an element: skipped ones hide their text, block ones start a line; a published-time
        meta tag or a ``<time datetime>`` may date the page."""
        if tag in _SKIPPED_TAGS:
            self._open.append(tag)
        elif tag in _BLOCK_TAGS:
            self._parts.append("\n")
        self._pre += int(tag == "pre")
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and values.get("property", values.get("name")) == "article:published_time":
            self._meta_date = self._meta_date or iso_date(values.get("content", ""))
        if tag == "time" and (iso := iso_date(values.get("datetime", ""))):
            self._time_dates.append(iso)

    def handle_endtag(self, tag: str) -> None:
        """Close an element."""
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag):]
        elif tag in _BLOCK_TAGS:
            self._parts.append("\n")
        if tag == "pre" and self._pre:
            self._pre -= 1

    def handle_data(self, data: str) -> None:
        """Keep visible text."""
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
        """The page's title, if it has one."""
        return " ".join("".join(self._title).split()) or None

    def published(self) -> str | None:
        """The publication date: the published-time meta tag, else the first ``<time>``, as ISO text."""
        return self._meta_date or next(iter(self._time_dates), None)
