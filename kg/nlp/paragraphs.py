"""spaCy component ``kg_paragraphs``: a line break ends a sentence, so headlines and
paragraphs never run into each other."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kg_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and paragraphs
    never run into each other."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc
