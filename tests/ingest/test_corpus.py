"""Reading documents: formats, encodings, bad input, streaming."""
from __future__ import annotations

import codecs
import gzip
import json
import logging
import time
import types
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.ingest.corpus import content_hash, document_id, read_documents
from kg.ingest.report import ReadReport
from kg.records import Document

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev.jsonl"


def read(*paths: Path, strict: bool = False) -> tuple[list[Document], ReadReport]:
    report = ReadReport()
    return list(read_documents(list(paths), strict=strict, report=report)), report


def write_jsonl(path: Path, *lines: object) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------- plain text and Markdown

def test_text_file_id_title_text_and_path(tmp_path: Path) -> None:
    path = tmp_path / "russia-iran.txt"
    path.write_bytes(b"Russia and Iran sign a pact\r\nIn 2024, they signed.\rMore.\n")
    [doc], report = read(path)
    assert doc == Document(id="russia-iran", text="Russia and Iran sign a pact\nIn 2024, they signed.\nMore.\n",
                           title="Russia and Iran sign a pact", path=str(path))
    assert report.read == 1 and not report.warnings


@pytest.mark.parametrize("first_line", ["Russia and Iran signed a pact.", "x" * 200, "   \n  "])
def test_no_title_unless_short_headline(tmp_path: Path, first_line: str) -> None:
    (tmp_path / "a.txt").write_text(first_line + "\nBody.")
    [doc], _ = read(tmp_path / "a.txt")
    assert doc.title is None


def test_leading_date_line_is_read_and_kept_in_text(tmp_path: Path) -> None:
    text = "Date: 2024-05-01\nHeadline here\nBody text."
    (tmp_path / "a.txt").write_text(text)
    [doc], _ = read(tmp_path / "a.txt")
    assert (doc.date, doc.title, doc.text) == ("2024-05-01", "Headline here", text)


def test_unrecognised_metadata_date_is_ignored_with_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Date: last Tuesday\nBody.")
    [doc], report = read(tmp_path / "a.txt")
    assert doc.date is None
    assert "unrecognised date" in report.warnings[0] and "a.txt" in report.warnings[0]


def test_markdown_front_matter_is_read_and_stripped(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text('---\ntitle: "The Pact"\ndate: 2025-01-17\n---\n# Heading\nRussia and Iran signed.\n')
    [doc], _ = read(path)
    assert (doc.id, doc.title, doc.date) == ("note", "The Pact", "2025-01-17")
    assert doc.text == "# Heading\nRussia and Iran signed.\n"


def test_markdown_heading_is_title(tmp_path: Path) -> None:
    (tmp_path / "n.md").write_text("## Iran buys jets\n\nText.")
    [doc], _ = read(tmp_path / "n.md")
    assert doc.title == "Iran buys jets" and doc.date is None


# ---------------------------------------------------------------- encodings

@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_byte_order_marks(tmp_path: Path, encoding: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    text = "Tehran’s drones\nRussia – Iran: ça va."
    (tmp_path / "a.txt").write_bytes(bom + text.encode(encoding))
    [doc], report = read(tmp_path / "a.txt")
    assert doc.text == text and not report.warnings


def test_invalid_utf8_is_replaced_with_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 talks in Tehran.".encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="kg.ingest.corpus"):
        [doc], report = read(path)
    assert doc.text == "Caf\ufffd talks in Tehran."
    assert report.warnings == [f"{path}: invalid UTF-8 at byte 3, decoded with replacement characters"]
    assert caplog.messages == report.warnings
    assert not report.skipped
    with pytest.raises(KgError, match="invalid UTF-8"):
        read(path, strict=True)


def test_binary_file_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "noise.txt").write_bytes(bytes(range(128, 256)) * 4)
    (tmp_path / "ok.txt").write_text("Fine.")
    docs, report = read(tmp_path)
    assert [d.id for d in docs] == ["ok"]
    assert report.skipped == {"binary": 2}
    assert all("binary file" in w for w in report.warnings)
    with pytest.raises(KgError, match=r"img\.txt: binary file"):
        read(tmp_path, strict=True)


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n"])
def test_empty_file_is_skipped(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "empty.txt").write_bytes(content)
    (tmp_path / "ok.txt").write_text("Fine.")
    docs, report = read(tmp_path)
    assert [d.id for d in docs] == ["ok"]
    assert report.skipped == {"empty": 1} and report.warnings == [f"{tmp_path / 'empty.txt'}: empty file, skipped"]
    with pytest.raises(KgError, match="empty file"):
        read(tmp_path, strict=True)


# ---------------------------------------------------------------- HTML

PAGE = """<!doctype html><html><head><title> Russia &amp; Iran </title>
<meta property="article:published_time" content="2025-01-17T09:30:00Z">
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><noscript>Enable JS</noscript><h1>Pact signed</h1><p>Russia and Iran   signed a
<b>20-year</b> treaty &ndash; in Moscow.</p><div>Second&nbsp;block<br>new line</div>
<time datetime="2020-01-01">old</time></body></html>"""


def test_html_is_stripped_to_visible_text(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE)
    [doc], _ = read(tmp_path / "page.html")
    assert doc.text == "Pact signed\nRussia and Iran signed a 20-year treaty – in Moscow.\nSecond block\nnew line\nold"
    assert (doc.id, doc.title, doc.date) == ("page", "Russia & Iran", "2025-01-17")


def test_html_time_element_and_declared_charset(tmp_path: Path) -> None:
    page = '<meta charset="windows-1252"><p>Caf\xe9 <time datetime="2024-03-11">Monday</time></p>'
    (tmp_path / "p.htm").write_bytes(page.encode("windows-1252"))
    [doc], report = read(tmp_path / "p.htm")
    assert (doc.text, doc.date, doc.title) == ("Café Monday", "2024-03-11", "Café Monday")
    assert not report.warnings


def test_malformed_html_declarations_do_not_crash(tmp_path: Path) -> None:
    (tmp_path / "m.html").write_text("<p>before</p><![ifx junk]><p>after</p><![ x >")
    [doc], _ = read(tmp_path / "m.html")
    assert doc.text == "before\nafter"


def test_html_without_text_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "s.html").write_text("<script>alert(1)</script>")
    (tmp_path / "ok.txt").write_text("Fine.")
    docs, report = read(tmp_path)
    assert [d.id for d in docs] == ["ok"] and report.skipped == {"empty": 1}


