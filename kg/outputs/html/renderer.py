"""networkx view → one self-contained, offline HTML page (vis-network, own template).

pyvis builds the vis-network node and edge records; the page itself comes from
our template ``kg/outputs/html/templates/graph.html`` with vis-network, the CSS and the
script inlined, so the file needs no network and writes no ``lib/`` folder.
Everything taken from articles travels as JSON inside a ``<script
type="application/json">`` block and reaches the page only via ``textContent``.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("IRN", label="Iran", kind="State", wikidata="Q794")
>>> html = to_html(G, title="<Iran>")
>>> "&lt;Iran&gt;" in html and "<Iran>" not in html
True
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup
from pyvis.network import Network

from kg.io import atomic_write
from kg.knowledge.terms import relation_types
from kg.network.degree import degree as actor_degree
from kg.network.view import ego_graph, filter_graph, resolve_actor

POLARITY_COLOURS = {1: "#2166ac", -1: "#c0392b", 0: "#6b6b6b"}  # cooperative blue, conflictual red
NEGATED_COLOUR = "#8a8f98"
KIND_STYLES = {  # kind → (vis shape, border colour); fills are a light tint of it
    "State": ("dot", "#3d5a78"),
    "Organisation": ("diamond", "#6f4f86"),
    "ArmedGroup": ("triangle", "#9c5a2f"),
    "Person": ("square", "#4f7a28"),
    None: ("dot", "#6b6b6b"),
}
DASHES = {"factual": False, "hypothetical": [8, 6], "negated": [2, 5]}
WIKIDATA_ID = re.compile(r"Q[1-9][0-9]{0,11}")
# Bidirectional overrides, embeddings and isolates can make text read differently from what it is.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SCRIPT_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def render_html(
    G: nx.MultiDiGraph, path: str | Path, *, title: str = "kg", focus: str | None = None, depth: int = 1,
    min_count: int = 1, top: int | None = None, max_evidence: int = 5,
) -> Path:
    """Write the page for ``G`` to ``path`` atomically; see :func:`to_html` for the options."""
    page = to_html(G, title=title, focus=focus, depth=depth, min_count=min_count, top=top, max_evidence=max_evidence)
    return atomic_write(path, page)


def to_html(
    G: nx.MultiDiGraph, *, title: str = "kg", focus: str | None = None, depth: int = 1,
    min_count: int = 1, top: int | None = None, max_evidence: int = 5,
) -> str:
    """The page as a string: the same graph and options always give the same bytes.

    ``focus``/``depth`` keep the actor's ego network, ``min_count`` drops edges
    with less evidence, ``top`` keeps the best-connected actors (the focus
    always stays); each edge carries at most ``max_evidence`` sentences.
    """
    view, focus_id = select_view(G, focus=focus, depth=depth, min_count=min_count, top=top)
    payload = page_data(view, focus=focus_id, max_evidence=max_evidence,
                        subtitle=_subtitle(view, G, focus_id, depth, min_count, top))
    return _page(title, payload)


def iframe_html(G: nx.MultiDiGraph, *, height: int = 720, **options) -> str:
    """The page in a sandboxed ``<iframe srcdoc>``: the robust way into a notebook.

    ``IPython.display.HTML(iframe_html(G, focus="IRN"))``; ``options`` are those of :func:`to_html`.
    """
    page = html.escape(to_html(G, **options), quote=True)
    return (f'<iframe srcdoc="{page}" sandbox="allow-scripts allow-popups" title="kg graph" '
            f'style="width: 100%; height: {int(height)}px; border: 1px solid #d5dbe2;"></iframe>')


def select_view(
    G: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 1, min_count: int = 1, top: int | None = None,
) -> tuple[nx.MultiDiGraph, str | None]:
    """The subgraph to draw and the focused node id (``None`` without focus).

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("IRN", "RUS", key="SUPPLY", count=3)
    >>> _ = G.add_edge("RUS", "UKR", key="ATTACK", count=1)
    >>> view, focus = select_view(G, focus="irn")
    >>> sorted(view), focus
    (['IRN', 'RUS'], 'IRN')
    """
    focus_id = resolve_actor(G, focus) if focus else None
    view = ego_graph(G, focus_id, depth) if focus_id else G
    if min_count > 1 or top is not None:
        view = filter_graph(view, min_count=min_count, top=top)
        if focus_id and focus_id not in view:
            view.add_node(focus_id, **G.nodes[focus_id])
    return view, focus_id


# ---------------------------------------------------------------- page data


def page_data(
    G: nx.MultiDiGraph, *, focus: str | None = None, max_evidence: int = 5, subtitle: str = "",
) -> dict[str, object]:
    """Everything the page script needs: vis nodes and edges, relation types, options."""
    net = Network(directed=True, cdn_resources="in_line")
    for node in sorted(G):
        net.add_node(node, **_node_record(G, node))
    curves = _curvatures(G)
    for u, v, key, data in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        net.add_edge(u, v, **_edge_record(G, u, v, key, data, curves[u, v, key], max_evidence))
    nodes, edges, *_ = net.get_network_data()
    return {
        "subtitle": _visible(subtitle), "focus": focus,
        "nodes": nodes, "edges": edges, "relations": _relation_legend(G),
        "kinds": [{"kind": kind, "shape": shape, "color": _tint(border, 0.6), "border": border}
                  for kind, (shape, border) in KIND_STYLES.items() if kind],
        "colors": {"cooperative": POLARITY_COLOURS[1], "conflictual": POLARITY_COLOURS[-1],
                   "neutral": POLARITY_COLOURS[0], "negated": NEGATED_COLOUR},
        "options": _vis_options(G.number_of_nodes(), G.number_of_edges()),
    }


def _node_record(G: nx.MultiDiGraph, node: str) -> dict[str, object]:
    data = G.nodes[node]
    name = _visible(str(data.get("label") or node))
    shape, colour = KIND_STYLES.get(data.get("kind"), KIND_STYLES[None])
    degree, evidence = actor_degree(G, node), int(G.degree(node, weight="count"))  # kg.network.degree
    qid = data.get("wikidata") if WIKIDATA_ID.fullmatch(str(data.get("wikidata") or "")) else None
    lines = [f"{name} ({_visible(node)})", f"{data.get('kind') or 'actor'} · degree {degree} · {evidence} evidence"]
    if qid:
        lines.append(f"Wikidata {qid}")
    return {
        "label": name, "shape": shape, "color": _node_colour(colour), "size": round(10 + 4 * math.log2(1 + degree), 2),
        "title": "\n".join(lines),
        "kg": {"code": _visible(node), "name": name, "kind": data.get("kind"), "degree": degree,
               "evidence": evidence, "wikidata": qid},
    }


def _node_colour(border: str) -> dict[str, object]:
    fill = _tint(border, 0.78)
    states = {"background": fill, "border": border}
    return {**states, "highlight": {"background": _tint(border, 0.55), "border": border},
            "hover": {"background": _tint(border, 0.65), "border": border}}


def _tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white.

    >>> _tint("#000000", 0.5)
    '#808080'
    """
    rgb = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in rgb)


