"""ontology/kg.ttl: the 13 relation types of relations.md, their flags and alignment."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.knowledge.terms import KG, ontology, relation_types, symmetric_labels

LABELS = {"COOPERATE", "AGREE", "ALLY", "CONSULT", "SUPPLY", "AID", "REQUEST", "SUPPORT",
          "OPPOSE", "THREATEN", "SANCTION", "ATTACK", "CONFLICT"}

# relations.md: label → (polarity, quad class, PLOVER types, CAMEO roots)
EXPECTED = {
    "COOPERATE": (1, "MaterialCooperation", {"COOPERATE"}, {"06"}),
    "AGREE": (1, "VerbalCooperation", {"AGREE"}, {"05"}),
    "ALLY": (1, "MaterialCooperation", {"COOPERATE"}, {"06"}),
    "CONSULT": (1, "VerbalCooperation", {"CONSULT"}, {"04"}),
    "SUPPLY": (1, "MaterialCooperation", {"AID"}, {"07"}),
    "AID": (1, "MaterialCooperation", {"AID"}, {"07"}),
    "REQUEST": (1, "VerbalCooperation", {"REQUEST"}, {"02"}),
    "SUPPORT": (1, "VerbalCooperation", {"SUPPORT"}, {"05"}),
    "OPPOSE": (-1, "VerbalConflict", {"ACCUSE", "REJECT", "PROTEST"}, {"11", "12", "14"}),
    "THREATEN": (-1, "VerbalConflict", {"THREATEN"}, {"13"}),
    "SANCTION": (-1, "MaterialConflict", {"SANCTION"}, {"16"}),
    "ATTACK": (-1, "MaterialConflict", {"ASSAULT"}, {"18", "19"}),
    "CONFLICT": (-1, "MaterialConflict", {"ASSAULT"}, {"19"}),
}


def strings(subject: URIRef, prop: URIRef) -> set[str]:
    return {str(o) for o in ontology().objects(subject, prop)}


def test_thirteen_relation_types():
    assert set(relation_types()) == LABELS
    assert list(relation_types()) == sorted(LABELS)


def test_symmetric_labels():
    assert symmetric_labels() == {"COOPERATE", "AGREE", "ALLY", "CONSULT", "CONFLICT"}


@pytest.mark.parametrize("label", sorted(LABELS))
def test_relation_type_definition(label: str):
    rtype = relation_types()[label]
    polarity, quad, plover, cameo = EXPECTED[label]
    assert (rtype.polarity, rtype.quad_class) == (polarity, quad)
    assert strings(rtype.prop, KG.ploverType) == plover
    assert strings(rtype.prop, KG.cameoRoot) == cameo
    g = ontology()
    assert (rtype.prop, RDF.type, OWL.ObjectProperty) in g
    assert (rtype.prop, RDFS.subPropertyOf, KG.relatedTo) in g
    for prop in (SKOS.definition, RDFS.label):
        values = list(g.objects(rtype.prop, prop))
        assert len(values) == 1 and values[0].language == "en"
    assert list(g.objects(rtype.prop, SKOS.example))
    assert "align" in str(g.value(rtype.prop, RDFS.comment)).lower()


def test_local_names():
    names = {label: str(t.prop).removeprefix(str(KG)) for label, t in relation_types().items()}
    assert names == {
        "COOPERATE": "cooperatesWith", "AGREE": "agreesWith", "ALLY": "alliedWith", "CONSULT": "consults",
        "SUPPLY": "supplies", "AID": "aids", "REQUEST": "requests", "SUPPORT": "supports",
        "OPPOSE": "opposes", "THREATEN": "threatens", "SANCTION": "sanctions", "ATTACK": "attacks",
        "CONFLICT": "inConflictWith",
    }


def test_specific_codes_and_modes():
    assert strings(KG.supplies, KG.ploverMode) == {"military", "economic"}
    assert strings(KG.agreesWith, KG.cameoCode) == {"057"}
    assert strings(KG.supports, KG.cameoCode) == {"051"}
    assert strings(KG.sanctions, KG.cameoCode) == {"163"}
    assert strings(KG.attacks, KG.cameoCode) == {"190"}


def test_classes():
    g = ontology()
    for cls in (KG.State, KG.Organisation, KG.Person):
        assert (cls, RDFS.subClassOf, KG.Actor) in g
    assert (KG.ArmedGroup, RDFS.subClassOf, KG.Organisation) in g
    for cls in (KG.Document, KG.Sentence, KG.Statement):
        assert (cls, RDFS.subClassOf, PROV.Entity) in g
    assert set(g.subjects(RDF.type, KG.Polarity)) == {KG.Cooperative, KG.Conflictual}
    assert set(g.subjects(RDF.type, KG.QuadClass)) == {
        KG.VerbalCooperation, KG.MaterialCooperation, KG.VerbalConflict, KG.MaterialConflict}
    assert (KG.relatedTo, RDFS.domain, KG.Actor) in g and (KG.relatedTo, RDFS.range, KG.Actor) in g


def test_statement_properties():
    g = ontology()
    assert (KG.negated, RDFS.range, URIRef("http://www.w3.org/2001/XMLSchema#boolean")) in g
    assert (KG.start, RDFS.range, URIRef("http://www.w3.org/2001/XMLSchema#integer")) in g
    for prop in (KG.negated, KG.hypothetical, KG.date, KG.source, KG.trigger, KG.text, KG.start, KG.end, KG.code, KG.url):
        assert g.value(prop, RDFS.label) is not None, prop


def test_header():
    g = ontology()
    (onto,) = g.subjects(RDF.type, OWL.Ontology)
    assert g.value(onto, DCTERMS.title) and g.value(onto, DCTERMS.description)
    assert g.value(onto, OWL.versionInfo)
    assert g.value(onto, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert g.value(onto, DCTERMS.creator) == Literal("kg project")


def test_no_blank_nodes():
    from rdflib import BNode

    assert not any(isinstance(term, BNode) for triple in ontology() for term in triple)
