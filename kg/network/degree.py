"""Degree: one definition for ``kg stats``, the ``most-connected`` ready query and the HTML graph.

An actor's **degree** is the number of distinct other actors it has at least
one statement with, in either direction, whatever the relation type and
whether the statement is factual, negated or hypothetical: its neighbours in
the graph that is drawn. Several relation types between the same two actors
count once; a statement of an actor about itself counts none. The
``most-connected`` query (``ontology/queries/most-connected.rq``) counts the same.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("IRN", "RUS", key="SUPPLY")
>>> _ = G.add_edge("RUS", "IRN", key="CONSULT")
>>> _ = G.add_edge("IRN", "RUS", key="COOPERATE")
>>> _ = G.add_edge("USA", "IRN", key="SANCTION")
>>> _ = G.add_edge("IRN", "IRN", key="OPPOSE")
>>> degree(G, "IRN"), degrees(G)
(2, {'IRN': 2, 'RUS': 1, 'USA': 1})
"""
from __future__ import annotations

import networkx as nx

#: What the degree counts, in words, for help texts and tables.
DEFINITION = "distinct other actors with at least one statement either way (any type, any flags)"


def degree(G: nx.MultiDiGraph, node: str) -> int:
    """The number of distinct other actors ``node`` has an edge with, in either direction."""
    return len((set(G.successors(node)) | set(G.predecessors(node))) - {node})


def degrees(G: nx.MultiDiGraph) -> dict[str, int]:
    """:func:`degree` of every actor, in the graph's node order."""
    return {node: degree(G, node) for node in G}
