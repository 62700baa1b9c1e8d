"""kg_name_norms: leaders' and capitals' names parsed like names the model knows, norms put back after."""
from __future__ import annotations

import pytest
import spacy

from kg.extract.assertions import extract
from kg.nlp.norms import NameNorms
from kg.nlp.pipeline import load_pipeline
from kg.records import Document


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_the_components_surround_the_parse(nlp):
    names = nlp.pipe_names
    assert names.index("kg_name_norms") < names.index("tok2vec")
    assert names.index("parser") < names.index("kg_restore_norms") < names.index("kg_attribute_table")


@pytest.mark.parametrize("text, subject, verb, obj", [
    ("Ruto hosted Museveni in Nairobi for talks.", "Ruto", "hosted", "Museveni"),
    ("Kenyan President William Ruto hosted Uganda's Yoweri Museveni for talks.", "Ruto", "hosted", "Museveni"),
])
def test_a_sentence_opening_with_a_rare_leader_name_has_its_verb(nlp, text, subject, verb, obj):
    doc = nlp(text)
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.text == verb
    assert {(c.text, c.dep_) for c in root.children} >= {(subject, "nsubj"), (obj, "dobj")}


def test_norms_are_put_back(nlp):
    doc = nlp("Ruto hosted Museveni.")
    assert [t.norm_ for t in doc][:3] == ["ruto", "hosted", "museveni"]
    assert "kg_saved_norms" not in doc.user_data


def test_bare_surnames_that_are_words_keep_their_norm():
    blank = spacy.blank("en")
    doc = NameNorms(blank, "bush")(blank("May talks with Ruto resume? Key allies met Major figures."))
    assert [t.norm_ for t in doc if t.text in ("May", "Key", "Major")] == ["may", "key", "major"]
    assert [t.norm_ for t in doc if t.text == "Ruto"] == ["bush"]


def test_the_placeholder_must_be_one_word():
    with pytest.raises(ValueError, match="one word"):
        NameNorms(spacy.blank("en"), "george bush")
    with pytest.raises(ValueError, match="one word"):
        NameNorms(spacy.blank("en"), "bush", "new york")


def test_the_relation_of_a_sentence_opening_with_a_leader_is_found(nlp):
    found = {(a.subject, a.relation, a.object) for a in extract([Document("t", "Ruto hosted Museveni in Nairobi.")], nlp)}
    assert found & {("UGA", "CONSULT", "KEN"), ("KEN", "CONSULT", "UGA")}


def test_a_capital_the_model_has_never_seen_parses_as_a_place_name(nlp):
    doc = nlp("Nujoma visited Luanda.")
    assert [(t.text, t.dep_) for t in doc][:3] == [("Nujoma", "nsubj"), ("visited", "ROOT"), ("Luanda", "dobj")]
    assert doc[2].norm_ == "luanda"


def test_a_capital_the_model_knows_keeps_its_norm():
    blank = spacy.blank("en")
    known = blank.vocab.strings.add("nairobi")  # noqa: F841  (as if the model had seen it)
    norms = NameNorms(blank, "bush", "paris")
    assert "Nairobi" not in norms.capitals and "Luanda" in norms.capitals
    doc = norms(blank("Nairobi and Luanda."))
    assert [t.norm_ for t in doc] == ["nairobi", "and", "paris", "."]