def edge_status(data: dict) -> str:
    """``negated`` when all evidence is negated, ``factual`` when some is factual, else ``hypothetical``.

    >>> edge_status({"count": 2, "negated": 2, "factual": 0}), edge_status({"count": 2, "negated": 1, "factual": 0})
    ('negated', 'hypothetical')
    """
    if data.get("count", 0) and data.get("negated", 0) == data["count"]:
        return "negated"
    return "factual" if data.get("factual", 0) else "hypothetical"


def _edge_record(
    G: nx.MultiDiGraph, u: str, v: str, key: str, data: dict, curve: dict[str, object], max_evidence: int,
) -> dict[str, object]:
    status = edge_status(data)
    polarity = data.get("polarity", 0)
    colour = NEGATED_COLOUR if status == "negated" else POLARITY_COLOURS.get(polarity, POLARITY_COLOURS[0])
    count = int(data.get("count", 0))
    evidence = [_evidence_record(e) for e in data.get("evidence", [])[:max(max_evidence, 0)]]
    info = {
        "relation": _visible(key), "name": _relation_name(key), "polarity": polarity,
        "symmetric": bool(data.get("symmetric")), "status": status, "count": count,
        "factual": int(data.get("factual", 0)), "hypothetical": int(data.get("hypothetical", 0)),
        "negated": int(data.get("negated", 0)), "dates": [_visible(d) for d in data.get("dates", [])],
        "evidence": evidence, "more": max(count - len(evidence), 0),
        "fromLabel": _label(G, u), "toLabel": _label(G, v),
    }
    return {
        "id": f"{u}|{key}|{v}", "label": ("✗ " if status == "negated" else "") + info["relation"],
        "title": _edge_tooltip(info), "color": {"color": colour, "highlight": colour, "hover": colour},
        "width": round(1.5 + 2 * math.log2(max(count, 1)), 2), "dashes": DASHES[status],
        "arrows": {"to": {"enabled": not info["symmetric"], "scaleFactor": 0.7}},
        "font": {"color": colour}, **curve, "kg": info,
    }


