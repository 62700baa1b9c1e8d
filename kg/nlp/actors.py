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
  Jerusalem") and when it is part of a longer named entity ("Washington Post", "George Washington"). A ``person`` form
  ("Jordan", "Chad", "Georgia") is dropped inside a longer entity too
  ("Michael Jordan"). Both need the ``ner`` component before ``kg_actors``
  for the entity check; without it only the preposition rule applies.
- A leader names their state whatever the date (an organisation's leader is an
  ``ORG`` mention); the document date (``doc.user_data["date"]``, ISO text) only
  chooses between actors whose leaders share a name ("Rutte": NLD until 2024,
  then NATO). Without a date such a name is not a mention.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex

from kg.ingest.datelines import dateline
from kg.knowledge.gazetteer import Gazetteer, load_gazetteer
from kg.knowledge.lexicon import load_lexicon
from kg.knowledge.names import ascii_fold
from kg.nlp.extensions import (AT_DOCUMENT_START, CONTEXT_KEY, DATE_KEY, PLACES_KEY, PRIOR_LEADERS, PRIOR_MENTIONS,
                               SPANS_KEY)
from kg.nlp.columns import TokenQuery
from kg.nlp.longer_names import in_longer_name

#: A hyphen after an abbreviation with periods, before a letter: "U.S.-Russia".
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)[-\u2013\u2014](?=[A-Za-z])"


@Language.factory(
    "kg_actors",
    default_config={"directory": None, "locatives": None, "split_abbreviation_hyphens": True},
)
def make_actor_recognizer(nlp: Language, name: str, directory: str | None, locatives: list[str] | None,
                          split_abbreviation_hyphens: bool) -> ActorRecognizer:
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


def combining_pattern(form: str) -> str:
    """The text to tokenize for a form: a combining form ending in a hyphen
    ("Sino-", "Franco-") is matched as its word and a hyphen token, as in
    "Sino-Indian" and "Franco-British"; it never matches the word alone.

    >>> combining_pattern("Sino-"), combining_pattern("Russia")
    ('Sino -', 'Russia')
    """
    return form[:-1] + " -" if len(form) > 1 and form.endswith("-") and form[-2].isalpha() else form


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
    return len(words) == len(form) and (all(w in (f, _capitalised(f)) for w, f in zip(words, form))
                                        or all(w == f.upper() for w, f in zip(words, form)))


