"""spaCy component ``kg_attribute_table``: the attribute ruler's rules by table lookup.

The English models map fine-grained tags to coarse ones (and set lemmas and
morphology for closed-class words) with an ``attribute_ruler``: some 180
Matcher patterns run over every token, a fifth of the pipeline's time. Almost
all of them test one token's ``TAG``, ``LOWER``, ``DEP`` or ``IS_SPACE``, so
the rules that apply to a token depend only on those values: this component
works them out once per distinct combination and looks them up after that.
The few patterns of two or more tokens are tried where their first token
fits. Rules are applied in the ruler's order (later rules win), so the
annotations are the ruler's own; :func:`use_attribute_table` swaps the table
in only when every pattern is of a kind it supports.

>>> from kg.nlp.pipeline import load_pipeline
>>> nlp = load_pipeline()
>>> [(t.text, t.pos_, t.lemma_) for t in nlp("Iran isn't ready.")][:3]
[('Iran', 'PROPN', 'Iran'), ('is', 'AUX', 'be'), ("n't", 'PART', 'not')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, NamedTuple, Sequence

from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

# The one reach into spaCy internals: AttributeRuler itself sets a token's attributes with these
# two functions, and spaCy has no public function that takes the same attribute dicts.
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs
from spacy.vocab import Vocab

#: token attributes a pattern may test, as ``Doc.to_array`` reads them
STRING_KEYS = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "SHAPE", "ENT_TYPE")
FLAG_KEYS = ("IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
             "IS_STOP", "LIKE_NUM")
ALIASES = {"TEXT": "ORTH"}
#: the entries a pattern token may have besides a plain value
PREDICATES = ("IN", "NOT_IN", "REGEX")

#: one token of a pattern: (column, bit) pairs, all of which must be set in the token's masks
TokenTest = tuple[tuple[int, int], ...]
Masks = tuple[int, ...]


class UnsupportedPattern(ValueError):
    """A pattern the table cannot evaluate exactly (operators, other predicates)."""


@dataclass(frozen=True)
class ValueTest:
    """The test of one attribute of a pattern token: a value, ``IN``, ``NOT_IN``
    and/or ``REGEX`` (a class, not a closure, so pipelines pickle)."""

    equals: Any = None
    members: frozenset | None = None
    excluded: frozenset | None = None
    regex: re.Pattern | None = None

    @classmethod
    def of(cls, value: Any) -> "ValueTest":
        """The test a pattern value stands for."""
        if isinstance(value, (str, bool)):
            return cls(equals=value)
        if not isinstance(value, dict) or not value or set(value) - set(PREDICATES):
            raise UnsupportedPattern(f"unsupported predicate {value!r}")
        return cls(members=frozenset(value["IN"]) if "IN" in value else None,
                   excluded=frozenset(value["NOT_IN"]) if "NOT_IN" in value else None,
                   regex=re.compile(value["REGEX"]) if "REGEX" in value else None)

    def __call__(self, actual: Any) -> bool:
        return ((self.equals is None or actual == self.equals)
                and (self.members is None or actual in self.members)
                and (self.excluded is None or actual not in self.excluded)
                and (self.regex is None or (isinstance(actual, str) and bool(self.regex.search(actual)))))


class Column:
    """A token attribute the patterns test, and which of its tests each value passes (a bit mask)."""

    def __init__(self, name: str, strings: Any) -> None:
        self.name = name
        self.attr_id = IDS[name]
        self.tests: list[ValueTest] = []
        self.strings = strings
        self._masks: dict[int, int] = {}

    def bit(self, test: ValueTest) -> int:
        """Add a test; its bit in the masks."""
        self.tests.append(test)
        self._masks.clear()
        return 1 << (len(self.tests) - 1)

    def mask(self, value: int) -> int:
        """The tests passed by ``value`` (a string hash, or 0/1 for a flag)."""
        found = self._masks.get(value)
        if found is None:
            decoded = bool(value) if self.name in FLAG_KEYS else (self.strings[value] if value else "")
            found = self._masks[value] = sum(1 << i for i, test in enumerate(self.tests) if test(decoded))
        return found


def _passes(test: TokenTest, masks: Masks) -> bool:
    return all(masks[column] & bit for column, bit in test)


@dataclass(frozen=True)
class Rule:
    """One rule of the ruler: its patterns, attributes and target index."""

    single: tuple[TokenTest, ...]                 # one-token patterns
    longer: tuple[tuple[TokenTest, ...], ...]     # patterns of two or more tokens
    attrs: dict                                   # normalised, as ``set_token_attrs`` takes them
    index: int


class Entry(NamedTuple):
    """What the rules say about tokens with the same masks."""

    attrs: dict                                             # merged attributes of the one-token rules
    matched: tuple[int, ...]                                # numbers of those rules
    starts: tuple[tuple[int, tuple[TokenTest, ...]], ...]   # longer patterns whose first token fits


class AttributeTable:
    """The rules of an ``attribute_ruler``, applied through a cache keyed by
    which tests each token's attributes pass."""

    def __init__(self, vocab: Vocab, name: str = "kg_attribute_table") -> None:
        self.vocab = vocab
        self.name = name
        self.rules: list[Rule] = []
        self.columns: list[Column] = []
        self._cache: dict[Masks, Entry] = {}

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Add rules in the ``AttributeRuler.patterns`` format; raise
        :class:`UnsupportedPattern` if one cannot be evaluated exactly."""
        for entry in patterns:
            compiled = [self._compile(pattern) for pattern in entry["patterns"]]
            index = entry.get("index", 0)
            for pattern in compiled:
                if not -len(pattern) <= index < len(pattern):
                    raise UnsupportedPattern(f"index {index} outside a pattern of {len(pattern)} tokens")
            self.rules.append(Rule(single=tuple(p[0] for p in compiled if len(p) == 1),
                                   longer=tuple(tuple(p) for p in compiled if len(p) > 1),
                                   attrs=normalize_token_attrs(self.vocab, entry["attrs"]), index=index))
        self._cache.clear()

    def _column(self, key: str) -> int:
        key = ALIASES.get(key, key)
        if key not in STRING_KEYS + FLAG_KEYS:
            raise UnsupportedPattern(f"unsupported token attribute {key!r}")
        names = [column.name for column in self.columns]
        if key in names:
            return names.index(key)
        self.columns.append(Column(key, self.vocab.strings))
        return len(self.columns) - 1

    def _compile(self, pattern: Sequence[dict]) -> list[TokenTest]:
        if not pattern:
            raise UnsupportedPattern("empty pattern")
        compiled = []
        for token in pattern:
            bits = []
            for key, value in token.items():
                column = self._column(key)
                bits.append((column, self.columns[column].bit(ValueTest.of(value))))
            compiled.append(tuple(bits))
        return compiled

    def _lookup(self, masks: Masks) -> Entry:
        """What a token with ``masks`` gets from the one-token rules, and which
        longer patterns may start at it."""
        found = self._cache.get(masks)
        if found is None:
            matched = tuple(n for n, rule in enumerate(self.rules) if any(_passes(t, masks) for t in rule.single))
            starts = tuple((n, pattern) for n, rule in enumerate(self.rules) for pattern in rule.longer
                           if _passes(pattern[0], masks))
            found = self._cache[masks] = Entry(self._merged(matched), matched, starts)
        return found

    def _merged(self, rules: Iterable[int]) -> dict:
        """The attributes of ``rules`` applied in order: a later rule wins."""
        merged: dict = {}
        for n in sorted(rules):
            merged.update(self.rules[n].attrs)
        return merged

    def _longer_matches(self, masks: Sequence[Masks], entries: Sequence[Entry]) -> dict[int, set[int]]:
        """Token position → numbers of the longer rules whose match targets it."""
        targets: dict[int, set[int]] = {}
        for start, entry in enumerate(entries):
            for n, pattern in entry.starts:
                if start + len(pattern) <= len(masks) and all(
                        _passes(test, masks[start + k]) for k, test in enumerate(pattern[1:], 1)):
                    targets.setdefault(start + self.rules[n].index % len(pattern), set()).add(n)
        return targets

    def __call__(self, doc: Doc) -> Doc:
        if not self.columns or not len(doc):
            return doc
        columns = self.columns
        rows = doc.to_array([column.attr_id for column in columns]).reshape(len(doc), -1).tolist()
        masks = [tuple(column.mask(value) for column, value in zip(columns, row)) for row in rows]
        entries = [self._lookup(m) for m in masks]
        longer = self._longer_matches(masks, entries)
        for i, entry in enumerate(entries):
            merged = self._merged(longer[i].union(entry.matched)) if i in longer else entry.attrs
            if merged:
                set_token_attrs(doc[i], merged)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Apply the table to a stream of docs."""
        for doc in docs:
            yield self(doc)


@Language.factory("kg_attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    """An empty table; fill it with :meth:`AttributeTable.add_patterns`."""
    return AttributeTable(nlp.vocab, name=name)


def use_attribute_table(nlp: Language, ruler_name: str = "attribute_ruler") -> bool:
    """Replace the pipeline's attribute ruler by an equivalent table, if it can
    be made; True when it was."""
    if ruler_name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(ruler_name)
    if not isinstance(ruler, AttributeRuler):
        return False
    table = AttributeTable(nlp.vocab)
    try:
        table.add_patterns(ruler.patterns)
    except UnsupportedPattern:
        return False
    nlp.replace_pipe(ruler_name, "kg_attribute_table")
    nlp.rename_pipe(ruler_name, "kg_attribute_table")
    nlp.get_pipe("kg_attribute_table").add_patterns(ruler.patterns)
    return True
