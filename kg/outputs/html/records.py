"""The page's data: vis-network records for actors, typed relations and pairs of actors (dyads).

A typed relation is one aggregated edge of the networkx view (subject,
relation type, object). A dyad is every typed relation between two actors,
drawn as one edge by default: width by evidence count, colour by the balance
of cooperative and conflictual evidence, an arrow when all its relations are
directed one way, a label of its dominant types. The page script recomputes a
dyad with the same rules when filters hide some of its relations.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("IRN", "RUS", key="SUPPLY", polarity=1, count=3, factual=3, negated=0)
>>> _ = G.add_edge("IRN", "RUS", key="AID", polarity=1, count=1, factual=1, negated=0)
>>> [(d["from"], d["to"], d["label"], d["arrows"]["to"]["enabled"]) for d in dyad_records(G)]
[('IRN', 'RUS', 'SUPPLY, AID', True)]
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import lru_cache

import networkx as nx

from kg.knowledge.terms import relation_types
from kg.network.degree import degree as actor_degree

POLARITY_COLOURS = {1: "#2166ac", -1: "#c0392b", 0: "#7d8590"}  # cooperative blue, conflictual red, neutral
NEGATED_COLOUR = "#8a8f98"
KIND_STYLES = {  # kind → (vis shape, border colour); fills are a light tint of it
    "State": ("dot", "#3d5a78"),
    "Organisation": ("diamond", "#6f4f86"),
    "ArmedGroup": ("triangle", "#9c5a2f"),
    "Person": ("square", "#4f7a28"),
    None: ("dot", "#6b6b6b"),
}
DASHES = {"factual": False, "hypothetical": [8, 6], "negated": [2, 5]}
LABEL_TYPES = 2  # a dyad's label names at most this many types, then "+n"
WIKIDATA_ID = re.compile(r"Q[1-9][0-9]{0,11}")
MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
YEAR = re.compile(r"[0-9]{4}")
# Bidirectional overrides, embeddings and isolates can make text read differently from what it is.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


# ---------------------------------------------------------------- actors


def node_record(G: nx.MultiDiGraph, node: str, cluster: int) -> dict[str, object]:
    """One actor: shape and colour by kind, size by degree (distinct other actors), a plain-text tooltip."""
    data = G.nodes[node]
    name = visible(str(data.get("label") or node))
    shape, colour = KIND_STYLES.get(data.get("kind"), KIND_STYLES[None])
    degree, relations = actor_degree(G, node), G.degree(node)  # kg.network.degree
    evidence = int(G.degree(node, weight="count"))
    qid = data.get("wikidata") if WIKIDATA_ID.fullmatch(str(data.get("wikidata") or "")) else None
    lines = [f"{name} ({visible(node)})",
             f"{data.get('kind') or 'actor'} · degree {degree} · {_plural(relations, 'relation')}"
             f" · {evidence} evidence"]
    if qid:
        lines.append(f"Wikidata {qid}")
    return {
        "id": node, "label": name, "shape": shape, "color": _node_colour(colour),
        "size": round(10 + 4 * math.log2(1 + degree), 2), "title": "\n".join(lines),
        "kg": {"code": visible(node), "name": name, "kind": data.get("kind"), "degree": degree,
               "relations": relations, "evidence": evidence, "wikidata": qid, "cluster": cluster},
    }


def clusters(G: nx.MultiDiGraph) -> dict[str, int]:
    """Actor → cluster number (Louvain communities of the dyads weighted by evidence; largest first).

    >>> G = nx.MultiDiGraph([("A", "B"), ("C", "D")])
    >>> clusters(G)
    {'A': 0, 'B': 0, 'C': 1, 'D': 1}
    """
    H = nx.Graph()
    H.add_nodes_from(sorted(G))
    for u, v, count in sorted(G.edges(data="count", default=1)):
        if u != v:
            H.add_edge(u, v, weight=H.get_edge_data(u, v, {"weight": 0})["weight"] + count)
    groups = nx.community.louvain_communities(H, weight="weight", seed=7) if H.number_of_edges() else [
        {n} for n in H]
    ordered = sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g[0]))
    return {node: i for i, group in enumerate(ordered) for node in group}


def _node_colour(border: str) -> dict[str, object]:
    fill = tint(border, 0.78)
    return {"background": fill, "border": border,
            "highlight": {"background": tint(border, 0.55), "border": border},
            "hover": {"background": tint(border, 0.65), "border": border}}


def tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white.

    >>> tint("#000000", 0.5)
    '#808080'
    """
    return mix(colour, "#ffffff", amount)


def mix(a: str, b: str, amount: float) -> str:
    """``a`` moved ``amount`` (0–1) of the way to ``b``, in RGB.

    >>> mix("#000000", "#ff0000", 0.5)
    '#800000'
    """
    pairs = ((int(a[i:i + 2], 16), int(b[i:i + 2], 16)) for i in (1, 3, 5))
    return "#" + "".join(f"{math.floor(x + (y - x) * amount + 0.5):02x}" for x, y in pairs)  # as JS Math.round


