"""Dates in a news sentence → ISO 8601 text, relative to the document date.

The first date expression of a sentence gives its date. Precision is kept:
``2024``, ``2024-04``, ``2024-04-11``, an ISO week ``2023-W10`` (for "last
week" and the like), or a range ``2024-04/2024-09`` from the first to the last
date of a list ("in April and September 2024", "the 1990s", "2022-23").

Expressions without a year ("in January", "on 15 July", "Friday",
"yesterday") are placed by the document date: the most recent such time not
after it. Without a document date they give ``None``: a year is never guessed.

Skipped, because they are not the time of the sentence's event: numbers that
are not years ("$1.85 billion", "20-year treaty", "12 systems"; a bare year
needs a cue word such as "in", "since" or "by"), and dates naming another event
("the October 7 Hamas attack": a date right after "the" and before a word).

Month names, weekdays, cue words and relative phrases are read from
``ontology/dates.toml``.

>>> sentence_date("In 2024, Russian missile experts visited Iran.")
'2024'
>>> sentence_date("They visited Tehran in April and September 2024.")
'2024-04/2024-09'
>>> sentence_date("In January, Russia and Iran signed a treaty.", "2025-02-10")
'2025-01'
>>> sentence_date("In January, Russia and Iran signed a treaty.") is None
True
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.errors import KgError
from kg.ingest.isodates import Anchor, NotADate, anchor_of, iso, relative_to, shifted, span
from kg.knowledge.resources import ontology_path

DATES_TOML = ontology_path("dates.toml")
UNITS = ("day", "week", "month", "year")


def sentence_date(text: str, doc_date: str | None = None) -> str | None:
    """The date a sentence gives for its event, as ISO 8601 text, or ``None``.

    >>> sentence_date("On 11 March 2023, Saudi Arabia and Iran agreed.")
    '2023-03-11'
    >>> sentence_date("In early December, Poland said so.", "2023-01-05")
    '2022-12'
    >>> sentence_date("Last week, Russia urged India to invest.", "2023-03-15")
    '2023-W10'
    """
    return _reader().read(text, anchor_of(doc_date))


def event_date(text: str, doc_date: str | None = None) -> str | None:
    """The sentence's date, else the document's date (its date part), else ``None``.

    >>> event_date("Iran supplied drones.", "2024-05-01T09:00:00Z")
    '2024-05-01'
    >>> event_date("In 2023, Iran supplied drones.", "2024-05-01")
    '2023'
    """
    anchor = anchor_of(doc_date)
    return sentence_date(text, doc_date) or (anchor.iso() if anchor else None)


# ---------------------------------------------------------------- the document date


# ---------------------------------------------------------------- formatting


# ---------------------------------------------------------------- the words

@dataclass(frozen=True)
class _Words:
    """The contents of ``ontology/dates.toml``."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    cues: tuple[str, ...]
    qualifiers: tuple[str, ...]
    joiners: tuple[str, ...]
    relative: dict[str, tuple[str, int]]
    units: dict[str, str]
    numbers: dict[str, int]
    year_min: int
    year_max: int

    def month(self, name: str) -> int:
        """A month number from a full or abbreviated name ("Sept." → 9)."""
        name = name.rstrip(".")
        return self.months.get(name) or self.month_abbreviations[name]


