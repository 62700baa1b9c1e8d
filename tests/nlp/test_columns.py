"""TokenQuery finds the same tokens as a loop over the Doc reading their strings."""
from __future__ import annotations

import pytest

from kg.nlp.columns import TokenQuery
from kg.nlp.pipeline import load_pipeline

TEXT = ("Chad accused neighbouring Sudan of backing rebels and expelled its envoy. "
        "The Foreign Ministers of Egypt and Jordan met in Cairo; Egypt will donate $28 million to Cape Verde. "
        "HELP arrived from Peru, Bolivia, and Chile.")


@pytest.fixture(scope="module")
def doc():
    return load_pipeline()(TEXT)


@pytest.mark.parametrize("values, test", [
    ({"LOWER": {"to"}}, lambda t: t.lower_ == "to"),
    ({"ORTH": {"Egypt", "Chile"}}, lambda t: t.text in {"Egypt", "Chile"}),
    ({"POS": {"PROPN"}, "DEP": {"conj", "pobj"}}, lambda t: t.pos_ == "PROPN" and t.dep_ in {"conj", "pobj"}),
    ({"TAG": {"NNP", "NNPS", "NNS", "VBD", "JJ"}}, lambda t: t.tag_ in {"NNP", "NNPS", "NNS", "VBD", "JJ"}),
    ({"LEMMA": {"help", "accuse", "minister"}}, lambda t: t.lemma_.lower() in {"help", "accuse", "minister"}),
    ({"LENGTH": {2}, "POS": {"ADP", "PART"}}, lambda t: len(t.text) == 2 and t.pos_ in {"ADP", "PART"}),
    ({"LOWER": set()}, lambda t: False),
])
def test_query_matches_a_loop(doc, values, test):
    query = TokenQuery(**values)
    assert [t.i for t in query(doc)] == [t.i for t in doc if test(t)]
    assert [t.i for t in query(doc, 1, -1)] == [t.i for t in doc[1:-1] if test(t)]


def test_lemma_is_compared_in_lower_case(doc):
    assert [t.text for t in TokenQuery(LEMMA={"help"})(doc)] == ["HELP"]


def test_sees_labels_changed_after_the_parse(doc):
    copy = doc.copy()
    copy[0].dep_ = "conj"
    assert 0 in TokenQuery(DEP={"conj"}).indices(copy)
    assert 0 not in TokenQuery(DEP={"conj"}).indices(doc)


def test_empty_doc_and_unknown_attribute():
    assert TokenQuery(LOWER={"to"})(load_pipeline().make_doc("")) == []
    with pytest.raises(ValueError, match="SHAPE"):
        TokenQuery(SHAPE={"Xxxx"})
