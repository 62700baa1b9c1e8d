"""kg.network.view: RDF statement nodes → aggregated networkx edges, and the analytics on top."""
from __future__ import annotations

import time

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.errors import KgError
from kg.knowledge.terms import ACTOR, DOC, KG, STMT, WD
from kg.network.view import actor_stats, dyad_balance, ego_graph, filter_graph, relation_counts, to_networkx, top_actors
from kg.rdf.files import load_graph, write_graph
from kg.rdf.writing import graph_from
from kg.records import Actor, Assertion

EVIDENCE_KEYS = {"doc", "sentence", "start", "end", "negated", "hypothetical", "date", "source"}


def edge(G: nx.MultiDiGraph, u: str, v: str, key: str) -> dict:
    return G.edges[u, v, key]


# ---------------------------------------------------------------- nodes and edges


def test_nodes_are_the_actors_with_their_attributes(sample_nx):
    assert sorted(sample_nx) == ["CHN", "IRN", "ISR", "NATO", "RUS", "UKR", "USA"]
    assert sample_nx.nodes["RUS"] == {"label": "Russia", "kind": "State", "wikidata": "Q159",
                                      "iri": "https://kg.example.org/actor/RUS"}
    assert sample_nx.nodes["NATO"]["kind"] == "Organisation"


def test_one_edge_per_subject_relation_object_with_counts(sample_nx):
    supply = edge(sample_nx, "IRN", "RUS", "SUPPLY")
    keys = ("relation", "symmetric", "polarity", "count", "factual", "negated", "hypothetical")
    assert {k: supply[k] for k in keys} == {"relation": "SUPPLY", "symmetric": False, "polarity": 1, "count": 4,
                                            "factual": 3, "negated": 0, "hypothetical": 1}
    assert supply["dates"] == ["2023", "2024-04"]
    assert sample_nx.number_of_edges() == 11
    assert sum(c for *_, c in sample_nx.edges(data="count")) == 15


def test_symmetric_relations_are_stored_once_from_min_to_max(sample_nx):
    agree = edge(sample_nx, "IRN", "RUS", "AGREE")  # stated RUS→IRN and IRN→RUS
    assert agree["symmetric"] and agree["count"] == 2
    assert not sample_nx.has_edge("RUS", "IRN", "AGREE")
    assert sample_nx.has_edge("IRN", "ISR", "CONFLICT") and not sample_nx.has_edge("ISR", "IRN", "CONFLICT")
    assert sample_nx.has_edge("RUS", "USA", "CONSULT")
    assert sample_nx.has_edge("UKR", "IRN", "OPPOSE"), "directed relations keep their direction"
    assert all(u <= v for u, v, sym in sample_nx.edges(data="symmetric") if sym)


def test_polarity_and_flags(sample_nx):
    assert edge(sample_nx, "RUS", "UKR", "ATTACK")["polarity"] == -1
    ally = edge(sample_nx, "CHN", "IRN", "ALLY")
    assert (ally["count"], ally["factual"], ally["negated"], ally["hypothetical"]) == (1, 0, 1, 0)
    consult = edge(sample_nx, "RUS", "USA", "CONSULT")
    assert (consult["factual"], consult["hypothetical"], consult["dates"]) == (0, 1, [])


def test_evidence_is_complete_and_ordered_by_doc_then_start(sample_nx, sample_documents):
    evidence = edge(sample_nx, "IRN", "RUS", "SUPPLY")["evidence"]
    assert [(e["doc"], e["start"]) for e in evidence] == [("d1", 0), ("d1", 117), ("d2", 49), ("d3", 41)]
    assert all(set(e) == EVIDENCE_KEYS for e in evidence)
    assert evidence[0] == {"doc": "d1", "sentence": "Iran supplied drones to Russia in 2023, Bloomberg reported.",
                           "start": 0, "end": 59, "negated": False, "hypothetical": False, "date": "2023",
                           "source": "Bloomberg"}
    assert evidence[1]["hypothetical"] is True
    texts = {d.id: d.text for d in sample_documents}
    assert all(texts[e["doc"]][e["start"]:e["end"]] == e["sentence"] for e in evidence)


def test_plain_triples_alone_make_no_edge():
    g = Graph()
    g.add((ACTOR.IRN, KG.supplies, ACTOR.RUS))
    assert to_networkx(g).number_of_edges() == 0


def test_same_graph_gives_the_same_view_in_the_same_order(sample_rdf):
    a, b = to_networkx(sample_rdf), to_networkx(sample_rdf)
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


