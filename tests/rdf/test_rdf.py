"""kg.rdf.writing: the data model of docs/ARCHITECTURE.md, built from hand-made records."""
from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.errors import KgError
from kg.knowledge.terms import ACTOR, DOC, KG, STMT, WD, ontology, relation_types
from kg.rdf.files import FORMATS, load_graph, serialize, write_graph
from kg.rdf.reading import actors_from, assertions_from
from kg.rdf.terms import actor_node_iri, document_iri, sentence_iri, statement_iri
from kg.rdf.writing import GraphBuilder, graph_from, with_ontology
from kg.records import Actor, Assertion, Document


def ordered(assertions: list[Assertion]) -> list[Assertion]:
    return sorted(assertions, key=lambda a: (a.doc, a.start, a.end, a.subject, a.relation, a.object))


@pytest.fixture
def graph(sample_assertions, sample_documents, sample_actors) -> Graph:
    return graph_from(sample_assertions, sample_documents, sample_actors)


# ---------------------------------------------------------------- IRIs

def test_iris_are_deterministic():
    a = Assertion("news 1/a", "IRN", "SUPPLY", "RUS", False, False, None, None, "x", 120, 260)
    assert document_iri("news 1/a") == DOC["news%201%2Fa"]
    assert sentence_iri("seed", 120, 260) == URIRef("https://kg.example.org/doc/seed/sentence/120-260")
    digest = hashlib.sha1(b"news 1/a|120|260|IRN|SUPPLY|RUS").hexdigest()[:16]
    assert statement_iri(a) == STMT[digest]
    assert statement_iri(dataclasses.replace(a, negated=True)) == STMT[digest]
    assert actor_node_iri("RUS") == ACTOR.RUS


def test_no_blank_nodes(graph):
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)


# ---------------------------------------------------------------- statement nodes

def test_statement_node(graph, sample_assertions):
    a = sample_assertions[0]  # IRN SUPPLY RUS, 2023, Bloomberg
    node = statement_iri(a)
    assert (node, RDF.type, KG.Statement) in graph
    assert graph.value(node, RDF.subject) == ACTOR.IRN
    assert graph.value(node, RDF.predicate) == KG.supplies
    assert graph.value(node, RDF.object) == ACTOR.RUS
    assert graph.value(node, KG.negated) == Literal(False)
    assert graph.value(node, KG.hypothetical) == Literal(False)
    assert graph.value(node, KG.date) == Literal("2023")
    assert graph.value(node, KG.source) == Literal("Bloomberg")
    sentence = graph.value(node, PROV.wasDerivedFrom)
    assert sentence == sentence_iri(a.doc, a.start, a.end)
    assert (sentence, RDF.type, KG.Sentence) in graph
    assert graph.value(sentence, KG.text) == Literal(a.sentence)
    assert graph.value(sentence, KG.start) == Literal(a.start)
    assert graph.value(sentence, KG.end) == Literal(a.end)
    assert graph.value(sentence, DCTERMS.isPartOf) == document_iri(a.doc)


def test_optional_fields_absent(graph, sample_assertions):
    a = next(a for a in sample_assertions if a.date is None and a.source is None)
    node = statement_iri(a)
    assert graph.value(node, KG.date) is None and graph.value(node, KG.source) is None
    assert graph.value(node, KG.trigger) is None


def test_trigger_kept():
    a = Assertion("d", "IRN", "SUPPLY", "RUS", False, False, None, None, "Iran supplied drones.", 0, 21, "supplied")
    g = graph_from([a])
    assert g.value(statement_iri(a), KG.trigger) == Literal("supplied")
    assert assertions_from(g)[0].trigger == "supplied"


def test_direct_triple_only_for_factual(graph, sample_assertions):
    types = relation_types()
    for a in sample_assertions:
        triple = (ACTOR[a.subject], types[a.relation].prop, ACTOR[a.object])
        factual = any(b.factual and (b.subject, b.relation, b.object) == (a.subject, a.relation, a.object)
                      for b in sample_assertions)
        assert (triple in graph) == factual, a
    # the negated CHN ALLY IRN and the hypothetical RUS CONSULT USA have no plain triple
    assert (ACTOR.CHN, KG.alliedWith, ACTOR.IRN) not in graph
    assert (ACTOR.RUS, KG.consults, ACTOR.USA) not in graph
    direct = {(s, p, o) for p in (t.prop for t in types.values()) for s, o in graph.subject_objects(p)}
    assert len(direct) == len({(a.subject, a.relation, a.object) for a in sample_assertions if a.factual})


