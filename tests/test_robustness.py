"""The extractor never falls over: random text, long tokens, nested quotes, huge lines, documents of
over a million characters, a component that raises."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.building.builder import build, build_graph
from kg.errors import KgError
from kg.extract.assertions import extract
from kg.extract.relations import RelationComponent
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


# ---------------------------------------------------------------- long documents

SEED = Path(__file__).resolve().parents[1] / "seeds" / "russia-iran-missile-experts-2024.txt"


def relation_counts(documents):
    graph, summary = build_graph(documents)
    return summary.relations, summary.sentences


def test_a_document_of_over_a_million_characters_builds_like_its_parts():
    """The seed article repeated on one line, 1.06 million characters: past spaCy's max_length,
    processed in windows, with the relations of 400 copies of the seed (no look-back across
    the whole document changes them) and progress reported while it is read.

    Run in a fresh interpreter, as a user's build is: after the rest of the suite it took
    minutes instead of 20 s, for reasons not yet found (recorded in the issue note)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "import test_robustness as t; t.check_long_document()"],
                          cwd=Path(__file__).parent, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]


def check_long_document() -> None:
    """The assertions of the test above, in the process that runs them."""
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    text = " ".join([seed] * 400)
    assert len(text) > NLP.max_length
    calls = []
    graph, summary = build_graph([Document("long", text)], progress=lambda docs, chars: calls.append((docs, chars)))
    alone, sentences = relation_counts([Document("seed", seed)])
    assert summary.documents == 1 and summary.sentences == 400 * sentences
    assert summary.relations == Counter({label: 400 * n for label, n in alone.items()})
    assert len([c for c in calls if c[0] == 0]) > 50  # it moves during the one document
    assert calls[-1][0] == 1 and sum(chars for _, chars in calls) == len(text)


def test_a_failing_document_is_reported_skipped_and_counted(tmp_path, monkeypatch):
    original = RelationComponent.__call__
    monkeypatch.setattr(RelationComponent, "__call__",
                        lambda self, doc: (_ for _ in ()).throw(ValueError("boom")) if "BOOM" in doc.text
                        else original(self, doc))
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate(
        ["Iran supplied drones to Russia.", "Iran and Russia BOOM.", "Russia attacked Ukraine."])) + "\n")
    graph, summary = build([corpus])
    assert summary.documents == 2 and summary.report.skipped["failed"] == 1
    assert summary.report.warnings == [f"{corpus}:2: document skipped: ValueError: boom"]
    with pytest.raises(KgError, match=r"c\.jsonl:2: document skipped"):
        build([corpus], strict=True)
