"""Documents through the pipeline: long ones in windows, in batches of bounded size, and a
document whose processing fails handed back with its error, never the end of the run.

A document's kept text (:mod:`kg.nlp.selection`) is parsed in windows of about
:data:`WINDOW_CHARS` characters, so no text handed to spaCy comes near its
``max_length``, memory does not grow with a document's length, and a long
document costs what the same text costs as many short ones. The kept
sentences of a news article mostly fit in one window; where they do not, a
window still knows the last actors named before it. Batches hold at most
``batch_size`` windows and about :data:`BATCH_CHARS` characters.

>>> from kg.nlp.pipeline import load_pipeline
>>> from kg.records import Document
>>> [(w.document.id, w.last, w.error) for w in process([Document("d", "Russia and Iran signed a treaty.")],
...                                                     load_pipeline())]
[('d', True, None)]
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import one_line
from kg.nlp.selection import Plan, SentenceSelector, pieces, prepare
from kg.records import Document

#: characters of kept text in one window of a long document
WINDOW_CHARS = 5_000
#: characters of text in one batch (one process): a batch of long windows is shorter
BATCH_CHARS = 64_000


@dataclass(frozen=True)
class Window:
    """One window of a document: its plan, its processed ``Doc`` (None when ``error``),
    and whether the document ends with it."""

    document: Document
    plan: Plan
    last: bool
    doc: Doc | None = None
    error: BaseException | None = None


def where(document: Document) -> str:
    """Where a document comes from, for a message: ``FILE:LINE`` (JSONL), ``FILE``, or its id.

    >>> where(Document("a", "x", path="c.jsonl", line=3)), where(Document("a", "x"))
    ('c.jsonl:3', "document 'a'")
    """
    if document.path is None:
        return f"document {document.id!r}"
    return f"{document.path}:{document.line}" if document.line is not None else document.path


def failure(window: Window) -> str:
    """The one line that reports a failed window.

    >>> failure(Window(Document("a", "x", path="c.jsonl", line=3), Plan(), True, error=ValueError("bad\\n  value")))
    'c.jsonl:3: document skipped: ValueError: bad value'
    """
    return f"{where(window.document)}: document skipped: {type(window.error).__name__}: {one_line(window.error or '')}"


class _Handler:
    """spaCy's error handler while documents stream: a failing document is dropped from
    the stream (and processed again alone, to learn its error), unless ``raising``."""

    raising = False

    def __call__(self, name: str | None, proc: object, docs: object, error: Exception) -> None:
        if self.raising:
            raise error


def _windows(documents: Iterable[Document], nlp: Language, select: bool, size: int) -> Iterator[Window]:
    """Every document's windows (not yet processed); a document the cheap pass fails on is one window with its error."""
    selector = SentenceSelector(nlp) if select else None
    for document in documents:
        if selector is None:
            cut = list(pieces(document.text, size)) or [(0, "")]
            for k, (offset, piece) in enumerate(cut):
                plan = Plan(parts=[piece], sentences=-1, starts=[0], origins=[offset], length=len(piece),
                            at_start=offset == 0, end=offset + len(piece))
                yield Window(document, plan, k == len(cut) - 1)
            continue
        plans = selector.windows(document.text, document.date, size)
        try:
            previous = next(plans)
            for plan in plans:
                yield Window(document, previous, False)
                previous = plan
        except Exception as exc:  # a bug met on this text: the document is reported, the rest goes on
            yield Window(document, Plan(), True, error=exc)
            continue
        yield Window(document, previous, True)


def _alone(nlp: Language, window: Window, handler: _Handler) -> Window:
    """Process one window by itself: its ``Doc``, or the error it raises."""
    handler.raising = True
    try:
        return replace(window, doc=nlp(prepare(nlp, window.plan, window.document.date)))
    except Exception as exc:
        return replace(window, error=exc)
    finally:
        handler.raising = False


def _batches(windows: Iterable[Window], count: int, chars: int) -> Iterator[list[Window]]:
    batch: list[Window] = []
    size = 0
    for window in windows:
        if batch and (len(batch) >= count or size + window.plan.length > chars):
            yield batch
            batch, size = [], 0
        batch.append(window)
        size += window.plan.length
    if batch:
        yield batch


def _one_process(nlp: Language, windows: Iterable[Window], batch_size: int, handler: _Handler) -> Iterator[Window]:
    for batch in _batches(windows, batch_size, BATCH_CHARS):
        todo = [(prepare(nlp, w.plan, w.document.date), k) for k, w in enumerate(batch) if w.error is None]
        try:
            done = {k: doc for doc, k in nlp.pipe(todo, as_tuples=True, batch_size=max(1, len(todo)))}
        except Exception:  # a component with a pipe() of its own raised: each window alone
            done = {}
        for k, window in enumerate(batch):
            if window.error is not None:
                yield window
            elif k in done:
                yield replace(window, doc=done[k])
            else:
                yield _alone(nlp, window, handler)


def _processes(nlp: Language, windows: Iterable[Window], batch_size: int, n_process: int,
               handler: _Handler) -> Iterator[Window]:
    """spaCy's worker processes over one stream; windows they dropped (an error) are processed again here."""
    sent: deque[tuple[int, Window]] = deque()

    def feed() -> Iterator[tuple[Doc, int]]:
        for k, window in enumerate(windows):
            sent.append((k, window))
            if window.error is None:
                yield prepare(nlp, window.plan, window.document.date), k

    def before(k: int | None) -> Iterator[Window]:
        while sent and (k is None or sent[0][0] < k):
            window = sent.popleft()[1]
            yield window if window.error is not None else _alone(nlp, window, handler)

    for doc, k in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield from before(k)
        yield replace(sent.popleft()[1], doc=doc)
    yield from before(None)


def process(documents: Iterable[Document], nlp: Language, *, batch_size: int = 64, n_process: int = 1,
            select: bool = True, window_chars: int = WINDOW_CHARS) -> Iterator[Window]:
    """Every window of every document, processed, in order; a window that failed has its ``error``.

    With ``select`` (the default) only the sentences that can hold a relation
    are parsed (:mod:`kg.nlp.selection`); otherwise the whole text is, in pieces.
    """
    handler = _Handler()
    default = nlp.default_error_handler  # components without a pipe() of their own use it (the
    nlp.default_error_handler = handler  # trained ones cannot take another: a batch they fail on is redone)
    try:
        windows = _windows(documents, nlp, select, window_chars)
        if n_process == 1:
            yield from _one_process(nlp, windows, batch_size, handler)
        else:
            yield from _processes(nlp, windows, batch_size, n_process, handler)
    finally:
        nlp.default_error_handler = default