def test_survives_a_turtle_round_trip(sample_rdf, sample_nx, tmp_path):
    again = to_networkx(load_graph(write_graph(sample_rdf, tmp_path / "g.ttl")))
    assert list(again.edges(keys=True, data=True)) == list(sample_nx.edges(keys=True, data=True))
    assert dict(again.nodes(data=True)) == dict(sample_nx.nodes(data=True))


@pytest.fixture
def hand_written() -> Graph:
    """RDF not made by kg.rdf.writing: plain-text booleans, two sources, no sentence, an unknown predicate."""
    g = Graph()
    doc, sentence = DOC.h, URIRef(str(DOC.h) + "/sentence/5-20")
    g.add((doc, RDF.type, KG.Document))
    g.add((doc, DCTERMS.identifier, Literal("h")))
    g.add((sentence, RDF.type, KG.Sentence))
    g.add((sentence, KG.text, Literal("Hezbollah threatened Israel.")))
    g.add((sentence, KG.start, Literal(5)))
    g.add((sentence, KG.end, Literal(20)))
    g.add((sentence, DCTERMS.isPartOf, doc))
    g.add((ACTOR.HEZ, RDF.type, KG.ArmedGroup))
    g.add((ACTOR.HEZ, RDF.type, KG.Organisation))
    g.add((ACTOR.HEZ, KG.code, Literal("HEZ")))
    g.add((ACTOR.HEZ, RDFS.label, Literal("Hisbollah", lang="de")))
    g.add((ACTOR.HEZ, RDFS.label, Literal("Hezbollah", lang="en")))
    g.add((ACTOR.HEZ, SKOS.exactMatch, WD.Q41053))
    g.add((ACTOR.HEZ, SKOS.exactMatch, URIRef("https://dbpedia.org/resource/Hezbollah")))
    rows = [
        (STMT.a, KG.threatens, Literal("true"), sentence, ["Reuters", "AP"]),
        (STMT.b, KG.threatens, Literal(False), None, []),
        (STMT.c, KG.mentions, Literal(False), sentence, []),
    ]
    for node, prop, negated, derived, sources in rows:
        g.add((node, RDF.type, KG.Statement))
        g.add((node, RDF.subject, ACTOR.HEZ))
        g.add((node, RDF.predicate, prop))
        g.add((node, RDF.object, ACTOR.ISR))  # ISR has no description at all
        g.add((node, KG.negated, negated))
        for source in sources:
            g.add((node, KG.source, Literal(source)))
        if derived is not None:
            g.add((node, PROV.wasDerivedFrom, derived))
    g.add((STMT.broken, RDF.type, KG.Statement))  # no subject: skipped
    g.add((STMT.broken, RDF.predicate, KG.threatens))
    return g


def test_reads_rdf_written_by_hand(hand_written):
    G = to_networkx(hand_written)
    assert G.nodes["HEZ"] == {"label": "Hezbollah", "kind": "ArmedGroup", "wikidata": "Q41053",
                              "iri": str(ACTOR.HEZ)}
    assert G.nodes["ISR"] == {"label": "ISR", "kind": None, "wikidata": None, "iri": str(ACTOR.ISR)}
    threat = edge(G, "HEZ", "ISR", "THREATEN")
    assert (threat["count"], threat["negated"], threat["factual"]) == (2, 1, 1)
    no_sentence, with_sentence = threat["evidence"]
    assert no_sentence == {"doc": None, "sentence": None, "start": None, "end": None, "negated": False,
                           "hypothetical": False, "date": None, "source": None}
    assert with_sentence["negated"] is True and with_sentence["source"] == "AP; Reuters"
    assert (with_sentence["doc"], with_sentence["start"], with_sentence["end"]) == ("h", 5, 20)
    other = edge(G, "HEZ", "ISR", "mentions")
    assert (other["polarity"], other["symmetric"]) == (0, False)


# ---------------------------------------------------------------- analytics


def test_actor_stats(sample_nx):
    stats = actor_stats(sample_nx)
    assert [s["id"] for s in stats[:2]] == ["IRN", "RUS"]
    iran = stats[0]
    # degree: distinct other actors (RUS, CHN, USA, ISR, UKR), not the 7 typed edges
    assert iran == {"id": "IRN", "label": "Iran", "kind": "State", "degree": 5, "out": 5, "in": 2, "mutual": 4,
                    "count": 11, "cooperative": 7, "conflictual": 4, "neutral": 0}
    factual = {s["id"]: s for s in actor_stats(sample_nx, weight="factual")}
    assert factual["IRN"]["cooperative"] == 5  # the hypothetical SUPPLY and the negated ALLY drop out