# ---------------------------------------------------------------- typed relations


def edge_status(data: dict) -> str:
    """``negated`` when all evidence is negated, ``factual`` when some is factual, else ``hypothetical``.

    >>> edge_status({"count": 2, "negated": 2, "factual": 0}), edge_status({"count": 2, "negated": 1, "factual": 0})
    ('negated', 'hypothetical')
    """
    if data.get("count", 0) and data.get("negated", 0) == data["count"]:
        return "negated"
    return "factual" if data.get("factual", 0) else "hypothetical"


def edge_record(G: nx.MultiDiGraph, u: str, v: str, key: str, data: dict, curve: dict[str, object],
                max_evidence: int) -> dict[str, object]:
    """One typed relation, with its counts, dates, months and first ``max_evidence`` sentences."""
    status = edge_status(data)
    polarity = data.get("polarity", 0)
    colour = NEGATED_COLOUR if status == "negated" else POLARITY_COLOURS.get(polarity, POLARITY_COLOURS[0])
    count = int(data.get("count", 0))
    evidence = [_evidence_record(e) for e in data.get("evidence", [])[:max(max_evidence, 0)]]
    info = {
        "relation": visible(key), "name": relation_name(key), "polarity": polarity,
        "symmetric": bool(data.get("symmetric")), "status": status, "count": count,
        "factual": int(data.get("factual", 0)), "hypothetical": int(data.get("hypothetical", 0)),
        "negated": int(data.get("negated", 0)), "dates": [visible(d) for d in data.get("dates", [])],
        "months": months(data.get("evidence", [])), "evidence": evidence, "more": max(count - len(evidence), 0),
        "fromLabel": label(G, u), "toLabel": label(G, v), "pair": pair_id(u, v),
    }
    return {
        "id": f"{u}|{key}|{v}", "from": u, "to": v, "label": ("✗ " if status == "negated" else "") + info["relation"],
        "title": _edge_tooltip(info), "color": {"color": colour, "highlight": colour, "hover": colour},
        "width": _width(count), "dashes": DASHES[status],
        "arrows": {"to": {"enabled": not info["symmetric"], "scaleFactor": 0.7}},
        "font": {"color": colour}, **curve, "kg": info,
    }


def months(evidence: list[dict]) -> dict[str, int]:
    """Evidence per month (``YYYY-MM``; a period counts at its start), ``YYYY`` for year-only dates.

    >>> months([{"date": "2024-04-18"}, {"date": "2024-04/2024-09"}, {"date": "2023"}, {"date": None}])
    {'2023': 1, '2024-04': 2}
    """
    found: dict[str, int] = defaultdict(int)
    for e in evidence:
        start = str(e.get("date") or "").split("/")[0]
        if MONTH.match(start):
            found[start[:7]] += 1
        elif YEAR.fullmatch(start):
            found[start] += 1
    return dict(sorted(found.items()))


def _width(count: int) -> float:
    return round(min(1.5 + 2 * math.log2(max(count, 1)), 14), 2)


