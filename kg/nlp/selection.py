"""Spend the parser only where it pays.

A sentence can only hold a state-to-state relation when it names two actors,
or one actor and a phrase that may refer to another ("its", "the two
countries", "he"). Before the expensive pipeline runs, a cheap pass
(tokenizer, rule-based sentence splitting, the gazetteer matcher) finds those
sentences; only they are parsed, as one shorter text per document. Actors
named in the skipped sentences are kept as context, so that "the two
countries" still resolves, and offsets are mapped back to the document.

>>> from kg.nlp.pipeline import load_pipeline
>>> plan = SentenceSelector(load_pipeline())("A quiet day. Russia and Iran signed a treaty.")
>>> plan.text, plan.sentences
('Russia and Iran signed a treaty.', 2)
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Iterator

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from kg.knowledge.descriptions import plural_names
from kg.knowledge.lexicon import Lexicon, load_lexicon
from kg.nlp.longer_names import is_headline
from kg.nlp.extensions import AT_DOCUMENT_START, CONTEXT_KEY, DATE_KEY, PLACES_KEY, PRIOR_LEADERS, PRIOR_MENTIONS
from kg.nlp.paragraphs import mark_paragraphs

SEPARATOR = "\n"


@dataclass
class Plan:
    """The text to parse for one document (or one window of a long one) and how to map it back."""

    parts: list[str] = field(default_factory=list)      # the kept pieces, joined by SEPARATOR
    sentences: int = 0                                   # sentences of the document (or window)
    starts: list[int] = field(default_factory=list)      # start of each kept piece in ``text``
    origins: list[int] = field(default_factory=list)     # its start in the document
    prior: list[tuple[int, str, str]] = field(default_factory=list)
    prior_leaders: list[tuple[int, str]] = field(default_factory=list)  # leaders named in full in skipped text
    context: set[str] = field(default_factory=set)       # context signals of the whole text (kg.nlp.actors)
    at_start: bool = True                                # ``text`` begins where the document does
    length: int = 0                                      # ``len(text)``
    end: int = 0                                         # document offset up to which the plan has read

    @classmethod
    def whole(cls, text: str) -> "Plan":
        """A plan that parses the whole text (sentence count unknown: -1)."""
        return cls(parts=[text], sentences=-1, starts=[0], origins=[0], length=len(text), end=len(text))

    @property
    def text(self) -> str:
        """The text to parse: the kept pieces, one per line."""
        return SEPARATOR.join(self.parts)

    def add(self, piece: str, origin: int) -> None:
        """Add one selected piece of the document to the text to parse
        (a list, not a growing string: a long document stays linear)."""
        if self.parts:
            self.length += len(SEPARATOR)
        self.starts.append(self.length)
        self.origins.append(origin)
        self.parts.append(piece)
        self.length += len(piece)

    def to_document(self, offset: int) -> int:
        """The document offset of an offset in ``text``."""
        k = bisect_right(self.starts, offset) - 1
        return self.origins[k] + offset - self.starts[k] if k >= 0 else offset


#: mentions and leaders named in full that one window of a long document passes on to the next
CARRIED = 40
#: mentions of skipped sentences a plan keeps at most (about; the latest): a news article has far fewer
PRIOR_LIMIT = 1_000


@dataclass
class _Reading:
    """What the cheap pass remembers while it reads one document."""

    seen_before: bool = False
    titled: dict[str, str] = field(default_factory=dict)  # surnames of people named with a title and a state
    recent: deque[tuple[str, str]] = field(default_factory=lambda: deque(maxlen=CARRIED))
    leaders: deque[str] = field(default_factory=lambda: deque(maxlen=CARRIED))

    def next_window(self, before: Plan, end: int) -> Plan:
        """A plan for the next window, which knows the last actors the one ``before`` named."""
        before.end = end
        return Plan(prior=[(0, actor, kind) for actor, kind in self.recent],
                    prior_leaders=[(0, name) for name in self.leaders], context=set(before.context), at_start=False)


class SentenceSelector:
    """The cheap pass: which sentences of a text are worth parsing."""

    def __init__(self, nlp: Language, lexicon: Lexicon | None = None, *,
                 chunk_chars: int = 100_000, max_sentence_tokens: int = 250) -> None:
        self.nlp = nlp
        self.chunk_chars = chunk_chars                  # a huge text is read in pieces
        self.max_sentence_tokens = max_sentence_tokens  # longer "sentences" are not prose: never parsed
        self.actors = nlp.get_pipe("kg_actors")
        self.sentencizer = Sentencizer()
        self.lex = lexicon or load_lexicon()

    def __call__(self, text: str, date: str | None = None) -> Plan:
        """The plan of the whole text, however long (:meth:`windows` cuts a long one)."""
        return next(self.windows(text, date, None))

    def windows(self, text: str, date: str | None = None, size: int | None = None) -> Iterator[Plan]:
        """Plans of ``text``, each with about ``size`` characters of kept text at most (one plan
        when the text is shorter or ``size`` is None), in order. A window knows the last
        actors named before it (:data:`CARRIED`), not the whole document before it, so
        that a long document costs the same per word as short ones."""
        plan, state = Plan(), _Reading()
        for offset, piece in pieces(text, self.chunk_chars):
            doc = self.nlp.make_doc(piece)
            doc.user_data[DATE_KEY] = date
            doc.user_data[AT_DOCUMENT_START] = offset == 0
            self.sentencizer(doc)
            mark_paragraphs(doc, piece)
            mentions = self.actors.mentions(doc)
            plan.context |= self.actors.context_signals(doc, mentions, piece)
            in_mentions, in_places = _Index(mentions), _Index(doc.spans.get(PLACES_KEY, []))
            for sent in doc.sents:
                sentence = piece[sent.start_char:sent.end_char]  # its text, not joined again from its tokens
                if not sentence.strip():
                    continue
                words = [t.text for t in sent]
                inside = in_mentions.within(sent)
                named = {m.kb_id_ for m in inside} | venue_states(sent, in_places.within(sent), self.lex) | plural_states(words)
                if state.titled:
                    named |= {state.titled[w] for w in words if w in state.titled}
                state.titled |= titled_names(doc, inside, self.lex.cue("person_titles"))
                keep = len(sent) <= self.max_sentence_tokens and may_hold_relation(named, state.seen_before, words, self.lex)
                leaders = [(m, t.name) for m in inside if m.label_ == "LEADER"
                           for t in self.actors.gazetteer.leaders(m.text) if t.actor == m.kb_id_ and not t.surname]
                if keep and size is not None and plan.parts and plan.length >= size:
                    yield plan
                    plan = state.next_window(plan, offset + sent.start_char)
                if keep:
                    if not plan.parts and plan.at_start and text[:offset + sent.start_char].strip():
                        plan.at_start = False
                    plan.add(headline_case(sent, inside, sentence), offset + sent.start_char)
                else:
                    position = plan.length + (len(SEPARATOR) if plan.parts else 0)
                    plan.prior += [(position, m.kb_id_, m.label_) for m in inside]
                    plan.prior_leaders += [(position, name) for _, name in leaders]
                    if len(plan.prior) > 2 * PRIOR_LIMIT:  # a long stretch of skipped text: keep its end
                        del plan.prior[:-PRIOR_LIMIT], plan.prior_leaders[:-PRIOR_LIMIT]
                plan.sentences += 1
                state.recent.extend((m.kb_id_, m.label_) for m in inside)
                state.leaders.extend(name for _, name in leaders)
                state.seen_before = state.seen_before or bool(named)
        plan.end = len(text)
        yield plan


class _Index:
    """Spans of one ``Doc`` looked up by sentence without scanning them all for each sentence."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = list(spans)
        self.order = sorted(range(len(self.spans)), key=lambda i: self.spans[i].start)
        self.starts = [self.spans[i].start for i in self.order]

    def within(self, sent: Span) -> list[Span]:
        """The spans that start inside ``sent``, in their original order."""
        found = self.order[bisect_left(self.starts, sent.start):bisect_left(self.starts, sent.end)]
        return [self.spans[i] for i in sorted(found)]


