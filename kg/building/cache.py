"""Incremental builds: the assertions of every document, keyed by its content hash.

A rebuild reads each document, looks its hash up and replays the stored
assertions instead of running the pipeline; only new or changed documents are
processed. The cache is one SQLite file beside the outputs. It remembers the
fingerprint of what produced it (package version, model, the knowledge files
of ``ontology/``) and starts empty when any of them changed, so a cached build
always equals a full rebuild. It is written to a temporary copy that replaces
the old one only when the build succeeds.

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
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from types import TracebackType

from kg import __version__
from kg.errors import KgError
from kg.ingest.corpus import content_hash
from kg.knowledge.resources import ontology_dir, overlays
from kg.records import Assertion, Document

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
    """Stored assertions per document content hash (a context manager)."""

    def __init__(self, path: str | Path, fingerprint: str) -> None:
        self.path = Path(path)
        self.fingerprint = fingerprint
        self.hits = 0
        # a working copy in the temporary folder replaces path when the build succeeds
        handle, work = tempfile.mkstemp(prefix="kg-cache-", suffix=".sqlite")
        os.close(handle)
        self.work = Path(work)
        try:
            if self.path.is_file():
                shutil.copyfile(self.path, self.work)
            self.db = sqlite3.connect(self.work)
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            self.db.execute("CREATE TABLE IF NOT EXISTS docs (hash TEXT PRIMARY KEY, sentences INTEGER, assertions TEXT)")
            row = self.db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
            if row is None or row[0] != fingerprint:
                self.db.execute("DELETE FROM docs")
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
        except (OSError, sqlite3.Error) as exc:
            self.work.unlink(missing_ok=True)
            raise KgError(f"cannot use build cache {self.path}: {exc}", exit_code=1) from None

    def lookup(self, document: Document) -> tuple[int, list[Assertion]] | None:
        """The sentence count and assertions stored for this exact document, or None."""
        return self.lookup_hash(content_hash(document))

    def lookup_hash(self, key: str) -> tuple[int, list[Assertion]] | None:
        """What :meth:`lookup` gives for the document whose content hash is ``key``."""
        row = self.db.execute("SELECT sentences, assertions FROM docs WHERE hash = ?", (key,)).fetchone()
        if row is None:
            return None
        self.hits += 1
        return row[0], [Assertion(**fields) for fields in json.loads(row[1])]

    def store(self, document: Document, sentences: int, assertions: list[Assertion]) -> None:
        """Keep the assertions of one document under its content hash."""
        self.store_hash(content_hash(document), sentences, assertions)

    def store_hash(self, key: str, sentences: int, assertions: list[Assertion]) -> None:
        """:meth:`store` for the document whose content hash is ``key``."""
        self.db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, ?)",
                        (key, sentences, json.dumps([a.to_json() for a in assertions])))

    def known(self) -> frozenset[str]:
        """The content hashes of every document the cache holds (what a cluster's workers may skip)."""
        return frozenset(row[0] for row in self.db.execute("SELECT hash FROM docs"))

    def __enter__(self) -> "BuildCache":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            self.db.commit()
        self.db.close()
        if kind is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            staged = self.path.with_name(f".{self.path.name}.tmp")
            shutil.copyfile(self.work, staged)
            os.replace(staged, self.path)
        self.work.unlink(missing_ok=True)
