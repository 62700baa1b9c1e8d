"""spaCy component ``kg_lemma_cache``: the model's rule lemmatizer, read through a cache.

The English lemmatizer already remembers its answer for a word, part of speech
and morphology, but it still visits every token in Python to set the lemma.
This component reads those three values for the whole ``Doc`` as one array,
looks each combination up once, and writes the lemmas back as one array; a
token whose lemma is already set (by the attribute table) keeps it, as with
the lemmatizer itself. The lemmas are the lemmatizer's own.

>>> from kg.nlp.pipeline import load_pipeline
>>> [t.lemma_ for t in load_pipeline()("Iran supplied drones.")]
['Iran', 'supply', 'drone', '.']
"""
from __future__ import annotations

from typing import Iterable

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc


class LemmaCache:
    """A rule lemmatizer's lemmas set for a whole ``Doc`` at once, each (word, POS, morphology) computed once."""

    def __init__(self, name: str = "kg_lemma_cache") -> None:
        self.name = name
        self.lemmatizer: Lemmatizer | None = None
        self.known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer is None or not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        known, strings, overwrite = self.known, doc.vocab.strings, self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            found = known.get((orth, pos, morph))
            if found is None:
                found = known[(orth, pos, morph)] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Lemmatize a stream of docs."""
        for doc in docs:
            yield self(doc)


@Language.factory("kg_lemma_cache")
def make_lemma_cache(nlp: Language, name: str) -> LemmaCache:
    """An empty cache; :func:`use_lemma_cache` gives it the model's lemmatizer."""
    return LemmaCache(name)


def use_lemma_cache(nlp: Language, name: str = "lemmatizer") -> bool:
    """Read the pipeline's rule lemmatizer through a cache; True when it was swapped in."""
    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), Lemmatizer) \
            or nlp.get_pipe(name).mode != "rule":
        return False
    lemmatizer = nlp.get_pipe(name)
    nlp.replace_pipe(name, "kg_lemma_cache")
    nlp.rename_pipe(name, "kg_lemma_cache")
    nlp.get_pipe("kg_lemma_cache").lemmatizer = lemmatizer
    return True
