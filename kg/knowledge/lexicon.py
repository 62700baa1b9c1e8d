"""The extractor's knowledge, read from ``ontology/triggers.toml`` and ``ontology/cues.toml``.

Triggers are the hand-written ``triggers.toml`` plus the CAMEO-derived
``cameo-triggers.toml`` (made by ``ontology/scripts/derive_cameo_triggers.py``)
minus what ``cameo-curation.toml`` excludes; a lemma of ``triggers.toml`` wins
over the derived one. Every file is validated at load: a wrong entry raises a
one-line :class:`KgError` naming the file and the entry.

>>> lex = load_lexicon()
>>> [g.relation for g in lex.verbs["supply"]]
['SUPPLY']
>>> lex.verbs["purchase"][0].inverse
True
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import KgError
from kg.knowledge.cues import Cues, read_cues
from kg.knowledge.resources import ontology_dir, overlays, read_toml
from kg.knowledge.terms import relation_types

#: the true/false settings a [[trigger]] group may have (documented in the header of triggers.toml)
FLAGS = ("inverse", "goods_origin", "hypothetical", "negated", "partner_in_sentence", "beneficiary_asks",
         "asks_for", "money_is_aid", "content_target", "only_prep_objects", "mutual", "place_targets",
         "victim_in_clause", "among_subjects", "objectless", "demonym_objects",
         "needs_complement")


@dataclass(frozen=True, slots=True)
class TriggerGroup:
    """One ``[[trigger]]`` group of triggers.toml: its label, word sets and the flags it sets.

    A flag reads as an attribute: ``group.inverse`` is true when the group sets ``inverse``.
    """

    relation: str
    object_preps: frozenset[str] = frozenset()
    verb_object_preps: frozenset[str] | None = None
    agent_preps: frozenset[str] = frozenset()
    object_heads: frozenset[str] = frozenset()
    head_preps: frozenset[str] = frozenset()
    needs_pair: frozenset[str] = frozenset()
    complement_preps: frozenset[str] = frozenset()
    owned_object_preps: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()  # those of FLAGS the group sets

    def __getattr__(self, name: str) -> bool:
        if name in FLAGS:
            return name in self.flags
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def preps_for(self, pos: str) -> frozenset[str]:
        """Object prepositions for a verb or a noun trigger."""
        if pos == "VERB" and self.verb_object_preps is not None:
            return self.verb_object_preps
        return self.object_preps


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Trigger groups by verb lemma, noun lemma and first word of a phrase, and the cue word lists by name."""
    verbs: dict[str, list[TriggerGroup]]
    nouns: dict[str, list[TriggerGroup]]
    phrases: dict[str, list[tuple[tuple[str, ...], TriggerGroup]]]  # first lemma -> (lemmas, group)
    cues: Cues

    def group(self, word: str, relation: str, noun: bool = False) -> TriggerGroup | None:
        """The trigger group by which ``word`` (a verb lemma, a noun lemma with ``noun``)
        evokes ``relation``, or None.

        >>> load_lexicon().group("expel", "SANCTION").relation, load_lexicon().group("expel", "AID")
        ('SANCTION', None)
        """
        return next((g for g in (self.nouns if noun else self.verbs).get(word, ()) if g.relation == relation), None)

    def cue(self, name: str) -> frozenset[str]:
        """A cue word list by name, e.g. ``lex.cue("modal_aux")``; an unknown name is an error."""
        found = self.cues.words.get(name)  # the common case without a second call
        return found if found is not None else self.cues(name)

    def hostile(self, lemma: str, noun: bool = False) -> bool:
        """Whether a verb (or, with ``noun``, a noun) lemma triggers a hostile relation (cue ``hostile_relations``).

        >>> lex = load_lexicon()
        >>> lex.hostile("condemn"), lex.hostile("sanction", noun=True), lex.hostile("visit")
        (True, True, False)
        """
        return any(g.relation in self.cue("hostile_relations") for g in (self.nouns if noun else self.verbs).get(lemma, ()))

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

    def points_next_door(self, word: str) -> bool:
        """Whether a word names a mediation or a pact, whose parties a sentence next to it
        may name ("brokered", "U.S.-mediated", "auspices", "deal"), or an act repeated or answered from there ("suit",
        "retaliate", "the decision").

        >>> lex = load_lexicon()
        >>> lex.points_next_door("U.S.-brokered"), lex.points_next_door("deal"), lex.points_next_door("drones")
        (True, True, False)
        >>> lex.points_next_door("suit")
        True
        """
        word = word.lower()
        return any(stem in word for stem in self.cue("mediation_stems")) or word in self.cue("pact_nouns") \
            or word.removesuffix("s") in self.cue("pact_nouns") or word in self.cue("repetition_words") \
            or word in self.cue("reaction_deeds")  # "... THE MOVE angered Bogota": the act of the sentence before


