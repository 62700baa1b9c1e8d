"""Answering one SPARQL request: refusing what a read-only endpoint must refuse, choosing the result format, and running the query under a time limit."""
from __future__ import annotations

import ctypes
import threading
import time
from dataclasses import dataclass
from typing import Callable

from rdflib import Graph
from rdflib.plugins.sparql.parser import parseUpdate

from kg.errors import KgError
from kg.sparql.engine import Refused, run_query
from kg.sparql.formats import FORMAT_NAMES, FORMATS, RESULT_KINDS, ResultFormat, best_format, media_ranges, negotiate


class HttpError(Exception):
    """An answer other than 200: the status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = " ".join(message.split())


def format_values(fields: dict[str, list[str]]) -> list[str]:
    """The non-empty ``format`` values, lower case; unknown names are a 400.

    A value with a ``/`` is taken as media types (SPARQLWrapper sends both).
    """
    values = [v.strip().lower() for v in fields.get("format", []) if v.strip()]
    for value in values:
        if "/" not in value and value not in FORMAT_NAMES:
            known = ", ".join(f.name for f in FORMATS)
            raise HttpError(400, f"unknown format {value!r} (known: {known}, or a media type)")
    return values


def _choose(kind: str, format_values: list[str], accept: str) -> ResultFormat:
    """The format for a result of ``kind``: the first ``format`` value that fits, else by ``Accept``.

    >>> _choose("GRAPH", ["xml"], "").name, _choose("SELECT", ["xml"], "").name
    ('rdfxml', 'xml')
    """
    for value in format_values:
        fmt = (best_format(kind, media_ranges(value)) if "/" in value
               else next((f for f in FORMATS if kind in f.kinds and f.named(value)), None))
        if fmt is not None:
            return fmt
    if format_values:
        fitting = ", ".join(f.name for f in FORMATS if kind in f.kinds)
        label = "CONSTRUCT/DESCRIBE" if kind == "GRAPH" else kind
        raise HttpError(406, f"format {', '.join(format_values)} does not fit {label} results (use {fitting})")
    return negotiate(kind, accept)


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except Exception:  # ParseException, or rdflib's plain Exceptions
        return False
    return True


@dataclass(frozen=True)
class Reply:
    """An answer to send: its media type and body."""
    media_type: str
    body: bytes


def evaluate(graph: Graph, text: str, format_values: list[str], accept: str,
             params: dict[str, str] | None = None) -> Reply:
    """Run ``text`` on ``graph`` (``params`` bound safely) and write the result in the chosen format;
    SERVICE and FROM are refused on the parsed query."""
    try:
        result = run_query(graph, text, params, allow_remote=False)
    except Refused as exc:
        raise HttpError(403, str(exc)) from None
    except KgError as exc:
        if _is_update(text):
            raise HttpError(403, "SPARQL Update is not allowed: this endpoint is read-only") from None
        raise HttpError(400, str(exc)) from None
    assert result is not None  # run_query returns None only for updates, refused above
    fmt = _choose(RESULT_KINDS.get(result.type, "SELECT"), format_values, accept)
    return Reply(fmt.media_type, fmt.render(result).encode("utf-8"))


class _Cancelled(BaseException):
    """Raised inside a query thread to stop it (BaseException: rdflib's ``except Exception`` lets it pass)."""


def _raise_in_thread(thread_id: int, exc_type: type[BaseException]) -> bool:
    """Ask CPython to raise ``exc_type`` in another thread at its next Python step."""
    set_async_exc = getattr(getattr(ctypes, "pythonapi", None), "PyThreadState_SetAsyncExc", None)
    if set_async_exc is None:  # not CPython: the thread finishes in its own time
        return False
    changed = set_async_exc(ctypes.c_ulong(thread_id), ctypes.py_object(exc_type))
    if changed > 1:  # cannot happen for one live thread id; undo as the C API asks
        set_async_exc(ctypes.c_ulong(thread_id), None)
    return changed == 1


class _Job(threading.Thread):
    """One query in a daemon thread; :meth:`cancel` stops it, never another thread."""

    def __init__(self, work: Callable[[], Reply]) -> None:
        super().__init__(name="kg-sparql-query", daemon=True)
        self._work = work
        self._state = threading.Lock()
        self._running = False
        self._cancelled = False
        self.value: Reply | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            with self._state:
                if self._cancelled:
                    return
                self._running = True
            try:
                self.value = self._work()
            except BaseException as exc:  # handed to the request thread
                self.error = exc
            with self._state:
                self._running = False
        except _Cancelled:
            pass

    def cancel(self) -> None:
        """Stop the query: only while it runs, so the exception cannot reach another thread."""
        with self._state:
            self._cancelled = True
            if self._running and self.ident is not None:
                _raise_in_thread(self.ident, _Cancelled)


#: One query at a time, process-wide: rdflib's SPARQL parser (pyparsing) is not thread-safe.
_QUERY_LOCK = threading.Lock()


def _release_after(job: _Job) -> None:
    job.join()
    _QUERY_LOCK.release()


def answer(graph: Graph, text: str, format_values: list[str], accept: str, timeout: float,
           params: dict[str, str] | None = None) -> Reply:
    """Evaluate in a worker thread under the query lock; 503 after ``timeout`` seconds.

    The lock is taken and released by request threads, never by the worker,
    so stopping the worker cannot leave it held.
    """
    started = time.monotonic()
    if not _QUERY_LOCK.acquire(timeout=timeout):
        raise HttpError(503, f"query timed out after {timeout:g} s (waiting for an earlier query)")
    job = _Job(lambda: evaluate(graph, text, format_values, accept, params))
    try:
        job.start()
    except BaseException:
        _QUERY_LOCK.release()
        raise
    job.join(max(0.0, timeout - (time.monotonic() - started)))
    if job.is_alive():
        job.cancel()
        threading.Thread(target=_release_after, args=(job,), name="kg-sparql-release", daemon=True).start()
        raise HttpError(503, f"query timed out after {timeout:g} s")
    _QUERY_LOCK.release()
    if job.error is not None:
        raise job.error
    assert job.value is not None
    return job.value