# ---------------------------------------------------------------- JSONL

def test_jsonl_records_and_malformed_lines(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "docs.jsonl",
        {"id": "a", "text": "Iran supplied drones.", "date": "2023-05", "title": "T", "url": "https://x.org/a",
         "relations": [], "source": "seeds/x.txt"},
        "",
        "{not json",
        "[1, 2]",
        {"text": "no id"},
        {"id": "", "text": "empty id"},
        {"id": "c", "text": 5},
        {"id": "d"},
        "   ",
        {"id": 7, "text": "Numeric id.\r\nSecond line."},
    )
    docs, report = read(path)
    assert docs == [
        Document("a", "Iran supplied drones.", "2023-05", "T", "https://x.org/a", str(path), line=1),
        Document("7", "Numeric id.\nSecond line.", path=str(path), line=10),
    ]
    assert report.warnings == [
        f"{path}:3: invalid JSON (Expecting property name enclosed in double quotes), skipped",
        f"{path}:4: expected a JSON object, got list, skipped",
        f"{path}:5: missing 'id', skipped",
        f"{path}:6: empty 'id', skipped",
        f"{path}:7: 'text' must be a string, got int, skipped",
        f"{path}:8: missing 'text', skipped",
    ]
    assert report.skipped == {"malformed": 6} and report.read == 2
    with pytest.raises(KgError) as error:
        read(path, strict=True)
    assert str(error.value) == report.warnings[0].removesuffix(", skipped")  # strict stops, skips nothing


