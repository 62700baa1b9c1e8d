"""kg_attribute_table sets exactly what spaCy's attribute_ruler sets."""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kg.nlp.attributes import AttributeTable, UnsupportedPattern, use_attribute_table
from kg.nlp.pipeline import load_pipeline, model_name

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = [POS, TAG, LEMMA, MORPH, DEP]
#: sentences that exercise the model's rules of two tokens, dependency rules and white space
TRICKY = [
    "I'm gonna tell y'all: it ain't over. Let's go, c'mon!",
    "There is a treaty. There are two of them, and it was signed because they wanted it.",
    "Nothin' changed.\n\n  Iran   and Russia\tsigned that deal, which both did not expect.",
    "But Israel said it would strike, but only if attacked; whether it will is unclear.",
]


def _texts() -> list[str]:
    texts = list(TRICKY)
    texts += [p for path in sorted((ROOT / "seeds").glob("*.txt")) for p in path.read_text().split("\n\n")]
    challenge = ROOT / "tests" / "data" / "challenge.jsonl"
    texts += [json.loads(line)["text"] for line in challenge.read_text().splitlines() if line.strip()]
    return texts


@pytest.fixture(scope="module")
def model() -> spacy.Language:
    return spacy.load(model_name(), exclude=["ner"])


def _both(ruler: AttributeRuler, table: AttributeTable, doc: Doc) -> tuple:
    by_ruler, by_table = ruler(doc.copy()), table(doc.copy())
    return by_ruler.to_array(COLUMNS).tolist(), by_table.to_array(COLUMNS).tolist()


def test_same_annotations_as_the_models_ruler(model: spacy.Language) -> None:
    ruler = model.get_pipe("attribute_ruler")
    table = AttributeTable(model.vocab)
    table.add_patterns(ruler.patterns)
    tokens = 0
    for doc in model.pipe(_texts(), disable=["attribute_ruler", "lemmatizer"]):
        expected, found = _both(ruler, table, doc)
        assert found == expected, doc.text
        tokens += len(doc)
    assert tokens > 2000


def test_the_pipeline_uses_the_table() -> None:
    names = load_pipeline().pipe_names
    assert "kg_attribute_table" in names and "attribute_ruler" not in names
    doc = load_pipeline()("They're gonna sign it.")
    assert [(t.pos_, t.lemma_) for t in doc][:3] == [("PRON", "they"), ("AUX", "be"), ("VERB", "go")]


def test_unsupported_patterns_keep_the_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "x"})
    assert use_attribute_table(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]
    with pytest.raises(UnsupportedPattern):
        AttributeTable(nlp.vocab).add_patterns([{"patterns": [[{"LENGTH": {">=": 2}}]], "attrs": {"LEMMA": "x"}}])


def test_pickles(model: spacy.Language) -> None:
    table = AttributeTable(model.vocab)
    table.add_patterns(model.get_pipe("attribute_ruler").patterns)
    copy = pickle.loads(pickle.dumps(table))
    doc = model("Russia is not gonna stop.", disable=["attribute_ruler", "lemmatizer"])
    assert copy(doc.copy()).to_array(COLUMNS).tolist() == table(doc.copy()).to_array(COLUMNS).tolist()


# ---------------------------------------------------------------- random rules against the ruler

WORDS = ["a", "b", "c", "A", "B", " "]
TAGS = ["X", "Y", "Z", ""]
DEPS = ["d", "e", ""]
BLANK = spacy.blank("en")


def _value(draw: st.DrawFn, choices: list[str]) -> object:
    kind = draw(st.sampled_from(["plain", "IN", "NOT_IN", "REGEX"]))
    if kind == "plain":
        return draw(st.sampled_from(choices))
    if kind == "REGEX":
        return {"REGEX": draw(st.sampled_from(["^[ab]", "[A-Z]", "^$", "c"]))}
    return {kind: draw(st.lists(st.sampled_from(choices), min_size=1, max_size=3))}


@st.composite
def token_patterns(draw: st.DrawFn) -> dict:
    pattern: dict = {}
    for key, choices in (("LOWER", ["a", "b", "c", " "]), ("ORTH", WORDS), ("TAG", TAGS), ("DEP", DEPS)):
        if draw(st.booleans()):
            pattern[key] = _value(draw, choices)
    if draw(st.booleans()):
        pattern["IS_SPACE"] = draw(st.booleans())
    return pattern or {"TAG": draw(st.sampled_from(TAGS))}


@st.composite
def rules(draw: st.DrawFn) -> dict:
    length = draw(st.integers(1, 3))
    patterns = draw(st.lists(st.lists(token_patterns(), min_size=length, max_size=length), min_size=1, max_size=2))
    attrs = draw(st.fixed_dictionaries({}, optional={
        "LEMMA": st.sampled_from(["l1", "l2"]), "POS": st.sampled_from(["NOUN", "VERB", "ADV"]),
        "MORPH": st.sampled_from(["Number=Sing", "Number=Plur|Person=3"]), "TAG": st.sampled_from(TAGS[:3])}))
    return {"patterns": patterns, "attrs": attrs or {"LEMMA": "l0"}, "index": draw(st.integers(-length, length - 1))}


@st.composite
def docs(draw: st.DrawFn) -> tuple[list[str], list[str], list[str]]:
    n = draw(st.integers(1, 8))
    return (draw(st.lists(st.sampled_from(WORDS), min_size=n, max_size=n)),
            draw(st.lists(st.sampled_from(TAGS[:3]), min_size=n, max_size=n)),
            draw(st.lists(st.sampled_from(DEPS[:2]), min_size=n, max_size=n)))


@settings(max_examples=300, deadline=None)
@given(st.lists(rules(), min_size=1, max_size=6), docs())
def test_random_rules_agree_with_the_ruler(patterns: list[dict], words_tags_deps: tuple) -> None:
    vocab = BLANK.vocab
    ruler = AttributeRuler(vocab)
    ruler.add_patterns(patterns)
    table = AttributeTable(vocab)
    table.add_patterns(patterns)
    words, tags, deps = words_tags_deps
    doc = Doc(vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))
    expected, found = _both(ruler, table, doc)
    assert found == expected
