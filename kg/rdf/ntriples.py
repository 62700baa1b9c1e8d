"""RDF terms and triples as N-Triples text, always one line each: for exports, SPARQL INSERT DATA and TSV results."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.term import Node

# One-line escapes of N-Triples string literals (also valid SPARQL and SPARQL TSV).
_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def nt_term(term: Node) -> str:
    """One RDF term in N-Triples syntax, always on one line.

    IRIs are checked by rdflib (an IRI with spaces or ``<>`` raises); the
    text also fits SPARQL ``INSERT DATA`` and SPARQL TSV results.

    >>> nt_term(Literal('say "hi"\\n', lang="en"))
    '"say \\\\"hi\\\\"\\\\n"@en'
    >>> nt_term(Literal(3))
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    >>> nt_term(URIRef("https://kg.example.org/actor/RUS"))
    '<https://kg.example.org/actor/RUS>'
    """
    if not isinstance(term, Literal):
        return term.n3()
    text = '"' + str(term).translate(_NT_ESCAPES) + '"'
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype:
        return f"{text}^^{URIRef(term.datatype).n3()}"
    return text


def nt_line(triple: tuple[Node, Node, Node]) -> str:
    """One triple as an N-Triples line, newline included.

    >>> nt_line((URIRef("urn:a"), URIRef("urn:b"), Literal("c")))
    '<urn:a> <urn:b> "c" .\\n'
    """
    s, p, o = triple
    return f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n"