def test_document_node(graph):
    doc = document_iri("d1")
    assert (doc, RDF.type, KG.Document) in graph
    assert graph.value(doc, DCTERMS.identifier) == Literal("d1")
    assert graph.value(doc, DCTERMS.title) == Literal("Drones for Moscow")
    assert graph.value(doc, DCTERMS.date) == Literal("2024-05-01")
    assert graph.value(document_iri("d3"), DCTERMS.date) is None


def test_document_url_and_path():
    doc = Document("seed", "Iran supplied drones.", url="https://example.org/a b?x=<1>", path="seeds/seed.txt")
    g = GraphBuilder()
    g.add_document(doc)
    assert g.graph.value(document_iri("seed"), KG.url) == URIRef("https://example.org/a%20b?x=%3C1%3E")
    assert g.graph.value(document_iri("seed"), DCTERMS.source) == Literal("seeds/seed.txt")
    g.add_document(Document("rel", "x", url="example.org/page"))
    assert g.graph.value(document_iri("rel"), KG.url) is None


# ---------------------------------------------------------------- actors

def test_actor_nodes(graph):
    assert (ACTOR.RUS, RDF.type, KG.State) in graph
    assert graph.value(ACTOR.RUS, KG.code) == Literal("RUS")
    assert graph.value(ACTOR.RUS, RDFS.label) == Literal("Russia", lang="en")
    assert graph.value(ACTOR.RUS, SKOS.exactMatch) == WD.Q159
    assert (ACTOR.NATO, RDF.type, KG.Organisation) in graph


def test_only_actors_that_occur(sample_assertions, sample_actors):
    actors = {**sample_actors, "FRA": Actor("FRA", "France", wikidata="Q142")}
    g = graph_from(sample_assertions, [], actors)
    assert (ACTOR.FRA, None, None) not in g
    assert set(actors_from(g)) == {x for a in sample_assertions for x in (a.subject, a.object)}


def test_unknown_actor_is_a_bare_actor():
    g = graph_from([Assertion("d", "XYZ", "OPPOSE", "IRN", False, False, None, None, "x", 0, 1)], [], {})
    assert set(g.objects(ACTOR.XYZ, RDF.type)) == {KG.Actor}
    assert g.value(ACTOR.XYZ, KG.code) == Literal("XYZ")
    assert g.value(ACTOR.XYZ, RDFS.label) is None


def test_actor_kinds_and_bad_wikidata():
    builder = GraphBuilder({
        "HAMAS": Actor("HAMAS", "Hamas", kind="ArmedGroup", wikidata="Q38799"),
        "EVIL": Actor("EVIL", "Evil", kind="Wizard", wikidata="javascript:alert(1)"),
    })
    builder.add_actor("HAMAS")
    builder.add_actor("EVIL")
    g = builder.graph
    assert (ACTOR.HAMAS, RDF.type, KG.ArmedGroup) in g
    assert set(g.objects(ACTOR.EVIL, RDF.type)) == {KG.Actor}  # unknown kind
    assert g.value(ACTOR.EVIL, SKOS.exactMatch) is None
    assert actors_from(g)["HAMAS"] == Actor("HAMAS", "Hamas", kind="ArmedGroup", wikidata="Q38799")


# ---------------------------------------------------------------- builder

def test_unknown_relation_is_an_error():
    with pytest.raises(KgError, match="unknown relation type 'LOVE'"):
        graph_from([Assertion("d", "IRN", "LOVE", "RUS", False, False, None, None, "x", 0, 1)])


def test_duplicate_assertion_adds_nothing(sample_assertions):
    builder = GraphBuilder()
    for a in sample_assertions:
        builder.add_assertion(a)
    size = len(builder.graph)
    assert builder.add_assertion(sample_assertions[0]) == statement_iri(sample_assertions[0])
    assert len(builder.graph) == size


def test_streaming_document_after_its_assertions(sample_assertions, sample_documents, sample_actors):
    builder = GraphBuilder(sample_actors)
    for a in sample_assertions:
        builder.add_assertion(a)
    for doc in sample_documents:
        builder.add_document(doc)
    assert isomorphic(builder.graph, graph_from(sample_assertions, sample_documents, sample_actors))


def test_with_ontology(graph):
    size = len(graph)
    merged = with_ontology(graph)
    assert len(graph) == size  # the input is not changed
    assert len(merged) == size + len(ontology())
    assert (KG.supplies, RDFS.subPropertyOf, KG.relatedTo) in merged


# ---------------------------------------------------------------- reading back and files

def test_assertions_round_trip(graph, sample_assertions):
    assert assertions_from(graph) == ordered(sample_assertions)


