"""kg.render: one offline, deterministic, inert HTML file."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest

from kg.errors import KgError
from kg.outputs.html.renderer import iframe_html, page_data, render_html, script_json, to_html

EXTERNAL = [
    re.compile(r"""\b(?:src|href|action|poster|srcset|data)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE),
    re.compile(r"<link\b", re.IGNORECASE),
    re.compile(r"@import", re.IGNORECASE),
    re.compile(r"""url\(\s*["']?\s*(?:https?:)?//""", re.IGNORECASE),
    re.compile(r"<(?:iframe|object|embed|base)\b", re.IGNORECASE),
]


def payload(html: str) -> dict:
    """The JSON data block of a page (its \\u003c escapes are plain JSON)."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.DOTALL)
    assert match, "no data block"
    return json.loads(match.group(1))


class Tags(HTMLParser):
    """The elements and attributes a browser would see (script content is not parsed as HTML)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []  # the text of executable inline scripts
        self._script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._script = tag == "script" and "type" not in dict(attrs)
        if self._script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script:
            self.scripts[-1] += data

    def names(self, name: str) -> list[dict]:
        return [attrs for tag, attrs in self.tags if tag == name]


def edges_by_id(html: str) -> dict[str, dict]:
    return {e["id"]: e for e in payload(html)["edges"]}


# ---------------------------------------------------------------- offline, one file


def test_page_loads_nothing_from_outside(sample_nx):
    html = to_html(sample_nx)
    for pattern in EXTERNAL:
        assert not pattern.search(html), pattern.pattern
    assert "<script src" not in html
    assert "vis.Network" in html and "DataSet" in html, "vis-network is inlined"


