"""kg.validate: SHACL shapes pass good data and catch broken statements, sentences and actors."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

from kg.knowledge.terms import ACTOR, KG
from kg.rdf.terms import sentence_iri, statement_iri
from kg.rdf.writing import graph_from, with_ontology
from kg.records import Assertion
from kg.validate import shapes, validate


@pytest.fixture
def graph(sample_assertions, sample_documents, sample_actors) -> Graph:
    return graph_from(sample_assertions, sample_documents, sample_actors)


@pytest.fixture
def statement(sample_assertions) -> URIRef:
    return statement_iri(sample_assertions[0])  # IRN SUPPLY RUS, factual, dated 2023


def broken(graph: Graph) -> str:
    conforms, report = validate(graph)
    assert not conforms
    return report


def test_shapes_parse():
    assert len(shapes()) > 50


def test_good_data_conforms(graph):
    assert validate(graph) == (True, "conforms")


def test_good_data_with_ontology_conforms(graph):
    assert validate(with_ontology(graph)) == (True, "conforms")


def test_rdfs_inference_gives_the_same_answer(graph):
    assert validate(graph, inference="rdfs")[0]


def test_unknown_actor_conforms():
    assert validate(graph_from([Assertion("d", "XYZ", "OPPOSE", "IRN", False, False, None, None, "x", 0, 1)]))[0]


def test_validate_does_not_change_the_graph(graph):
    size = len(graph)
    validate(graph)
    assert len(graph) == size


def test_missing_negated(graph, statement):
    graph.remove((statement, KG.negated, None))
    report = broken(graph)
    assert report.startswith("1 SHACL violation:")
    assert "kg:negated" in report and statement.removeprefix("https://kg.example.org/statement/") in report


def test_two_hypothetical_values(graph, statement):
    graph.add((statement, KG.hypothetical, Literal(True)))
    assert "kg:hypothetical" in broken(graph)


def test_flag_not_boolean(graph, statement):
    graph.set((statement, KG.negated, Literal("no")))
    assert "kg:negated" in broken(graph)


@pytest.mark.parametrize("date", ["last year", "2024-4", "24", "2024-04-01T10:00", "2024/", "2024</script>"])
def test_bad_date(graph, statement, date):
    graph.set((statement, KG.date, Literal(date)))
    assert f"(value: {date})" in broken(graph)


@pytest.mark.parametrize("date", ["2024", "2024-04", "2024-04-01", "2024-04/2024-09", "2023/2024-01-31"])
def test_good_date(graph, statement, date):
    graph.set((statement, KG.date, Literal(date)))
    assert validate(graph)[0]


def test_predicate_not_a_relation_type(graph, statement):
    graph.set((statement, RDF.predicate, KG.relatedTo))
    assert "rdf:predicate" in broken(graph)


def test_two_objects(graph, statement):
    graph.add((statement, RDF.object, ACTOR.USA))
    assert "rdf:object" in broken(graph)


def test_object_not_an_actor(graph, statement):
    graph.set((statement, RDF.object, URIRef("http://example.org/not-an-actor")))
    assert "rdf:object" in broken(graph)


def test_missing_evidence(graph, statement):
    graph.remove((statement, PROV.wasDerivedFrom, None))
    assert "prov:wasDerivedFrom" in broken(graph)


def test_factual_statement_without_its_triple(graph):
    graph.remove((ACTOR.USA, KG.sanctions, ACTOR.IRN))
    assert "plain triple" in broken(graph)


def test_sentence_start_after_end(graph, sample_assertions):
    a = sample_assertions[0]
    sentence = sentence_iri(a.doc, a.start, a.end)
    graph.set((sentence, KG.end, Literal(a.start)))
    assert "kg:start" in broken(graph)


def test_sentence_offsets_must_be_integers(graph, sample_assertions):
    a = sample_assertions[0]
    graph.set((sentence_iri(a.doc, a.start, a.end), KG.start, Literal("0")))
    assert "kg:start" in broken(graph)


def test_sentence_outside_a_document(graph, sample_assertions):
    a = sample_assertions[0]
    graph.remove((sentence_iri(a.doc, a.start, a.end), DCTERMS.isPartOf, None))
    assert "dcterms:isPartOf" in broken(graph)


def test_state_code_must_be_alpha3(graph):
    graph.set((ACTOR.RUS, KG.code, Literal("Russia")))
    assert "three upper-case letters" in broken(graph)


def test_report_is_short_and_sorted(graph, sample_assertions):
    for a in sample_assertions:
        graph.remove((statement_iri(a), KG.negated, None))
    conforms, report = validate(graph, max_results=3)
    lines = report.splitlines()
    assert not conforms
    assert lines[0] == f"{len(sample_assertions)} SHACL violations:"
    assert len(lines) == 5 and lines[-1] == f"- … and {len(sample_assertions) - 3} more"
    assert lines[1:4] == sorted(lines[1:4])