class ActorRecognizer:
    """Finds actor mentions with two ``PhraseMatcher``s built once per ``nlp``."""

    def __init__(
        self,
        nlp: Language,
        gazetteer: Gazetteer,
        *,
        name: str = "kg_actors",
        locatives: Iterable[str] | None = None,
    ) -> None:
        self.name = name
        self.gazetteer = gazetteer
        cues = load_lexicon().cue
        self.locatives = frozenset(w.lower() for w in (cues("locatives") if locatives is None else locatives))
        self.governing_heads = cues("governing_heads")
        self.administrations = cues("administration_nouns")
        self.aimed_words = cues("aimed_words")
        self.person_titles = cues("person_titles")
        self.titles = self.person_titles | cues("honorifics")
        self.former_modifiers = cues("former_modifiers")
        self.stance_prefixes = cues("stance_prefixes")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.form_words: dict[str, tuple[str, ...]] = {}
        texts = {text for text, _, _ in gazetteer.forms()} | set(gazetteer.blocked)
        for text in sorted(texts):
            doc = nlp.make_doc(combining_pattern(text))
            self.form_words[text] = tuple(t.text for t in doc)
            self.exact.add(text, [doc])
            if case_insensitive(text):
                self.folded.add(text, [doc])

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[PLACES_KEY] = []
        doc.spans[SPANS_KEY] = self.mentions(doc)
        return doc

    def candidates(self, doc: Doc) -> list[tuple[int, int, str]]:
        """``(start, end, form)`` for every form found, overlapping; a word with diacritics also
        matches its form without them ("Kérékou" the form "Kerekou"), a name with a middle initial
        its form without it ("Colin L. Powell" the form "Colin Powell")."""
        strings = doc.vocab.strings
        found = {(s, e, strings[m]) for m, s, e in self.exact(doc)}
        for m, s, e in self.folded(doc):
            form = strings[m]
            if (s, e, form) not in found and is_variant([t.text for t in doc[s:e]], self.form_words[form]):
                found.add((s, e, form))
        for variant, kept in variant_docs(doc):
            found |= {(kept[s], kept[e - 1] + 1, strings[m]) for m, s, e in self.exact(variant)}
        return sorted(found)

    def mentions(self, doc: Doc) -> list[Span]:
        """The actor mentions of ``doc``: longest match first, context rules applied."""
        kept = longest_first(self.candidates(doc))
        covered = {i for s, e, _ in kept for i in range(s, e)}
        date = doc.user_data.get(DATE_KEY) if doc.user_data else None
        user = doc.user_data or {}
        opening = self.dateline_end(doc)
        spans: list[Span] = []
        places: set[int] = set()  # ends of capitals taken as places
        pending: list[tuple[int, Span]] = []  # context forms and surnames, decided once the rest is known
        for start, end, form in kept:
            if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in self.stance_prefixes:
                continue  # "an ANTI-French campaign", "PRO-Russian fighters": a stance, not the state acting
            if form in self.gazetteer.blocked:
                continue
            entry = self.gazetteer.lookup(form)
            kind = entry.kind if entry else "LEADER"
            actor = self.gazetteer.resolve(form, str(date) if date else None)
            if actor is None:
                if self.gazetteer.surnames(form) and not self.former_holder(doc, start):
                    pending.append((len(spans), Span(doc, start, end, label="LEADER", kb_id=form)))
                continue
            if kind == "LEADER" and self.former_holder(doc, start):
                continue  # "Tanzania's FORMER president Jakaya Kikwete": no longer speaks for the state
            kind = "ORG" if kind == "LEADER" and not self.gazetteer.actor(actor).is_state else kind  # "Guterres": the UN
            span = Span(doc, start, end, label=kind, kb_id=actor)
            if start < opening[0] and (opening[1] or kind == "CAPITAL"):
                continue  # "ATHENS, May 2 (Reuters) -": the dateline names a place, no actor
            if kind == "CAPITAL" and (self.after_locative(span) or _conjoined_with(span, places)):
                places.add(span.end)
                doc.spans[PLACES_KEY] = list(doc.spans.get(PLACES_KEY, [])) + [span]
                continue
            if kind == "CAPITAL" and in_longer_name(span, covered):
                continue
            if form in self.gazetteer.person_like and in_longer_name(span, covered):
                continue
            if form in self.gazetteer.contexts:
                pending.append((len(spans), span))
                continue
            spans.append(span)
        if not pending:
            return spans
        signals = self.context_signals(doc, spans) | set(user.get(CONTEXT_KEY, ()))
        named = {s.kb_id_ for s in spans}  # "the DRC ... Congo": a context form keeps a state another form names
        decided: list[tuple[int, Span]] = []
        for position, span in pending:
            if span.label_ == "LEADER":
                actor = self.surname_actor(span, spans, user)
                if actor is not None:
                    decided.append((position, Span(doc, span.start, span.end, label="LEADER", kb_id=actor)))
                continue
            actor, cues = self.gazetteer.contexts[span.text if span.text in self.gazetteer.contexts else _form_of(span, self)]
            if (actor in signals or cues & signals) and span.kb_id_ not in named:
                kind = "ORG" if not self.gazetteer.actor(actor).is_state else span.label_
                span = Span(doc, span.start, span.end, label=kind, kb_id=actor)
            decided.append((position, span))
        for position, span in reversed(decided):  # back in text order
            spans.insert(position, span)
        return sorted(spans, key=lambda s: s.start)

    def context_signals(self, doc: Doc, spans: Iterable[Span], text: str | None = None) -> set[str]:
        """What a context form of ``contexts.csv`` looks for: the actors named in ``doc``
        and the cue words (lower case) it contains (``text`` is ``doc.text`` when the caller has it)."""
        signals = {s.kb_id_ for s in spans}
        text = (doc.text if text is None else text).lower()
        for _, cues in self.gazetteer.contexts.values():
            signals |= {c for c in cues if c in text and re.search(r"\b" + re.escape(c) + r"\b", text)}  # the
            # substring test first: a search that starts on \b scans the text character by character
        return signals

    def surname_actor(self, span: Span, spans: list[Span], user: dict) -> str | None:
        """The state of a leader named by surname alone ("Abiy"), or ``None``.

        The surname counts when the document has named one of its leaders
        in full before; failing that, when it has named exactly one of their
        states before, in its apposition or later in its sentence. Mentions of skipped sentences count too;
        a surname after a given name with another initial than the leader's ("Wilfried Houngbedji") never counts;
        after a title ("President Clinton", not "commander Khalifa Haftar") or before "administration" ("the
        Clinton administration") it counts when all leaders of that surname served one state; a surname that is a common word ("Bush") counts only so.
        """
        terms = self.gazetteer.surnames(span.text)
        previous, after = span.doc[span.start - 1] if span.start else None, span.doc[min(span.end, len(span.doc) - 1)]
        if previous is not None and previous.is_title and previous.is_alpha and previous.lower_ not in self.titles \
                and not previous.is_sent_start:  # "Later Vorlund met": no given name
            terms = [t for t in terms if t.name[:1].lower() == previous.lower_[:1]]  # a given name of another initial:
            # "Wilfried Houngbedji" is not the leader "Adrien Houngbedji" ("Ramdane Lamamra" is "Ramtane Lamamra")
        char = span.start_char
        before = [s for s in spans if s.start < span.start]
        full_names = {t.name for s in before if s.label_ == "LEADER"
                      for t in self.gazetteer.leaders(s.text) if t.actor == s.kb_id_ and not t.surname}
        full_names |= {name for position, name in user.get(PRIOR_LEADERS, ()) if position <= char}
        named = {t.actor for t in terms if t.name in full_names}
        if any(t.titled for t in terms):  # a common word ("Bush", "May") counts only after a title
            named = set()
        elif not named:
            states = {s.kb_id_ for s in before} | {a for position, a, _ in user.get(PRIOR_MENTIONS, ()) if position <= char}
            states |= _nearby_states(span, spans)
            named = {t.actor for t in terms if t.actor in states}
        if not named and ((previous is not None and previous.lower_ in self.person_titles
                           and not (after.i >= span.end and after.is_title))  # not "commander Khalifa HAFTAR"
                          or (after.i >= span.end and after.lower_ in self.administrations)):
            named = {t.actor for t in terms}  # "President Clinton", "the Clinton ADMINISTRATION": the one state of
            # the leaders so named
        return named.pop() if len(named) == 1 else None

    def former_holder(self, doc: Doc, start: int) -> bool:
        """Whether the person named at ``start`` is called a former holder of a post, through
        titles, given names and a possessor: "FORMER Tanzanian president Jakaya Kikwete",
        "Kenya's EX-president Moi", "onetime Prime Minister Smith"."""
        i = start - 1
        while i >= 0 and start - i <= 5:
            word = doc[i]
            if word.lower_ in self.former_modifiers:
                return True
            if not (word.lower_ in self.titles or word.text in ("'s", "’s", "-") or (word.is_title and word.is_alpha)):
                return False
            i -= 1
        return False

    def dateline_end(self, doc: Doc) -> tuple[int, bool]:
        """The token where a dateline opening the document ends (0 if none) and
        whether it is marked (a place in capitals, a date or an agency), so
        that any mention in it is a place; an unmarked one ("Damascus:")
        only holds a capital."""
        if doc.user_data and not doc.user_data.get(AT_DOCUMENT_START, True):
            return 0, False
        found = dateline(doc[:48].text)  # a dateline is short (place, date, agency, mark); doc.text joins all
        if found is None:
            return 0, False
        place = found.place.replace(" ", "").replace(".", "")
        end = next((t.i for t in doc if t.idx >= found.end), len(doc))
        return end, found.marked or (place.isupper() and len(place) > 3)

    def after_locative(self, span: Span) -> bool:
        """Whether a locative preposition precedes ``span``, adjectives between.

        "in Tehran", "in central Tehran", "outside of Kyiv".
        """
        i, skipped = span.start - 1, 0
        doc = span.doc
        if span.end < len(doc) and doc[span.end].tag_ == "POS":
            return False  # "in Kyiv's war with Russia": a possessor acts, it is no place
        while i >= 0 and skipped < 2 and (doc[i].pos_ == "ADJ" or doc[i].lower_ == "of"):
            i, skipped = i - 1, skipped + 1
        if i < 0 or doc[i].lower_ not in self.locatives or (i > 0 and doc[i - 1].lower_ in self.aimed_words):
            return False  # "hit back AT Athens", "took aim AT Beijing": aimed at the government
        # "leaders in New Delhi", "officials in Moscow": the capital stands for its government
        return not (i > 0 and doc[i - 1].lower_ in self.governing_heads)


