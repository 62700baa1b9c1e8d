"""SHACL validation of a kg graph with ``ontology/shapes.ttl``.

The ontology ``ontology/kg.ttl`` is passed to pySHACL as the ontology graph,
so ``kg:State ⊑ kg:Actor`` and the relation sub-properties are known even
when the data graph holds no ontology triples. No inference is needed by the
shapes (SHACL's ``sh:class`` already follows ``rdfs:subClassOf``), so none is
run by default: it only costs time.

>>> from kg.records import Assertion
>>> from kg.rdf.writing import graph_from
>>> ok, report = validate(graph_from([Assertion("d", "IRN", "SUPPLY", "RUS", False, False, "2023", None, "…", 0, 1)]))
>>> ok, report
(True, 'conforms')
"""
from __future__ import annotations

from functools import lru_cache
from typing import Literal as TypingLiteral

from rdflib import Graph
from rdflib.namespace import RDF, SH

from kg.errors import KgError
from kg.knowledge.resources import ontology_path
from kg.knowledge.terms import ontology
from kg.rdf.terms import new_graph
from kg.sparql.formats import short_name

__all__ = ["shapes", "validate"]

Inference = TypingLiteral["none", "rdfs", "owlrl", "both"]


@lru_cache(maxsize=1)
def shapes() -> Graph:
    """The SHACL shapes graph ``ontology/shapes.ttl`` (cached)."""
    graph = Graph()
    graph.parse(ontology_path("shapes.ttl"), format="turtle")
    return graph


def _result_line(report: Graph, result) -> str:
    """One violation as ``focus path: message (value)``."""
    def cell(prop) -> str:
        return short_name(report.value(result, prop))

    where = " ".join(part for part in (cell(SH.focusNode), cell(SH.resultPath)) if part)
    line = f"{where}: {cell(SH.resultMessage)}"
    value = cell(SH.value)
    return f"{line} (value: {value})" if value else line


def _summary(report: Graph, max_results: int) -> str:
    """Top-level violations only: nested ``sh:detail`` results repeat them."""
    results = [r for top in report.subjects(RDF.type, SH.ValidationReport)
               for r in report.objects(top, SH.result)
               if report.value(r, SH.resultSeverity) == SH.Violation]
    lines = sorted({_result_line(report, r) for r in results})
    shown = [f"- {line}" for line in lines[:max_results]]
    if len(lines) > max_results:
        shown.append(f"- … and {len(lines) - max_results} more")
    return "\n".join([f"{len(lines)} SHACL violation{'s' if len(lines) != 1 else ''}:", *shown])


def _copied(graph: Graph) -> Graph:
    """``graph``'s triples in a graph whose store holds named graphs (:func:`kg.rdf.terms.new_graph`)."""
    copy = new_graph()
    copy += graph
    return copy


def validate(graph: Graph, inference: Inference = "none", max_results: int = 20) -> tuple[bool, str]:
    """Check ``graph`` against ``ontology/shapes.ttl``: ``(conforms, short report)``.

    The report is ``"conforms"`` or the number of violations followed by up
    to ``max_results`` lines ``- focus path: message (value: …)``, sorted.
    """
    import pyshacl  # slow to import; only needed here

    if not graph.store.context_aware:  # a build's graph (SimpleMemory): pySHACL needs named graphs
        graph = _copied(graph)
    try:
        conforms, report, _ = pyshacl.validate(
            graph, shacl_graph=shapes(), ont_graph=ontology(), inference=inference,
            allow_warnings=True, abort_on_first=False,
        )
    except Exception as exc:  # pySHACL reports broken shapes or graphs with its own errors
        raise KgError(f"SHACL validation failed: {' '.join(str(exc).split())[:300]}", exit_code=1) from exc
    if conforms:
        return True, "conforms"
    return False, _summary(report, max_results)
