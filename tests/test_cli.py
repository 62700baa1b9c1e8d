"""The ``kg`` command end to end: outputs, formats, and one-line errors without half-written files.

The seed graph is built once per module; spaCy's pipeline is cached per process.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from kg.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED = SEEDS / "russia-iran-missile-experts-2024.txt"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
QUERIES = ROOT / "ontology" / "queries"
COMMANDS = ("build", "extract", "query", "render", "stats", "eval", "validate", "export", "serve")
EXTRACT_KEYS = {"doc", "subject", "relation", "object", "negated", "hypothetical", "date", "source",
                "sentence", "start", "end", "trigger"}
SPARQL_PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX kg: <https://kg.example.org/ontology#>
PREFIX actor: <https://kg.example.org/actor/>
"""

runner = CliRunner()


# ---------------------------------------------------------------- helpers and fixtures

def kg(*args: object, code: int = 0):
    """Invoke ``kg ARGS`` in-process; check the exit code and that nothing escaped as an exception."""
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == code, f"kg {' '.join(map(str, args))}: exit {result.exit_code}\n" \
                                      f"stdout: {result.stdout}\nstderr: {result.stderr}"
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def assert_error(result, *fragments: str) -> str:
    """One ``kg: error:`` line on stderr holding ``fragments``; other lines are warnings; no traceback."""
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("kg: error: ")]
    assert len(errors) == 1, result.stderr
    assert all(line.startswith(("kg: error: ", "kg: warning: ")) for line in lines), result.stderr
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in errors[0]
    return errors[0]


def statement_exists(graph: Graph, subject: str, relation: str, obj: str, either_way: bool = False) -> bool:
    """Is there a ``kg:Statement`` subject–relation–object (by the relation's ``skos:notation``)?"""
    pairs = [(subject, obj), (obj, subject)] if either_way else [(subject, obj)]
    return any(graph.query(SPARQL_PREFIXES + f"""
        ASK {{ ?st a kg:Statement ; rdf:subject actor:{s} ; rdf:predicate ?p ; rdf:object actor:{o} .
               ?p skos:notation "{relation}" }}""").askAnswer for s, o in pairs)


def graph_data(html: str) -> dict:
    """The JSON payload a rendered page carries."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.DOTALL)
    assert match, "no kg-data block in the page"
    return json.loads(match.group(1))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a folder (hidden temp files too) with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(autouse=True)
def restore_kg_logger():
    """The CLI rewires the ``kg`` logger for its warning lines; give other tests theirs back."""
    logger = logging.getLogger("kg")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    yield
    logger.handlers[:], logger.level, logger.propagate = saved


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """``kg build seeds/`` once: (result, output folder)."""
    out = tmp_path_factory.mktemp("built")
    return kg("build", SEEDS, "--out", out), out


@pytest.fixture(scope="module")
def graph_file(built) -> Path:
    return built[1] / "graph.ttl"


@pytest.fixture(scope="module")
def seed_rdf(graph_file) -> Graph:
    return Graph().parse(graph_file, format="turtle")


@pytest.fixture(scope="module")
def seed_lines() -> list[dict]:
    return [json.loads(line) for line in kg("extract", SEEDS, "--format", "jsonl").stdout.splitlines()]


# ---------------------------------------------------------------- build

def test_build_writes_turtle_and_html(built, seed_rdf):
    result, out = built
    assert sorted(p.name for p in out.iterdir()) == [".kg-cache.sqlite", "graph.html", "graph.ttl"]  # no temp files left
    assert len(seed_rdf) > 0
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") and "Iran" in html
    assert f"wrote {out / 'graph.ttl'}, {out / 'graph.html'}" in result.stdout
    assert result.stderr == ""


def test_build_summary_counts_match_the_graph(built, seed_rdf):
    summary = built[0].stdout
    assert re.search(r"^documents: 1$", summary, re.MULTILINE)
    sentences = int(re.search(r"^sentences: (\d+)$", summary, re.MULTILINE).group(1))
    actors = int(re.search(r"^actors:\s+(\d+)$", summary, re.MULTILINE).group(1))
    relations = int(re.search(r"^relations: (\d+)$", summary, re.MULTILINE).group(1))
    statements = list(seed_rdf.query(SPARQL_PREFIXES + "SELECT ?s ?o WHERE { ?st a kg:Statement ; "
                                                       "rdf:subject ?s ; rdf:object ?o }"))
    assert relations == len(statements) > 0
    assert actors == len({term for row in statements for term in row})
    assert sentences >= 10
    by_label = dict(re.findall(r"^  (\w+)\s+(\d+)$", summary, re.MULTILINE))
    assert sum(map(int, by_label.values())) == relations


@pytest.mark.parametrize("subject, relation, obj, either_way", [
    ("RUS", "CONSULT", "IRN", True),
    ("RUS", "COOPERATE", "IRN", True),
    ("IRN", "SUPPLY", "RUS", True),
    ("RUS", "AGREE", "IRN", True),
    ("RUS", "ATTACK", "UKR", False),
    ("IRN", "REQUEST", "RUS", False),
])
def test_seed_yields_relation(seed_rdf, subject, relation, obj, either_way):
    assert statement_exists(seed_rdf, subject, relation, obj, either_way)


def test_build_is_deterministic(built, tmp_path):
    kg("build", SEEDS, "--out", tmp_path, "--quiet")
    assert snapshot(tmp_path)["graph.ttl"] == snapshot(built[1])["graph.ttl"]


# ---------------------------------------------------------------- extract

def test_extract_jsonl_keys_and_offsets(seed_lines):
    text = SEED.read_text(encoding="utf-8")
    assert seed_lines
    for line in seed_lines:
        assert set(line) == EXTRACT_KEYS
        assert line["doc"] == SEED.stem
        assert text[line["start"]:line["end"]] == line["sentence"]
        assert isinstance(line["negated"], bool) and isinstance(line["hypothetical"], bool)


def test_extract_agrees_with_the_built_graph(seed_lines, built):
    relations = int(re.search(r"^relations: (\d+)$", built[0].stdout, re.MULTILINE).group(1))
    assert len(seed_lines) == relations


def _cells(line: dict) -> dict[str, str]:
    """A JSON line's fields as the table shows them: flags as words, missing values blank."""
    return {k: ("yes" if v else "no") if isinstance(v, bool) else "" if v is None else str(v) for k, v in line.items()}


