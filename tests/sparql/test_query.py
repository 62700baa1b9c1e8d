"""kg.query: prefixes, safe parameters, update refusal, ready queries and output formats."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import KgError
from kg.knowledge.terms import ACTOR, KG
from kg.knowledge.terms import PREFIXES as NAMESPACES
from kg.rdf.writing import graph_from, with_ontology
from kg.records import Actor, Assertion, Document
from kg.sparql.engine import PREFIXES, bind_value, run_query, with_prefixes
from kg.sparql.formats import format_result, short_name
from kg.sparql.ready import ready_queries, resolve_query

ACTORS = {a.id: a for a in (Actor("IRN", "Iran", wikidata="Q794"), Actor("RUS", "Russia", wikidata="Q159"),
                            Actor("USA", "United States", wikidata="Q30"), Actor("ISR", "Israel", wikidata="Q801"))}
TEXT = {
    "a": ["Iran supplied drones to Russia in 2023, Bloomberg reported.", "Tehran denied supplying missiles to Moscow."],
    "b": ["Russia and Iran cooperated in April 2024.", 'The U.S. sanctioned Iran, "firmly", Reuters said.',
          "Russia and the United States could hold talks.", "Iran threatened Israel."],
}
# doc, sentence, subject, relation, object, negated, hypothetical, date, source
ROWS = [
    ("a", 0, "IRN", "SUPPLY", "RUS", False, False, "2023", "Bloomberg"),
    ("a", 1, "IRN", "SUPPLY", "RUS", True, False, None, None),
    ("b", 0, "RUS", "COOPERATE", "IRN", False, False, "2024-04", None),
    ("b", 1, "USA", "SANCTION", "IRN", False, False, "2024-04", "Reuters"),
    ("b", 2, "RUS", "CONSULT", "USA", False, True, None, None),
    ("b", 3, "IRN", "THREATEN", "ISR", False, False, None, None),
]


def offsets(doc: str, index: int) -> tuple[int, int]:
    start = sum(len(s) + 1 for s in TEXT[doc][:index])
    return start, start + len(TEXT[doc][index])


ASSERTIONS = [Assertion(d, s, r, o, n, h, date, src, TEXT[d][i], *offsets(d, i)) for d, i, s, r, o, n, h, date, src in ROWS]
DOCUMENTS = [Document("a", " ".join(TEXT["a"]), date="2024-05-01"), Document("b", " ".join(TEXT["b"]))]


@pytest.fixture
def graph() -> Graph:
    return with_ontology(graph_from(ASSERTIONS, DOCUMENTS, ACTORS))


def rows(result) -> list[tuple[str, ...]]:
    return [tuple(short_name(v) for v in row) for row in result]


def ready(name: str, graph: Graph, **params: str) -> list[tuple[str, ...]]:
    return rows(run_query(graph, ready_queries()[name].text, params))


# ---------------------------------------------------------------- prefixes

def test_prefixes_text_declares_every_namespace():
    for prefix, namespace in NAMESPACES.items():
        assert f"PREFIX {prefix}: <{namespace}>" in PREFIXES


def test_prefixes_are_predeclared(graph):
    assert rows(run_query(graph, "SELECT ?o WHERE { actor:IRN kg:supplies ?o }")) == [("actor:RUS",)]


def test_own_prefix_declaration_wins(graph):
    text = "PREFIX kg: <http://example.org/other#> SELECT ?o WHERE { ?s kg:supplies ?o }"
    assert rows(run_query(graph, text)) == []
    assert with_prefixes(text).count("PREFIX kg:") == 1 and "PREFIX actor:" in with_prefixes(text)


# ---------------------------------------------------------------- parameters

def test_bind_value_rules():
    assert bind_value("actor", "IRN") == ACTOR.IRN
    assert bind_value("actor2", "RUS") == ACTOR.RUS
    assert bind_value("subject", "USA") == ACTOR.USA
    assert bind_value("relation", "SUPPLY") == Literal("SUPPLY")
    assert bind_value("label", "kg:supplies") == Literal("kg:supplies")
    assert bind_value("p", "kg:supplies") == KG.supplies
    assert bind_value("x", "https://kg.example.org/actor/IRN") == ACTOR.IRN
    assert bind_value("source", "Bloomberg") == Literal("Bloomberg")
    assert bind_value("x", "IRN") == Literal("IRN")
    with pytest.raises(KgError, match="not a valid IRI"):
        bind_value("x", "http://x> } DROP ALL")


def test_parameter_binds(graph):
    text = "SELECT ?o WHERE { ?actor kg:supplies ?o }"
    assert rows(run_query(graph, text, {"actor": "IRN"})) == [("actor:RUS",)]
    assert rows(run_query(graph, text, {"?actor": "RUS"})) == []


@pytest.mark.parametrize("value", ["IRN> } ; DROP ALL ; #", 'Bloomberg" } ; DROP ALL ; #', "IRN } UNION { ?s ?p ?o"])
def test_parameters_do_not_inject(graph, value):
    size = len(graph)
    with pytest.raises(KgError, match="unknown actor"):  # an actor is looked up by name first
        run_query(graph, "SELECT ?o WHERE { ?actor kg:supplies ?o }", {"actor": value})
    assert rows(run_query(graph, "SELECT ?o WHERE { ?x kg:supplies ?o }", {"x": value})) == []
    assert rows(run_query(graph, "SELECT ?s WHERE { ?s kg:source ?source }", {"source": value})) == []
    assert len(graph) == size


@pytest.mark.parametrize("name", ["Iran", "iran", "IRAN", "irn", "Iranian", "Tehran", " Islamic  Republic of Iran "])
def test_actor_parameters_take_names(graph, name):
    assert ready("actor-relations", graph, actor=name) == ready("actor-relations", graph, actor="IRN")


def test_relation_parameter_takes_names(graph):
    expected = ready("edge-evidence", graph, subject="IRN", relation="SUPPLY", object="RUS")
    assert expected
    assert ready("edge-evidence", graph, subject="Iran", relation="supplies", object="Moscow") == expected
    assert ready("edge-evidence", graph, subject="iran", relation="supply", object="russia") == expected


@pytest.mark.parametrize("params, message", [
    ({"actor": "Atlantis"}, "unknown actor 'Atlantis'"),
    ({"subject": "IRN", "relation": "hugs", "object": "RUS"}, "unknown relation type 'hugs' (known: AGREE, AID,"),
])
def test_unknown_names_are_errors_not_empty_answers(graph, params, message):
    name = "actor-relations" if "actor" in params else "edge-evidence"
    with pytest.raises(KgError, match=re.escape(message)):
        ready(name, graph, **params)


def test_known_actor_absent_from_the_graph_warns(graph, caplog):
    assert ready("actor-relations", graph, actor="France") == []
    assert "France (FRA) is not in this graph" in caplog.text


def test_iris_and_prefixed_names_are_not_looked_up(graph):
    assert ready("actor-relations", graph, actor="actor:IRN") == ready("actor-relations", graph, actor="IRN")
    assert ready("actor-relations", graph, actor="https://kg.example.org/actor/XYZ") == []


def test_unknown_parameter_is_an_error(graph):
    with pytest.raises(KgError, match=r"no variable \?actr"):
        run_query(graph, "SELECT ?o WHERE { ?actor kg:supplies ?o }", {"actr": "IRN"})
    with pytest.raises(KgError, match="bad parameter name"):
        run_query(graph, "SELECT ?o WHERE { ?actor kg:supplies ?o }", {"a b": "IRN"})


# ---------------------------------------------------------------- updates and errors

@pytest.mark.parametrize("text", [
    "DROP ALL",
    "CLEAR DEFAULT",
    "INSERT DATA { actor:IRN kg:attacks actor:RUS }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://example.org/> INSERT { ?s ex:p ?o } WHERE { ?s kg:supplies ?o }",
    "LOAD <http://example.org/x.ttl>",
    "CREATE GRAPH <http://example.org/g>",
])
def test_update_refused(graph, text):
    size = len(graph)
    with pytest.raises(KgError, match="updates are not allowed"):
        run_query(graph, text)
    assert len(graph) == size


def test_update_allowed(graph):
    assert run_query(graph, "INSERT DATA { actor:IRN kg:attacks actor:ISR }", allow_update=True) is None
    assert (ACTOR.IRN, KG.attacks, ACTOR.ISR) in graph
    assert format_result(None) == "ok\n"


@pytest.mark.parametrize("text", [
    "SELEC ?x WHERE { ?x ?y ?z }",
    "SELECT ?x WHERE {\n  ?x ?y\n}",
    "SELECT * WHERE { ?s nope:p ?o }",
    "INSERT DATA { kg:x kg:y }",
    "",
])
def test_bad_sparql_is_one_line(graph, text):
    with pytest.raises(KgError) as caught:
        run_query(graph, text, allow_update=True)
    assert str(caught.value).startswith("bad SPARQL: ")
    assert "\n" not in str(caught.value)


# ---------------------------------------------------------------- ready queries

EXPECTED_QUERIES = {"supplies", "actor-relations", "hostile-cooperative", "timeline", "edge-evidence",
                    "most-connected", "negated-hypothetical", "by-source", "relation-types"}


def test_ready_queries_are_described():
    queries = ready_queries()
    assert EXPECTED_QUERIES <= set(queries)
    for query in queries.values():
        assert query.description and query.summary() == query.description.split("\n")[0]
        assert not query.summary().startswith(("param:", "counts:"))
        assert query.counts and "counts:" not in query.description  # every query says what it counts
    assert queries["actor-relations"].params == {"actor": "an actor code or name, e.g. IRN or Iran"}
    assert queries["hostile-cooperative"].counts.startswith("factual statements only")
    assert set(queries["edge-evidence"].params) == {"subject", "relation", "object"}
    assert queries["supplies"].params == {}


@pytest.mark.parametrize("name", sorted(EXPECTED_QUERIES))
def test_ready_queries_run_on_shared_sample(name, sample_assertions, sample_documents, sample_actors):
    g = with_ontology(graph_from(sample_assertions, sample_documents, sample_actors))
    params = {"actor": "IRN"} if name == "actor-relations" else (
        {"subject": "IRN", "relation": "SUPPLY", "object": "RUS"} if name == "edge-evidence" else {})
    assert rows(run_query(g, ready_queries()[name].text, params))


def test_supplies(graph):
    assert ready("supplies", graph) == [("actor:IRN", "actor:RUS", "2", "1")]


def test_actor_relations(graph):
    assert ready("actor-relations", graph, actor="IRN") == [
        ("actor:IRN", "in", "COOPERATE", "actor:RUS", "1", "1"),
        ("actor:IRN", "in", "SANCTION", "actor:USA", "1", "1"),
        ("actor:IRN", "out", "SUPPLY", "actor:RUS", "2", "1"),
        ("actor:IRN", "out", "THREATEN", "actor:ISR", "1", "1"),
    ]


def test_hostile_cooperative(graph):
    assert ready("hostile-cooperative", graph) == [
        ("actor:IRN", "actor:ISR", "0", "1", "-1"),
        ("actor:IRN", "actor:USA", "0", "1", "-1"),
        ("actor:IRN", "actor:RUS", "2", "0", "2"),
    ]


def test_timeline(graph):
    assert ready("timeline", graph) == [
        ("2023", "actor:IRN", "SUPPLY", "actor:RUS", "false", "false", "1"),
        ("2024-04", "actor:RUS", "COOPERATE", "actor:IRN", "false", "false", "1"),
        ("2024-04", "actor:USA", "SANCTION", "actor:IRN", "false", "false", "1"),
        ("2024-05-01", "actor:IRN", "SUPPLY", "actor:RUS", "true", "false", "1"),  # the document's date
    ]


def test_edge_evidence(graph):
    found = ready("edge-evidence", graph, subject="IRN", relation="SUPPLY", object="RUS")
    assert [(r[3], r[4], r[6], r[8], r[9], r[10]) for r in found] == [
        ("a", "0", "false", "2023", "Bloomberg", TEXT["a"][0]),
        ("a", str(len(TEXT["a"][0]) + 1), "true", "", "", TEXT["a"][1]),
    ]
    assert ready("edge-evidence", graph, subject="RUS", relation="SUPPLY", object="IRN") == []


def test_edge_evidence_symmetric_either_direction(graph):
    (row,) = ready("edge-evidence", graph, subject="IRN", relation="COOPERATE", object="RUS")
    assert row[-1] == TEXT["b"][0]
    assert ready("edge-evidence", graph, subject="IRN", relation="SANCTION", object="USA") == []


def test_most_connected(graph):
    # degree: distinct other actors, negated and hypothetical statements included (Russia–US talks "could" happen)
    assert ready("most-connected", graph) == [
        ("actor:IRN", "Iran", "3", "5", "4"),
        ("actor:RUS", "Russia", "2", "4", "2"),
        ("actor:USA", "United States", "2", "2", "1"),
        ("actor:ISR", "Israel", "1", "1", "1"),
    ]


def test_negated_hypothetical(graph):
    found = ready("negated-hypothetical", graph)
    assert [r[:5] for r in found] == [
        ("actor:IRN", "SUPPLY", "actor:RUS", "true", "false"),
        ("actor:RUS", "CONSULT", "actor:USA", "false", "true"),
    ]


def test_by_source(graph):
    assert ready("by-source", graph) == [
        ("Bloomberg", "actor:IRN", "SUPPLY", "actor:RUS", "1", "1"),
        ("Reuters", "actor:USA", "SANCTION", "actor:IRN", "1", "1"),
    ]


def test_relation_types(graph):
    found = {r[0]: r for r in ready("relation-types", graph)}
    assert len(found) == 13
    assert found["SUPPLY"] == ("SUPPLY", "kg:supplies", "supplies", "kg:Cooperative", "kg:MaterialCooperation",
                               "false", "AID", "07")
    assert found["OPPOSE"][6:] == ("ACCUSE PROTEST REJECT", "11 12 14")
    assert found["CONFLICT"][5] == "true"


def test_resolve_query(tmp_path):
    assert resolve_query("supplies") == ready_queries()["supplies"].text
    path = tmp_path / "mine.rq"
    path.write_text("ASK { ?s ?p ?o }")
    assert resolve_query(str(path)) == "ASK { ?s ?p ?o }"
    assert resolve_query("SELECT * WHERE { ?s ?p ?o }") == "SELECT * WHERE { ?s ?p ?o }"
    with pytest.raises(KgError, match="unknown ready query 'suplies'"):
        resolve_query("suplies")
    with pytest.raises(KgError, match="no such query file"):
        resolve_query(str(tmp_path / "missing.rq"))


# ---------------------------------------------------------------- output formats

def test_table(graph):
    text = format_result(run_query(graph, ready_queries()["supplies"].text))
    assert text.splitlines() == [
        "supplier   recipient  evidence  factual",
        "---------  ---------  --------  -------",
        "actor:IRN  actor:RUS  2         1",
    ]


def test_short_name():
    assert short_name(URIRef("http://example.org/x")) == "<http://example.org/x>"
    assert short_name(URIRef("https://kg.example.org/doc/a/sentence/0-5")) == "<https://kg.example.org/doc/a/sentence/0-5>"
    assert short_name(Literal("two\nlines")) == "two lines"
    assert short_name(None) == ""


def test_csv_is_rfc4180(graph):
    text = format_result(run_query(graph, "SELECT ?s ?text WHERE { ?s kg:source \"Reuters\" ; "
                                          "prov:wasDerivedFrom/kg:text ?text }"), "csv")
    assert text.endswith("\r\n") and text.count("\r\n") == 2
    header, row = list(csv.reader(io.StringIO(text, newline="")))
    assert header == ["s", "text"]
    assert row[0].startswith("https://kg.example.org/statement/") and row[1] == TEXT["b"][1]
    assert '""firmly""' in text


def test_json_results(graph):
    data = json.loads(format_result(run_query(graph, ready_queries()["supplies"].text), "json"))
    assert data["head"]["vars"] == ["supplier", "recipient", "evidence", "factual"]
    (binding,) = data["results"]["bindings"]
    assert binding["supplier"] == {"type": "uri", "value": str(ACTOR.IRN)}
    assert binding["evidence"] == {"type": "literal", "value": "2",
                                   "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    lang = json.loads(format_result(run_query(graph, "SELECT ?n WHERE { actor:IRN rdfs:label ?n }"), "json"))
    assert lang["results"]["bindings"][0]["n"] == {"type": "literal", "value": "Iran", "xml:lang": "en"}


def test_unbound_values(graph):
    result = run_query(graph, "SELECT ?s ?date WHERE { ?s a kg:Statement OPTIONAL { ?s kg:date ?date } }")
    data = json.loads(format_result(result, "json"))
    assert any("date" not in b for b in data["results"]["bindings"])


def test_ask(graph):
    result = run_query(graph, "ASK { actor:IRN kg:supplies actor:RUS }")
    assert format_result(result) == "true\n" and format_result(result, "csv") == "true\n"
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": True}
    assert format_result(run_query(graph, "ASK { actor:RUS kg:supplies actor:IRN }")) == "false\n"


def test_construct(graph):
    result = run_query(graph, "CONSTRUCT { ?a kg:supplies ?b } WHERE { ?a kg:supplies ?b }")
    assert "actor:IRN kg:supplies actor:RUS ." in format_result(result)
    assert format_result(result, "csv").splitlines()[1] == f"{ACTOR.IRN},{KG.supplies},{ACTOR.RUS}"
    assert json.loads(format_result(result, "json"))[0]["@id"] == str(ACTOR.IRN)


def test_unknown_format(graph):
    with pytest.raises(KgError, match="unknown output format"):
        format_result(run_query(graph, "ASK {}"), "xml")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERV\\u0049CE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b ?c MINUS { SERVICE SILENT <http://127.0.0.1:9/> { ?a ?b ?c } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "DESCRIBE ?s FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }",
])
def test_remote_access_is_refused_on_the_algebra(text):
    from kg.rdf.terms import new_graph
    from kg.sparql.engine import Refused, run_query

    with pytest.raises(Refused):
        run_query(new_graph(), text, allow_remote=False)
