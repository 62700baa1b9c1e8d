"""Datelines that open a news text ("ATHENS, May 2 (Reuters) -", "Brussels, 26 February 2025 —",
"LONDON:"): their place is no actor, their date dates the document."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.dates import sentence_date

#: "ATHENS, May 2 (Reuters) -", "Brussels, 26 February 2025 —", "LONDON:", "KYIV, Ukraine (AP) —"
_DATELINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][\w'.\u2019-]*(?:[ \t]+[A-Z][\w'.\u2019-]*){0,3})"
    r"(?P<comma>,[ \t]*(?P<rest>[^\n:\u2014\u2013()]{1,40}?))?"
    r"(?P<agency>[ \t]*\([A-Z][\w .&/-]{0,30}\))?"
    r"(?P<mark>[ \t]*:|[ \t]+[\u2014\u2013]|[ \t]*[\u2014\u2013][ \t]|[ \t]+--?[ \t])"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline that opens a text: where it ends, its place, its date (ISO text or ``None``)."""

    end: int
    place: str
    date: str | None
    marked: bool = False  # a comma part or an agency follows the place: "KYIV, Ukraine (AP) —"


def dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text``, if any.

    A place of one to four capitalised words, then an optional comma with a
    date or a country, an optional agency in parentheses and a colon or a
    dash. A title-case place followed directly by the mark counts only when
    it is one word ("Damascus:"), so that a headline is no dateline.

    >>> dateline("Brussels, 26 February 2025 \u2014 The EU said.")
    Dateline(end=28, place='Brussels', date='2025-02-26', marked=True)
    >>> dateline("ATHENS, May 2 (Reuters) - Greece said.").date is None
    True
    >>> dateline("LONDON: Britain said.").place, dateline("Russia and Iran signed a treaty.")
    ('LONDON', None)
    """
    match = _DATELINE.match(text)
    if match is None:
        return None
    place, rest = match["place"], match["rest"]
    shouting = place.replace(" ", "").replace(".", "").isupper()
    if not (shouting or match["agency"] or match["comma"] or " " not in place.strip()):
        return None
    if match["comma"] and not (match["agency"] or shouting or sentence_date(rest or "")):
        return None  # "Moscow, meanwhile, -": a comma needs a date, an agency or a place in capitals
    when = sentence_date(rest) if rest else None
    return Dateline(match.end(), place, when if when and len(when) >= 4 and "W" not in when else None,
                    bool(match["comma"] or match["agency"]))