def _form_of(span: Span, recognizer: ActorRecognizer) -> str:
    """The context form a span spells in title case or capitals ("BRUSSELS")."""
    words = [t.text for t in span]
    return next(f for f in recognizer.gazetteer.contexts if is_variant(words, recognizer.form_words.get(f, (f,))))


def _conjoined_with(span: Span, ends: set[int]) -> bool:
    """Whether ``span`` is coordinated with a span ending at one of ``ends``:
    "in Washington and Jerusalem"."""
    i = span.start - 1
    while i >= 0 and span.doc[i].lower_ in (",", "and", "or"):
        i -= 1
    return i < span.start - 1 and i + 1 in ends


def _nearby_states(span: Span, spans: list[Span]) -> set[str]:
    """States named in an apposition to ``span`` ("Szijjarto, Hungary's foreign minister,") or later in its sentence;
    appositions only in a parsed doc (the tree of an unparsed one is undefined: reading it can crash)."""
    edges = [(a.left_edge.i, a.right_edge.i + 1) for a in span.root.children if a.dep_ == "appos"] \
        if span.doc.has_annotation("DEP") else []
    end = span.sent.end if span.doc.has_annotation("SENT_START") else span.end  # "met Correia e Silva ... to Cape Verde"
    return {s.kb_id_ for s in spans if span.end <= s.start < end or any(lo <= s.start and s.end <= hi for lo, hi in edges)}