def _evidence_record(e: dict) -> dict[str, object]:
    return {k: visible(e.get(k)) if isinstance(e.get(k), str) else e.get(k)
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
        lines.append(f"“{shorten(first['sentence'] or '', 160)}” ({first['doc']})")
    lines.append("Click for the evidence.")
    return "\n".join(lines)


def curvatures(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict[str, object]]:
    """Fan out the typed relations between one pair of actors so that none hides another."""
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
            curves[u, v, key] = {"smooth": (
                {"enabled": False} if offset == 0 or u == v
                else {"enabled": True, "type": "curvedCW" if offset > 0 else "curvedCCW", "roundness": abs(offset)}
            )}
    return curves


# ---------------------------------------------------------------- pairs of actors


def pair_id(u: str, v: str) -> str:
    """The dyad's id: both actor ids, ordered.

    >>> pair_id("RUS", "IRN")
    'IRN~RUS'
    """
    return "~".join(sorted((u, v)))


def dyad_records(G: nx.MultiDiGraph) -> list[dict[str, object]]:
    """One vis edge per pair of actors, its typed relations listed in ``kg.members``."""
    members: dict[str, list[tuple[str, str, str, dict]]] = defaultdict(list)
    for u, v, key, data in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        members[pair_id(u, v)].append((u, v, key, data))
    return [_dyad_record(G, pair, edges) for pair, edges in sorted(members.items())]


def _dyad_record(G: nx.MultiDiGraph, pair: str, edges: list[tuple[str, str, str, dict]]) -> dict[str, object]:
    a, b = min(edges[0][:2]), max(edges[0][:2])
    count = sum(int(d.get("count", 0)) for *_, d in edges)
    coop, conf = _balance_counts(d for *_, d in edges)
    status = ("negated" if all(edge_status(d) == "negated" for *_, d in edges)
              else "factual" if any(d.get("factual", 0) for *_, d in edges) else "hypothetical")
    directions = {(u, v) for u, v, _, d in edges if not d.get("symmetric")}
    one_way = len(directions) == 1 and all(not d.get("symmetric") for *_, d in edges) and a != b
    source, target = next(iter(directions)) if one_way else (a, b)
    colour = NEGATED_COLOUR if status == "negated" else balance_colour(coop, conf)
    totals: dict[str, int] = defaultdict(int)
    for _, _, key, d in edges:  # a type in both directions counts once, with both counts
        totals[key] += int(d.get("count", 0))
    by_type = sorted(((n, key) for key, n in totals.items()), key=lambda t: (-t[0], _order(t[1])))
    text = dyad_label([key for _, key in by_type])
    info = {"members": [f"{u}|{key}|{v}" for u, v, key, _ in edges], "ends": [a, b], "count": count,
            "cooperative": coop, "conflictual": conf, "status": status,
            "types": [[visible(key), n] for n, key in by_type]}
    return {
        "id": pair, "from": source, "to": target, "label": ("✗ " if status == "negated" else "") + text,
        "title": _dyad_tooltip(G, source, target, one_way, info), "width": _width(count), "dashes": DASHES[status],
        "color": {"color": colour, "highlight": colour, "hover": colour},
        "font": {"color": mix(colour, "#1d2733", 0.35)}, "arrows": {"to": {"enabled": one_way, "scaleFactor": 0.8}},
        "smooth": {"enabled": False}, "kg": info,
    }


def _balance_counts(edges) -> tuple[int, int]:
    """Cooperative and conflictual evidence that is not negated."""
    coop = conf = 0
    for d in edges:
        n = int(d.get("count", 0)) - int(d.get("negated", 0))
        if d.get("polarity", 0) > 0:
            coop += n
        elif d.get("polarity", 0) < 0:
            conf += n
    return coop, conf


def balance_colour(cooperative: int, conflictual: int) -> str:
    """Blue for all-cooperative evidence, red for all-conflictual, grey in between or without either.

    >>> balance_colour(3, 0), balance_colour(0, 2), balance_colour(2, 2)
    ('#2166ac', '#c0392b', '#7d8590')
    """
    total = cooperative + conflictual
    balance = (cooperative - conflictual) / total if total else 0
    return mix(POLARITY_COLOURS[0], POLARITY_COLOURS[1 if balance > 0 else -1], abs(balance))


def dyad_label(types: list[str]) -> str:
    """The dominant types (already ordered, most evidence first), at most ``LABEL_TYPES``, then ``+n``.

    >>> dyad_label(["COOPERATE", "CONSULT", "SUPPLY", "AID"]), dyad_label(["ATTACK"])
    ('COOPERATE, CONSULT +2', 'ATTACK')
    """
    shown = ", ".join(visible(t) for t in types[:LABEL_TYPES])
    return shown + (f" +{len(types) - LABEL_TYPES}" if len(types) > LABEL_TYPES else "")


def _dyad_tooltip(G: nx.MultiDiGraph, source: str, target: str, one_way: bool, info: dict) -> str:
    arrow = "→" if one_way else "—"
    lines = [f"{label(G, source)} {arrow} {label(G, target)}: {info['count']} evidence "
             f"({info['cooperative']} cooperative, {info['conflictual']} conflictual, not negated)",
             ", ".join(f"{key} {n}" for key, n in info["types"]), "Click to expand into its relations."]
    return "\n".join(lines)


def _order(key: str) -> tuple[int, str]:
    order = _type_order()
    return order.get(key, len(order)), key


@lru_cache(maxsize=1)
def _type_order() -> dict[str, int]:
    return {k: i for i, k in enumerate(relation_types())}


def relation_legend(G: nx.MultiDiGraph) -> list[dict[str, object]]:
    """The relation types present in ``G``, in the ontology's order, with their evidence counts."""
    counts: dict[str, int] = defaultdict(int)
    for _, _, key, count in G.edges(keys=True, data="count", default=0):
        counts[key] += count
    types = relation_types()
    return [
        {"label": visible(key), "name": relation_name(key), "count": counts[key],
         "polarity": types[key].polarity if key in types else 0,
         "symmetric": types[key].symmetric if key in types else False}
        for key in sorted(counts, key=_order)
    ]


# ---------------------------------------------------------------- text


def label(G: nx.MultiDiGraph, node: str) -> str:
    """The actor's display name (its id when it has none)."""
    return visible(str(G.nodes[node].get("label") or node))


def relation_name(key: str) -> str:
    """The relation type's name in the ontology (``supplies``), else the label in lower case."""
    relation = relation_types().get(key)
    return relation.name if relation else visible(key.lower())


def visible(text: str | None) -> str | None:
    """Bidi control characters shown as ``⟨U+202E⟩``; no other change.

    >>> visible("abc\\u202edef")
    'abc⟨U+202E⟩def'
    """
    if text is None:
        return None
    return _BIDI_CONTROLS.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