_GROUP_SETS = ("object_preps", "agent_preps", "object_heads", "head_preps", "needs_pair", "complement_preps", "owned_object_preps",
               "modifiers")
_WORD_LISTS = ("verbs", "nouns", *_GROUP_SETS, "verb_object_preps")
#: every field a [[trigger]] group may have; "cameo" records the CAMEO code of a derived group
TRIGGER_FIELDS = frozenset(("relation", "phrases", "cameo", *_WORD_LISTS, *FLAGS))
CAMEO_FILE = "cameo-triggers.toml"
CURATION_FILE = "cameo-curation.toml"


def _validate(entry: dict, where: str) -> None:
    """One-line errors for a [[trigger]] group's fields and their types."""
    for key, value in entry.items():
        if key not in TRIGGER_FIELDS:
            raise KgError(f"{where}: unknown field {key!r}")
        if key in _WORD_LISTS and not (isinstance(value, list) and all(isinstance(w, str) and w for w in value)):
            raise KgError(f"{where}: {key} must be a list of words")
        if key in FLAGS and not isinstance(value, bool):
            raise KgError(f"{where}: {key} must be true or false")
        if key == "phrases" and not (isinstance(value, list) and all(
                isinstance(p, list) and len(p) >= 2 and all(isinstance(w, str) and w for w in p) for p in value)):
            raise KgError(f"{where}: phrases must be lists of two or more lemmas")
        if key == "cameo" and not (isinstance(value, str) and value.isdigit()):
            raise KgError(f"{where}: cameo must be a CAMEO code such as \"190\"")


def _group(entry: dict, where: str) -> TriggerGroup:
    _validate(entry, where)
    label = entry.get("relation")
    if label not in relation_types():
        raise KgError(f"{where}: unknown relation {label!r} (not in ontology/kg.ttl)")
    extra = {k: frozenset(entry[k]) for k in _GROUP_SETS if k in entry}
    if "verb_object_preps" in entry:
        extra["verb_object_preps"] = frozenset(entry["verb_object_preps"])
    return TriggerGroup(relation=label, **extra, flags=frozenset(k for k in FLAGS if entry.get(k, False)))


