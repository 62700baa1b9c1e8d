"""Tokens found by their attribute values over a ``Doc``'s arrays, with no ``Token`` made for the others.

A pass over a parsed ``Doc`` that looks for a few words or labels (a "to" parsed as a preposition,
a stance noun as the object of "in") need not make a ``Token`` for every word and read its
strings: :class:`TokenQuery` reads one column per attribute (``Doc.to_array``), keeps the
positions where every attribute has one of its values, and makes tokens only there. For a
news-sized ``Doc`` that is several times faster than a loop over it.

``LEMMA`` is compared in lower case, as the rules read lemmas (``token.lemma_.lower()``); the
other attributes (``ORTH``, ``LOWER``, ``TAG``, ``DEP``, ``POS``) as they are, and ``LENGTH`` (the
number of characters) takes numbers.

>>> import spacy
>>> doc = spacy.blank("en")("Aid went to Niger and To Chad.")
>>> [t.i for t in TokenQuery(LOWER={"to"})(doc)], [t.i for t in TokenQuery(ORTH={"to"})(doc)]
([2, 5], [2])
>>> [t.text for t in TokenQuery(LOWER={"to", "and", "went"})(doc, start=2)]
['to', 'and', 'To']
>>> [t.text for t in TokenQuery(LENGTH={2})(doc)]
['to', 'To']
"""
from __future__ import annotations

from functools import reduce
from typing import Iterable

import numpy as np
from spacy.attrs import IDS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

#: the attributes a query may test
ATTRIBUTES = ("ORTH", "LOWER", "LEMMA", "TAG", "DEP", "POS", "LENGTH")
#: sets up to this size are tested by comparisons on the array, larger ones value by value
SMALL_SET = 4


class TokenQuery:
    """The tokens of a ``Doc`` whose every attribute named has one of the values given for it.

    >>> import spacy
    >>> TokenQuery(SHAPE={"Xxxx"})
    Traceback (most recent call last):
    ValueError: TokenQuery tests ORTH, LOWER, LEMMA, TAG, DEP, POS, LENGTH, not 'SHAPE'
    """

    def __init__(self, **values: Iterable[str | int]) -> None:
        unknown = [name for name in values if name not in ATTRIBUTES]
        if unknown:
            raise ValueError(f"TokenQuery tests {', '.join(ATTRIBUTES)}, not {unknown[0]!r}")
        self.attrs = [IDS[name] for name in values]
        self.names = list(values)
        self.words = [frozenset(words) for words in values.values()]
        self.ids = [frozenset(POS_IDS[w] if name == "POS" else w if name == "LENGTH" else get_string_id(w)
                              for w in words) for name, words in zip(self.names, self.words)]
        self._lemma_fits: dict[int, bool] = {}  # a lemma's id: whether its lower case is a value

    def indices(self, doc: Doc, start: int = 0, end: int | None = None) -> list[int]:
        """Positions of the matching tokens in ``doc[start:end]`` (as indices of ``doc``), in order."""
        size = len(doc)
        if not size:
            return []
        table = doc.to_array(self.attrs).reshape(size, len(self.attrs))  # one attribute: a flat array
        mask = np.ones(size, bool)
        for k, (name, ids) in enumerate(zip(self.names, self.ids)):
            if name != "LEMMA":
                mask &= self._among(ids, table[:, k])
        found = np.flatnonzero(mask).tolist()
        if start or end is not None:
            kept = range(size)[start:end]
            found = [i for i in found if i in kept]
        for k, (name, words) in enumerate(zip(self.names, self.words)):
            if name == "LEMMA" and found:  # last, on the tokens left: a lemma is read as a string
                found = self._lemmas_among(doc, words, table[:, k], found)
        return found

    def __call__(self, doc: Doc, start: int = 0, end: int | None = None) -> list[Token]:
        """The matching tokens of ``doc[start:end]``, in order."""
        return [doc[i] for i in self.indices(doc, start, end)]

    @staticmethod
    def _among(ids: frozenset[int], column: np.ndarray) -> np.ndarray:
        if len(ids) <= SMALL_SET:
            return reduce(np.logical_or, (column == v for v in ids), np.zeros(len(column), bool))
        return np.fromiter(map(ids.__contains__, column.tolist()), bool, len(column))

    def _lemmas_among(self, doc: Doc, words: frozenset[str], column: np.ndarray, found: list[int]) -> list[int]:
        strings, fits, values = doc.vocab.strings, self._lemma_fits, column.tolist()
        kept = []
        for i in found:
            lemma = values[i]
            if lemma not in fits:
                fits[lemma] = strings[lemma].lower() in words
            if fits[lemma]:
                kept.append(i)
        return kept