def _evidence_record(e: dict) -> dict[str, object]:
    return {k: _visible(e.get(k)) if isinstance(e.get(k), str) else e.get(k)
            for k in ("doc", "sentence", "start", "end", "negated", "hypothetical", "date", "source")}


def _edge_tooltip(info: dict) -> str:
    arrow = "—" if info["symmetric"] else "→"
    lines = [
        f"{info['relation']} ({info['name']}): {info['fromLabel']} {arrow} {info['toLabel']}",
        f"{info['count']} evidence: {info['factual']} factual, {info['hypothetical']} hypothetical, "
        f"{info['negated']} negated" + (" (all negated)" if info["status"] == "negated" else ""),
    ]
    if info["dates"]:
        lines.append("Dates: " + ", ".join(info["dates"]))
    if info["evidence"]:
        first = info["evidence"][0]
        lines.append(f"“{_shorten(first['sentence'] or '', 160)}” ({first['doc']})")
    lines.append("Click for the evidence.")
    return "\n".join(lines)


def _curvatures(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict[str, object]]:
    """Fan out the edges between one pair of actors so that none hides another.

    Each edge gets vis ``smooth`` options and a spring ``length`` that grows
    with the number of edges of its pair, so that a busy pair is drawn apart.
    """
    pairs: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for u, v, key in G.edges(keys=True):
        pairs[min(u, v), max(u, v)].append((u, v, key))
    curves = {}
    for (a, _), edges in pairs.items():
        edges.sort(key=lambda e: (e[2], e[0]))
        n = len(edges)
        step = min(0.25, 0.9 / (n - 1)) if n > 1 else 0
        for i, (u, v, key) in enumerate(edges):
            offset = (i - (n - 1) / 2) * step * (1 if u == a else -1)
            smooth = (
                {"enabled": False} if offset == 0 or u == v
                else {"enabled": True, "type": "curvedCW" if offset > 0 else "curvedCCW", "roundness": abs(offset)}
            )
            curves[u, v, key] = {"smooth": smooth, "length": min(170 + 35 * (n - 1), 480)}
    return curves


def _relation_legend(G: nx.MultiDiGraph) -> list[dict[str, object]]:
    """The relation types present in ``G``, in the ontology's order, with their evidence counts."""
    counts: dict[str, int] = defaultdict(int)
    for _, _, key, count in G.edges(keys=True, data="count", default=0):
        counts[key] += count
    types = relation_types()
    order = {label: i for i, label in enumerate(types)}
    return [
        {"label": _visible(label), "name": _relation_name(label), "count": counts[label],
         "polarity": types[label].polarity if label in types else 0,
         "symmetric": types[label].symmetric if label in types else False}
        for label in sorted(counts, key=lambda k: (order.get(k, len(order)), k))
    ]


