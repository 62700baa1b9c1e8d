"""Names wherever codes are accepted: ``Iran``, ``iranian`` or ``Tehran`` for ``IRN``, ``supplies`` for ``SUPPLY``.

An actor is looked up, case-insensitively, first among the actors of the
graph (their codes and labels), then among every name the gazetteer knows
(names, short forms, demonyms, capitals, institutions, leaders). A name
nobody knows is a :class:`~kg.errors.KgError`, never an empty answer.

>>> from kg.rdf.writing import graph_from
>>> from kg.records import Actor, Assertion
>>> g = graph_from([Assertion("d", "IRN", "SUPPLY", "RUS", False, False, None, None, "…", 0, 1)], [],
...                {"IRN": Actor("IRN", "Iran"), "RUS": Actor("RUS", "Russia")})
>>> actor_code(g, "iran"), actor_code(g, "Tehran"), actor_code(g, "RUS"), relation_label("supplies")
('IRN', 'IRN', 'RUS', 'SUPPLY')
>>> actor_code(g, "Atlantis")
Traceback (most recent call last):
...
kg.errors.KgError: unknown actor 'Atlantis': no actor of the graph or the gazetteer has that code or name
"""
from __future__ import annotations

import logging

from rdflib import Graph
from rdflib.namespace import RDFS

from kg.errors import KgError
from kg.knowledge.gazetteer import Gazetteer, load_gazetteer
from kg.knowledge.terms import KG, relation_types

logger = logging.getLogger("kg.sparql.names")


def graph_actors(graph: Graph) -> dict[str, str]:
    """Code and label (case-folded) → code, for every actor of ``graph`` with a ``kg:code``."""
    found: dict[str, str] = {}
    for node, code in graph.subject_objects(KG.code):
        found.setdefault(str(code).casefold(), str(code))
        for label in graph.objects(node, RDFS.label):
            found.setdefault(str(label).casefold(), str(code))
    return found


_INDEX: dict[int, tuple[Gazetteer, dict[str, str]]] = {}


def _known_names(gazetteer: Gazetteer) -> dict[str, str]:
    """Every code and name the gazetteer knows (case-folded) → actor code; a name of two actors is left out."""
    cached = _INDEX.get(id(gazetteer))
    if cached is not None and cached[0] is gazetteer:
        return cached[1]
    names: dict[str, set[str]] = {}
    for text, actor, _ in gazetteer.forms():
        names.setdefault(text.casefold(), set()).add(actor)
    found = {text: actors.pop() for text, actors in names.items() if len(actors) == 1}
    found.update({code.casefold(): code for code in gazetteer.actors})
    _INDEX.clear()  # one gazetteer at a time (a --knowledge overlay makes another)
    _INDEX[id(gazetteer)] = (gazetteer, found)
    return found


def actor_code(graph: Graph, text: str, warn: bool = True) -> str:
    """The code of the actor ``text`` names (a code or a name, any case); ``KgError`` if none.

    A known actor that is not in ``graph`` is returned, with a warning if
    ``warn``: the answer about it is rightly empty, but the user may have meant another.
    """
    wanted = " ".join(text.split()).casefold()
    in_graph = graph_actors(graph)
    if wanted in in_graph:
        return in_graph[wanted]
    gazetteer = load_gazetteer()
    code = _known_names(gazetteer).get(wanted)
    if code is None:
        raise KgError(f"unknown actor {text!r}: no actor of the graph or the gazetteer has that code or name")
    if warn and in_graph:  # a graph without kg:code triples cannot say who is in it
        logger.warning("%s is not in this graph: no statements about it", describe_actor(text, code))
    return code


def describe_actor(text: str, code: str) -> str:
    """``France (FRA)`` or, for another name of it, ``Paris (FRA, France)``."""
    actor = load_gazetteer().actors.get(code)
    name = actor.name if actor is not None else code
    text = " ".join(text.split())
    same = name.casefold() == text.casefold() or code.casefold() == text.casefold()
    return f"{name} ({code})" if same else f"{text} ({code}, {name})"


def relation_label(text: str) -> str:
    """The label of the relation type ``text`` names: its label (``SUPPLY``) or name (``supplies``), any case."""
    wanted = " ".join(text.split()).casefold()
    for label, relation in relation_types().items():
        if wanted in (label.casefold(), relation.name.casefold()):
            return label
    raise KgError(f"unknown relation type {text!r} (known: {', '.join(sorted(relation_types()))})")
