"""spaCy component ``kg_actors``: actor mentions → ``doc.spans["actors"]``.

Each span's ``kb_id_`` is the actor id, its ``label_`` the kind of mention
(``NAME``, ``DEMONYM``, ``CAPITAL``, ``INSTITUTION``, ``LEADER``, ``ORG``).

>>> import spacy, kg.nlp.actors
>>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_actors")
>>> doc = nlp("Russia-U.S. talks")
>>> [(s.text, s.kb_id_, s.label_) for s in doc.spans["actors"]]
[('Russia', 'RUS', 'NAME'), ('U.S.', 'USA', 'NAME')]

How forms are matched:

- Case: every form matches its exact spelling. A form longer than three
  characters that is not all capitals also matches in title case and in
  capitals ("Republic Of Korea", "RUSSIA"), never in lower case: "US" never
  matches "us", "Turkey" never "turkey".
- Longest match wins and mentions never overlap. A ``block`` form of
  ``ambiguous.csv`` takes part and then yields nothing ("Indian Ocean").
- Hyphenated compounds: spaCy already splits "Russia-Iran" and "US-Iran";
  the factory adds one tokenizer infix so that a hyphen after an
  abbreviation with periods splits as well ("U.S.-Russia", "U.S.-led").
  Patterns are tokenized after that change, so both sides agree.
- A capital is a place, not an actor, after a locative preposition ("a
  hospital in Tehran", "in central Kyiv", both capitals of "in Washington and
  Jerusalem") and when it is part of a longer
  named entity ("Washington Post", "George Washington"). A ``person`` form
  ("Jordan", "Chad", "Georgia") is dropped inside a longer entity too
  ("Michael Jordan"). Both need the ``ner`` component before ``kg_actors``
  for the entity check; without it only the preposition rule applies.
- A leader names their state whatever the date; the document date
  (``doc.user_data["date"]``, ISO text) only chooses between actors whose
  leaders share a name ("Rutte": NLD until 2024, then NATO). Without a
  date such a name is not a mention.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex

from kg.knowledge.gazetteer import Gazetteer, load_gazetteer

SPANS_KEY = "actors"
#: A hyphen after an abbreviation with periods, before a letter: "U.S.-Russia".
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)[-\u2013\u2014](?=[A-Za-z])"
#: Entity labels of a longer name that a capital or person-like form may be part of.
NAME_ENTITIES = ("PERSON", "ORG", "FAC", "LOC", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT")
#: nouns before "in" that make the capital after it stand for the government: "leaders in Kyiv"
GOVERNING_HEADS = frozenset({"leader", "leaders", "official", "officials", "government", "governments",
                             "authorities", "counterpart", "counterparts", "regime", "administration",
                             "leadership", "diplomats", "policymakers"})
DEFAULT_LOCATIVES = ["in", "at", "near", "outside", "around", "across", "inside", "within", "throughout"]


@Language.factory(
    "kg_actors",
    default_config={"directory": None, "locatives": DEFAULT_LOCATIVES, "split_abbreviation_hyphens": True},
)
def make_actor_recognizer(
    nlp: Language,
    name: str,
    directory: str | None,
    locatives: list[str],
    split_abbreviation_hyphens: bool,
) -> ActorRecognizer:
    """Build the component; ``directory`` overrides ``ontology/actors``."""
    if split_abbreviation_hyphens:
        add_infix(nlp, ABBREVIATION_HYPHEN)
    gazetteer = load_gazetteer(Path(directory) if directory else None)
    return ActorRecognizer(nlp, gazetteer, name=name, locatives=locatives)


def add_infix(nlp: Language, pattern: str) -> None:
    """Add an infix pattern to ``nlp.tokenizer`` (once).

    >>> import spacy
    >>> nlp = spacy.blank("en"); add_infix(nlp, ABBREVIATION_HYPHEN)
    >>> [t.text for t in nlp("U.S.-led")]
    ['U.S.', '-', 'led']
    """
    finditer = nlp.tokenizer.infix_finditer
    current = finditer.__self__.pattern if finditer is not None else None
    if current is not None and pattern in current:
        return
    nlp.tokenizer.infix_finditer = compile_infix_regex([current, pattern] if current else [pattern]).finditer


def case_insensitive(form: str) -> bool:
    """Whether ``form`` may also match in title case or capitals.

    >>> case_insensitive("Russia"), case_insensitive("US"), case_insensitive("NATO"), case_insensitive("Chad")
    (True, False, False, True)
    """
    return len(form) > 3 and not form.isupper()


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def is_variant(words: Sequence[str], form: Sequence[str]) -> bool:
    """Whether the token texts ``words`` spell ``form`` exactly, in title case or in capitals.

    >>> is_variant(["Republic", "Of", "Korea"], ["Republic", "of", "Korea"])
    True
    >>> is_variant(["RUSSIA"], ["Russia"]), is_variant(["turkey"], ["Turkey"])
    (True, False)
    """
    if len(words) != len(form):
        return False
    return all(w in (f, _capitalised(f)) for w, f in zip(words, form)) or all(
        w == f.upper() for w, f in zip(words, form)
    )


class ActorRecognizer:
    """Finds actor mentions with two ``PhraseMatcher``s built once per ``nlp``."""

    def __init__(
        self,
        nlp: Language,
        gazetteer: Gazetteer,
        *,
        name: str = "kg_actors",
        locatives: Iterable[str] = DEFAULT_LOCATIVES,
    ) -> None:
        self.name = name
        self.gazetteer = gazetteer
        self.locatives = frozenset(w.lower() for w in locatives)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.form_words: dict[str, tuple[str, ...]] = {}
        texts = {text for text, _, _ in gazetteer.forms()} | set(gazetteer.blocked)
        for text in sorted(texts):
            doc = nlp.make_doc(text)
            self.form_words[text] = tuple(t.text for t in doc)
            self.exact.add(text, [doc])
            if case_insensitive(text):
                self.folded.add(text, [doc])

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPANS_KEY] = self.mentions(doc)
        return doc

    def candidates(self, doc: Doc) -> list[tuple[int, int, str]]:
        """``(start, end, form)`` for every form found, overlapping."""
        strings = doc.vocab.strings
        found = {(s, e, strings[m]) for m, s, e in self.exact(doc)}
        for m, s, e in self.folded(doc):
            form = strings[m]
            if (s, e, form) not in found and is_variant([t.text for t in doc[s:e]], self.form_words[form]):
                found.add((s, e, form))
        return sorted(found)

    def mentions(self, doc: Doc) -> list[Span]:
        """The actor mentions of ``doc``: longest match first, context rules applied."""
        kept = longest_first(self.candidates(doc))
        covered = {i for s, e, _ in kept for i in range(s, e)}
        date = doc.user_data.get("date") if doc.user_data else None
        spans: list[Span] = []
        places: set[int] = set()  # ends of capitals taken as places
        for start, end, form in kept:
            if form in self.gazetteer.blocked:
                continue
            entry = self.gazetteer.lookup(form)
            kind = entry.kind if entry else "LEADER"
            actor = self.gazetteer.resolve(form, str(date) if date else None)
            if actor is None:
                continue
            span = Span(doc, start, end, label=kind, kb_id=actor)
            if kind == "CAPITAL" and (self.after_locative(span) or _conjoined_with(span, places)):
                places.add(span.end)
                continue
            if kind == "CAPITAL" and in_longer_name(span, covered):
                continue
            if form in self.gazetteer.person_like and in_longer_name(span, covered):
                continue
            spans.append(span)
        return spans

    def after_locative(self, span: Span) -> bool:
        """Whether a locative preposition precedes ``span``, adjectives between.

        "in Tehran", "in central Tehran", "outside of Kyiv".
        """
        i, skipped = span.start - 1, 0
        doc = span.doc
        while i >= 0 and skipped < 2 and (doc[i].pos_ == "ADJ" or doc[i].lower_ == "of"):
            i, skipped = i - 1, skipped + 1
        if i < 0 or doc[i].lower_ not in self.locatives:
            return False
        # "leaders in New Delhi", "officials in Moscow": the capital stands for its government
        return not (i > 0 and doc[i - 1].lower_ in GOVERNING_HEADS)


def _conjoined_with(span: Span, ends: set[int]) -> bool:
    """Whether ``span`` is coordinated with a span ending at one of ``ends``:
    "in Washington and Jerusalem"."""
    i = span.start - 1
    while i >= 0 and span.doc[i].lower_ in (",", "and", "or"):
        i -= 1
    return i < span.start - 1 and i + 1 in ends


def longest_first(candidates: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping candidates, the longest (then the leftmost) first, in text order.

    >>> longest_first([(0, 1, "Indian"), (0, 2, "Indian Ocean"), (3, 4, "Iran")])
    [(0, 2, 'Indian Ocean'), (3, 4, 'Iran')]
    """
    taken: set[int] = set()
    kept = []
    for start, end, form in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if not taken.intersection(range(start, end)):
            kept.append((start, end, form))
            taken.update(range(start, end))
    return sorted(kept)


def _name_word(token: Token, covered: set[int]) -> bool:
    return token.is_title and token.i not in covered and token.ent_type_ in NAME_ENTITIES


def in_longer_name(span: Span, covered: set[int]) -> bool:
    """Whether ``span`` is part of a longer named entity ("Washington Post").

    True when a neighbouring capitalised token that is no actor mention
    belongs to the same entity, of a kind in ``NAME_ENTITIES``. Not applied
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


def actor_mentions(doc: Doc) -> list[Span]:
    """The actor mentions of a processed ``doc`` (empty if ``kg_actors`` did not run).

    >>> import spacy, kg.nlp.actors
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_actors")
    >>> [s.kb_id_ for s in actor_mentions(nlp("The Kremlin said Tehran would help."))]
    ['RUS', 'IRN']
    """
    return list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
