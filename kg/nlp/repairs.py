"""spaCy component ``kg_parse_repairs``: misparses of the small model mended after its parser.

"Chad accused NEIGHBOURING Sudan of backing rebels": the model tags the
adjective "neighbouring" as a verb (VBG) that takes "Sudan" as its object, so
"accused" has no object and the accusation no target. The words of the cue
list ``adjectival_participles`` (``ontology/cues.toml``) are adjectives before
a proper noun: the component makes the noun take the participle's place in the
tree and the participle the noun's modifier (tag ``JJ``, so the attribute
table that follows gives it the part of speech ``ADJ``).

>>> from kg.nlp.pipeline import load_pipeline
>>> doc = load_pipeline()("Chad accused neighbouring Sudan of backing rebels.")
>>> [(t.text, t.dep_, t.head.text) for t in doc[2:4]]
[('neighbouring', 'amod', 'Sudan'), ('Sudan', 'dobj', 'accused')]
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.knowledge.lexicon import load_lexicon


@Language.factory("kg_parse_repairs")
def make_parse_repairs(nlp: Language, name: str) -> ParseRepairs:
    """Build the component; its words come from the cue list ``adjectival_participles``."""
    return ParseRepairs(load_lexicon().cue("adjectival_participles"))


class ParseRepairs:
    """Mends a participle parsed as the verb of the proper noun it modifies."""

    def __init__(self, participles: frozenset[str]) -> None:
        self.participles = participles

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.lower_ not in self.participles or token.tag_ not in ("VBG", "VBN") or token.head.i == token.i:
                continue
            noun = next((c for c in token.children if c.dep_ == "dobj" and c.tag_ in ("NNP", "NNPS") and c.i == token.i + 1
                         or c.i == token.i + 2 and c.dep_ == "dobj" and doc[token.i + 1].tag_ == "NNP"), None)
            if noun is None:
                continue
            head, dep = token.head, token.dep_
            noun.head, noun.dep_ = head, "dobj" if dep in ("xcomp", "advcl", "ccomp", "dobj") else dep
            for other in [c for c in token.children if c.i != noun.i]:
                other.head = head
            token.head, token.dep_, token.tag_ = noun, "amod", "JJ"
        return doc