def test_render_writes_one_file_and_no_lib_folder(sample_nx, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = render_html(sample_nx, tmp_path / "site" / "graph.html")
    assert out == tmp_path / "site" / "graph.html"
    assert not (tmp_path / "lib").exists()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["graph.html", "site"], "no lib/, no temp file left"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_content_security_policy_allows_exactly_our_scripts(sample_nx):
    html = to_html(sample_nx)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    scripts = Tags(html).scripts
    assert len(scripts) == 2  # vis-network, the page script
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"&#39;sha256-{digest}&#39;" in csp
    assert "default-src &#39;none&#39;" in csp and "unsafe-eval" not in csp


# ---------------------------------------------------------------- escaping


def test_hostile_text_is_escaped(hostile_nx):
    html = to_html(hostile_nx, title="<script>alert(1)</script>")
    for raw in ("<script>window.__pwned", "<script>alert", "</script><script>", "<img src=x", "<a href=",
                "\u2028", "\u2029", "\u202e"):
        assert raw not in html, repr(raw)
    tags = Tags(html)
    assert [a.get("type") for a in tags.names("script")] == ["application/json", None, None]
    assert not tags.names("img") and not tags.names("a")
    assert not [name for _, attrs in tags.tags for name in attrs if name.startswith("on")], "no event handler"
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in html
    data = payload(html)
    sentences = [e["sentence"] for edge in data["edges"] for e in edge["kg"]["evidence"]]
    assert "Iran <script>window.__pwned=1</script> supplied drones to Russia." in sentences, "text kept, as data"
    assert any("⟨U+202E⟩" in s for s in sentences), "bidi overrides are shown, not applied"


def test_wikidata_ids_are_checked(hostile_nx):
    nodes = {n["id"]: n for n in page_data(hostile_nx)["nodes"]}
    assert nodes["EVIL"]["kg"]["wikidata"] is None  # was "javascript:alert(1)"
    assert nodes["IRN"]["kg"]["wikidata"] == "Q794"
    assert "javascript:" not in nodes["EVIL"]["title"]


def test_script_json_escapes_what_could_end_a_script():
    text = script_json({"a": "</script><!-- & \u2028\u2029"})
    assert re.fullmatch(r'[^<>&\u2028\u2029]*', text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029"}


# ---------------------------------------------------------------- deterministic


def test_same_input_same_bytes(sample_rdf, tmp_path):
    from kg.network.view import to_networkx

    a = render_html(to_networkx(sample_rdf), tmp_path / "a.html", title="t")
    b = render_html(to_networkx(sample_rdf), tmp_path / "b.html", title="t")
    assert a.read_bytes() == b.read_bytes()


def test_node_order_does_not_change_the_page(sample_nx):
    shuffled = nx.MultiDiGraph(**sample_nx.graph)
    shuffled.add_nodes_from(reversed(list(sample_nx.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(sample_nx.edges(keys=True, data=True))))
    assert to_html(shuffled) == to_html(sample_nx)


# ---------------------------------------------------------------- what is drawn


def test_edges_carry_style_and_evidence(sample_nx):
    edges = edges_by_id(to_html(sample_nx, max_evidence=2))
    supply, agree = edges["IRN|SUPPLY|RUS"], edges["IRN|AGREE|RUS"]
    assert supply["label"] == "SUPPLY" and supply["arrows"]["to"]["enabled"] is True
    assert agree["arrows"]["to"]["enabled"] is False, "no arrow for a symmetric relation"
    assert supply["color"]["color"] != edges["RUS|ATTACK|UKR"]["color"]["color"], "colour by polarity"
    assert supply["width"] > edges["CHN|SUPPORT|RUS"]["width"], "width by evidence count"
    assert supply["dashes"] is False
    assert edges["RUS|CONSULT|USA"]["dashes"], "hypothetical only: dashed"
    ally = edges["CHN|ALLY|IRN"]
    assert ally["label"] == "✗ ALLY" and ally["kg"]["status"] == "negated" and "negated" in ally["title"]
    assert len(supply["kg"]["evidence"]) == 2 and supply["kg"]["more"] == 2
    assert supply["kg"]["evidence"][0]["sentence"].startswith("Iran supplied drones")
    assert (supply["kg"]["factual"], supply["kg"]["hypothetical"], supply["kg"]["negated"]) == (3, 1, 0)
    assert supply["kg"]["dates"] == ["2023", "2024-04"]


def test_nodes_sized_by_degree_with_plain_text_tooltips(sample_nx):
    nodes = {n["id"]: n for n in page_data(sample_nx)["nodes"]}
    assert nodes["IRN"]["size"] > nodes["RUS"]["size"] > nodes["NATO"]["size"]
    assert nodes["IRN"]["label"] == "Iran"
    # degree (kg.network.degree) is distinct other actors (RUS, CHN, USA, ISR, UKR); relations are typed aggregated edges
    assert nodes["IRN"]["title"] == "Iran (IRN)\nState · degree 5 · 7 relations · 11 evidence\nWikidata Q794"
    assert (nodes["IRN"]["kg"]["degree"], nodes["IRN"]["kg"]["relations"]) == (5, 7)
    assert nodes["NATO"]["shape"] != nodes["IRN"]["shape"], "kinds have their own shape"


def test_relation_legend_lists_present_types_in_ontology_order(sample_nx):
    legend = page_data(sample_nx)["relations"]
    assert [r["label"] for r in legend] == ["AGREE", "ALLY", "ATTACK", "CONFLICT", "CONSULT", "OPPOSE",
                                            "SANCTION", "SUPPLY", "SUPPORT", "THREATEN"]
    assert {r["label"]: r["count"] for r in legend}["SUPPLY"] == 4


# ---------------------------------------------------------------- pairs of actors (the default view)


def dyads_by_id(html: str) -> dict[str, dict]:
    return {d["id"]: d for d in payload(html)["dyads"]}


def test_one_edge_per_pair_lists_its_typed_relations(sample_nx):
    dyads = dyads_by_id(to_html(sample_nx))
    assert len(dyads) == len({frozenset((u, v)) for u, v in sample_nx.edges()})
    pair = dyads["IRN~RUS"]
    assert sorted(pair["kg"]["members"]) == ["IRN|AGREE|RUS", "IRN|SUPPLY|RUS"]
    assert pair["kg"]["count"] == 6 and pair["kg"]["types"] == [["SUPPLY", 4], ["AGREE", 2]]
    assert pair["label"] == "SUPPLY, AGREE", "dominant types first"
    assert all(e["kg"]["pair"] in dyads for e in payload(to_html(sample_nx))["edges"])


def test_pair_width_colour_and_arrows(sample_nx):
    dyads = dyads_by_id(to_html(sample_nx))
    assert dyads["IRN~RUS"]["width"] > dyads["CHN~RUS"]["width"], "width by evidence count"
    assert dyads["IRN~RUS"]["color"]["color"] == "#2166ac", "only cooperative evidence: blue"
    assert dyads["RUS~UKR"]["color"]["color"] == "#c0392b", "only conflictual: red"
    assert dyads["IRN~RUS"]["arrows"]["to"]["enabled"] is False, "AGREE is symmetric: no single direction"
    attack = dyads["RUS~UKR"]
    assert attack["arrows"]["to"]["enabled"] is True and (attack["from"], attack["to"]) == ("RUS", "UKR")
    usa = dyads["IRN~USA"]  # USA sanctions Iran: directed one way, from USA
    assert (usa["from"], usa["to"], usa["arrows"]["to"]["enabled"]) == ("USA", "IRN", True)
    assert dyads["CHN~IRN"]["label"] == "✗ ALLY" and dyads["CHN~IRN"]["dashes"] == [2, 5], "negated only"
    assert dyads["RUS~USA"]["dashes"] == [8, 6], "hypothetical only"


def test_pair_colour_runs_from_red_through_grey_to_blue():
    from kg.outputs.html.records import balance_colour

    assert balance_colour(1, 1) == balance_colour(0, 0) == "#7d8590"
    mixed = balance_colour(3, 1)
    assert mixed not in {"#7d8590", "#2166ac"} and int(mixed[5:], 16) > int(mixed[1:3], 16), "bluish"


def test_mixed_pair_in_both_directions_has_no_arrow():
    from kg.outputs.html.records import dyad_records

    G = nx.MultiDiGraph()
    G.add_node("A", label="A")
    G.add_node("B", label="B")
    G.add_edge("A", "B", key="SUPPLY", polarity=1, count=2, factual=2, negated=0)
    G.add_edge("B", "A", key="ATTACK", polarity=-1, count=2, factual=2, negated=0)
    G.add_edge("B", "A", key="SUPPLY", polarity=1, count=1, factual=0, negated=1)
    (pair,) = dyad_records(G)
    assert pair["arrows"]["to"]["enabled"] is False and (pair["from"], pair["to"]) == ("A", "B")
    assert (pair["kg"]["cooperative"], pair["kg"]["conflictual"]) == (2, 2), "negated evidence does not count"
    assert pair["label"] == "SUPPLY, ATTACK", "a type in both directions is named once"


# ---------------------------------------------------------------- layout, timeline, clusters, title


def test_actors_are_placed_apart_and_labels_do_not_overlap(sample_nx):
    from kg.outputs.html.layout import PAD, Pair, _boxes, positions

    data = payload(to_html(sample_nx))
    nodes = data["nodes"]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    assert data["options"]["physics"]["enabled"] is False, "the layout is computed once"
    ids = [n["id"] for n in nodes]
    sizes, labels = {n["id"]: n["size"] for n in nodes}, {n["id"]: n["label"] for n in nodes}
    pairs = [Pair(d["from"], d["to"], d["label"], d["kg"]["count"], len(d["kg"]["members"])) for d in data["dyads"]]
    assert positions(ids, sizes, labels, pairs) == {n["id"]: (n["x"], n["y"]) for n in nodes}, "deterministic"
    boxes = _boxes(ids, {n: i for i, n in enumerate(ids)}, sizes, labels, pairs)
    centres = []
    for box in boxes:
        x = sum(w * nodes[i]["x"] for i, w in box.owners) + box.dx
        y = sum(w * nodes[i]["y"] for i, w in box.owners) + box.dy
        centres.append((x, y, box))
    for k, (x1, y1, a) in enumerate(centres):
        for x2, y2, b in centres[k + 1:]:
            if a.owners == b.owners and len(a.owners) == 1:
                continue  # an actor and its own name
            apart = (abs(x1 - x2) >= a.half_w + b.half_w + PAD - 1) or (abs(y1 - y2) >= a.half_h + b.half_h + PAD - 1)
            assert apart, (a, b)


def test_two_hundred_actors_are_placed_without_overlaps():
    """At 200 actors (too many pairs for their labels to be drawn), no actor or its name overlaps another."""
    import random

    from kg.outputs.html.layout import PAD, Pair, _boxes, positions

    rng = random.Random(3)
    ids = [f"A{i:03d}" for i in range(200)]
    sizes = {a: rng.choice([12.0, 16.0, 24.0]) for a in ids}
    labels = {a: "Country " + "x" * rng.randrange(2, 14) for a in ids}
    pairs = [Pair(*rng.sample(ids, 2), "SUPPLY", rng.randrange(1, 9), 1) for _ in range(3000)]
    placed = positions(ids, sizes, labels, pairs)
    boxes = _boxes(ids, {a: i for i, a in enumerate(ids)}, sizes, labels, pairs)
    assert len(boxes) == 200, "pair labels are left out at this size"
    spans = [(placed[ids[b.owners[0][0]]][0], placed[ids[b.owners[0][0]]][1] + b.dy, b) for b in boxes]
    for k, (x1, y1, a) in enumerate(spans):
        for x2, y2, b in spans[k + 1:]:
            assert abs(x1 - x2) >= a.half_w + b.half_w + PAD - 1 or abs(y1 - y2) >= a.half_h + b.half_h + PAD - 1


def test_evidence_is_counted_by_month_for_the_timeline(sample_nx):
    edges = edges_by_id(to_html(sample_nx))
    assert edges["IRN|SUPPLY|RUS"]["kg"]["months"] == {"2023": 1, "2024-04": 1}
    assert edges["RUS|ATTACK|UKR"]["kg"]["months"] == {"2022-02": 1}


def test_clusters_group_connected_actors(sample_nx):
    nodes = {n["id"]: n["kg"]["cluster"] for n in payload(to_html(sample_nx))["nodes"]}
    assert set(nodes.values()) <= set(range(len(nodes)))
    assert nodes["IRN"] == nodes["RUS"]


def test_title_comes_from_the_corpus(sample_rdf, sample_documents):
    from kg.network.view import to_networkx
    from kg.rdf.writing import graph_from

    html = to_html(to_networkx(sample_rdf))
    assert "<title>kg — 3 documents, 15 evidence</title>" in html
    one = [d for d in sample_documents if d.id == "d2"]
    from dataclasses import replace

    one = [replace(one[0], path="news/d2.txt")]
    single = to_networkx(graph_from([], one, {}))
    assert "<title>Sanctions</title>" in to_html(single), "the only document's title"
    many = [replace(d, path=f"news/europe/{d.id}.txt") for d in sample_documents]
    assert "<title>europe — 3 documents, 0 evidence</title>" in to_html(to_networkx(graph_from([], many, {})))
    assert "<title>Mine</title>" in to_html(single, title="Mine")


def test_focus_min_count_and_top_reduce_the_graph(sample_nx):
    def count(**options) -> int:
        return len(payload(to_html(sample_nx, **options))["nodes"])

    assert count() == 7
    assert count(focus="ISR") == 2
    assert count(focus="Israel", depth=2) == 6
    assert count(min_count=2) == 2
    assert count(top=3) == 3
    assert count(focus="NATO", top=1) == 1
    assert payload(to_html(sample_nx, focus="isr"))["focus"] == "ISR"
    with pytest.raises(KgError):
        to_html(sample_nx, focus="Atlantis")


def test_focus_stays_when_min_count_removes_its_edges(sample_nx):
    data = payload(to_html(sample_nx, focus="NATO", min_count=2))
    assert [n["id"] for n in data["nodes"]] == ["NATO"]


def test_empty_graph_renders(tmp_path):
    html = render_html(nx.MultiDiGraph(), tmp_path / "empty.html").read_text(encoding="utf-8")
    assert payload(html)["nodes"] == [] and "No relation to show." in html


def test_iframe_for_notebooks_holds_the_page(hostile_nx):
    frame = Tags(iframe_html(hostile_nx, height=500, top=3))
    assert [tag for tag, _ in frame.tags] == ["iframe"], "the page is an attribute, not markup"
    attrs = frame.tags[0][1]
    assert attrs["srcdoc"] == to_html(hostile_nx, top=3)
    assert attrs["sandbox"] == "allow-scripts allow-popups allow-downloads" and "500px" in attrs["style"]
