"""Accuracy floors: the extractor on the development gold and on our own challenge set."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import evaluate_file

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
CHALLENGE = ROOT / "tests" / "data" / "challenge.jsonl"


@pytest.mark.slow
def test_development_gold_targets():
    if not DEV.is_file():
        pytest.skip("../shared/eval/dev.jsonl is not here")
    scores = evaluate_file(DEV)
    assert scores.typed.f1 >= 0.80
    assert scores.typed_factual.f1 >= 0.80
    assert scores.dyad.f1 >= 0.95
    assert scores.flag_accuracy >= 0.90


@pytest.mark.slow
def test_challenge_set_generalises():
    """60 news-style passages written for this project (tests/data): a second
    test bed after dev; rules from its error analysis had to be general."""
    scores = evaluate_file(CHALLENGE)
    assert scores.typed.f1 >= 0.80
    assert scores.dyad.f1 >= 0.85
    assert scores.flag_accuracy >= 0.90


#: the open news files of ../shared/eval and the floor each holds: issue 12's target, 0.85
NEWS_FLOORS = {"news-mena": 0.85, "news-europe": 0.85, "news-mideast": 0.85}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(NEWS_FLOORS))
def test_open_news_files_hold_their_floors(name):
    path = ROOT.parent / "shared" / "eval" / f"{name}.jsonl"
    if not path.is_file():
        pytest.skip(f"../shared/eval/{name}.jsonl is not here")
    scores = evaluate_file(path)
    assert scores.typed.f1 >= NEWS_FLOORS[name]
    assert scores.typed.precision >= 0.80
    assert scores.flag_accuracy >= 0.90
