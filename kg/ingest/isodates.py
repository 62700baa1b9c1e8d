"""Calendar arithmetic for dates read from text: ISO 8601 text of days, months, spans and weeks, and dates shifted from an anchor (the document's date)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable


@dataclass(frozen=True, slots=True)
class Anchor:
    """The document date at whatever precision it has."""

    year: int
    month: int | None = None
    day: int | None = None

    def full_date(self) -> date | None:
        """The document date as a ``date`` when it names a day."""
        return date(self.year, self.month, self.day) if self.month and self.day else None

    def iso(self) -> str:
        """The anchor as ISO 8601 text at its own precision."""
        return iso(self.year, self.month, self.day)

    def recent_year(self, month: int, day: int | None = None) -> int | None:
        """The year of the most recent ``month`` (and ``day``) not after this date.

        >>> Anchor(2025, 2, 10).recent_year(1), Anchor(2023, 1, 5).recent_year(12)
        (2025, 2022)
        >>> Anchor(2025, 7).recent_year(7, 15) is None  # same month, day unknown
        True
        """
        if self.month is None:
            return None
        if day is None or month != self.month:
            return self.year if month <= self.month else self.year - 1
        if self.day is None:
            return None
        return self.year if day <= self.day else self.year - 1


_ANCHOR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?", re.DOTALL)


def anchor_of(doc_date: object) -> Anchor | None:
    """Parse an ISO 8601 document date; anything else is no date.

    >>> anchor_of("2025-02-10"), anchor_of("2025-02"), anchor_of("Feb 2025")
    (Anchor(year=2025, month=2, day=10), Anchor(year=2025, month=2, day=None), None)
    """
    match = _ANCHOR.fullmatch(doc_date.strip()) if isinstance(doc_date, str) else None
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        iso(year, month, day)
    except NotADate:
        return None
    return Anchor(year, month, day)


class NotADate(Exception):
    """The words matched a date pattern but name no valid date."""


def iso(year: int, month: int | None = None, day: int | None = None) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raises ``NotADate`` for an impossible date.

    >>> iso(2024), iso(2024, 4), iso(2024, 4, 1)
    ('2024', '2024-04', '2024-04-01')
    """
    try:
        date(year, month or 1, day or 1)
    except (ValueError, OverflowError):
        raise NotADate from None
    return "-".join([f"{year:04d}"] + [f"{n:02d}" for n in (month, day) if n])


def span(dates: Iterable[str]) -> str:
    """One date, or a range from the earliest to the latest.

    >>> span(["2024-09", "2024-04"]), span(["2024", "2024"])
    ('2024-04/2024-09', '2024')
    """
    ordered = sorted(set(dates))
    return ordered[0] if len(ordered) == 1 else f"{ordered[0]}/{ordered[-1]}"


def iso_week(day: date) -> str:
    """The ISO week of a day.

    >>> iso_week(date(2023, 3, 8))
    '2023-W10'
    """
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def relative_to(anchor: Anchor | None, unit: str, offset: int) -> str | None:
    """The document date moved by ``offset`` units, at the unit's precision.

    >>> relative_to(Anchor(2025, 1, 15), "month", -1), relative_to(Anchor(2025), "day", -1)
    ('2024-12', None)
    """
    if anchor is None:
        return None
    if unit == "year":
        return iso(anchor.year + offset)
    if unit == "month":
        if anchor.month is None:
            return None
        index = anchor.year * 12 + anchor.month - 1 + offset
        return iso(index // 12, index % 12 + 1)
    day = anchor.full_date()
    return shifted(day, unit, offset) if day else None


def shifted(day: date, unit: str, offset: int) -> str | None:
    """A day moved by days or weeks: ISO day or ISO week text."""
    try:
        moved = day + timedelta(days=offset * (7 if unit == "week" else 1))
    except OverflowError:
        return None
    return iso_week(moved) if unit == "week" else moved.isoformat()
