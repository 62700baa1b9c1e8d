"""From documents to assertions: stream texts through the pipeline in batches.

>>> from kg.records import Document
>>> [(a.subject, a.relation, a.object) for a in extract([Document("d", "Russia invaded Ukraine in 2022.")])]
[('RUS', 'ATTACK', 'UKR')]
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import KgError
from kg.ingest.dates import event_date
from kg.nlp.pipeline import load_pipeline
from kg.nlp.selection import Plan
from kg.nlp.stream import Window, failure, process
from kg.records import Assertion, Document


def parsed(documents: Iterable[Document], nlp: Language, batch_size: int = 64, n_process: int = 1,
           select: bool = True,
           on_error: Callable[[Window], None] | None = None) -> Iterator[tuple[Document, Doc, Plan]]:
    """Each document with its processed ``Doc`` and the plan that maps it back; a long
    document comes as several, one per window (:mod:`kg.nlp.stream`).

    With ``select`` (the default) only the sentences that can hold a relation
    are parsed (:mod:`kg.nlp.selection`); otherwise the whole text is. A window
    whose processing fails goes to ``on_error``, or raises a one-line ``KgError``.
    """
    for window in process(documents, nlp, batch_size=batch_size, n_process=n_process, select=select):
        if window.doc is not None:
            yield window.document, window.doc, window.plan
        elif on_error is not None:
            on_error(window)
        else:
            raise KgError(failure(window))


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``text[start:end]`` without its surrounding white space.

    >>> trimmed(" ab  ", 0, 5)
    (1, 3)
    """
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def assertions_of(document: Document, doc: Doc, plan: Plan) -> list[Assertion]:
    """The relations of one processed document as ``Assertion`` records."""
    assertions = []
    dates: dict[str, str | None] = {}  # a sentence often holds several relations: its date is read once
    for m in doc._.relations:
        start, end = trimmed(document.text, plan.to_document(m.start), plan.to_document(m.end))
        sentence = document.text[start:end]
        if sentence not in dates:
            dates[sentence] = event_date(sentence, document.date)
        assertions.append(Assertion(
            doc=document.id, subject=m.subject, relation=m.relation, object=m.object,
            negated=m.negated, hypothetical=m.hypothetical, date=dates[sentence],
            source=m.source, sentence=sentence, start=start, end=end, trigger=m.trigger))
    return assertions


def extract(documents: Iterable[Document], nlp: Language | None = None, **options: int | bool) -> Iterator[Assertion]:
    """Assertions of all documents, in document order."""
    nlp = nlp or load_pipeline()
    for document, doc, plan in parsed(documents, nlp, **options):  # type: ignore[arg-type]
        yield from assertions_of(document, doc, plan)
