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
    shuffled = nx.MultiDiGraph()
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
    # degree: distinct other actors (kg.network.degree), not the 7 typed edges
    assert nodes["IRN"]["title"] == "Iran (IRN)\nState · degree 5 · 11 evidence\nWikidata Q794"
    assert nodes["NATO"]["shape"] != nodes["IRN"]["shape"], "kinds have their own shape"


def test_relation_legend_lists_present_types_in_ontology_order(sample_nx):
    legend = page_data(sample_nx)["relations"]
    assert [r["label"] for r in legend] == ["AGREE", "ALLY", "ATTACK", "CONFLICT", "CONSULT", "OPPOSE",
                                            "SANCTION", "SUPPLY", "SUPPORT", "THREATEN"]
    assert {r["label"]: r["count"] for r in legend}["SUPPLY"] == 4


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
    assert attrs["sandbox"] == "allow-scripts allow-popups" and "500px" in attrs["style"]
