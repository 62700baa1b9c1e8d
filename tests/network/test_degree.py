"""One degree everywhere: ``kg stats`` (actor_stats), ``top_actors`` and the ``most-connected`` ready query."""
from __future__ import annotations

import pytest

from kg.network.degree import degree, degrees
from kg.network.view import actor_stats, to_networkx, top_actors
from kg.rdf.writing import graph_from, with_ontology
from kg.records import Assertion
from kg.sparql.engine import run_query
from kg.sparql.formats import short_name
from kg.sparql.ready import ready_queries
from kg.stores import add_graph, close_store, open_store


def _most_connected(graph) -> dict[str, tuple[int, int, int]]:
    rows = run_query(graph, ready_queries()["most-connected"].text)
    return {short_name(r[0]).removeprefix("actor:"): tuple(int(str(v)) for v in r[2:]) for r in rows}


@pytest.fixture
def rdf(sample_assertions, sample_documents, sample_actors):
    # and a statement of Iran about itself, which adds no neighbour
    own = Assertion("d1", "IRN", "OPPOSE", "IRN", False, False, None, None, "x", 0, 1)
    return with_ontology(graph_from([*sample_assertions, own], sample_documents, sample_actors))


def test_degree_counts_distinct_neighbours_not_typed_edges(rdf):
    G = to_networkx(rdf)
    assert G.number_of_edges("IRN", "RUS") + G.number_of_edges("RUS", "IRN") > 1  # several types, one neighbour
    assert degree(G, "IRN") == len({"RUS", "CHN", "USA", "ISR", "UKR"})


@pytest.mark.parametrize("spec", ["memory", "oxigraph"])
def test_stats_top_actors_and_the_ready_query_agree(rdf, spec, tmp_path):
    G = to_networkx(rdf)
    store = open_store("memory") if spec == "memory" else open_store(f"oxigraph:{tmp_path / 'kg.db'}")
    try:
        add_graph(store, rdf)
        queried = _most_connected(store)
    finally:
        close_store(store)
    stats = {s["id"]: s for s in actor_stats(G)}
    assert {a: d for a, (d, _, _) in queried.items()} == {a: s["degree"] for a, s in stats.items()} == degrees(G)
    assert {a: n for a, (_, n, _) in queried.items()} == {a: s["count"] for a, s in stats.items()}
    assert {a: f for a, (_, _, f) in queried.items()} == {s["id"]: s["count"] for s in actor_stats(G, weight="factual")}
    assert top_actors(G, 2) == list(queried)[:2] == ["IRN", "RUS"]
