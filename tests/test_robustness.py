"""The extractor never falls over: random text, long tokens, nested quotes, huge lines."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract.assertions import extract
from kg.nlp.pipeline import load_pipeline
from kg.nlp.selection import SentenceSelector
from kg.records import Document

NLP = load_pipeline()
NAMES = ["Russia", "Iran", "the U.S.", "Ukraine", "Israel", "the Kremlin", "Tehran", "Putin", "China's", "Iranian"]
WORDS = ["supplied", "attacked", "signed", "talks", "with", "to", "and", "did", "not", "will", "\"", "'", "«", "»",
         "(", ")", "\u200b", "\u202e", "<script>", "—", "its", "the two countries", ".", ",", "\n"]

newsy = st.lists(st.sampled_from(NAMES + WORDS) | st.text(max_size=12), max_size=60).map(" ".join)


def check(text: str) -> None:
    for a in extract([Document("fuzz", text)], NLP):
        assert text[a.start:a.end] == a.sentence
        assert a.subject != a.object


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_random_unicode_never_raises(text):
    check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(newsy)
def test_newsy_word_soup_never_raises(text):
    check(text)


@pytest.mark.parametrize("text", [
    "Iran " + "x" * 100_000 + " supplied drones to Russia.",
    '"Russia said "Iran said "Israel attacked \'Syria\' " " " and China agreed.',
    "Russia and Iran " * 2000,
    "\u202eRussia\u202c attacked \u200bUkraine\u200b.",
])
def test_pathological_texts(text):
    check(text)


def test_a_huge_single_line_is_read_in_pieces():
    text = "Russia and Iran talks. " * 20_000  # 460,000 characters, no line break
    plan = SentenceSelector(NLP, chunk_chars=50_000)(text)
    assert plan.sentences == 20_000
    assert plan.to_document(plan.starts[-1]) == plan.origins[-1]