def test_extract_table_has_a_header_aligned_columns_and_every_field(seed_lines):
    header, *lines = kg("extract", SEEDS, "--format", "table").stdout.splitlines()
    names = header.split()
    assert set(names) == EXTRACT_KEYS and names[-1] == "sentence"  # every field; the long sentence last
    starts = [header.index(f" {n} ") + 1 if i else 0 for i, n in enumerate(names[:-1])] + [header.index(" sentence") + 1]
    assert len(lines) == len(seed_lines)
    for line, expected in zip(lines, seed_lines):
        assert all(line[i - 1] == " " for i in starts[1:])  # each column starts where its header does
        cells = [line[a:b].strip() for a, b in zip(starts, starts[1:] + [len(line)])]
        assert dict(zip(names, cells)) == _cells(expected)
    assert {"yes", "no"} >= {c for line in lines for c in line.split() if c in ("yes", "no", "true", "false")}


def test_extract_csv_is_the_json_form(seed_lines):
    result = kg("extract", SEEDS, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and list(rows[0]) == list(seed_lines[0])  # the JSON form's fields, in its order
    for row, line in zip(rows, seed_lines, strict=True):
        assert row == {k: ("true" if v else "false") if isinstance(v, bool) else "" if v is None else str(v)
                       for k, v in line.items()}
    assert result.stdout_bytes.endswith(b"\r\n")


@pytest.mark.skipif(not DEV.is_file(), reason=f"{DEV} absent (shared data not checked out)")
def test_extract_dev_gold_file():
    texts = {r["id"]: r["text"] for r in map(json.loads, DEV.read_text(encoding="utf-8").splitlines()) if r}
    lines = [json.loads(line) for line in kg("extract", DEV).stdout.splitlines()]
    assert len({line["doc"] for line in lines}) > len(texts) // 2
    for line in lines:
        assert set(line) == EXTRACT_KEYS
        assert texts[line["doc"]][line["start"]:line["end"]] == line["sentence"]


# ---------------------------------------------------------------- query

def test_query_list_describes_every_ready_query(graph_file):
    entries = kg("query", graph_file, "--list").stdout.strip().split("\n\n")
    assert [e.split("\n", 1)[0] for e in entries] == sorted(p.stem for p in QUERIES.glob("*.rq"))
    for entry in entries:
        fields = dict(line.strip().split(": ", 1) for line in entry.splitlines()[1:] if re.match(r"    \w+: ", line))
        assert fields["counts"], entry  # what its numbers count, or that it counts nothing
        example = shlex.split(fields["example"])
        assert example[:3] == ["kg", "query", "out/graph.ttl"]
        header = kg("query", graph_file, *example[3:]).stdout.splitlines()[0]  # the example runs as shown
        assert header.split() == fields["columns"].split(), entry
    assert "factual statements only" in next(e for e in entries if e.startswith("hostile-cooperative"))
    one = kg("query", graph_file, "supplies", "--list").stdout
    assert one.startswith("supplies\n") and "\n\n" not in one.strip()


def test_query_ready_table(graph_file):
    lines = kg("query", graph_file, "supplies").stdout.splitlines()
    assert lines[0].split() == ["supplier", "recipient", "evidence", "factual"]
    assert set(lines[1]) == {"-", " "}
    assert any(line.split()[:2] == ["actor:IRN", "actor:RUS"] for line in lines[2:])


def test_query_param_csv(graph_file):
    result = kg("query", graph_file, "actor-relations", "--param", "actor=IRN", "--format", "csv")
    text = result.stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {r["actor"] for r in rows} == {"https://kg.example.org/actor/IRN"}
    assert {r["direction"] for r in rows} == {"in", "out"}
    assert any(r["relation"] == "SUPPLY" and r["other"].endswith("/RUS") for r in rows)
    assert result.stdout_bytes.endswith(b"\r\n")  # RFC 4180 lines (CliRunner's .stdout turns them into \n)


def test_query_json(graph_file):
    data = json.loads(kg("query", graph_file, "supplies", "--format", "json").stdout)
    assert data["head"]["vars"] == ["supplier", "recipient", "evidence", "factual"]
    first = data["results"]["bindings"][0]
    assert first["supplier"] == {"type": "uri", "value": "https://kg.example.org/actor/IRN"}


def test_query_rq_file(graph_file, tmp_path):
    assert kg("query", graph_file, QUERIES / "supplies.rq").stdout == kg("query", graph_file, "supplies").stdout
    own = tmp_path / "attacks.rq"
    own.write_text("SELECT ?a ?b WHERE { ?a kg:attacks ?b }\n", encoding="utf-8")
    assert "actor:RUS  actor:UKR" in kg("query", graph_file, own).stdout


def test_query_inline_sparql(graph_file):
    assert kg("query", graph_file, "ASK { actor:RUS kg:attacks actor:UKR }").stdout == "true\n"
    assert kg("query", graph_file, "ASK { actor:UKR kg:attacks actor:RUS }").stdout == "false\n"


def test_query_update_refused_and_graph_untouched(graph_file):
    before = graph_file.read_bytes()
    update = "INSERT DATA { actor:UKR kg:attacks actor:RUS }"
    assert_error(kg("query", graph_file, update, code=2), "updates are not allowed")
    assert kg("query", graph_file, update, "--update").stdout == "ok\n"  # changes only the loaded copy
    assert graph_file.read_bytes() == before


@pytest.mark.parametrize("template", [
    "SELECT * WHERE { SERVICE <URL> { ?s ?p ?o } }",
    "SELECT * WHERE { SERV\\u0049CE <URL> { ?s ?p ?o } }",
    "ASK { ?x ?y ?z FILTER EXISTS { sErViCe SILENT <URL> { ?s ?p ?o } } }",
    "SELECT * FROM <URL> WHERE { ?s ?p ?o }",
])
def test_query_refuses_service_and_from_unless_allowed(graph_file, listener, template):
    url, received = listener
    assert_error(kg("query", graph_file, template.replace("URL", url), code=2), "not allowed", "--allow-remote")
    time.sleep(0.2)
    assert received == []


def test_query_allow_remote_lets_service_out(graph_file, listener):
    url, received = listener
    runner.invoke(app, ["query", str(graph_file), f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                        "--allow-remote", "--timeout", "5"])
    time.sleep(0.2)
    assert received  # the query went out (the listener does not answer, so the query itself fails)


@pytest.mark.parametrize("args, fragment", [
    (["SELECT ?x WHERE { ?x"], "bad SPARQL"),
    (["no-such-query"], "unknown ready query 'no-such-query'"),
    (["missing.rq"], "missing.rq: no such query file"),
    (["actor-relations", "--param", "actor"], "--param needs NAME=VALUE"),
    ([], "give a QUERY"),
])
def test_query_errors(graph_file, args, fragment):
    assert_error(kg("query", graph_file, *args, code=2), fragment)


@pytest.mark.parametrize("content", [b"garbage <<< .\n", b"\x00\x01\x02binary\xff"])
def test_unparseable_graph_is_one_line(tmp_path, content):
    bad = tmp_path / "bad.ttl"
    bad.write_bytes(content)
    for command in (["query", bad, "supplies"], ["stats", bad], ["validate", bad], ["render", bad]):
        assert_error(kg(*command, code=2), f"{bad}:", "cannot parse")


def test_missing_graph_file(tmp_path):
    assert_error(kg("stats", tmp_path / "none.ttl", code=2), "no such file")


# ---------------------------------------------------------------- render, stats, validate

def test_render_focus_depth(graph_file, tmp_path):
    near, far = tmp_path / "near.html", tmp_path / "far.html"
    assert kg("render", graph_file, "--out", near, "--focus", "IRN", "--depth", "1").stdout == f"wrote {near}\n"
    kg("render", graph_file, "--out", far, "--focus", "IRN", "--depth", "2")
    near_data, far_data = (graph_data(p.read_text(encoding="utf-8")) for p in (near, far))
    near_ids = {n["id"] for n in near_data["nodes"]}
    assert near_data["focus"] == "IRN" and {"IRN", "RUS", "USA"} <= near_ids and "UKR" not in near_ids
    assert near_ids < {n["id"] for n in far_data["nodes"]} and "UKR" in {n["id"] for n in far_data["nodes"]}


def test_render_unknown_focus(graph_file, tmp_path):
    assert_error(kg("render", graph_file, "--out", tmp_path / "x.html", "--focus", "Atlantis", code=2),
                 "unknown actor 'Atlantis'")
    assert not (tmp_path / "x.html").exists()


def test_pages_are_titled_from_the_corpus(built, graph_file, tmp_path):
    title = "<title>Russian Missile Experts Visit Iran for Military Cooperation"
    assert title in (built[1] / "graph.html").read_text(encoding="utf-8"), "kg build: the only document's title"
    kg("render", graph_file, "--out", tmp_path / "r.html")
    assert title in (tmp_path / "r.html").read_text(encoding="utf-8"), "kg render: the same, not 'graph.ttl'"
    two = tmp_path / "corpus"
    two.mkdir()
    for name in ("a", "b"):
        (two / f"{name}.txt").write_text("Iran supplied drones to Russia.", encoding="utf-8")
    kg("build", two, "--out", tmp_path / "two")
    assert "<title>corpus — 2 documents, 2 evidence</title>" in (tmp_path / "two" / "graph.html").read_text(
        encoding="utf-8"), "the folder's name and counts"


def test_stats(graph_file, seed_lines):
    lines = kg("stats", graph_file).stdout.splitlines()
    head = re.fullmatch(r"actors: (\d+)  pairs: (\d+)  typed edges: (\d+)  statements: (\d+)", lines[0])
    assert head and int(head.group(4)) == len(seed_lines)
    counts = {}
    for line in lines:
        if m := re.fullmatch(r"([A-Z]+)\s+(\d+)", line):
            counts[m.group(1)] = int(m.group(2))
    expected = {}
    for line in seed_lines:
        expected[line["relation"]] = expected.get(line["relation"], 0) + 1
    assert counts == expected
    actor_rows = [line.split()[0] for line in lines if re.match(r"(RUS|IRN|USA|UKR)\s", line)]
    assert {"RUS", "IRN", "USA", "UKR"} <= set(actor_rows)
    assert lines[-1].startswith("degree: distinct other actors")


def test_stats_and_most_connected_give_the_same_degree(graph_file):
    lines = kg("stats", graph_file).stdout.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("actor ")))
    columns = lines[at].split()
    stats = {}
    for line in lines[at + 1:]:
        if not line.strip():
            break
        cells = line.split()  # names may have spaces: count the numeric cells from the right
        stats[cells[0]] = (cells[-7], cells[-6])  # degree, statements
    queried = kg("query", graph_file, "most-connected", "--format", "csv").stdout
    rows = {r["actor"].rsplit("/", 1)[1]: (r["degree"], r["statements"]) for r in csv.DictReader(io.StringIO(queried))}
    assert columns[2:4] == ["degree", "statements"] and stats == rows and stats["RUS"][0] == "3"