#: the words a middle initial ("L.") can be
_TWO_CHARACTERS = TokenQuery(LENGTH={2})


def variant_docs(doc: Doc) -> list[tuple[Doc, list[int]]]:
    """Other readings of ``doc`` for the gazetteer, each with the index in ``doc`` of its tokens: the text
    without diacritics ("Kérékou" read "Kerekou"), and without middle initials ("Colin L. Powell" read
    "Colin Powell").

    >>> import spacy; doc = spacy.blank("en")("Colin L. Powell met Kérékou")
    >>> [(v.text, kept) for v, kept in variant_docs(doc)]
    [('Colin Powell met Kérékou', [0, 2, 3, 4]), ('Colin L. Powell met Kerekou', [0, 1, 2, 3, 4])]
    """
    variants = []
    initials = {t.i for t in _TWO_CHARACTERS(doc, 1, -1) if t.text[0].isupper() and t.text[1] == "."
                and doc[t.i - 1].is_title and doc[t.i + 1].is_title}
    if initials:
        kept = [t.i for t in doc if t.i not in initials]
        variants.append((Doc(doc.vocab, words=[doc[i].text for i in kept], spaces=[bool(doc[i].whitespace_) for i in kept]), kept))
    text = doc.text
    if not text.isascii() and any(c.isalpha() for c in text if ord(c) > 127):
        plain = Doc(doc.vocab, words=[ascii_fold(t.text) or t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        variants.append((plain, list(range(len(doc)))))
    return variants


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


def actor_mentions(doc: Doc) -> list[Span]:
    """The actor mentions of a processed ``doc`` (empty if ``kg_actors`` did not run).

    >>> import spacy, kg.nlp.actors
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_actors")
    >>> [s.kb_id_ for s in actor_mentions(nlp("The Kremlin said Tehran would help."))]
    ['RUS', 'IRN']
    """
    return list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
