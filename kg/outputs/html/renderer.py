"""networkx view → one self-contained, offline HTML page (vis-network, own template).

:mod:`records` makes the vis-network records, :mod:`layout` places the actors;
the page comes from our template ``kg/outputs/html/templates/graph.html`` with
vis-network (the bundle shipped in the pyvis wheel, Apache-2.0 or MIT), the
CSS and our scripts inlined, so the file needs no network and writes no
``lib/`` folder.
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
import re
from importlib import resources
from pathlib import Path, PurePath

import networkx as nx
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from kg.io import atomic_write
from kg.network.view import ego_graph, filter_graph, resolve_actor
from kg.outputs.html.layout import Pair, positions
from kg.outputs.html.records import (
    DASHES,
    KIND_STYLES,
    LABEL_TYPES,
    NEGATED_COLOUR,
    POLARITY_COLOURS,
    clusters,
    curvatures,
    dyad_records,
    edge_record,
    label,
    node_record,
    pair_id,
    relation_legend,
    tint,
    visible,
)

_SCRIPT_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def render_html(
    G: nx.MultiDiGraph, path: str | Path, *, title: str | None = None, focus: str | None = None, depth: int = 1,
    min_count: int = 1, top: int | None = None, max_evidence: int = 5,
) -> Path:
    """Write the page for ``G`` to ``path`` atomically; see :func:`to_html` for the options."""
    page = to_html(G, title=title, focus=focus, depth=depth, min_count=min_count, top=top, max_evidence=max_evidence)
    return atomic_write(path, page)


def to_html(
    G: nx.MultiDiGraph, *, title: str | None = None, focus: str | None = None, depth: int = 1,
    min_count: int = 1, top: int | None = None, max_evidence: int = 5,
) -> str:
    """The page as a string: the same graph and options always give the same bytes.

    ``focus``/``depth`` keep the actor's ego network, ``min_count`` drops edges
    with less evidence, ``top`` keeps the best-connected actors (the focus
    always stays); each edge carries at most ``max_evidence`` sentences.
    Without ``title`` the page is titled from the corpus (:func:`corpus_title`).
    """
    view, focus_id = select_view(G, focus=focus, depth=depth, min_count=min_count, top=top)
    payload = page_data(view, focus=focus_id, max_evidence=max_evidence,
                        subtitle=_subtitle(view, G, focus_id, depth, min_count, top))
    return _page(corpus_title(G) if title is None else title, payload)


def iframe_html(G: nx.MultiDiGraph, *, height: int = 720, **options) -> str:
    """The page in a sandboxed ``<iframe srcdoc>``: the robust way into a notebook (downloads allowed, for export).

    ``IPython.display.HTML(iframe_html(G, focus="IRN"))``; ``options`` are those of :func:`to_html`.
    """
    page = html.escape(to_html(G, **options), quote=True)
    return (f'<iframe srcdoc="{page}" sandbox="allow-scripts allow-popups allow-downloads" title="kg graph" '
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
    """Everything the page script needs: actors (placed), typed relations, pairs, legends, options."""
    groups = clusters(G)
    nodes = [node_record(G, node, groups[node]) for node in sorted(G)]
    curves = curvatures(G)
    edges = [edge_record(G, u, v, key, data, curves[u, v, key], max_evidence)
             for u, v, key, data in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3])]
    dyads = dyad_records(G)
    placed = positions([n["id"] for n in nodes], {n["id"]: n["size"] for n in nodes},
                       {n["id"]: n["label"] for n in nodes},
                       [Pair(d["from"], d["to"], d["label"], d["kg"]["count"], len(d["kg"]["members"])) for d in dyads])
    for node in nodes:
        node["x"], node["y"] = placed[node["id"]]
    return {
        "subtitle": visible(subtitle), "focus": focus, "nodes": nodes, "edges": edges, "dyads": dyads,
        "relations": relation_legend(G), "labelTypes": LABEL_TYPES,
        "kinds": [{"kind": kind, "shape": shape, "color": tint(border, 0.6), "border": border}
                  for kind, (shape, border) in KIND_STYLES.items() if kind],
        "colors": {"cooperative": POLARITY_COLOURS[1], "conflictual": POLARITY_COLOURS[-1],
                   "neutral": POLARITY_COLOURS[0], "negated": NEGATED_COLOUR, "dashes": DASHES},
        "options": _vis_options(G.number_of_nodes(), G.number_of_edges()),
    }


def corpus_title(G: nx.MultiDiGraph) -> str:
    """The page title from the corpus: the only document's title, else its source's name and counts.

    >>> corpus_title(nx.MultiDiGraph(documents=1, title="Talks in Vienna", source="seeds/a.txt"))
    'Talks in Vienna'
    >>> corpus_title(nx.MultiDiGraph(documents=3, title=None, source="news/europe"))
    'europe — 3 documents, 0 evidence'
    """
    documents = int(G.graph.get("documents") or 0)
    if documents == 1 and G.graph.get("title"):
        return visible(str(G.graph["title"]))
    name = PurePath(str(G.graph.get("source") or "")).name or "kg"
    evidence = sum(c for _, _, c in G.edges(data="count", default=0))
    return visible(f"{name} — {documents} document{'' if documents == 1 else 's'}, {evidence} evidence")


def _vis_options(n_nodes: int, n_edges: int) -> dict[str, object]:
    """vis-network options: positions come from :mod:`layout`, so physics stays off."""
    large = n_nodes > 300 or n_edges > 1500
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "navigationButtons": False, "keyboard": {"enabled": True, "bindToWindow": False},
                        "multiselect": False},
        "nodes": {"borderWidth": 2, "borderWidthSelected": 3.5,
                  "font": {"size": 16, "face": "system-ui, sans-serif", "color": "#1d2733",
                           "strokeWidth": 4, "strokeColor": "#ffffff"}},
        "edges": {"selectionWidth": 2, "hoverWidth": 1, "scaling": {"label": {"drawThreshold": 9}},
                  "color": {"opacity": 0.4 if n_edges > 1000 else 1.0},
                  "font": {"size": 12, "face": "system-ui, sans-serif", "strokeWidth": 4,
                           "strokeColor": "#ffffff", "align": "horizontal"}},
    }


def _subtitle(view: nx.MultiDiGraph, G: nx.MultiDiGraph, focus: str | None, depth: int, min_count: int,
              top: int | None) -> str:
    evidence = sum(c for _, _, c in view.edges(data="count", default=0))
    pairs = len({pair_id(u, v) for u, v in view.edges()})
    parts = [f"{view.number_of_nodes()} actors · {pairs} pairs · {view.number_of_edges()} relations · "
             f"{evidence} evidence"]
    if focus:
        parts.append(f"ego network of {label(G, focus)}, depth {depth}")
    if min_count > 1:
        parts.append(f"edges with ≥ {min_count} evidence")
    if top is not None:
        parts.append(f"top {top} actors by degree")
    return " · ".join(parts)


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
    scripts = [_inline_js(_vis_network_js()), _inline_js(_template_text("graph.js") + _template_text("views.js"))]
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    template = env.from_string(_template_text("graph.html"))
    return template.render(
        title=title, csp=_csp(scripts), css=Markup(_template_text("graph.css")),
        data=Markup(script_json(payload)), vis_js=Markup(scripts[0]), app_js=Markup(scripts[1]),
    )
