"""The lemma cache gives the model's own lemmas (kg.nlp.lemmas)."""
from __future__ import annotations

import spacy

from kg.nlp.attributes import use_attribute_table
from kg.nlp.pipeline import load_pipeline, model_name

TEXTS = ["Iran supplied drones to Russia, which has been using them.",
         "He was meeting ministers, and they'd been running the talks.",
         "The Kenyan forces' withdrawal was being negotiated; Nairobi's envoys were better informed."]


def test_lemmas_are_the_lemmatizers_own():
    plain = spacy.load(model_name(), exclude=["ner"])
    use_attribute_table(plain)
    cached = load_pipeline()
    assert "kg_lemma_cache" in cached.pipe_names and "lemmatizer" not in cached.pipe_names
    for text in TEXTS:
        assert [t.lemma_ for t in cached(text)] == [t.lemma_ for t in plain(text)]


def test_an_empty_text_is_left_alone():
    assert len(load_pipeline()("")) == 0
