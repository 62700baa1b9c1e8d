"""spaCy component ``kg_paragraphs``: a line break ends a sentence, so headlines and
paragraphs never run into each other."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kg_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and paragraphs
    never run into each other."""
    broken = False  # whether the token before ends a line (one pass, no second lookup per token)
    for token in doc:
        if broken:
            token.is_sent_start = True
        broken = "\n" in token.whitespace_ or "\n" in token.text
    return doc