@pytest.mark.parametrize("name", ["Iran", "iran", "Iranian", "Tehran", "IRN"])
def test_query_takes_actor_names(graph_file, name):
    by_code = kg("query", graph_file, "actor-relations", "--param", "actor=IRN").stdout
    assert kg("query", graph_file, "actor-relations", "--param", f"actor={name}").stdout == by_code
    assert by_code.count("actor:IRN") > 3


@pytest.mark.parametrize("args, fragment", [
    (["actor-relations", "--param", "actor=Atlantis"], "unknown actor 'Atlantis'"),
    (["edge-evidence", "--param", "subject=Iran", "--param", "relation=hugs", "--param", "object=Russia"],
     "unknown relation type 'hugs'"),
])
def test_unknown_names_are_one_line_errors_not_empty_tables(graph_file, args, fragment):
    result = kg("query", graph_file, *args, code=2)
    assert_error(result, fragment)
    assert result.stdout == ""


def test_known_actor_missing_from_the_graph_warns(graph_file):
    result = kg("query", graph_file, "actor-relations", "--param", "actor=France")
    assert result.stderr == "kg: warning: France (FRA) is not in this graph: no statements about it\n"
    assert len(result.stdout.splitlines()) == 2  # the header and its rule: rightly empty


def test_render_focus_takes_names(graph_file, tmp_path):
    by_code, by_name = tmp_path / "code.html", tmp_path / "name.html"
    kg("render", graph_file, "--out", by_code, "--focus", "IRN")
    kg("render", graph_file, "--out", by_name, "--focus", "tehran")
    assert graph_data(by_name.read_text(encoding="utf-8")) == graph_data(by_code.read_text(encoding="utf-8"))
    assert_error(kg("render", graph_file, "--out", tmp_path / "fr.html", "--focus", "Paris", code=2),
                 "--focus: Paris (FRA, France) is not in this graph")