def may_hold_relation(named: set[str], named_before: bool, words: Iterable[str], lexicon: Lexicon) -> bool:
    """Whether a sentence can hold a relation between two actors: it names two, or it names
    one (or one was named before it) and has a word that may refer to another ("its", "the
    two countries"), or it names one and a mediation or a pact, whose parties a sentence next
    to it may name ("Qatar brokered the truce.", "Mali rejected the deal."). The one rule of the selection pass and of the extractor.

    >>> lex = load_lexicon()
    >>> may_hold_relation({"RUS", "IRN"}, False, [], lex), may_hold_relation({"RUS"}, False, ["its"], lex)
    (True, True)
    >>> may_hold_relation({"RUS"}, False, ["drones"], lex), may_hold_relation(set(), False, ["its"], lex)
    (False, False)
    >>> may_hold_relation({"QAT"}, False, ["brokered"], lex), may_hold_relation({"MLI"}, False, ["deal"], lex)
    (True, True)
    """
    if len(named) >= 2:
        return True
    if not (named or named_before):
        return False
    words = list(words)  # one state and a mediation or a pact: its parties may be named next door
    return any(lexicon.refers(w) for w in words) or (bool(named) and any(lexicon.points_next_door(w) for w in words))


def titled_names(doc: Doc, mentions: Iterable[Span], titles: frozenset[str]) -> dict[str, str]:
    """The last words of names after a state and a title ("US National Security Adviser Jake
    Sullivan" -> Sullivan: USA), which may stand for that state later in the text."""
    out: dict[str, str] = {}
    for m in mentions:
        titled, j = False, m.end
        while m.label_ != "ORG" and j < len(doc) and doc[j].is_title:
            if doc[j].lower_ in titles:
                titled = True
            elif titled and (j + 1 == len(doc) or not doc[j + 1].is_title):
                out[doc[j].text] = m.kb_id_
            j += 1
    return out