def _load_words(path: Path) -> _Words:
    """Read and check the date words."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        relative = {phrase.lower(): (entry["unit"], int(entry["offset"])) for phrase, entry in data["relative"].items()}
        words = _Words(
            months=dict(data["months"]), month_abbreviations=dict(data["month_abbreviations"]),
            weekdays=dict(data["weekdays"]), cues=tuple(data["cues"]), qualifiers=tuple(data["qualifiers"]),
            joiners=tuple(data["joiners"]), relative=relative, units=dict(data["units"]),
            numbers={k.lower(): int(v) for k, v in data["numbers"].items()},
            year_min=int(data["year_min"]), year_max=int(data["year_max"]),
        )
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise KgError(f"{path}: {error}") from None
    except (KeyError, TypeError, ValueError) as error:
        raise KgError(f"{path}: missing or invalid entry {error}") from None
    bad_units = {u for u, _ in relative.values()} | set(words.units.values())
    if not bad_units <= set(UNITS):
        raise KgError(f"{path}: unknown unit(s) {sorted(bad_units - set(UNITS))} (use {', '.join(UNITS)})")
    return words


# ---------------------------------------------------------------- the reader

Resolver = Callable[[re.Match[str], "Anchor | None"], "str | None"]


@dataclass(frozen=True)
class _Rule:
    """One kind of date expression."""

    pattern: re.Pattern[str]
    resolve: Resolver
    cue: bool = False             # needs a cue word before it ("in 2024", not "2000 troops")
    start_is_cue: bool = False    # ... or the start of the sentence ("2024 saw ...")
    attributive: bool = True      # skipped between "the" and a word ("the October 7 attack")
    digits: bool = False          # every match holds a digit: a text without one is not searched
    word: str = ""                # every match holds this word (in lower case): likewise


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest words first, spaces matching any whitespace.

    >>> _alternation(["Sep", "Sept"])
    'Sept|Sep'
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_THE_BEFORE = re.compile(r"(?:\b[Tt]he|['’]s)\s+$")
_WORD_AFTER = re.compile(r"\s+[^\W\d_]")
_NOTHING_BEFORE = re.compile(r"[\W_]*")
_DIGIT = re.compile(r"\d")


class _Reader:
    """Finds and resolves the date expressions of a text with one set of words."""

    def __init__(self, words: _Words) -> None:
        self.words = words
        join = rf"(?:\s*[-–—/,]\s*|\s*,?\s+(?:{_alternation(words.joiners)})\s+)"
        word_join = rf"\s*,?\s+(?:{_alternation(words.joiners)})\s+"
        month = rf"\b(?:{_alternation(words.months)})\b"
        any_month = rf"\b(?:{_alternation([*words.months, *words.month_abbreviations])})\b\.?"
        year = r"(?<![\w$€£¥.,/])\d{4}(?![\w%]|[.,]\d)"
        days = rf"(?P<days>{_DAY}(?:{join}{_DAY})*)(?![\w:]|[.,]\d)"
        number = rf"\d{{1,3}}|{_alternation(words.numbers)}"
        self.cue = re.compile(rf"\b(?ai:{_alternation([*words.cues, *words.qualifiers])})(?:\s+|\s*-\s*)$")
        self.rules = [
            _Rule(re.compile(r"(?<![\w/.])(\d{4})-(\d{2})-(\d{2})(?![\w/]|[.,]\d)"), self._iso_day, digits=True),
            _Rule(re.compile(rf"(?<![\w.,$/]){days}\s+(?:of\s+)?(?P<month>{any_month})(?:,?\s+(?P<year>{year}))?"),
                  self._days, digits=True),
            _Rule(re.compile(rf"(?P<month>{any_month})\s+{days}(?:,?\s+(?P<year>{year}))?"), self._days, digits=True),
            _Rule(re.compile(rf"(?P<months>{any_month}(?:{join}{any_month})*),?\s+(?:of\s+)?(?P<year>{year})"),
                  self._months, digits=True),
            _Rule(re.compile(rf"(?P<months>{month}(?:{join}{month})*)"), self._months, cue=True),
            _Rule(re.compile(r"(?<![\w$€£¥.,'’])(?P<decade>\d{3})0s\b"), self._decade, attributive=False, digits=True),
            _Rule(re.compile(rf"(?P<first>{year})(?:\s*[-–—/]\s*(?P<short>\d{{4}}|\d{{2}})(?![\w%]|[.,]\d)"
                             rf"|{word_join}(?P<long>{year}))?"), self._years, cue=True, start_is_cue=True, digits=True),
            _Rule(re.compile(rf"\b(?P<weekday>{_alternation(words.weekdays)})\b"), self._weekday),
            _Rule(re.compile(rf"(?ai:\b(?P<relative>{_alternation(words.relative)})\b)"), self._relative,
                  attributive=False),
            _Rule(re.compile(rf"(?ai:\b(?P<count>{number})\s+(?P<unit>{_alternation(words.units)})\s+ago\b)"),
                  self._ago, attributive=False, word="ago"),
        ]

    def read(self, text: str, anchor: Anchor | None) -> str | None:
        """The first date expression of ``text``, resolved (``None`` if it cannot be)."""
        for rule, match in self._candidates(text):
            if self._accepts(rule, text, match):
                try:
                    return rule.resolve(match, anchor)
                except NotADate:
                    continue
        return None

    def _candidates(self, text: str) -> Iterator[tuple[_Rule, re.Match[str]]]:
        """All matches of all rules, leftmost first, longer first at the same place."""
        digits, lower = _DIGIT.search(text) is not None, text.lower()
        found = [(m.start(), -m.end(), i, m) for i, rule in enumerate(self.rules)
                 if (digits or not rule.digits) and rule.word in lower for m in rule.pattern.finditer(text)]
        for _, _, i, match in sorted(found, key=lambda f: f[:3]):
            yield self.rules[i], match

    def _accepts(self, rule: _Rule, text: str, match: re.Match[str]) -> bool:
        """Cue and attributive-use checks on the words around a match."""
        start = match.start()
        before = text[max(0, start - 40): start]
        if rule.attributive and _THE_BEFORE.search(before) and _WORD_AFTER.match(text, match.end()):
            return False
        if not rule.cue:
            return True
        at_start = rule.start_is_cue and start <= 40 and _NOTHING_BEFORE.fullmatch(before) is not None
        return at_start or self.cue.search(before) is not None

    # -- resolvers: match (+ document date) → ISO text; None when it needs a missing document date

    def _iso_day(self, match: re.Match[str], anchor: Anchor | None) -> str | None:
        return iso(*(int(g) for g in match.groups()))

    def _days(self, match: re.Match[str], anchor: Anchor | None) -> str | None:
        """"11 March 2023", "March 11", "11-13 March 2023"."""
        month = self.words.month(match["month"])
        days = [int(d) for d in re.findall(r"\d+", match["days"])]
        year = int(match["year"]) if match["year"] else anchor and anchor.recent_year(month, days[0])
        if year is None:
            return None
        return span(iso(year, month, day) for day in days)

    def _months(self, match: re.Match[str], anchor: Anchor | None) -> str | None:
        """"April and September 2024", "January 2016", "in January" (placed by the document date)."""
        months = [self.words.month(m) for m in re.findall(r"[^\W\d_]+\.?", match["months"])
                  if m.rstrip(".") in self.words.months or m.rstrip(".") in self.words.month_abbreviations]
        years = [int(match["year"]) if "year" in match.re.groupindex and match["year"]
                 else anchor and anchor.recent_year(m) for m in months]
        if None in years:
            return None
        return span(iso(y, m) for y, m in zip(years, months))

    def _decade(self, match: re.Match[str], anchor: Anchor | None) -> str | None:
        """"the 1990s" → 1990/1999."""
        start = int(match["decade"]) * 10
        self._check_year(start)
        return f"{start}/{start + 9}"

    def _years(self, match: re.Match[str], anchor: Anchor | None) -> str | None:
        """"2024", "2022-23", "between 2019 and 2021"."""
        first = self._check_year(int(match["first"]))
        tail = match["short"] or match["long"]
        last = int(tail) + (first // 100 * 100 if tail and len(tail) == 2 else 0) if tail else first
        if not (first < last <= self.words.year_max):
            return iso(first)  # "2023-05": not a range of years
        return span([iso(first), iso(last)])

    def _check_year(self, year: int) -> int:
        if not self.words.year_min <= year <= self.words.year_max:
            raise NotADate
        return year

    def _weekday(self, match: re.Match[str], anchor: Anchor | None) -> str | None:
        """"on Wednesday": the most recent such day, on or before the document date."""
        day = anchor and anchor.full_date()
        if not day:
            return None
        back = (day.isoweekday() - self.words.weekdays[match["weekday"]]) % 7
        return shifted(day, "day", -back)

    def _relative(self, match: re.Match[str], anchor: Anchor | None) -> str | None:
        """"yesterday", "last week", "this year"."""
        unit, offset = self.words.relative[re.sub(r"\s+", " ", match["relative"].lower())]
        return relative_to(anchor, unit, offset)

    def _ago(self, match: re.Match[str], anchor: Anchor | None) -> str | None:
        """"two weeks ago"."""
        count = match["count"].lower()
        number = int(count) if count.isdigit() else self.words.numbers[count]
        return relative_to(anchor, self.words.units[match["unit"].lower()], -number)


@lru_cache(maxsize=1)
def _reader() -> _Reader:
    """The reader for ``ontology/dates.toml`` (built once)."""
    return _Reader(_load_words(DATES_TOML))


def is_date_word(word: str) -> bool:
    """Whether a word names a month, a weekday or a year: what "in April", "on Monday" or
    "in 2019" points to.

    >>> is_date_word("April"), is_date_word("2019"), is_date_word("Kenya"), is_date_word("300")
    (True, True, False, False)
    """
    words = _reader().words
    if word.isdigit():
        return len(word) == 4 and words.year_min <= int(word) <= words.year_max
    return word in words.months or word in words.weekdays


# ---------------------------------------------------------------- datelines


