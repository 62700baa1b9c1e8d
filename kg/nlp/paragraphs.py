"""spaCy component ``kg_paragraphs``: a line break ends a sentence, so headlines and
paragraphs never run into each other."""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

_LINE_BREAK = re.compile("\n")


@Language.component("kg_paragraphs")
def mark_paragraphs(doc: Doc, text: str | None = None) -> Doc:
    """Start a sentence after every line break, so headlines and paragraphs
    never run into each other: at the token after the one whose text or
    trailing space holds the break (``text`` is ``doc.text`` when the caller has it).

    >>> import spacy
    >>> doc = mark_paragraphs(spacy.blank("en")("Talks Resume\\nIran and Oman met.\\n"))
    >>> [t.text for t in doc if t.is_sent_start]
    ['Talks', 'Iran']
    """
    text = doc.text if text is None else text
    if "\n" not in text:
        return doc
    starts = doc.to_array(IDX).tolist()  # each token's first character
    for k in {bisect_right(starts, m.start()) for m in _LINE_BREAK.finditer(text)}:
        if k < len(doc):  # the break lies between the starts of tokens k - 1 and k
            doc[k].is_sent_start = True
    return doc