def test_actor_stats_counts_a_self_loop_once():
    G = nx.MultiDiGraph()
    G.add_edge("A", "A", key="CONFLICT", symmetric=True, polarity=-1, count=2)
    G.add_edge("A", "A", key="OPPOSE", symmetric=False, polarity=-1, count=1)
    (a,) = actor_stats(G)
    assert (a["mutual"], a["out"], a["in"], a["count"], a["conflictual"]) == (2, 1, 1, 3, 3)


def test_relation_counts(sample_nx):
    counts = relation_counts(sample_nx)
    assert list(counts)[:3] == ["SUPPLY", "AGREE", "SUPPORT"]
    assert counts["SUPPLY"] == 4 and sum(counts.values()) == 15
    assert relation_counts(sample_nx, weight="factual")["ALLY"] == 0


def test_dyad_balance(sample_nx):
    dyads = {(d["a"], d["b"]): d for d in dyad_balance(sample_nx)}
    assert dyads["IRN", "RUS"] == {"a": "IRN", "b": "RUS", "cooperative": 6, "conflictual": 0, "net": 6}
    assert dyads["IRN", "ISR"]["net"] == -2
    assert ("RUS", "IRN") not in dyads
    assert dyad_balance(sample_nx)[0]["a"] == "IRN"


def test_ego_graph(sample_nx):
    assert sorted(ego_graph(sample_nx, "ISR")) == ["IRN", "ISR"]
    assert sorted(ego_graph(sample_nx, "israel", depth=2)) == ["CHN", "IRN", "ISR", "RUS", "UKR", "USA"]
    ego = ego_graph(sample_nx, "IRN")
    assert ego.has_edge("RUS", "UKR", "ATTACK"), "edges among the neighbours are kept"
    assert ego.edges["IRN", "RUS", "SUPPLY"] == sample_nx.edges["IRN", "RUS", "SUPPLY"]
    with pytest.raises(KgError, match="unknown actor"):
        ego_graph(sample_nx, "Atlantis")


def test_filter_graph(sample_nx):
    strong = filter_graph(sample_nx, min_count=2)
    assert sorted(strong.edges(keys=True)) == [("IRN", "RUS", "AGREE"), ("IRN", "RUS", "SUPPLY")]
    assert sorted(strong) == ["IRN", "RUS"]
    conflict = filter_graph(sample_nx, relations=["attack", "CONFLICT"])
    assert sorted(conflict.edges(keys=True)) == [("IRN", "ISR", "CONFLICT"), ("RUS", "UKR", "ATTACK")]
    assert sorted(filter_graph(sample_nx, top=2)) == ["IRN", "RUS"]
    assert top_actors(sample_nx, 3) == ["IRN", "RUS", "UKR"]
    assert filter_graph(sample_nx).edges == sample_nx.edges
    assert sample_nx.number_of_edges() == 11, "the input is not changed"
    with pytest.raises(KgError, match="unknown relation"):
        filter_graph(sample_nx, relations=["HUG"])


def test_filter_graph_keeps_actors_that_never_had_an_edge():
    G = nx.MultiDiGraph()
    G.add_node("LONE")
    G.add_edge("IRN", "RUS", key="SUPPLY", count=1)
    assert sorted(filter_graph(G, min_count=2)) == ["LONE"]


@pytest.mark.slow
def test_scales_to_many_statements():
    actors = {f"A{i:02d}": Actor(f"A{i:02d}", f"Actor {i}") for i in range(40)}
    ids, labels = sorted(actors), ["SUPPLY", "ATTACK", "AGREE", "OPPOSE"]
    assertions = [
        Assertion(f"doc{i // 10}", ids[i % 40], labels[i % 4], ids[(i * 7 + 1) % 40], i % 9 == 0, i % 5 == 0,
                  None, None, f"sentence {i}", (i % 10) * 100, (i % 10) * 100 + 90)
        for i in range(20_000) if i % 40 != (i * 7 + 1) % 40
    ]
    g = graph_from(assertions, [], actors)
    start = time.perf_counter()
    G = to_networkx(g)
    elapsed = time.perf_counter() - start
    assert sum(c for *_, c in G.edges(data="count")) == len(assertions)
    assert elapsed < 30, f"to_networkx took {elapsed:.1f} s for {len(assertions)} statements"
