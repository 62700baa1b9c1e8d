"""RDF ``Graph`` → networkx ``MultiDiGraph`` with aggregated edges, and small analytics.

Nodes are actors, edges are aggregated per (subject, relation, object) over the
statement nodes of the RDF data model (docs/ARCHITECTURE.md); symmetric
relations are stored once, oriented ``min(id) → max(id)``.

>>> from rdflib import Graph
>>> G = to_networkx(Graph())
>>> G.number_of_nodes(), G.number_of_edges()
(0, 0)
"""
from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from kg.errors import KgError
from kg.knowledge.terms import KG, WD, RelationType, relation_types
from kg.network.degree import degree, degrees
from kg.rdf.reading import (
    ACTOR_PROPS,
    STATEMENT_PROPS,
    Columns,
    StatementRecord,
    actor_id,
    actor_kinds,
    read_statements,
)

# ---------------------------------------------------------------- RDF → networkx


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The networkx view of an RDF graph: actors as nodes, one edge per (subject, relation, object).

    Edge keys are relation labels; attributes follow docs/ARCHITECTURE.md.
    Only ``kg:Statement`` nodes count as evidence (plain triples are ignored).
    ``G.graph`` holds :func:`corpus_facts` (documents, a single document's
    title, the common source path) for titles.
    Predicates that are not relation types keep their IRI's local name as
    label, with polarity 0. The graph is read one property at a time (one
    index scan each) and joined in dicts: on 100k statements in the memory
    store this takes seconds, where the equivalent SPARQL with OPTIONALs
    takes minutes.
    """
    columns = Columns(graph, STATEMENT_PROPS + ACTOR_PROPS)
    statements = list(read_statements(graph, columns))
    mentioned = {node for s in statements for node in (s.subject, s.object)}
    actors = _actors(graph, columns, mentioned)
    G = nx.MultiDiGraph(**corpus_facts(graph))
    for node_id, attributes in sorted(actors.values(), key=lambda a: (a[0], a[1]["iri"])):
        G.add_node(node_id, **attributes)
    ids = {iri: node_id for iri, (node_id, _) in actors.items()}
    for (subject, label, obj), evidence in sorted(_group_by_edge(statements, ids).items()):
        G.add_edge(subject, obj, key=label, **_edge_attributes(label, evidence))
    return G


def corpus_facts(graph: Graph) -> dict[str, object]:
    """``documents`` (how many), ``title`` (the only document's title or id, else ``None``), ``source``.

    ``source`` is the path the documents' sources share (a folder, or the one
    file they all came from), or ``None``.

    >>> corpus_facts(Graph())
    {'documents': 0, 'title': None, 'source': None}
    """
    docs = sorted(set(graph.subjects(RDF.type, KG.Document)))
    sources = sorted({str(s) for doc in docs for s in graph.objects(doc, DCTERMS.source)})
    title = None
    if len(docs) == 1:
        title = str(graph.value(docs[0], DCTERMS.title) or graph.value(docs[0], DCTERMS.identifier) or "") or None
    try:
        common = os.path.commonpath(sources) if sources else None
    except ValueError:  # absolute and relative paths mixed
        common = None
    return {"documents": len(docs), "title": title, "source": common or None}


def _actors(graph: Graph, columns: Columns, mentioned: set[Node]) -> dict[Node, tuple[str, dict[str, object]]]:
    """Actor IRI → (node id, node attributes), for actors with a code or in a statement."""
    kinds = actor_kinds(graph)
    found = {}
    for iri in set(columns.values[KG.code]) | mentioned:
        node_id = actor_id(columns, iri)
        matches = sorted(str(m) for m in columns.all(iri, SKOS.exactMatch) if str(m).startswith(str(WD)))
        found[iri] = (node_id, {
            "label": _best_label(columns.all(iri, RDFS.label)) or node_id,
            "kind": kinds.get(iri),
            "wikidata": matches[0].removeprefix(str(WD)) if matches else None,
            "iri": str(iri),
        })
    return found


def _best_label(labels: list[Node]) -> str | None:
    """English first, then untagged, then any; ties broken alphabetically.

    >>> from rdflib import Literal
    >>> _best_label([Literal("Russland", lang="de"), Literal("Russia", lang="en")])
    'Russia'
    """
    rank = {"en": 0, None: 1}
    ordered = sorted(labels, key=lambda l: (rank.get(getattr(l, "language", None), 2), str(l)))
    return str(ordered[0]) if ordered else None


def _group_by_edge(statements: list[StatementRecord], ids: dict[Node, str]) -> dict[tuple[str, str, str], list[dict]]:
    """Evidence lists keyed by (subject, label, object), symmetric relations oriented min → max."""
    types = {t.prop: t for t in relation_types().values()}
    edges: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for s in statements:
        relation = types.get(s.predicate) or _unknown_relation(s.predicate)
        a, b = ids[s.subject], ids[s.object]
        if relation.symmetric and b < a:
            a, b = b, a
        edges[a, relation.label, b].append(_evidence(s))
    return edges


def _unknown_relation(prop: Node) -> RelationType:
    name = str(prop).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return RelationType(label=name, prop=URIRef(str(prop)), name=name, symmetric=False, polarity=0, quad_class="")


def _edge_attributes(label: str, evidence: list[dict]) -> dict[str, object]:
    relation = relation_types().get(label)
    evidence = sorted(evidence, key=_evidence_order)
    negated = sum(e["negated"] for e in evidence)
    hypothetical = sum(e["hypothetical"] for e in evidence)
    return {
        "relation": label,
        "symmetric": relation.symmetric if relation else False,
        "polarity": relation.polarity if relation else 0,
        "count": len(evidence),
        "factual": sum(not (e["negated"] or e["hypothetical"]) for e in evidence),
        "negated": negated,
        "hypothetical": hypothetical,
        "dates": sorted({e["date"] for e in evidence if e["date"]}),
        "evidence": evidence,
    }


def _evidence_order(e: dict) -> tuple:
    """Doc, then start; the other fields only make the order total."""
    return (e["doc"] or "", -1 if e["start"] is None else e["start"], -1 if e["end"] is None else e["end"],
            e["sentence"] or "", e["negated"], e["hypothetical"], e["date"] or "", e["source"] or "")


def _evidence(s: StatementRecord) -> dict[str, object]:
    """The evidence attributes of one statement on its aggregated edge."""
    return {"doc": s.doc, "sentence": s.sentence, "start": s.start, "end": s.end, "negated": s.negated,
            "hypothetical": s.hypothetical, "date": s.date, "source": s.source}


# ---------------------------------------------------------------- analytics


def actor_stats(G: nx.MultiDiGraph, weight: str = "count") -> list[dict[str, object]]:
    """Per actor: degree (:mod:`kg.network.degree`: distinct other actors) and evidence sums, most connected first.

    ``out``/``in`` sum ``weight`` over directed edges from/to the actor,
    ``mutual`` over symmetric ones; ``cooperative``/``conflictual`` over all
    its edges by polarity. ``weight="factual"`` counts factual evidence only.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("IRN", "RUS", key="SUPPLY", symmetric=False, polarity=1, count=3)
    'SUPPLY'
    >>> [(s["id"], s["out"], s["in"], s["cooperative"]) for s in actor_stats(G)]
    [('IRN', 3, 0, 3), ('RUS', 0, 3, 3)]
    """
    stats = {n: _empty_stats(G, n) for n in G}
    for u, v, data in G.edges(data=True):
        w = data.get(weight, 0)
        if data.get("symmetric"):
            for node in {u, v}:
                stats[node]["mutual"] += w
        else:
            stats[u]["out"] += w
            stats[v]["in"] += w
        for node in {u, v}:  # a self-loop counts once
            stats[node]["count"] += w
            stats[node][_polarity_name(data.get("polarity", 0))] += w
    return sorted(stats.values(), key=lambda s: (-s["degree"], -s["count"], s["id"]))


def _empty_stats(G: nx.MultiDiGraph, node: str) -> dict[str, object]:
    data = G.nodes[node]
    return {"id": node, "label": data.get("label", node), "kind": data.get("kind"), "degree": degree(G, node),
            "out": 0, "in": 0, "mutual": 0, "count": 0, "cooperative": 0, "conflictual": 0, "neutral": 0}


def _polarity_name(polarity: int) -> str:
    return {1: "cooperative", -1: "conflictual"}.get(polarity, "neutral")


def relation_counts(G: nx.MultiDiGraph, weight: str = "count") -> dict[str, int]:
    """Evidence per relation label, largest first, then by label.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("IRN", "RUS", key="SUPPLY", count=3)
    >>> _ = G.add_edge("RUS", "UKR", key="ATTACK", count=3)
    >>> _ = G.add_edge("IRN", "ISR", key="THREATEN", count=5)
    >>> relation_counts(G)
    {'THREATEN': 5, 'ATTACK': 3, 'SUPPLY': 3}
    """
    counts: dict[str, int] = defaultdict(int)
    for _, _, key, w in G.edges(keys=True, data=weight, default=0):
        counts[key] += w
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def dyad_balance(G: nx.MultiDiGraph, weight: str = "count") -> list[dict[str, object]]:
    """Per unordered pair of actors (``a < b``): cooperative and conflictual evidence, ``net``.

    Self-loops are left out. Busiest dyads first.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("RUS", "IRN", key="SUPPLY", polarity=1, count=2)
    >>> _ = G.add_edge("IRN", "RUS", key="OPPOSE", polarity=-1, count=1)
    >>> dyad_balance(G)
    [{'a': 'IRN', 'b': 'RUS', 'cooperative': 2, 'conflictual': 1, 'net': 1}]
    """
    dyads: dict[tuple[str, str], dict[str, object]] = {}
    for u, v, data in G.edges(data=True):
        if u == v:
            continue
        a, b = sorted((u, v))
        d = dyads.setdefault((a, b), {"a": a, "b": b, "cooperative": 0, "conflictual": 0, "net": 0})
        polarity, w = data.get("polarity", 0), data.get(weight, 0)
        if polarity:
            d[_polarity_name(polarity)] += w
            d["net"] += polarity * w
    return sorted(dyads.values(), key=lambda d: (-(d["cooperative"] + d["conflictual"]), d["a"], d["b"]))


def resolve_actor(G: nx.MultiDiGraph, actor: str) -> str:
    """The node id for an id or a name, case-insensitively; ``KgError`` if none.

    >>> G = nx.MultiDiGraph(); G.add_node("IRN", label="Iran")
    >>> resolve_actor(G, "iran"), resolve_actor(G, "irn")
    ('IRN', 'IRN')
    """
    if actor in G:
        return actor
    wanted = actor.strip().casefold()
    for node, label in sorted(G.nodes(data="label")):
        if wanted in (str(node).casefold(), str(label or "").casefold()):
            return node
    raise KgError(f"unknown actor {actor!r}: not in the graph")


def ego_graph(G: nx.MultiDiGraph, actor: str, depth: int = 1) -> nx.MultiDiGraph:
    """The actor and everyone within ``depth`` hops (any direction), with all edges among them.

    >>> G = nx.MultiDiGraph([("IRN", "RUS"), ("RUS", "UKR"), ("UKR", "POL")])
    >>> sorted(ego_graph(G, "IRN", depth=2))
    ['IRN', 'RUS', 'UKR']
    """
    node = resolve_actor(G, actor)
    reach = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), node, cutoff=depth)
    return G.subgraph(reach).copy()


def filter_graph(
    G: nx.MultiDiGraph, min_count: int = 1, top: int | None = None, relations: Iterable[str] | None = None,
) -> nx.MultiDiGraph:
    """Keep edges with ``count >= min_count`` of the given relation labels, then the ``top`` actors by degree.

    Actors that lose all their edges are dropped; attribute values are shared, not copied.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("IRN", "RUS", key="SUPPLY", count=3)
    >>> _ = G.add_edge("RUS", "UKR", key="ATTACK", count=1)
    >>> sorted(filter_graph(G, min_count=2)), sorted(filter_graph(G, relations=["attack"]))
    (['IRN', 'RUS'], ['RUS', 'UKR'])
    """
    wanted = _relation_labels(G, relations)
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from(
        (u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)
        if d.get("count", 0) >= min_count and (wanted is None or k in wanted)
    )
    H.remove_nodes_from([n for n in G if G.degree(n) and not H.degree(n)])
    if top is not None:
        H = H.subgraph(top_actors(H, top)).copy()
    return H


def top_actors(G: nx.MultiDiGraph, n: int) -> list[str]:
    """The ``n`` actors of highest degree (:mod:`kg.network.degree`; ties: more evidence, then id).

    >>> G = nx.MultiDiGraph([("IRN", "RUS"), ("RUS", "UKR")])
    >>> top_actors(G, 1)
    ['RUS']
    """
    evidence, linked = dict(G.degree(weight="count")), degrees(G)
    return sorted(G, key=lambda node: (-linked[node], -evidence[node], node))[:max(n, 0)]


def _relation_labels(G: nx.MultiDiGraph, relations: Iterable[str] | None) -> set[str] | None:
    if relations is None:
        return None
    known = set(relation_types()) | {k for _, _, k in G.edges(keys=True)}
    wanted = {r.strip().upper() for r in relations}
    if unknown := wanted - {k.upper() for k in known}:
        raise KgError(f"unknown relation type(s): {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}")
    return {k for k in known if k.upper() in wanted}