def _read_curation(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Lemmas to exclude from the derived triggers, and lemmas to move to another
    label; a phrase is its lemmas joined by spaces."""
    if not path.exists():
        return {}, {}
    data = read_toml(path)
    for key in data:
        if key not in ("exclude", "remap"):
            raise KgError(f"{path.name}: unknown table [{key}] (expected [exclude] and [remap])")
    exclude = data.get("exclude", {})
    for lemma, reason in exclude.items():
        if not isinstance(reason, str) or not reason.strip():
            raise KgError(f"{path.name}: exclude {lemma!r} needs a one-line reason")
    remap: dict[str, str] = {}
    for lemma, entry in data.get("remap", {}).items():
        if not isinstance(entry, dict) or set(entry) != {"relation", "reason"}:
            raise KgError(f"{path.name}: remap {lemma!r} must be {{ relation = ..., reason = ... }}")
        if entry["relation"] not in relation_types():
            raise KgError(f"{path.name}: remap {lemma!r}: unknown relation {entry['relation']!r}")
        if lemma in exclude:
            raise KgError(f"{path.name}: {lemma!r} is both excluded and remapped")
        remap[lemma] = entry["relation"]
    return exclude, remap


def _derived_triggers(directory: Path, hand: list[tuple[dict, TriggerGroup]]) -> list[tuple[dict, TriggerGroup]]:
    """The CAMEO-derived [[trigger]] groups minus the hand-written lemmas and the
    curation's exclusions, with remapped lemmas moved to a group of their new label
    (the first derived one, else the first hand-written one, with its argument rules)."""
    hand_verbs = {v for entry, _ in hand for v in entry.get("verbs", [])}
    hand_phrases = {tuple(p) for entry, _ in hand for p in entry.get("phrases", [])}
    path = directory / CAMEO_FILE
    if not path.exists():
        return []
    exclude, remap = _read_curation(directory / CURATION_FILE)
    entries = read_toml(path).get("trigger", [])
    groups = [(entry, _group(entry, f"{CAMEO_FILE} trigger #{n}")) for n, entry in enumerate(entries, 1)]
    derived = {" ".join(w) for entry, _ in groups for w in
               [[v] for v in entry.get("verbs", [])] + entry.get("phrases", [])}
    for lemma in [*exclude, *remap]:
        if lemma not in derived:
            raise KgError(f"{CURATION_FILE}: {lemma!r} is no lemma of {CAMEO_FILE}")
    kept: list[tuple[dict, TriggerGroup]] = []
    moved: dict[str, list[str]] = defaultdict(list)
    for entry, group in groups:
        verbs, phrases = [], []
        for lemma in entry.get("verbs", []):
            if lemma in hand_verbs or lemma in exclude:
                continue
            if lemma in remap and remap[lemma] != group.relation:
                moved[remap[lemma]].append(lemma)
                continue
            verbs.append(lemma)
        for words in entry.get("phrases", []):
            key = " ".join(words)
            if tuple(words) in hand_phrases or key in exclude:
                continue
            if key in remap and remap[key] != group.relation:
                moved[remap[key]].append(key)
                continue
            phrases.append(words)
        kept.append(({"verbs": verbs, "phrases": phrases}, group))
    for label, lemmas in moved.items():
        target = next((g for _, g in groups + hand if g.relation == label and not g.hypothetical
                       and not g.object_heads), None)
        if target is None:
            raise KgError(f"{CURATION_FILE}: remap to {label}, which no trigger group has")
        kept.append(({"verbs": [w for w in lemmas if " " not in w],
                      "phrases": [w.split() for w in lemmas if " " in w]}, target))
    return kept


def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Read triggers (hand-written, then CAMEO-derived and curated, then those of the
    ``--knowledge`` overlays) and cues (cached; the shipped ones by default)."""
    return _load_lexicon(directory or ontology_dir(), overlays())


def _overlay_triggers(folders: tuple[Path, ...]) -> list[tuple[dict, TriggerGroup]]:
    """The [[trigger]] groups of the overlays' ``triggers.toml`` files, validated like the shipped ones."""
    groups = []
    for path in (folder / "triggers.toml" for folder in folders):
        if path.is_file():
            groups += [(entry, _group(entry, f"{path} trigger #{n}"))
                       for n, entry in enumerate(read_toml(path).get("trigger", []), 1)]
    return groups


@lru_cache(maxsize=4)
def _load_lexicon(directory: Path, folders: tuple[Path, ...]) -> Lexicon:
    triggers = read_toml(directory / "triggers.toml")
    verbs: dict[str, list[TriggerGroup]] = defaultdict(list)
    nouns: dict[str, list[TriggerGroup]] = defaultdict(list)
    phrases: dict[str, list] = defaultdict(list)
    hand = [(entry, _group(entry, f"triggers.toml trigger #{n}"))
            for n, entry in enumerate(triggers.get("trigger", []), 1)]
    for entry, group in hand + _derived_triggers(directory, hand) + _overlay_triggers(folders):
        for lemma in entry.get("verbs", []):
            verbs[lemma].append(group)
        for lemma in entry.get("nouns", []):
            nouns[lemma].append(group)
        for words in entry.get("phrases", []):
            phrases[words[0]].append((tuple(words), group))
    cues = read_cues([directory / "cues.toml", *(f / "cues.toml" for f in folders if (f / "cues.toml").is_file())])
    return Lexicon(dict(verbs), dict(nouns), dict(phrases), cues)


load_lexicon.cache_clear = _load_lexicon.cache_clear  # type: ignore[attr-defined]  # as for a cached function