def _vis_options(n_nodes: int, n_edges: int) -> dict[str, object]:
    """vis-network options: settle the layout once (then the page turns physics off)."""
    large = n_nodes > 300 or n_edges > 1500
    huge = n_nodes > 2000 or n_edges > 10000
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": not large},
        "physics": {
            "enabled": n_nodes > 0,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -120, "centralGravity": 0.012, "springLength": 170,
                                 "springConstant": 0.06, "damping": 0.5, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 100 if huge else 250 if large else 600,
                              "updateInterval": 25, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large, "navigationButtons": False,
                        "keyboard": {"enabled": True, "bindToWindow": False}, "multiselect": False},
        "nodes": {"borderWidth": 2, "borderWidthSelected": 3.5,
                  "font": {"size": 16, "face": "system-ui, sans-serif", "color": "#1d2733",
                           "strokeWidth": 4, "strokeColor": "#ffffff"}},
        "edges": {"selectionWidth": 2, "hoverWidth": 1, "scaling": {"label": {"drawThreshold": 9}},
                  "font": {"size": 12, "face": "system-ui, sans-serif", "strokeWidth": 4,
                           "strokeColor": "#ffffff", "align": "horizontal"}},
    }


def _subtitle(view: nx.MultiDiGraph, G: nx.MultiDiGraph, focus: str | None, depth: int, min_count: int,
              top: int | None) -> str:
    evidence = sum(c for _, _, c in view.edges(data="count", default=0))
    parts = [f"{view.number_of_nodes()} actors · {view.number_of_edges()} relations · {evidence} evidence"]
    if focus:
        parts.append(f"ego network of {_label(G, focus)}, depth {depth}")
    if min_count > 1:
        parts.append(f"edges with ≥ {min_count} evidence")
    if top is not None:
        parts.append(f"top {top} actors by degree")
    return " · ".join(parts)


def _label(G: nx.MultiDiGraph, node: str) -> str:
    return _visible(str(G.nodes[node].get("label") or node))


def _relation_name(label: str) -> str:
    relation = relation_types().get(label)
    return relation.name if relation else _visible(label.lower())


def _visible(text: str | None) -> str | None:
    """Bidi control characters shown as ``⟨U+202E⟩``; no other change.

    >>> _visible("abc\\u202edef")
    'abc⟨U+202E⟩def'
    """
    if text is None:
        return None
    return _BIDI_CONTROLS.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# ---------------------------------------------------------------- the page


def script_json(value: object) -> str:
    """JSON that is safe inside ``<script>``: ``< > &`` and U+2028/9 escaped; keys sorted.

    >>> script_json({"s": "</script><b>&"})
    '{"s":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_JSON_ESCAPES[m.group()], text)


def _inline_js(code: str) -> str:
    """Script text that cannot close its ``<script>`` element early.

    >>> _inline_js('a = "</script>"')
    'a = "<\\\\/script>"'
    """
    return re.sub(r"<(/script|!--)", lambda m: "<\\" + m.group(1), code, flags=re.IGNORECASE)


def _template_text(name: str) -> str:
    return resources.files("kg.outputs.html").joinpath("templates", name).read_text(encoding="utf-8")


def _vis_network_js() -> str:
    """The vis-network bundle that ships with pyvis (read, not copied into the project)."""
    return resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2", "vis-network.min.js").read_text(
        encoding="utf-8")


def _csp(scripts: list[str]) -> str:
    """A Content-Security-Policy that runs only our own inline scripts and loads nothing."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "connect-src 'none'; base-uri 'none'; form-action 'none'")


def _page(title: str, payload: dict[str, object]) -> str:
    scripts = [_inline_js(_vis_network_js()), _inline_js(_template_text("graph.js"))]
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    template = env.from_string(_template_text("graph.html"))
    return template.render(
        title=title, csp=_csp(scripts), css=Markup(_template_text("graph.css")),
        data=Markup(script_json(payload)), vis_js=Markup(scripts[0]), app_js=Markup(scripts[1]),
    )
