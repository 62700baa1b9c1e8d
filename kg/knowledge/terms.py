"""Namespaces of the project and the relation types read from ``ontology/kg.ttl``.

The ontology file is the single source of truth for the 13 relation types:
their labels, symmetry, polarity and quad class are read from it, never typed
again in code.

>>> relation_types()["SUPPLY"].prop == KG.supplies
True
>>> sorted(symmetric_labels())
['AGREE', 'ALLY', 'CONFLICT', 'CONSULT', 'COOPERATE']
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.knowledge.resources import ontology_path

BASE = "https://kg.example.org/"

KG = Namespace(BASE + "ontology#")
ACTOR = Namespace(BASE + "actor/")
DOC = Namespace(BASE + "doc/")
STMT = Namespace(BASE + "statement/")
WD = Namespace("http://www.wikidata.org/entity/")
PLOVER = Namespace("https://github.com/openeventdata/PLOVER#")
CAMEO = Namespace("http://eventdata.parusanalytics.com/cameo#")

PREFIXES: dict[str, Namespace] = {
    "kg": KG, "actor": ACTOR, "doc": DOC, "stmt": STMT, "wd": WD,
    "rdf": Namespace(str(RDF)), "rdfs": Namespace(str(RDFS)), "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)), "skos": Namespace(str(SKOS)), "prov": Namespace(str(PROV)),
    "dcterms": Namespace(str(DCTERMS)), "plover": PLOVER, "cameo": CAMEO,
}


@dataclass(frozen=True, slots=True)
class RelationType:
    """One of the relation types of relations.md, as the ontology defines it."""

    label: str          # "SUPPLY", the label of gold files and `kg extract`
    prop: URIRef        # kg:supplies
    name: str           # "supplies", rdfs:label
    symmetric: bool
    polarity: int       # +1 cooperative, -1 conflictual
    quad_class: str     # "MaterialCooperation", ...


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """The parsed OWL ontology (cached)."""
    graph = Graph()
    graph.parse(ontology_path(), format="turtle")
    return graph


@lru_cache(maxsize=1)
def relation_types() -> dict[str, RelationType]:
    """Relation types keyed by label, in the order the ontology's notations sort."""
    rows = ontology().query(
        """SELECT ?p ?label ?name ?polarity ?quad ?sym WHERE {
             ?p rdfs:subPropertyOf kg:relatedTo ; skos:notation ?label ; rdfs:label ?name ;
                kg:polarity ?polarity ; kg:quadClass ?quad .
             BIND(EXISTS { ?p a owl:SymmetricProperty } AS ?sym)
           }""",
        initNs={"kg": KG, "rdfs": RDFS, "skos": SKOS, "owl": OWL},
    )
    types = {
        str(r.label): RelationType(
            label=str(r.label), prop=URIRef(r.p), name=str(r.name),
            symmetric=bool(r.sym.toPython()), polarity=1 if r.polarity == KG.Cooperative else -1,
            quad_class=str(r.quad).removeprefix(str(KG)),
        )
        for r in rows
    }
    return dict(sorted(types.items()))


def symmetric_labels() -> frozenset[str]:
    """The labels of the symmetric relation types (ALLY, CONSULT, ...)."""
    return frozenset(label for label, t in relation_types().items() if t.symmetric)


def actor_iri(actor_id: str) -> URIRef:
    """The IRI of an actor id: ``actor:RUS``."""
    return ACTOR[actor_id]


@lru_cache(maxsize=1)
def actor_classes() -> frozenset[str]:
    """Local names of kg:Actor and its subclasses, read from the ontology.

    >>> sorted(actor_classes())
    ['Actor', 'ArmedGroup', 'Organisation', 'Person', 'State']
    """
    return frozenset(
        str(cls).removeprefix(str(KG))
        for cls in ontology().transitive_subjects(RDFS.subClassOf, KG.Actor)
        if str(cls).startswith(str(KG))
    )