@pytest.mark.parametrize("ext", sorted(FORMATS))
def test_file_round_trip(tmp_path, graph, sample_assertions, ext):
    path = write_graph(with_ontology(graph), tmp_path / f"graph{ext}", format=None)
    loaded = load_graph(path)
    assert isomorphic(loaded, with_ontology(graph))
    assert assertions_from(loaded) == ordered(sample_assertions)


def test_hostile_text_round_trip(tmp_path, hostile_assertions, hostile_documents, hostile_actors):
    g = graph_from(hostile_assertions, hostile_documents, hostile_actors)
    for ext in (".ttl", ".nt", ".jsonld", ".trig"):
        loaded = load_graph(write_graph(g, tmp_path / f"h{ext}", format=None))
        assert assertions_from(loaded) == ordered(hostile_assertions), ext


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld", "xml", "trig"])
def test_deterministic_output(sample_assertions, sample_documents, sample_actors, fmt):
    forward = graph_from(sample_assertions, sample_documents, sample_actors)
    backward = graph_from(list(reversed(sample_assertions)), list(reversed(sample_documents)),
                          dict(reversed(list(sample_actors.items()))))
    assert serialize(forward, fmt) == serialize(backward, fmt)
    assert serialize(with_ontology(forward), fmt) == serialize(with_ontology(backward), fmt)


def test_write_graph_byte_identical(tmp_path, sample_assertions, sample_documents, sample_actors):
    one = write_graph(with_ontology(graph_from(sample_assertions, sample_documents, sample_actors)), tmp_path / "1.ttl")
    two = write_graph(with_ontology(graph_from(sample_assertions[::-1], sample_documents[::-1], sample_actors)),
                      tmp_path / "2.ttl")
    assert one.read_bytes() == two.read_bytes()
    assert "actor:IRN kg:supplies actor:RUS" in one.read_text() or "kg:supplies actor:RUS" in one.read_text()
    assert not list(tmp_path.glob(".*.tmp"))  # atomic: no temporary left behind


def test_sorted_ntriples_with_blank_nodes_is_stable():
    def build() -> Graph:
        g = Graph()
        node = BNode()
        g.add((URIRef("http://a/x"), URIRef("http://a/p"), node))
        g.add((node, URIRef("http://a/q"), Literal("v")))
        return g

    assert serialize(build(), "nt") == serialize(build(), "nt")


def test_load_missing_file(tmp_path):
    with pytest.raises(KgError, match="no such file"):
        load_graph(tmp_path / "missing.ttl")


def test_load_unknown_extension(tmp_path):
    path = tmp_path / "graph.docx"
    path.write_text("x")
    with pytest.raises(KgError, match="unknown RDF file extension"):
        load_graph(path)


@pytest.mark.parametrize("name, text, line", [
    ("bad.ttl", "@prefix a: <http://a/> .\na:x a:y a:z .\na:x a:y .\n", 3),
    ("bad.jsonld", '{"@id": "x",\n "a": }', 2),
    ("bad.rdf", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<x>\n</rdf:RDF>', 3),
    ("bad.nt", "<http://a/x> <http://a/y> .\n", None),
])
def test_load_parse_error_is_one_line(tmp_path: Path, name, text, line):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(KgError) as caught:
        load_graph(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    if line is not None:
        assert message.startswith(f"{path}:{line}:")


def test_assertions_from_skips_incomplete_statements(graph, sample_assertions):
    broken = statement_iri(sample_assertions[0])
    graph.remove((broken, RDF.subject, None))
    graph.set((statement_iri(sample_assertions[1]), KG.negated, Literal("yes")))
    found = assertions_from(graph)
    assert len(found) == len(sample_assertions) - 1
    assert not next(a for a in found if a == dataclasses.replace(sample_assertions[1], negated=False)).negated


def test_actors_from_picks_the_most_specific_kind():
    builder = GraphBuilder({"HAMAS": Actor("HAMAS", "Hamas", kind="ArmedGroup")})
    builder.add_actor("HAMAS")
    builder.graph.add((ACTOR.HAMAS, RDF.type, KG.Organisation))  # as RDFS inference would add
    builder.graph.add((ACTOR.HAMAS, RDF.type, KG.Actor))
    assert actors_from(builder.graph)["HAMAS"].kind == "ArmedGroup"


def test_write_graph_format_from_extension(tmp_path, graph):
    text = write_graph(graph, tmp_path / "g.nt").read_text()
    assert text.splitlines() == sorted(text.splitlines()) and text.startswith("<")
    assert write_graph(graph, tmp_path / "g.data", format="turtle").read_text().startswith("@prefix")
    with pytest.raises(KgError, match="unknown RDF file extension"):
        write_graph(graph, tmp_path / "g.data")
