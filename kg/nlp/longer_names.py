"""Whether an actor mention is part of a longer name ("Washington Post", "Michael Jordan"),
and whether a sentence is a headline, where the entity recogniser is unreliable."""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.knowledge.lexicon import load_lexicon


def _name_word(token: Token, covered: set[int]) -> bool:
    return token.is_title and token.i not in covered and token.ent_type_ in load_lexicon().cue("name_entity_labels")


def in_longer_name(span: Span, covered: set[int]) -> bool:
    """Whether ``span`` is part of a longer named entity ("Washington Post").

    True when a neighbouring capitalised token that is no actor mention
    belongs to the same entity, of a kind in the cue ``name_entity_labels``. Not applied
    in headlines, where the entity recogniser lumps words together.
    """
    doc = span.doc
    if is_headline(_sentence(span)):
        return False
    if not doc.has_annotation("ENT_IOB"):
        return doc.has_annotation("DEP") and _in_compound_name(span, covered)
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and _name_word(before, covered) and span[0].ent_iob_ == "I":
        return True
    return after is not None and _name_word(after, covered) and after.ent_iob_ == "I"


def _in_compound_name(span: Span, covered: set[int]) -> bool:
    """Without entities: a proper-noun compound joins ``span`` to a capitalised
    neighbour that is no mention ("Washington Post", "George Washington")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and _proper(before, covered) and before.dep_ == "compound" and span.start <= before.head.i < span.end:
        return True
    root = span.root
    return after is not None and _proper(after, covered) and root.dep_ == "compound" and root.head.i == after.i


def _proper(token: Token, covered: set[int]) -> bool:
    return token.is_title and token.tag_ in ("NNP", "NNPS") and token.i not in covered


def _sentence(span: Span) -> Span:
    return span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]


def is_headline(sent: Span) -> bool:
    """Whether a sentence is in title case or capitals, where entities are unreliable:
    at least three words that are not stop words, none of them in lower case.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> is_headline(nlp("Russian Missile Experts Visited Tehran")[:]), is_headline(nlp("Experts visited Tehran")[:])
    (True, False)
    """
    words = [t for t in sent if t.is_alpha and not t.is_stop]
    return len(words) >= 3 and all(t.is_title or t.is_upper for t in words)