def test_validate_built_graph(graph_file):
    assert kg("validate", graph_file).stdout.strip() == "conforms"


def test_validate_broken_graph_fails(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text(SPARQL_PREFIXES.replace("PREFIX ", "@prefix ").replace(">\n", "> .\n") +
                      "<https://kg.example.org/statement/0> a kg:Statement ; rdf:subject actor:IRN .\n",
                      encoding="utf-8")
    result = kg("validate", broken, code=1)
    assert "rdf:object" in result.stdout and "Traceback" not in result.output


# ---------------------------------------------------------------- eval

GOLD = [  # p1: negated SUPPLY, matched; p2: AGREE matched but gold says hypothetical, ALLY missed; p3: no relation
    {"id": "p1", "text": "Iran did not supply drones to Russia.",
     "relations": [{"subject": "IRN", "relation": "SUPPLY", "object": "RUS", "negated": True, "hypothetical": False}]},
    {"id": "p2", "text": "Russia and Iran signed a treaty.",
     "relations": [{"subject": "IRN", "relation": "AGREE", "object": "RUS", "negated": False, "hypothetical": True},
                   {"subject": "RUS", "relation": "ALLY", "object": "IRN"}]},
    {"id": "p3", "text": "The U.S. sanctioned Iranian firms.", "relations": []},
]
# The extractor finds IRN SUPPLY RUS (negated), RUS AGREE IRN, USA SANCTION IRN. By hand:
#   typed, all:     TP 2 (SUPPLY, AGREE), FP 1 (SANCTION), FN 1 (ALLY)          P 2/3  R 2/3  F1 2/3
#   typed, factual: gold {ALLY}, predicted {AGREE, SANCTION}: TP 0 FP 2 FN 1     P 0    R 0    F1 0
#   dyad, all:      gold {IRN-RUS}x2, predicted {IRN-RUS}x2 + {IRN-USA}: TP 2 FP 1 FN 0  P 2/3 R 1 F1 4/5
#   dyad, factual:  gold {IRN-RUS} (p2), predicted {IRN-RUS} (p2), {IRN-USA}: TP 1 FP 1 FN 0  P 1/2 R 1 F1 2/3
#   flags: 2 matched typed relations, 1 with the gold flags (AGREE is not hypothetical) → 0.500
EXPECTED_SCORES = {
    "typed, all": "0.667  0.667  0.667    2    1    1",
    "typed, factual": "0.000  0.000  0.000    0    2    1",
    "dyad, all": "0.667  1.000  0.800    2    1    0",
    "dyad, factual": "0.500  1.000  0.667    1    1    0",
}


@pytest.fixture
def gold_file(tmp_path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in GOLD), encoding="utf-8")
    return path


