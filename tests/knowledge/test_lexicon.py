"""The trigger lexicon: hand-written triggers, CAMEO-derived triggers and their curation.

Sentences are written for these tests (not gold passages).
"""
from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.extract.assertions import extract
from kg.knowledge.lexicon import CAMEO_FILE, CURATION_FILE, TRIGGER_FIELDS, load_lexicon
from kg.knowledge.resources import ontology_dir
from kg.knowledge.terms import relation_types
from kg.nlp.pipeline import load_pipeline
from kg.records import Document


def copy_ontology(tmp_path: Path) -> Path:
    """A private copy of ontology/ that a test may edit."""
    target = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), target, ignore=shutil.ignore_patterns("scripts", "queries"))
    return target


def test_derived_file_loads_and_validates():
    data = tomllib.loads((ontology_dir() / CAMEO_FILE).read_text(encoding="utf-8"))
    groups = data["trigger"]
    assert groups, "no derived trigger groups"
    for group in groups:
        assert set(group) <= TRIGGER_FIELDS
        assert group["relation"] in relation_types()
        assert group["cameo"].isdigit()
    header = (ontology_dir() / CAMEO_FILE).read_text(encoding="utf-8")[:800]
    assert re.search(r"commit\s+[0-9a-f]{40}", header) and "MIT" in header and "derive_cameo_triggers.py" in header
    lex = load_lexicon()
    assert [g.relation for g in lex.verbs["lambaste"]] == ["OPPOSE"]  # derived only
    assert {g.relation for g in lex.verbs["supply"]} == {"SUPPLY"}  # hand-written wins


def test_curation_excludes_and_remaps():
    lex = load_lexicon()
    curation = tomllib.loads((ontology_dir() / CURATION_FILE).read_text(encoding="utf-8"))
    assert "inhabit" in curation["exclude"] and "inhabit" not in lex.verbs
    assert "meditate" not in lex.verbs
    assert curation["remap"]["harass"]["relation"] == "ATTACK"
    assert [g.relation for g in lex.verbs["harass"]] == ["ATTACK"]


def test_curation_removes_a_lemma(tmp_path):
    onto = copy_ontology(tmp_path)
    assert "lambaste" in load_lexicon(onto).verbs
    load_lexicon.cache_clear()
    text = (onto / CURATION_FILE).read_text(encoding="utf-8")
    text = text.replace("[exclude]\n", '[exclude]\n"lambaste" = "too ambiguous, for this test"\n', 1)
    (onto / CURATION_FILE).write_text(text, encoding="utf-8")
    assert "lambaste" not in load_lexicon(onto).verbs
    load_lexicon.cache_clear()


@pytest.mark.parametrize("old, new, message", [
    ('relation = "ATTACK"', 'relation = "ATTACK"\nobject_prep = ["on"]', "unknown field 'object_prep'"),
    ('relation = "ATTACK"', 'relation = "ATTACK"\ninverse = "yes"', "inverse must be true or false"),
    ('relation = "ATTACK"', 'relation = "ASSAULT"', "unknown relation 'ASSAULT'"),
])
def test_a_misspelt_field_fails_with_one_line(tmp_path, old, new, message):
    onto = copy_ontology(tmp_path)
    path = onto / CAMEO_FILE
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KgError) as error:
        load_lexicon(onto)
    assert message in str(error.value) and CAMEO_FILE in str(error.value)
    assert "\n" not in str(error.value)


def test_curation_of_an_unknown_lemma_fails(tmp_path):
    onto = copy_ontology(tmp_path)
    path = onto / CURATION_FILE
    text = path.read_text(encoding="utf-8").replace("[exclude]\n", '[exclude]\n"frobnicate" = "no such verb"\n', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KgError, match="'frobnicate' is no lemma"):
        load_lexicon(onto)


def test_without_derived_file_the_hand_lexicon_loads(tmp_path):
    onto = copy_ontology(tmp_path)
    (onto / CAMEO_FILE).unlink()
    (onto / CURATION_FILE).unlink()
    lex = load_lexicon(onto)
    assert "lambaste" not in lex.verbs and "supply" in lex.verbs


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def triples(nlp, text: str) -> set[tuple[str, str, str]]:
    return {(a.subject, a.relation, a.object) for a in extract([Document("t", text)], nlp)}


@pytest.mark.parametrize("text, expected", [
    ("Ethiopia denounced Eritrea's incursion.", {("ETH", "OPPOSE", "ERI")}),
    ("Ankara summoned the Greek ambassador.", {("TUR", "OPPOSE", "GRC")}),
    ("Hungary castigated Sweden over the decision.", {("HUN", "OPPOSE", "SWE")}),
    ("Egypt restored ties with Qatar.", {("EGY", "AGREE", "QAT")}),  # ties made anew (relations.md), no COOPERATE of its own
    ("Russian forces seized the Ukrainian town of Bakhmut.", {("RUS", "ATTACK", "UKR")}),
    ("Qatar mediated between Israel and Egypt.", {("QAT", "AID", "ISR"), ("QAT", "AID", "EGY")}),
    ("China is the biggest buyer of Iranian oil.", {("IRN", "SUPPLY", "CHN")}),
    ("Chile called on Peru to withdraw its troops.", {("CHL", "REQUEST", "PER")}),
    ("Vietnam accused China of ramming its fishing boats.", {("VNM", "OPPOSE", "CHN")}),
    ("Chinese vessels harassed Philippine ships.", {("CHN", "ATTACK", "PHL")}),
    ("Portugal hailed Brazil's decision.", {("PRT", "SUPPORT", "BRA")}),
    ("Norway donated vaccines to Kenya.", {("NOR", "AID", "KEN")}),
    ("Azerbaijan shot down an Armenian drone.", {("AZE", "ATTACK", "ARM")}),
])
def test_derived_triggers_give_the_right_relation(nlp, text, expected):
    assert expected <= triples(nlp, text)


def test_the_cue_names_come_from_the_code():
    from kg.knowledge.cues import names_read_by_code

    names = names_read_by_code()
    assert {"support_verbs", "modal_aux", "particles", "locatives"} <= names
    assert "referring" not in names and "no_such_cue" not in names  # derived; a doctest's example
    assert names == {n for section in tomllib.loads((ontology_dir() / "cues.toml").read_text()).values() for n in section}


@pytest.mark.parametrize("old, new, message", [
    ("particles =", "particels =", "[negation] particels: no such cue: no code reads it"),
    ("particles =", "# particles =", "missing cues particles (the code reads them)"),
])
def test_a_misspelt_or_missing_cue_fails_at_load(tmp_path, old, new, message):
    onto = copy_ontology(tmp_path)
    text = (onto / "cues.toml").read_text(encoding="utf-8")
    assert old in text
    (onto / "cues.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    load_lexicon.cache_clear()
    with pytest.raises(KgError, match=re.escape(message)):
        load_lexicon(onto)
    load_lexicon.cache_clear()
