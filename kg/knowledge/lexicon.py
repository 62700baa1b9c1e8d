"""The extractor's knowledge, read from ``ontology/triggers.toml`` and ``ontology/cues.toml``.

>>> lex = load_lexicon()
>>> [g.relation for g in lex.verbs["supply"]]
['SUPPLY']
>>> lex.verbs["purchase"][0].inverse
True
"""
from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import KgError
from kg.knowledge.resources import ontology_dir
from kg.knowledge.terms import relation_types


@dataclass(frozen=True, slots=True)
class TriggerGroup:
    """One ``[[trigger]]`` group of triggers.toml."""

    relation: str
    object_preps: frozenset[str] = frozenset()
    verb_object_preps: frozenset[str] | None = None
    agent_preps: frozenset[str] = frozenset()
    inverse: bool = False
    goods_origin: bool = False
    object_heads: frozenset[str] = frozenset()
    needs_pair: frozenset[str] = frozenset()
    hypothetical: bool = False
    negated: bool = False
    partner_in_sentence: bool = False
    beneficiary_asks: bool = False
    asks_for: bool = False
    money_is_aid: bool = False
    content_target: bool = False
    only_prep_objects: bool = False
    mutual: bool = False
    complement_preps: frozenset[str] = frozenset()

    def preps_for(self, pos: str) -> frozenset[str]:
        """Object prepositions for a verb or a noun trigger."""
        if pos == "VERB" and self.verb_object_preps is not None:
            return self.verb_object_preps
        return self.object_preps


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, list[TriggerGroup]]
    nouns: dict[str, list[TriggerGroup]]
    phrases: dict[str, list[tuple[tuple[str, ...], TriggerGroup]]]  # first lemma -> (lemmas, group)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)

    def cue(self, name: str) -> frozenset[str]:
        """A cue word list by name, e.g. ``lex.cue("modal_aux")``."""
        return self.cues[name]

    def refers(self, word: str) -> bool:
        """Whether a word may refer to a state named elsewhere: "its", "he",
        "the two countries", "the nation" (plural forms included).

        >>> load_lexicon().refers("Countries"), load_lexicon().refers("drones")
        (True, False)
        """
        referring = self.cue("referring")
        word = word.lower()
        return word in referring or word.removesuffix("s") in referring \
            or (word.endswith("ies") and word[:-3] + "y" in referring)


#: cue lists whose words may refer to a state named elsewhere in the passage
REFERRING_CUES = ("pronouns", "person_pronouns", "group_nouns", "singular_nouns")
_GROUP_SETS = ("object_preps", "agent_preps", "object_heads", "needs_pair", "complement_preps")


def _group(entry: dict, where: str) -> TriggerGroup:
    label = entry.get("relation")
    if label not in relation_types():
        raise KgError(f"{where}: unknown relation {label!r} (not in ontology/kg.ttl)")
    extra = {k: frozenset(entry[k]) for k in _GROUP_SETS if k in entry}
    if "verb_object_preps" in entry:
        extra["verb_object_preps"] = frozenset(entry["verb_object_preps"])
    flags = {k: bool(entry.get(k, False))
             for k in ("inverse", "goods_origin", "hypothetical", "negated", "partner_in_sentence", "beneficiary_asks",
                       "asks_for", "money_is_aid", "content_target",
                       "only_prep_objects", "mutual")}
    return TriggerGroup(relation=label, **extra, **flags)


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise KgError(f"{path}: {exc}") from None


@lru_cache(maxsize=4)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Read triggers and cues (cached per directory; the shipped ones by default)."""
    directory = directory or ontology_dir()
    triggers = _read_toml(directory / "triggers.toml")
    verbs: dict[str, list[TriggerGroup]] = defaultdict(list)
    nouns: dict[str, list[TriggerGroup]] = defaultdict(list)
    phrases: dict[str, list] = defaultdict(list)
    for number, entry in enumerate(triggers.get("trigger", []), 1):
        group = _group(entry, f"triggers.toml trigger #{number}")
        for lemma in entry.get("verbs", []):
            verbs[lemma].append(group)
        for lemma in entry.get("nouns", []):
            nouns[lemma].append(group)
        for words in entry.get("phrases", []):
            phrases[words[0]].append((tuple(words), group))
    cues = {name: frozenset(words) for section in _read_toml(directory / "cues.toml").values()
            for name, words in section.items()}
    cues["referring"] = frozenset().union(*(cues[name] for name in REFERRING_CUES))
    return Lexicon(dict(verbs), dict(nouns), dict(phrases), cues)
