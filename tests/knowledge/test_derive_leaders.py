"""Which leaders' surnames stand alone (ontology/scripts/derive_leaders.py)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kg.nlp.pipeline import load_pipeline

SCRIPT = Path(__file__).resolve().parents[2] / "ontology" / "scripts" / "derive_leaders.py"


@pytest.fixture(scope="module")
def derive():
    spec = importlib.util.spec_from_file_location("derive_leaders", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def row(code: str, name: str, surname: str, start: str = "2000", end: str | None = "2010",
        role: str = "head of state") -> dict:
    return {"code": code, "name": name, "aliases": [], "role": role, "start": start, "end": end, "surname": surname}


def test_an_honorific_is_no_surname(derive):
    rows = [row("ZZA", "Datuk Amadou Zorbakane", "Datuk")]
    assert derive.promote_surnames(rows, (set(), set()), lambda text: False) == []


def test_distinctive_surname_of_a_long_serving_head_is_promoted(derive):
    rows = [row("ZZA", "Amadou Zorbakane", "Zorbakane")]
    assert derive.promote_surnames(rows, (set(), set()), lambda text: False) == ["ZZA Zorbakane"]
    assert rows[0]["aliases"] == ["Zorbakane"]


@pytest.mark.parametrize("rows, common, famous", [
    ([row("ZZA", "Amadou Brown", "Brown")], {"brown"}, set()),                              # a word or common name
    ([row("ZZA", "Amadou Zorbakane", "Zorbakane")], set(), {"zorbakane"}),                # a proper name of the word list
    ([row("ZZA", "Amadou Zorbakane", "Zorbakane"), row("ZZB", "Ali Zorbakane", "Zorbakane")], set(), set()),  # two states
    ([row("ZZA", "Amadou Zorbakane", "Zorbakane"), row("ZZA", "Ali Zorbakane", "Zorbakane")], set(), set()),  # two people
    ([row("ZZA", "Amadou Zorbakane", "Zorbakane", "2008", "2009")], set(), set()),        # a short term
    ([row("ZZA", "Amadou Zorbakane", "Zorbakane", "1980", "1991")], set(), set()),        # short since 1990
    ([row("ZZA", "Amadou Zorbakane", "Zorbakane", role="foreign minister")], set(), set()),  # not a head
    ([row("ZZA", "Amadou Zorbakane", "Zorbakane"), row("ZZB", "Zorbakane Diop", "Diop")], set(), set()),  # a given name
])
def test_common_or_shared_surnames_stay_conditional(derive, rows, common, famous):
    derive.promote_surnames(rows, (common, famous), lambda text: False)
    assert all(r["aliases"] == [] or r["surname"] != "Zorbakane" for r in rows)


def test_a_form_taken_elsewhere_is_not_promoted(derive):
    rows = [row("ZZA", "Amadou Zorbakane", "Zorbakane")]
    assert derive.promote_surnames(rows, (set(), set()), lambda text: text == "Zorbakane") == []


def test_common_names_reads_words_surnames_and_first_names(derive, tmp_path):
    words = tmp_path / "words"
    words.write_text("mills\nLiverpool\n", encoding="utf-8")
    (tmp_path / "dist.all.last").write_text("SMITH 1.006 1.006 1\nZORBA 0.000 90.0 80000\n")
    (tmp_path / "dist.male.first").write_text("JAMES 3.318 3.318 1\n")
    (tmp_path / "dist.female.first").write_text("MARY 2.629 2.629 1\n")
    assert derive.common_names(words, tmp_path) == ({"mills", "smith", "james", "mary"}, {"liverpool"})


@pytest.mark.parametrize("text, states", [
    ("Gbagbo met Kufuor in Accra on Monday.", ["CIV", "GHA"]),
    ("Obasanjo criticised Sarkozy.", ["NGA", "FRA"]),
    ("Wade said the talks would go on.", []),   # a word and a common surname: only once Senegal is named
])
def test_distinctive_surnames_name_their_state_without_context(text, states):
    doc = load_pipeline()(text)
    assert [s.kb_id_ for s in doc.spans["actors"]] == states
