"""The index of rule families by the words that can start them."""
from __future__ import annotations

import pytest

from kg.extract.entries import entry_words, family_index, starts_on
from kg.extract.relations import CONSTRUCTIONS, LATE_CONSTRUCTIONS, RelationExtractor
from kg.knowledge.lexicon import load_lexicon


class Rules:
    @starts_on("modal_aux")
    def _modal_candidates(self, ctx, token):
        yield "modal"

    @starts_on(nouns_of="REQUEST")
    def _request_candidates(self, ctx, token):
        yield "request"

    def _undeclared_candidates(self, ctx, token):
        yield "never"


def test_request_nouns_come_from_the_lexicon():
    lexicon = load_lexicon()
    words = entry_words(Rules()._request_candidates, lexicon)
    assert words and all(any(g.relation == "REQUEST" for g in lexicon.nouns[w]) for w in words)


def test_a_family_without_entry_words_is_an_error():
    with pytest.raises(TypeError, match="_undeclared_candidates"):
        family_index(Rules(), ("_undeclared_candidates",), load_lexicon())


def test_an_unknown_cue_name_fails_when_the_index_is_built():
    class Misspelt:
        @starts_on("modal_auxx")
        def _candidates(self, ctx, token):
            yield None
    with pytest.raises(Exception, match="modal_auxx"):
        family_index(Misspelt(), ("_candidates",), load_lexicon())


def test_every_construction_of_the_extractor_declares_its_entry_words():
    extractor = RelationExtractor(load_lexicon())
    for name in CONSTRUCTIONS + LATE_CONSTRUCTIONS:
        assert entry_words(getattr(extractor, name), extractor.lex), name
    assert all(isinstance(w, str) and w == w.lower() for w in extractor.constructions)
