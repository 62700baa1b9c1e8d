"""Dates of news sentences as ISO 8601 text."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.ingest.dates import DATES_TOML, _load_words, event_date, sentence_date

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


@pytest.mark.parametrize("text, doc_date, expected", [
    # years, lists and ranges
    ("In 2024, Russian missile experts visited Iran.", None, "2024"),
    ("Experts visited Tehran in April and September 2024, as Iran became embroiled in conflict.", None,
     "2024-04/2024-09"),
    ("By 2021, Saudi Arabia and Iran began talks.", None, "2021"),
    ("Cooperation has deepened since 2022.", None, "2022"),
    ("The budget in 2022-23 grew.", None, "2022/2023"),
    ("They met between 2019 and 2021.", None, "2019/2021"),
    ("Arms flowed in the 1990s.", None, "1990/1999"),
    ("Talks resumed in mid-2023.", None, "2023"),
    ("2024 saw closer ties.", None, "2024"),
    ("Saudi Arabia severed ties with Iran in January 2016 after the execution.", None, "2016-01"),
    ("From April to June 2024 drones arrived.", None, "2024-04/2024-06"),
    # days
    ("On 11 March 2023, Saudi Arabia and Iran agreed to restore relations.", None, "2023-03-11"),
    ("March 11, 2023 was the day of the deal.", None, "2023-03-11"),
    ("On Jan. 5, 2024, Iran said so.", None, "2024-01-05"),
    ("On the 11th of March 2023, Russia said so.", None, "2023-03-11"),
    ("Talks ran from 11 to 13 March 2023.", None, "2023-03-11/2023-03-13"),
    ("The file is dated 2024-05-01.", None, "2024-05-01"),
    # placed by the document date: the most recent such time not after it
    ("In January, Russia and Iran signed a treaty.", "2025-02-10", "2025-01"),
    ("In early December, Poland said Germany refused.", "2023-01-05", "2022-12"),
    ("Trump announced on 15 July that missiles are shipped.", "2025-07-20", "2025-07-15"),
    ("Trump announced on 25 July that missiles are shipped.", "2025-07-20", "2024-07-25"),
    ("Psaki said on March 17.", "2022-03-20", "2022-03-17"),
    ("After October 7, Israel struck Gaza.", "2024-05-01", "2023-10-07"),
    ("Russia invaded Ukraine in February and India was pressed.", "2022-03-20", "2022-02"),
    ("Iran and Saudi Arabia agreed Friday to restore ties.", "2023-03-10", "2023-03-10"),
    ("Iran and Saudi Arabia agreed Friday to restore ties.", "2023-03-12", "2023-03-10"),
    ("On Wednesday, a spokesperson said no.", "2023-01-26", "2023-01-25"),
    ("Russia said yesterday it would help.", "2023-03-01", "2023-02-28"),
    ("Russia said today it would help.", "2023-03-01", "2023-03-01"),
    ("Last week, Russia urged India to invest.", "2023-03-15", "2023-W10"),
    ("Two weeks ago, Russia urged India to invest.", "2023-03-15", "2023-W09"),
    ("Last month Russia sold oil.", "2025-01-15", "2024-12"),
    ("Earlier this year Iran bought jets.", "2025-01-15", "2025"),
    ("Three years ago Iran bought jets.", "2025-01-15", "2022"),
    ("In January, they met.", "2025", None),  # the month of the document is unknown
    # never guess a year
    ("In January, Russia and Iran signed a treaty.", None, None),
    ("On Wednesday, a spokesperson said no.", None, None),
    ("Psaki said on March 17.", None, None),
    ("Last week, Russia urged India to invest.", None, None),
    # not dates, or dates of another event
    ("The US will provide an additional $1.85 billion in assistance.", None, None),
    ("Russia and Iran signed a 20-year treaty.", None, None),
    ("Germany has only six left from its stock of 12 systems.", None, None),
    ("Iran followed the October 7 Hamas terrorist attack.", "2024-05-01", None),
    ("The 2022 invasion of Ukraine changed everything.", None, None),
    ("Russia sent 2000 troops.", None, None),
    ("Iran may supply drones.", "2023-03-15", None),
    ("Theresa May said no.", "2023-03-15", None),
    ("Jan Lipavsky said so in Prague.", "2023-03-15", None),
    ("Seven years of tensions ended.", "2023-03-15", None),
    ("Turkey wants F-16s.", None, None),
    ("It happened on 31 February 2023.", None, "2023-02"),  # impossible day: the month remains
])
def test_sentence_date(text: str, doc_date: str | None, expected: str | None) -> None:
    assert sentence_date(text, doc_date) == expected


def test_first_date_expression_wins() -> None:
    text = "Senior experts visited in April and September 2024, following the October 7 Hamas attack of 2023."
    assert sentence_date(text) == "2024-04/2024-09"
    assert sentence_date("On Wednesday, officials said the 2019 deal held.") is None  # not 2019


def test_event_date_falls_back_to_the_document_date() -> None:
    assert event_date("Iran supplied drones.", "2024-05-01") == "2024-05-01"
    assert event_date("Iran supplied drones.", "2024-05-01T09:30:00Z") == "2024-05-01"
    assert event_date("In 2023, Iran supplied drones.", "2024-05-01") == "2023"
    assert event_date("Iran supplied drones.") is None
    assert event_date("Iran supplied drones.", "last spring") is None


def test_words_come_from_the_toml_file(tmp_path: Path) -> None:
    words = _load_words(DATES_TOML)
    assert words.months["May"] == 5 and words.weekdays["Friday"] == 5
    assert words.relative["last week"] == ("week", -1)
    bad = tmp_path / "dates.toml"
    bad.write_text(DATES_TOML.read_text().replace('unit = "week", offset = -1', 'unit = "fortnight", offset = -1'))
    with pytest.raises(KgError, match="unknown unit"):
        _load_words(bad)
    bad.write_text("[months]\nJanuary = 1\n")
    with pytest.raises(KgError, match="missing or invalid entry"):
        _load_words(bad)
    bad.write_text("months = [")
    with pytest.raises(KgError, match=str(bad)):
        _load_words(bad)


# ---------------------------------------------------------------- fuzzing

BITS = st.sampled_from([
    "in", "In", "on", "since", "by", "the", "The", "early", "mid-", "late", "last", "this", "next", "ago", "two",
    "week", "weeks", "month", "year", "years", "today", "yesterday", "Friday", "Monday", "January", "May", "Sept.",
    "Dec", "and", "to", "or", "-", "–", "/", ",", ".", "'s", "Hamas", "attack", "0", "1", "7", "11th", "13", "29",
    "31", "99", "1990s", "0000", "0001", "1799", "2022", "2023", "9999", "2024-02-29", "2023-02-29", "$", "%",
    "ſ", "K", "٢٠٢٤", "\n", " ",
])
DOC_DATES = st.one_of(
    st.none(), st.dates().map(date.isoformat), st.dates().map(lambda d: d.isoformat()[:7]),
    st.dates().map(lambda d: d.isoformat()[:4]), st.text(max_size=12),
    st.sampled_from(["0001-01-01", "9999-12-31", "9999-12", "0001", "2024-02-30", "2024-13"]),
)


def check(text: str, doc_date: str | None) -> None:
    for value in (sentence_date(text, doc_date), event_date(text, doc_date)):
        assert value is None or ISO.match(value), value


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300), DOC_DATES)
def test_fuzz_random_text(text: str, doc_date: str | None) -> None:
    check(text, doc_date)


@settings(max_examples=1000, deadline=None)
@given(st.lists(BITS, max_size=25).map(" ".join), DOC_DATES)
def test_fuzz_date_like_text(text: str, doc_date: str | None) -> None:
    check(text, doc_date)


def test_long_sentence_is_fast() -> None:
    import time
    text = "Russia and Iran, 11 and 12 and 13, in " * 20_000 + "2024."
    start = time.perf_counter()
    sentence_date(text)
    assert time.perf_counter() - start < 5