def test_eval_gold_predictions_are_as_assumed(gold_file):
    found = {(r["doc"], r["subject"], r["relation"], r["object"], r["negated"], r["hypothetical"])
             for r in map(json.loads, kg("extract", gold_file).stdout.splitlines())}
    assert found == {("p1", "IRN", "SUPPLY", "RUS", True, False), ("p2", "RUS", "AGREE", "IRN", False, False),
                     ("p3", "USA", "SANCTION", "IRN", False, False)}


def test_eval_scores_by_hand(gold_file):
    out = kg("eval", gold_file).stdout
    assert out.splitlines()[0] == "passages: 3"
    for name, numbers in EXPECTED_SCORES.items():
        assert re.search(rf"^{re.escape(name)}\s+{re.escape(numbers)}$", out, re.MULTILINE), (name, out)
    assert "flag accuracy: 0.500 (1/2 matched typed relations)" in out


def test_eval_several_files_gives_a_table_each_and_the_pooled_counts(gold_file, tmp_path):
    second = tmp_path / "second.jsonl"
    second.write_text(json.dumps(GOLD[2]) + "\n", encoding="utf-8")  # only the false positive SANCTION
    out = kg("eval", gold_file, second).stdout
    sections = re.split(r"^== ", out, flags=re.MULTILINE)[1:]
    assert [s.splitlines()[0] for s in sections] == [str(gold_file), str(second), "pooled (2 files)"]
    assert re.search(r"^typed, all\s+0\.000  0\.000  0\.000    0    1    0$", sections[1], re.MULTILINE)
    # pooled: the counts add up (TP 2, FP 1+1, FN 1), so P 2/4, R 2/3
    assert re.search(r"^typed, all\s+0\.500  0\.667  0\.571    2    2    1$", sections[2], re.MULTILINE)
    assert sections[2].splitlines()[1] == "passages: 4"


def test_eval_by_label(gold_file):
    out = kg("eval", gold_file, "--by-label").stdout
    table = dict(re.findall(r"^(AGREE|ALLY|SANCTION|SUPPLY)\s+(.*)$", out, re.MULTILINE))
    assert table == {"AGREE": "1.000  1.000  1.000    1    0    0", "ALLY": "0.000  0.000  0.000    0    0    1",
                     "SANCTION": "0.000  0.000  0.000    0    1    0", "SUPPLY": "1.000  1.000  1.000    1    0    0"}


def test_eval_errors(gold_file):
    out = kg("eval", gold_file, "--errors").stdout
    misses = re.findall(r"^(FLAG|FP|FN)\s+(\w+): (.*)$", out, re.MULTILINE)
    assert sorted(misses) == [("FLAG", "p2", "RUS AGREE IRN"), ("FN", "p2", "RUS ALLY IRN"),
                              ("FP", "p3", "USA SANCTION IRN")]
    assert "       The U.S. sanctioned Iranian firms." in out.splitlines()


