"""Queries on an Oxigraph store answered in a child process, so that a query past its time limit stops.

Oxigraph evaluates a query in native code: a thread running it cannot be
stopped, and a query that sorts or counts returns to Python only when it is
done. So ``kg serve oxigraph:PATH`` hands each query to one child process
that opened the same folder read-only (RocksDB allows that next to the
server's own handle); when a query runs out of time the child is ended and a
fresh one started, and the next query does not wait for the abandoned one.
"""
from __future__ import annotations

import multiprocessing
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import one_line
from kg.serve.queries import HttpError, Reply, evaluate


class QueryProcess:
    """One child process answering queries on the Oxigraph store in ``folder``, one at a time."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._child: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._start()

    @property
    def pid(self) -> int | None:
        """The child's process id (a new one after a query was stopped)."""
        return self._child.pid if self._child is not None else None

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")  # a fork would copy the server's threads and database handle
        mine, theirs = ctx.Pipe()
        self._child = ctx.Process(target=_child_main, args=(str(self.folder), theirs), name="kg-sparql-queries",
                                  daemon=True)
        self._child.start()
        theirs.close()
        self._conn = mine

    def _stop(self) -> None:
        if self._child is not None:
            self._child.kill()
            self._child.join(5)
        if self._conn is not None:
            self._conn.close()
        self._child = self._conn = None

    def answer(self, text: str, format_values: list[str], accept: str, timeout: float,
               params: dict[str, str] | None = None) -> Reply:
        """The reply to one query; 503 after ``timeout`` seconds, and the query is stopped."""
        started = time.monotonic()
        if not self._lock.acquire(timeout=timeout):
            raise HttpError(503, f"query timed out after {timeout:g} s (waiting for an earlier query)")
        try:
            if self._child is None or not self._child.is_alive():
                self._stop()
                self._start()
            assert self._conn is not None
            try:
                self._conn.send((text, format_values, accept, params))
                if not self._conn.poll(max(0.0, timeout - (time.monotonic() - started))):
                    self._stop()
                    self._start()  # ready for the next query
                    raise HttpError(503, f"query timed out after {timeout:g} s")
                kind, value = self._conn.recv()
            except (EOFError, OSError):
                self._stop()
                raise HttpError(500, "internal error: the query process ended") from None
        finally:
            self._lock.release()
        if kind == "ok":
            return value
        if kind == "http":
            raise HttpError(*value)
        raise HttpError(500, value)

    def close(self) -> None:
        """End the child process."""
        with self._lock:
            self._stop()


def _child_main(folder: str, conn: Connection) -> None:
    """The child: answer queries on a read-only view of ``folder`` until the pipe closes."""
    from kg.knowledge.terms import PREFIXES
    from kg.stores.oxigraph import open_read_only

    graph = open_read_only(folder)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    while True:
        try:
            text, format_values, accept, params = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", evaluate(graph, text, format_values, accept, params)))
        except HttpError as error:
            conn.send(("http", (error.status, error.message)))
        except Exception as exc:  # a bug or an Oxigraph surprise: one line, and the child lives on
            conn.send(("error", one_line(f"internal error: {type(exc).__name__}: {exc}")))
