"""Partitions of a corpus for a cluster: planned from names and sizes, read back as the whole corpus reads."""
from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.ingest.corpus import read_documents
from kg.ingest.partitions import plan_partitions, read_partition
from kg.ingest.report import ReadContext, ReadReport
from kg.records import Document


def whole(paths: list[Path]) -> tuple[list[tuple[Document, str]], list[str]]:
    """What read_documents gives: documents (with the place each came from) and warnings."""
    report = ReadReport()
    docs = list(read_documents(paths, report=report))
    return docs, report.warnings


def by_partitions(paths: list[Path], blocksize: int, absolute: bool = False) -> tuple[list[Document], list[str]]:
    """The same corpus read partition by partition, duplicates dropped as the client of a cluster does."""
    reader = ReadContext(False, ReadReport(), echo=False)
    client = ReadContext(False, ReadReport())
    docs = []
    for partition in plan_partitions(paths, blocksize=blocksize, absolute=absolute):
        for doc, place in read_partition(partition, reader):
            if client.admit(doc, place):
                docs.append(doc)
    return docs, reader.report.warnings + client.report.warnings


def jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(alphabet="ab é\n\"{}", min_size=0, max_size=30), min_size=1, max_size=25),
       blocksize=st.integers(min_value=1, max_value=400))
def test_partitions_read_every_line_once_in_order(tmp_path_factory, texts, blocksize):
    folder = tmp_path_factory.mktemp("corpus")
    records: list[object] = [{"id": f"n{i % 7}", "text": t} if i % 5 else "not json" for i, t in enumerate(texts)]
    path = jsonl(folder / "wire.jsonl", records)
    docs, warnings = whole([path])
    parted, parted_warnings = by_partitions([path], blocksize)
    assert parted == docs
    assert sorted(parted_warnings) == sorted(warnings)  # the same file:line in each, duplicates included


def test_small_files_are_grouped_and_a_large_jsonl_file_is_cut(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Iran and Russia, {name}." + " x" * 50)
    jsonl(tmp_path / "d.jsonl", [{"id": f"d{i}", "text": "Iran supplied drones to Russia."} for i in range(40)])
    with gzip.open(tmp_path / "e.jsonl.gz", "wt") as handle:
        handle.write("".join(json.dumps({"id": f"e{i}", "text": "Russia."}) + "\n" for i in range(40)))
    parts = plan_partitions([tmp_path], blocksize=250)
    shapes = [[(Path(p.shown).name, p.start, p.end) for p in part] for part in parts]
    assert shapes[0] == [("a.txt", 0, None), ("b.txt", 0, None), ("c.txt", 0, None)]
    assert [s for s in shapes if s[0][0] == "d.jsonl"][0] == [("d.jsonl", 0, 250)]
    assert len([s for s in shapes if s[0][0] == "d.jsonl"]) == -(-(tmp_path / "d.jsonl").stat().st_size // 250)
    assert shapes[-1] == [("e.jsonl.gz", 0, None)]  # gzip cannot be cut
    assert by_partitions([tmp_path], 250)[0] == whole([tmp_path])[0]


def test_absolute_paths_for_workers_keep_the_names_the_user_gave(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    Path("in/a.txt").write_text("Iran and Russia signed.")
    jsonl(Path("in/b.jsonl"), [{"id": f"b{i}", "text": "Russia."} for i in range(20)] + ["{bad"])
    parts = plan_partitions([Path("in")], blocksize=100, absolute=True)
    assert all(Path(piece.path).is_absolute() and not Path(piece.shown).is_absolute()
               for part in parts for piece in part)
    docs, warnings = by_partitions([Path("in")], 100, absolute=True)
    expected, expected_warnings = whole([Path("in")])
    assert docs == expected and docs[0].path == "in/a.txt"
    assert warnings == expected_warnings and warnings[0].startswith("in/b.jsonl:21: invalid JSON")


def test_a_utf16_jsonl_file_is_read_whole_by_its_first_piece(tmp_path):
    text = "".join(json.dumps({"id": f"u{i}", "text": "Iran."}) + "\n" for i in range(30))
    path = tmp_path / "u.jsonl"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    parts = plan_partitions([path], blocksize=200)
    assert len(parts) > 2
    assert by_partitions([path], 200)[0] == whole([path])[0]


def test_planning_errors(tmp_path):
    with pytest.raises(KgError, match="no such file"):
        plan_partitions([tmp_path / "missing"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(KgError, match="no readable documents in folder"):
        plan_partitions([tmp_path / "empty"])
    with pytest.raises(KgError, match="partition size"):
        plan_partitions([tmp_path], blocksize=0)