def test_jsonl_bad_optional_fields_are_dropped(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", {"id": "a", "text": "x", "date": "soon", "url": "not a url", "title": 3})
    [doc], report = read(path)
    assert (doc.date, doc.url, doc.title) == (None, None, None)
    assert len(report.warnings) == 3 and all(w.startswith(f"{path}:1: ") for w in report.warnings)


def test_jsonl_lone_surrogates_are_replaced(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", '{"id": "a", "text": "bad \\ud800 escape"}')
    [doc], report = read(path)
    assert doc.text == "bad \ufffd escape" and "lone surrogate" in report.warnings[0]
    assert content_hash(doc)


def test_jsonl_gz_and_utf16(tmp_path: Path) -> None:
    line = json.dumps({"id": "g", "text": "Gzip’d."}, ensure_ascii=False) + "\n"
    with gzip.open(tmp_path / "dump.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(line)
    (tmp_path / "wide.jsonl").write_text(line.replace('"g"', '"w"'), encoding="utf-16")
    docs, report = read(tmp_path)
    assert [(d.id, d.text) for d in docs] == [("g", "Gzip’d."), ("w", "Gzip’d.")]
    assert document_id(tmp_path / "dump.jsonl.gz") == "dump" and not report.warnings


def test_corrupt_gzip_is_reported(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (tmp_path / "ok.txt").write_text("Fine.")
    docs, report = read(tmp_path)
    assert [d.id for d in docs] == ["ok"] and report.skipped == {"unreadable": 1}


def test_jsonl_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\xe9"}\n')
    docs, report = read(path)
    assert [d.text for d in docs] == ["ok", "caf\ufffd"]
    assert report.warnings == [f"{path}:2: invalid UTF-8 at byte 24, decoded with replacement characters"]


def test_empty_jsonl_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_text("\n\n")
    (tmp_path / "ok.txt").write_text("Fine.")
    _, report = read(tmp_path)
    assert report.skipped == {"empty": 1}


# ---------------------------------------------------------------- ids, folders, errors

def test_duplicate_ids_keep_the_first(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", {"id": "x", "text": "first"}, {"id": "x", "text": "second"})
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("third")
    docs, report = read(tmp_path)
    assert [d.text for d in docs] == ["first"]
    assert report.warnings == [
        f"{tmp_path / 'a.jsonl'}:2: duplicate id 'x' (first read from {tmp_path / 'a.jsonl'}:1), skipped",
        f"{tmp_path / 'sub' / 'x.txt'}: duplicate id 'x' (first read from {tmp_path / 'a.jsonl'}:1), skipped",
    ]
    assert report.skipped == {"duplicate": 2}
    with pytest.raises(KgError, match="duplicate id 'x'"):
        read(tmp_path, strict=True)


def test_folders_recurse_sorted_and_ignore_hidden_and_other_files(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.md", "a/y.htm", "c.pdf", ".hidden.txt", ".git/h.txt", "d/e.jsonl.gz.bak", "A.TXT"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Text.")
    docs, _ = read(tmp_path)
    assert [d.path for d in docs] == [str(tmp_path / n) for n in ["A.TXT", "a/y.htm", "a/z.md", "b.txt"]]
    assert [d.id for d in docs] == ["A", "y", "z", "b"]


def test_explicit_file_with_other_suffix_is_read_as_text(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("Plain.")
    [doc], _ = read(tmp_path / "notes")
    assert (doc.id, doc.text) == ("notes", "Plain.")


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KgError, match=f"^no such file or folder: {tmp_path / 'nope.txt'}$"):
        read(tmp_path / "nope.txt")


def test_folder_without_documents_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    (tmp_path / "e.txt").write_text("")
    with pytest.raises(KgError, match="no readable documents in folder"):
        read(tmp_path)
    (tmp_path / "e.txt").unlink()
    with pytest.raises(KgError, match="no readable documents in folder"):
        read(tmp_path)


def test_no_inputs_and_single_path_string(tmp_path: Path) -> None:
    with pytest.raises(KgError):
        read()
    (tmp_path / "a.txt").write_text("A.")
    assert [d.id for d in read_documents(str(tmp_path))] == ["a"]


def test_missing_paths_are_checked_before_reading(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.")
    with pytest.raises(KgError, match="gone"):  # at the call, before any output folder or cache is made
        read_documents([tmp_path / "a.txt", tmp_path / "gone"])


# ---------------------------------------------------------------- streaming and scale

def test_documents_are_streamed(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", {"id": "a", "text": "A."}, {"id": "b", "text": "B."}, "{broken")
    documents = read_documents([path], strict=True)
    assert isinstance(documents, types.GeneratorType)
    assert [d.id for d in islice(documents, 2)] == ["a", "b"]  # the broken line is not read yet


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".html"])
def test_a_long_single_line_reads_in_linear_time(tmp_path: Path, suffix: str) -> None:
    body = "Russia and Iran signed a treaty in 2024. " * 125_000  # ~5 MB, no newline
    content = json.dumps({"id": "big", "text": body}) if suffix == ".jsonl" else body
    (tmp_path / f"big{suffix}").write_text(content)
    start = time.perf_counter()
    [doc], _ = read(tmp_path / f"big{suffix}")
    assert time.perf_counter() - start < 10
    assert len(doc.text) == len(body.strip() if suffix == ".html" else body)


def test_document_id_and_content_hash() -> None:
    assert document_id(Path("x/russia-iran.txt")) == "russia-iran"
    assert document_id(Path("a.b.md")) == "a.b"
    base = Document("a", "text", "2024")
    assert content_hash(base) == content_hash(Document("a", "text", "2024", title="t", path="p"))
    assert len({content_hash(d) for d in [base, Document("a", "text"), Document("a", "text2024"),
                                          Document("atext", "", "2024"), Document("b", "text", "2024")]}) == 5


def test_report_summary() -> None:
    report = ReadReport(read=1)
    assert report.summary() == "read 1 document"
    report.skipped.update(binary=2, malformed=1)
    assert report.summary() == "read 1 document; skipped 3 (binary: 2, malformed: 1)"


def test_dev_gold_file_reads_as_is() -> None:
    if not DEV.exists():
        pytest.skip("../shared/eval/dev.jsonl is absent")
    docs, report = read(DEV, strict=True)
    assert len(docs) == 47 and report.read == 47
    assert [d.id for d in docs[:2]] == ["seed-000", "seed-001"] and docs[-1].id == "dev-035"
    assert len({d.id for d in docs}) == 47 and all(d.text for d in docs)


# ---------------------------------------------------------------- fuzzing

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SUFFIX = st.sampled_from([".txt", ".md", ".html", ".jsonl", ".jsonl.gz", ".dat"])


def only_kg_errors(paths: list[Path]) -> None:
    """Non-strict reading never raises; strict reading raises nothing but KgError."""
    docs, report = read(*paths)
    assert all(isinstance(d.text, str) and d.text.strip() and d.id for d in docs)
    assert all("\n" not in w for w in report.warnings)
    for d in docs:
        d.text.encode("utf-8")
        content_hash(d)
    try:
        read(*paths, strict=True)
    except KgError as error:
        assert "\n" not in str(error)


def put(path: Path, data: bytes) -> Path:
    if path.name.endswith(".gz"):
        data = gzip.compress(data)
    path.write_bytes(data)
    return path


@FUZZ
@given(st.binary(max_size=2000), SUFFIX)
def test_fuzz_random_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = put(tmp_path / f"f{suffix}", data)
    try:
        only_kg_errors([path])
    finally:
        path.unlink()


@FUZZ
@given(st.text(max_size=2000), SUFFIX, st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_fuzz_random_text(tmp_path: Path, text: str, suffix: str, encoding: str) -> None:
    path = put(tmp_path / f"f{suffix}", text.encode(encoding, "surrogatepass"))
    try:
        only_kg_errors([path])
    finally:
        path.unlink()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
RECORDS = st.fixed_dictionaries({}, optional={"id": JSON_VALUES | st.text(max_size=8), "text": JSON_VALUES,
                                              "date": JSON_VALUES, "title": JSON_VALUES, "url": JSON_VALUES})
LINES = st.one_of(RECORDS.map(json.dumps), JSON_VALUES.map(json.dumps), st.text(max_size=60))


@FUZZ
@given(st.lists(LINES, max_size=12))
def test_fuzz_random_jsonl_lines(tmp_path: Path, lines: list[str]) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    try:
        only_kg_errors([path])
    finally:
        path.unlink()


HTML_BITS = st.sampled_from([
    "<", ">", "<!", "<![", "<![CDATA[", "]]>", "<!--", "-->", "<?", "</", "<p>", "</p>", "<br/>", "<script>",
    "</script>", "<style", "<title>", "</title>", "<pre>", "</pre>", "&", "&#", "&#xD800;", "&#99999999;", "&amp",
    "<![if", "<![endif]>", "<!DOCTYPE", "<meta property=article:published_time content=2024-13-40>",
    "<time datetime='2024-02-30'>", "'", '"', "=", " ", "\n", "x", "é",
])


@FUZZ
@given(st.lists(HTML_BITS, max_size=40).map("".join))
def test_fuzz_html_fragments(tmp_path: Path, page: str) -> None:
    path = put(tmp_path / "f.html", page.encode("utf-8", "surrogatepass"))
    try:
        only_kg_errors([path])
    finally:
        path.unlink()