def test_eval_malformed_gold(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD[0]) + "\n{not json\n", encoding="utf-8")
    assert_error(kg("eval", gold, code=2), f"{gold}:2:")


# ---------------------------------------------------------------- bad input, no half-written output

def test_missing_path(tmp_path):
    out = tmp_path / "out"
    assert_error(kg("build", tmp_path / "nothing-here", "--out", out, code=2), "no such file or folder")
    assert not out.exists()


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n\t\n", "empty file"),
    ("binary.txt", b"Iran\x00\x01\x02\x03 supplied drones", "binary file"),
])
def test_unreadable_only_input_fails_without_output(tmp_path, name, content, reason):
    source, out = tmp_path / name, tmp_path / "out"
    source.write_bytes(content)
    result = kg("build", source, "--out", out, code=2)
    assert_error(result, "no documents to build from")
    assert f"kg: warning: {source}: {reason}" in result.stderr
    assert not (out / "graph.ttl").exists()


def test_failed_rebuild_leaves_outputs_byte_identical(built, tmp_path):
    out = tmp_path / "out"
    kg("build", SEED, "--out", out, "--quiet")
    before = snapshot(out)
    (tmp_path / "empty.txt").write_bytes(b"")
    assert_error(kg("build", tmp_path / "empty.txt", "--out", out, code=2))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Iran supplied drones to Russia."}\n{oops\n', encoding="utf-8")
    assert_error(kg("build", bad, "--out", out, "--strict", code=2), f"{bad}:2:")
    assert snapshot(out) == before


def test_unwritable_output_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert_error(kg("build", SEED, "--out", blocker, code=1), str(blocker))
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_failed_html_write_keeps_the_old_turtle(tmp_path):
    out = tmp_path / "out"
    kg("build", SEED, "--out", out, "--quiet")
    turtle = (out / "graph.ttl").read_bytes()
    (out / "graph.html").unlink()
    (out / "graph.html").mkdir()  # the page cannot replace a folder
    other = tmp_path / "other.txt"
    other.write_text("Iran threatened Israel with retaliation.\n", encoding="utf-8")
    assert_error(kg("build", other, "--out", out, code=1))
    assert (out / "graph.ttl").read_bytes() == turtle


def test_invalid_utf8_warns_and_builds(tmp_path):
    source, out = tmp_path / "latin.txt", tmp_path / "out"
    source.write_bytes("Iran supplied drones to Russia in 2023 \u2013 caf\u00e9.\n".encode("cp1252"))
    result = kg("build", source, "--out", out)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("kg: warning: ")]
    assert len(warnings) == 1 and warnings[0].startswith(f"kg: warning: {source}: invalid UTF-8")
    assert (out / "graph.ttl").is_file()
    assert statement_exists(Graph().parse(out / "graph.ttl"), "IRN", "SUPPLY", "RUS")


def test_malformed_jsonl_line_warns_then_strict_fails(tmp_path):
    source, out = tmp_path / "news.jsonl", tmp_path / "out"
    source.write_text('{"id": "a", "text": "Iran supplied drones to Russia."}\n{oops\n'
                      '{"id": "b", "text": "Russia invaded Ukraine."}\n', encoding="utf-8")
    result = kg("build", source, "--out", out)
    warnings = result.stderr.splitlines()
    assert len(warnings) == 1 and warnings[0].startswith(f"kg: warning: {source}:2: invalid JSON")
    assert re.search(r"^documents: 2$", result.stdout, re.MULTILINE)
    assert "skipped:   malformed: 1" in result.stdout
    strict_out = tmp_path / "strict"
    assert_error(kg("build", source, "--out", strict_out, "--strict", code=2), f"{source}:2: invalid JSON")
    assert not strict_out.exists()


def test_extract_strict_malformed_line(tmp_path):
    source = tmp_path / "news.jsonl"
    source.write_text('[1, 2]\n', encoding="utf-8")
    assert_error(kg("extract", source, "--strict", code=2), f"{source}:1: expected a JSON object")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_an_example(command):
    assert re.search(r"^\s*Examples?: kg " + command, kg(command, "--help").stdout, re.MULTILINE)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_flags_as_flags(command):
    text = kg(command, "--help").stdout
    assert "<bool>" not in text and "BOOL" not in text
    assert re.search(r"--help\s+Show this message", text)


def test_help_shows_value_placeholders():
    text = kg("build", "--help").stdout
    assert re.search(r"--strict\s+Stop at the first", text) and re.search(r"--out\s+DIR\s", text)
    assert re.search(r"--param\s+NAME=VALUE\s", kg("query", "--help").stdout)


