"""Incremental builds: the assertions of every document, keyed by its content hash.

A rebuild reads each document, looks its hash up and replays the stored
assertions instead of running the pipeline; only new or changed documents are
processed. The cache is one SQLite file beside the outputs. It remembers the
fingerprint of what produced it (package version, model, the knowledge files
of ``ontology/``) and starts empty when any of them changed, so a cached build
always equals a full rebuild. It is written to a temporary copy beside it
that replaces the old one only when the build succeeds.

>>> import tempfile, pathlib
>>> from kg.records import Assertion, Document
>>> path = pathlib.Path(tempfile.mkdtemp()) / "cache.sqlite"
>>> doc = Document("d", "Iran supplied drones to Russia.")
>>> a = Assertion("d", "IRN", "SUPPLY", "RUS", False, False, None, None, doc.text, 0, 31)
>>> with BuildCache(path, "test") as cache:
...     cache.store(doc, 1, [a])
>>> with BuildCache(path, "test") as cache:
...     cache.lookup(doc)
(1, [Assertion(doc='d', subject='IRN', relation='SUPPLY', object='RUS', negated=False, hypothetical=False, date=None, source=None, sentence='Iran supplied drones to Russia.', start=0, end=31, trigger=None)])
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
from contextlib import suppress
from pathlib import Path
from types import TracebackType

from kg import __version__
from kg.errors import KgError, one_line
from kg.ingest.corpus import content_hash
from kg.io import remove_stale, temp_name
from kg.knowledge.resources import ontology_dir, overlays
from kg.records import Assertion, Document

logger = logging.getLogger("kg.building.cache")

#: the knowledge the extraction reads, as patterns inside ontology/ (and inside each --knowledge folder)
KNOWLEDGE_FILES = ("*.ttl", "*.toml", "actors/*.csv", "actors/*.toml", "typer/*.json")


def fingerprint(model: str) -> str:
    """What the cached results depend on: version, model and knowledge files."""
    digest = hashlib.sha256(f"{__version__}|{model}".encode())
    for folder in (ontology_dir(), *overlays()):
        for pattern in KNOWLEDGE_FILES:
            for path in sorted(folder.glob(pattern)):
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


class BuildCache:
    """Stored assertions per document content hash (a context manager).

    It works on a copy beside the cache file (``.kg-cache.sqlite.<pid>.tmp``)
    that replaces the file when the build succeeds and is removed otherwise;
    copies left by a killed build are removed at the next start. A damaged
    cache (a bad page, a bad row) is reported in one line and started afresh.
    """

    def __init__(self, path: str | Path, fingerprint: str) -> None:
        self.path = Path(path)
        self.fingerprint = fingerprint
        self.hits = 0
        self.work = temp_name(self.path)
        self.made_folder = not self.path.parent.exists()  # removed again when the build fails
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            remove_stale(self.path)
            if self.path.is_file():
                shutil.copyfile(self.path, self.work)
            self.db = self._open()
        except (OSError, sqlite3.Error) as exc:
            self.work.unlink(missing_ok=True)
            raise KgError(f"cannot use build cache {self.path}: {one_line(exc)}", exit_code=1) from None

    def _open(self) -> sqlite3.Connection:
        """The working copy, checked; a damaged one is started afresh."""
        try:
            db = sqlite3.connect(self.work)
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            return self._prepared(db)
        except sqlite3.DatabaseError as exc:
            return self._afresh(exc, locals().get("db"))

    def _prepared(self, db: sqlite3.Connection) -> sqlite3.Connection:
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS docs (hash TEXT PRIMARY KEY, sentences INTEGER, assertions TEXT)")
        row = db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        if row is None or row[0] != self.fingerprint:
            db.execute("DELETE FROM docs")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (self.fingerprint,))
        return db

    def _afresh(self, error: BaseException, db: sqlite3.Connection | None = None) -> sqlite3.Connection:
        """Report a damaged cache in one line and start an empty one."""
        logger.warning(f"build cache {self.path} is damaged ({one_line(error)}): starting it afresh")
        if db is not None:
            db.close()
        self.work.unlink(missing_ok=True)
        return self._prepared(sqlite3.connect(self.work))

    def lookup(self, document: Document) -> tuple[int, list[Assertion]] | None:
        """The sentence count and assertions stored for this exact document, or None."""
        return self.lookup_hash(content_hash(document))

    def lookup_hash(self, key: str) -> tuple[int, list[Assertion]] | None:
        """What :meth:`lookup` gives for the document whose content hash is ``key``."""
        try:
            row = self.db.execute("SELECT sentences, assertions FROM docs WHERE hash = ?", (key,)).fetchone()
            if row is None:
                return None
            found = int(row[0]), [Assertion(**fields) for fields in json.loads(row[1])]
        except (sqlite3.DatabaseError, ValueError, TypeError) as exc:  # a bad page or a bad row
            self.db = self._afresh(exc, self.db)
            return None
        self.hits += 1
        return found

    def store(self, document: Document, sentences: int, assertions: list[Assertion]) -> None:
        """Keep the assertions of one document under its content hash."""
        self.store_hash(content_hash(document), sentences, assertions)

    def store_hash(self, key: str, sentences: int, assertions: list[Assertion]) -> None:
        """:meth:`store` for the document whose content hash is ``key``."""
        row = (key, sentences, json.dumps([a.to_json() for a in assertions]))
        try:
            self.db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, ?)", row)
        except sqlite3.DatabaseError as exc:
            self.db = self._afresh(exc, self.db)
            self.db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, ?)", row)

    def known(self) -> frozenset[str]:
        """The content hashes of every document the cache holds (what a cluster's workers may skip)."""
        try:
            return frozenset(row[0] for row in self.db.execute("SELECT hash FROM docs"))
        except sqlite3.DatabaseError as exc:
            self.db = self._afresh(exc, self.db)
            return frozenset()

    def __enter__(self) -> "BuildCache":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            if kind is None:
                self.db.commit()
            self.db.close()
            if kind is None:
                os.replace(self.work, self.path)
        except (OSError, sqlite3.Error) as exc:  # a full disk: the old cache stays, and no copy is left
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else one_line(exc)
            raise KgError(f"cannot save build cache {self.path}: {reason}", exit_code=1) from None
        finally:
            self.work.unlink(missing_ok=True)
            if kind is not None and self.made_folder:
                with suppress(OSError):  # only when empty: a failed build leaves no new folder behind
                    self.path.parent.rmdir()
