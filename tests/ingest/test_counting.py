"""Counting documents before a build: what the reader will try, cheaply, or None."""
from __future__ import annotations

import gzip

from kg.ingest.corpus import read_documents
from kg.ingest.counting import count_documents


def test_counts_what_the_reader_reads(tmp_path):
    (tmp_path / "a.txt").write_text("Russia and Iran signed a treaty.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\nIran supplied drones.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("not read", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("not read", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text('{"id": "1", "text": "a"}\n  \n{"id": "2", "text": "b"}', encoding="utf-8")
    with gzip.open(tmp_path / "sub" / "d.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("".join(f'{{"id": "g{i}", "text": "t"}}\n' for i in range(5)))
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    named = tmp_path / "notes.csv"  # a file named explicitly is read whatever its suffix
    assert count_documents([tmp_path]) == 2 + 2 + 5 == len(list(read_documents([tmp_path])))
    assert count_documents([tmp_path, named]) == 10


def test_none_when_it_cannot_count_cheaply(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert count_documents([tmp_path], budget=0) is None  # over its time budget
    assert count_documents([tmp_path / "missing"]) is None  # the reader reports that, not the count
    (tmp_path / "bad.jsonl.gz").write_bytes(b"not gzip at all")
    assert count_documents([tmp_path / "bad.jsonl.gz"]) is None