def plural_states(words: Iterable[str]) -> set[str]:
    """The states the plural names among a sentence's ``words`` stand for ("the two Koreas": both;
    ontology/actors/descriptions.csv).

    >>> sorted(plural_states(["the", "two", "Koreas"]))
    ['KOR', 'PRK']
    """
    plurals = plural_names()
    return {a for w in words if w in plurals for a in plurals[w]}


def venue_states(sent: Span, places: Iterable[Span], lexicon: Lexicon) -> set[str]:
    """The states of capitals taken as places in ``sent`` when it names an event that may be
    held there ("arrived in Lima", "talks in Lima": the host of the event may be a party) or strike
    there ("bombed the airport in Asmara": the capital's state is attacked)."""
    inside = {p.kb_id_ for p in places if sent.start <= p.start < sent.end}
    events = lexicon.cue("venue_events") | lexicon.cue("strike_events")
    return inside if inside and any(t.lower_.startswith(tuple(events)) for t in sent) else set()


def pieces(text: str, size: int) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of at most about ``size`` characters, cut at a line
    or sentence end where there is one, with their offsets.

    >>> list(pieces("One. Two. Three.", 10))
    [(0, 'One. Two. '), (10, 'Three.')]
    """
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(". ", start, end) + 1)
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


def headline_case(sent: Span, mentions: list[Span], text: str | None = None) -> str:
    """The text of ``sent`` to parse: a headline in title case ("Brazil Condemns
    Argentina Over Border Raid"), where the parser reads verbs as names, in
    sentence case, actor mentions and capitals kept, and a comma between two
    actors ("Chile, Peru Sign") read as 'and'; the same length, so that
    offsets still hold (``text`` is ``sent.text`` when the caller has it).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Chile Slams Peru Over Border Dispute")
    >>> headline_case(doc[:], [doc[2:3]])
    'Chile slams Peru over border dispute'
    >>> doc = nlp("Chile, Peru Sign Trade Deal")
    >>> headline_case(doc[:], [doc[0:1], doc[2:3]])
    'Chile &Peru sign trade deal'
    """
    text = sent.text if text is None else text
    if sent[-1].is_punct and sent[-1].text in ".!?" or not is_headline(sent):
        return text
    kept = {i for m in mentions for i in range(m.start, m.end)} | {sent.start}
    ends, starts = {m.end - 1 for m in mentions}, {m.start for m in mentions}
    return "".join(" &" if t.text == "," and t.whitespace_ == " " and t.i - 1 in ends and t.i + 1 in starts
                   else (t.lower_ if t.is_title and t.i not in kept else t.text) + t.whitespace_
                   for t in sent)[:len(text)]


_APOSTROPHE = re.compile(r"(?<=\w)\u2019(?=\w)")  # a curly apostrophe inside a word, same length as "'"


def prepare(nlp: Language, plan: Plan, date: str | None) -> Doc:
    """The ``Doc`` to run the full pipeline on, with its context attached."""
    doc = nlp.make_doc(_APOSTROPHE.sub("'", plan.text))  # "Putin’s", "Côte d’Ivoire" parse as with "'"
    doc.user_data[DATE_KEY] = date
    doc.user_data[PRIOR_MENTIONS] = plan.prior
    doc.user_data[PRIOR_LEADERS] = plan.prior_leaders
    doc.user_data[CONTEXT_KEY] = sorted(plan.context)
    doc.user_data[AT_DOCUMENT_START] = plan.at_start
    return doc