@pytest.mark.parametrize("args", [["build"], ["query", "g.ttl", "q", "--format", "xml"]])
def test_usage_errors_are_one_line(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.startswith("kg: error: ") and len(result.stderr.splitlines()) == 1


# ---------------------------------------------------------------- a real process

def run_kg_all(*commands: tuple[object, ...]) -> list[tuple[int, str, str]]:
    """``python -m kg.cli ARGS`` for each command, in parallel processes: (exit code, stdout, stderr).

    Output is decoded without newline translation, so CRLF stays visible.
    """
    processes = [subprocess.Popen([sys.executable, "-m", "kg.cli", *map(str, args)], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for args in commands]
    done = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        done.append((process.returncode, out.decode("utf-8"), err.decode("utf-8")))
    return done


def test_process_exit_codes_and_no_traceback(graph_file, tmp_path):
    failing = [
        (("build", tmp_path / "missing", "--out", tmp_path / "out"), 2, "no such file or folder"),
        (("query", graph_file, "SELECT ?x WHERE { ?x"), 2, "bad SPARQL"),
        (("query", graph_file, "DROP ALL"), 2, "updates are not allowed"),
    ]
    ok, *results = run_kg_all(("query", graph_file, "supplies", "--format", "csv"), *(f[0] for f in failing))
    assert ok[0] == 0 and ok[1].startswith("supplier,recipient,evidence,factual\r\n") and ok[2] == ""
    for (code, out, err), (args, expected_code, fragment) in zip(results, failing):
        assert code == expected_code, (args, err)
        assert err.startswith("kg: error: ") and fragment in err, (args, err)
        assert len(err.splitlines()) == 1 and "Traceback" not in err
        assert out == ""
    assert not (tmp_path / "out").exists()


def test_incremental_build_equals_a_full_rebuild(tmp_path):
    corpus, out, full = tmp_path / "corpus", tmp_path / "out", tmp_path / "full"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Iran supplied drones to Russia in 2023.\n", encoding="utf-8")
    kg("build", corpus, "--out", out, "--quiet")
    (corpus / "b.txt").write_text("Russia and Iran signed a treaty. Israel attacked Iran.\n", encoding="utf-8")
    result = kg("build", corpus, "--out", out)
    assert "documents: 2 (1 unchanged, from the cache)" in result.stdout
    kg("build", corpus, "--out", full, "--quiet", "--no-cache")
    assert (out / "graph.ttl").read_bytes() == (full / "graph.ttl").read_bytes()
    assert (out / "graph.html").read_bytes() == (full / "graph.html").read_bytes()


def test_slow_query_is_cut_by_the_timeout(graph_file):
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    assert_error(kg("query", graph_file, cross, "--timeout", "0.5", code=1), "cut off after 0.5 s")


def test_two_workers_build_the_same_graph(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    kg("build", SEED, "--out", one, "--quiet", "--no-cache")
    kg("build", SEED, "--out", two, "--quiet", "--no-cache", "--workers", "2")
    assert (one / "graph.ttl").read_bytes() == (two / "graph.ttl").read_bytes()


def test_build_into_an_oxigraph_store_then_use_it_as_a_graph(tmp_path):
    store = f"oxigraph:{tmp_path / 'store'}"
    result = kg("build", SEED, "--out", tmp_path / "out", "--store", store)
    assert re.search(r"^wrote \d+ triples to oxigraph:", result.stdout, re.MULTILINE)
    assert not (tmp_path / "out" / "graph.ttl").exists()
    supplies = kg("query", store, "supplies", "--format", "csv").stdout
    assert "/IRN," in supplies and "/RUS," in supplies
    kg("build", SEED, "--out", tmp_path / "file", "--quiet", "--no-cache")
    from_file = kg("export", tmp_path / "file" / "graph.ttl", "--format", "nt").stdout
    from_store = kg("export", store, "--format", "nt").stdout
    # Oxigraph hands plain literals back as "x"^^xsd:string: the same RDF 1.1 term
    assert from_store.replace("^^<http://www.w3.org/2001/XMLSchema#string>", "") == from_file
    assert kg("stats", store).stdout == kg("stats", tmp_path / "file" / "graph.ttl").stdout
    assert kg("validate", store).stdout.startswith("conforms")
    kg("render", store, "--out", tmp_path / "store.html")
    assert "vis-network" in (tmp_path / "store.html").read_text(encoding="utf-8").lower()


def test_a_locked_store_is_one_line_error(tmp_path):
    from kg.stores import close_store, open_store

    spec = f"oxigraph:{tmp_path / 'store'}"
    held = open_store(spec)
    try:
        assert_error(kg("query", spec, "supplies", code=2), "cannot open the Oxigraph store")
    finally:
        close_store(held)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "trig", "graphml", "gexf", "csv"])
def test_export_every_format(graph_file, tmp_path, fmt):
    target = tmp_path / f"graph.{fmt}"
    kg("export", graph_file, "--format", fmt, "--out", target)
    text = target.read_text(encoding="utf-8")
    assert "IRN" in text and "RUS" in text


# ---------------------------------------------------------------- --knowledge overlays


@pytest.fixture
def knowledge(tmp_path) -> Path:
    """A folder that adds a state of its own, a trigger verb and a cue word."""
    folder = tmp_path / "knowledge"
    (folder / "actors").mkdir(parents=True)
    (folder / "actors" / "states.csv").write_text(
        "code,name,short_forms,demonyms,capitals,institutions,wikidata\n"
        "XQZ,Freedonia,,Freedonian,Fredville,,\n", encoding="utf-8")
    (folder / "triggers.toml").write_text(
        '[[trigger]]\nrelation = "ATTACK"\nverbs = ["smite"]\nobject_preps = ["on"]\n', encoding="utf-8")
    return folder


def _triples(result) -> set[tuple[str, str, str]]:
    return {(r["subject"], r["relation"], r["object"]) for r in map(json.loads, result.stdout.splitlines())}


def test_knowledge_overlay_adds_actors_and_triggers(tmp_path, knowledge):
    text = tmp_path / "t.txt"
    text.write_text("Freedonia smote Russia on Monday. Fredville condemned Moscow.", encoding="utf-8")
    assert _triples(kg("extract", text)) == set()  # the shipped knowledge knows neither
    found = _triples(kg("extract", text, "--knowledge", knowledge))
    assert {("XQZ", "ATTACK", "RUS"), ("XQZ", "OPPOSE", "RUS")} <= found
    assert _triples(kg("extract", text)) == set()  # and nothing stays behind


@pytest.mark.parametrize("name, content, message", [
    ("actors/states.csv", "code,name,short_forms,demonyms,capitals,institutions,wikidata\nxx,Bad,,,,,\n",
     "states.csv:2: bad or repeated code 'xx'"),
    ("actors/leaders.csv", "code,name\nRUS,Nobody\n", "leaders.csv:1: missing columns aliases, role, start, end"),
    ("cues.toml", "[negation]\nnot_a_cue = [\"x\"]\n", "cues.toml: [negation] not_a_cue: no such cue"),
    ("triggers.toml", '[[trigger]]\nrelation = "ATACK"\nverbs = ["smite"]\n', "triggers.toml trigger #1"),
])
def test_knowledge_overlay_errors_name_the_file(tmp_path, name, content, message):
    folder = tmp_path / "bad"
    (folder / "actors").mkdir(parents=True)
    (folder / name).write_text(content, encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("Russia attacked Ukraine.", encoding="utf-8")
    assert_error(kg("extract", text, "--knowledge", folder, code=2), message)


# ---------------------------------------------------------------- small holes closed (issue 15)

def test_query_rejects_a_repeated_param_an_empty_query_and_a_lone_surrogate(graph_file):
    assert_error(kg("query", graph_file, "actor-relations", "--param", "actor=IRN", "--param", "actor=RUS", code=2),
                 "--param actor given twice")
    for empty in ("", "   ", "# nothing\n", "PREFIX x: <urn:x>"):
        line = assert_error(kg("query", graph_file, empty, code=2), "the query is empty")
        assert "update" not in line
    assert_error(kg("query", graph_file, 'SELECT * WHERE { ?s ?p "\\ud800" }', code=2), "lone surrogate")


def test_ids_with_tabs_and_newlines_keep_tables_on_one_line(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a\tb\nc", "text": "Iran supplied drones to Russia."}) + "\n")
    lines = kg("extract", corpus, "--format", "table").stdout.splitlines()
    assert len(lines) == 2 and lines[1].split()[:5] == ["a", "b", "c", "IRN", "SUPPLY"]
    out = tmp_path / "out"
    kg("build", corpus, "--out", out, "--quiet")
    table = kg("query", out / "graph.ttl", "SELECT ?id WHERE { ?d dcterms:identifier ?id }").stdout.splitlines()
    assert table[2:] == ["a b c"]


def test_extract_on_only_empty_or_binary_files_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"Iran\x00\x01\x02\x03 supplied drones")
    result = kg("extract", tmp_path / "empty.txt", tmp_path / "binary.txt", code=2)
    assert_error(result, "no documents to extract from")
    assert result.stdout == ""


def test_build_of_a_folder_holding_its_output_never_reads_the_output(tmp_path, monkeypatch):
    (tmp_path / "news.txt").write_text("Iran supplied drones to Russia.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        result = kg("build", ".")
        assert re.search(r"^documents: 1( |$)", result.stdout, re.MULTILINE), result.stdout
        assert "skipped" not in result.stdout
    assert (tmp_path / "out" / "graph.html").is_file()


def test_temporary_outputs_of_a_killed_build_are_removed_by_the_next(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = [out / ".graph.ttl.999999999.k2j4.tmp", out / ".graph.html.999999999.x9a1.tmp",
             out / ".kg-cache.sqlite.999999999.tmp"]
    for path in stale:
        path.write_text("left by a build that was killed")
    kg("build", SEED, "--out", out, "--quiet")
    assert sorted(p.name for p in out.iterdir()) == [".kg-cache.sqlite", "graph.html", "graph.ttl"]
