"""kg.outputs.export: every format writes, reads back, and unknown formats fail with one line."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.errors import KgError
from kg.network.view import to_networkx
from kg.outputs.export import EDGE_COLUMNS, FORMATS, export
from kg.rdf.ntriples import nt_line
from kg.rdf.writing import graph_from

RDF_PARSERS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}
NETWORK_READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


@pytest.fixture
def graph(sample_assertions, sample_documents, sample_actors) -> Graph:
    return graph_from(sample_assertions, sample_documents, sample_actors)


@pytest.fixture
def hostile_graph(hostile_assertions, hostile_documents, hostile_actors) -> Graph:
    return graph_from(hostile_assertions, hostile_documents, hostile_actors)


def _parse_rdf(path: Path, fmt: str) -> Graph:
    if fmt == "trig":
        dataset = Dataset()
        dataset.parse(path, format="trig")
        graph = Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
        return graph
    return Graph().parse(path, format=RDF_PARSERS[fmt])


def test_formats_are_the_documented_ones():
    assert FORMATS == ("ttl", "nt", "jsonld", "trig", "graphml", "gexf", "csv")


@pytest.mark.parametrize("fmt", sorted(RDF_PARSERS))
def test_rdf_formats_write_and_parse_back(graph, tmp_path, fmt):
    path = tmp_path / f"g.{fmt}"
    assert export(graph, fmt, path) is None
    back = _parse_rdf(path, fmt)
    assert len(back) == len(graph)
    assert set(back) == set(graph)


@pytest.mark.parametrize("fmt", sorted(RDF_PARSERS))
def test_rdf_formats_are_deterministic(graph, fmt):
    copy = Graph()
    for triple in reversed(sorted(graph)):
        copy.add(triple)
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace, override=True, replace=True)
    assert export(graph, fmt) == export(copy, fmt)


@pytest.mark.parametrize("fmt", sorted(NETWORK_READERS))
def test_network_formats_read_back_with_networkx(graph, tmp_path, fmt):
    path = tmp_path / f"g.{fmt}"
    export(graph, fmt, path)
    G, back = to_networkx(graph), NETWORK_READERS[fmt](path)
    assert sorted(back.nodes) == sorted(G.nodes)
    assert back.number_of_edges() == G.number_of_edges()
    assert back.nodes["RUS"]["label"] == "Russia"
    supply = [d for _, _, d in back.edges(data=True) if d.get("relation") == "SUPPLY"]
    assert len(supply) == 1
    edge = supply[0]
    assert int(edge["count"]) == 4 and int(edge["evidence_count"]) == 4
    assert edge["dates"] == "2023;2024-04"
    assert edge["docs"] == "d1;d2;d3"
    assert edge["example"].startswith("Iran supplied drones")


@pytest.mark.parametrize("fmt", sorted(NETWORK_READERS))
def test_network_formats_hold_hostile_text(hostile_graph, tmp_path, fmt):
    path = tmp_path / f"g.{fmt}"
    export(hostile_graph, fmt, path)
    back = NETWORK_READERS[fmt](path)
    assert "<script>" in " ".join(str(d.get("example")) for _, _, d in back.edges(data=True))
    assert back.nodes["EVIL"]["label"].startswith("<img")


def test_network_formats_drop_characters_xml_cannot_hold(tmp_path, sample_actors):
    from kg.records import Assertion

    text = "Iran\x0c supplied\x00 drones to Russia."
    g = graph_from([Assertion("d", "IRN", "SUPPLY", "RUS", False, False, None, None, text, 0, len(text))],
                   actors=sample_actors)
    for fmt, read in NETWORK_READERS.items():
        export(g, fmt, tmp_path / f"g.{fmt}")
        (edge,) = [d for _, _, d in read(tmp_path / f"g.{fmt}").edges(data=True)]
        assert edge["example"] == "Iran supplied drones to Russia."


def test_csv_is_an_edge_list_with_a_header(graph):
    text = export(graph, "csv")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == EDGE_COLUMNS
    assert len(rows) == to_networkx(graph).number_of_edges()
    supply = next(r for r in rows if r["relation"] == "SUPPLY")
    assert (supply["subject"], supply["object"], supply["count"], supply["factual"]) == ("IRN", "RUS", "4", "3")
    assert (supply["hypothetical"], supply["symmetric"], supply["dates"]) == ("1", "false", "2023;2024-04")


def test_csv_writes_atomically_to_a_file(graph, tmp_path):
    path = tmp_path / "out" / "edges.csv"
    export(graph, "csv", str(path))
    assert path.read_bytes().decode("utf-8") == export(graph, "csv")
    assert [p.name for p in path.parent.iterdir()] == ["edges.csv"]


def test_format_names_ignore_case(graph):
    assert export(graph, "TTL") == export(graph, "ttl")


def test_unknown_format_lists_the_known_ones(graph, tmp_path):
    known = r"\(known: ttl, nt, jsonld, trig, graphml, gexf, csv\)"
    with pytest.raises(KgError, match=rf"unknown export format 'png' {known}"):
        export(graph, "png", tmp_path / "g.png")
    assert not (tmp_path / "g.png").exists()


def test_nt_line_escapes_onto_one_line():
    line = nt_line((URIRef("urn:a"), URIRef("urn:b"), Literal('tab\there "q" \\ \r\nend', lang="en")))
    assert line.count("\n") == 1
    assert Graph().parse(data=line, format="nt").value(URIRef("urn:a"), URIRef("urn:b")) == \
        Literal('tab\there "q" \\ \r\nend', lang="en")
