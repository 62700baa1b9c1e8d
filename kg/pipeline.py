"""From documents to assertions: stream texts through the pipeline in batches.

>>> from kg.model import Document
>>> [(a.subject, a.relation, a.object) for a in extract([Document("d", "Russia invaded Ukraine in 2022.")])]
[('RUS', 'ATTACK', 'UKR')]
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.dates import event_date
from kg.model import Assertion, Document
from kg.nlp import load_pipeline


def parsed(documents: Iterable[Document], nlp: Language, batch_size: int = 64,
           n_process: int = 1) -> Iterator[tuple[Document, Doc]]:
    """Each document with its processed ``Doc``, streamed through ``nlp.pipe``."""
    def stream() -> Iterator[tuple[Doc, Document]]:
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc.user_data["date"] = document.date
            yield doc, document

    for doc, document in nlp.pipe(stream(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield document, doc


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``text[start:end]`` without its surrounding white space.

    >>> trimmed(" ab \n", 0, 5)
    (1, 3)
    """
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def assertions_of(document: Document, doc: Doc) -> list[Assertion]:
    """The relations of one processed document as ``Assertion`` records."""
    assertions = []
    for m in doc._.relations:
        start, end = trimmed(document.text, m.start, m.end)
        sentence = document.text[start:end]
        assertions.append(Assertion(
            doc=document.id, subject=m.subject, relation=m.relation, object=m.object,
            negated=m.negated, hypothetical=m.hypothetical, date=event_date(sentence, document.date),
            source=m.source, sentence=sentence, start=start, end=end, trigger=m.trigger))
    return assertions


def extract(documents: Iterable[Document], nlp: Language | None = None, **pipe_options: int) -> Iterator[Assertion]:
    """Assertions of all documents, in document order."""
    nlp = nlp or load_pipeline()
    for document, doc in parsed(documents, nlp, **pipe_options):
        yield from assertions_of(document, doc)
