"""Documents through the pipeline in windows and bounded batches; a failing document comes back with its error."""
from __future__ import annotations

import pytest

from kg.extract.relations import RelationComponent
from kg.nlp.pipeline import load_pipeline
from kg.nlp.stream import failure, process
from kg.records import Document

NLP = load_pipeline()
TEXT = "Russia and Iran signed a treaty. The two countries held talks in Tehran. "


def test_a_news_article_is_one_window():
    windows = list(process([Document("a", TEXT * 20)], NLP))
    assert [w.last for w in windows] == [True]
    assert windows[0].plan.text.startswith("Russia and Iran")


def test_a_long_text_comes_in_windows_that_map_back_to_the_document():
    text = TEXT * 400  # 29,200 characters
    windows = list(process([Document("a", text), Document("b", TEXT)], NLP, window_chars=2_000))
    mine = [w for w in windows if w.document.id == "a"]
    assert len(mine) > 10 and [w.last for w in mine] == [False] * (len(mine) - 1) + [True]
    assert all(w.plan.length < 2_000 + 200 for w in mine)
    assert sum(w.plan.sentences for w in mine) == 800
    for w in mine:  # every piece maps back to the same text in the document
        for start, origin, part in zip(w.plan.starts, w.plan.origins, w.plan.parts):
            assert w.plan.to_document(start) == origin and text[origin:origin + len(part)] == part
    assert [w.document.id for w in windows][-1] == "b"


def test_a_window_knows_the_actors_named_just_before_it():
    text = "Russia and Iran signed a treaty. " + "Nothing else happened. " * 50 + "The two countries held talks. " * 40
    windows = list(process([Document("a", text)], NLP, window_chars=300))
    assert len(windows) > 2
    later = windows[-1]
    assert {actor for _, actor, _ in later.plan.prior} >= {"RUS", "IRN"}
    assert any(m.relation == "CONSULT" for m in later.doc._.relations)


@pytest.fixture
def bomb(monkeypatch):
    """kg_relations raises on any text holding the word BOOM (a stand-in for a bug)."""
    original = RelationComponent.__call__

    def exploding(self, doc):
        if "BOOM" in doc.text:
            raise ValueError("exploded\non two lines")
        return original(self, doc)

    monkeypatch.setattr(RelationComponent, "__call__", exploding)


def test_a_failing_document_comes_back_with_its_error_and_the_others_are_processed(bomb):
    docs = [Document("a", TEXT), Document("b", "Russia and Iran BOOM.", path="c.jsonl", line=2), Document("c", TEXT)]
    windows = list(process(docs, NLP))
    assert [(w.document.id, w.error is None) for w in windows] == [("a", True), ("b", False), ("c", True)]
    assert failure(windows[1]) == "c.jsonl:2: document skipped: ValueError: exploded on two lines"
    assert windows[2].doc._.relations
    assert list(process([Document("d", TEXT)], NLP))[0].error is None  # the error handler is restored


def test_with_two_processes_a_failing_document_is_redone_here_and_reported(bomb):
    docs = [Document(f"d{i}", "Russia and Iran BOOM." if i == 5 else TEXT) for i in range(12)]
    windows = list(process(docs, NLP, batch_size=4, n_process=2))
    assert [w.document.id for w in windows] == [d.id for d in docs]
    assert [w.document.id for w in windows if w.error is not None] == ["d5"]
    assert all(w.doc._.relations for w in windows if w.error is None)


def test_a_long_stretch_of_skipped_sentences_keeps_only_its_latest_mentions():
    from kg.nlp.selection import PRIOR_LIMIT, SentenceSelector

    plan = SentenceSelector(NLP)("Russia held a parade. " * 5000 + "Russia and Iran signed a pact.")
    assert plan.text == "Russia and Iran signed a pact." and plan.sentences == 5001
    assert PRIOR_LIMIT <= len(plan.prior) <= 2 * PRIOR_LIMIT
