"""The cue words of ``ontology/cues.toml``, read into a validated structure.

Cue lists are the small closed classes the extractor reads a sentence with:
negation particles, modal verbs, reporting verbs, referring nouns … Each has a
name; the names the code reads are :data:`CUE_NAMES`, and ``cues.toml`` must
define exactly those, each as a list of words, so a misspelt or missing name
in the file fails when the lexicon loads, with a one-line error naming the
file. ``tests/test_lexicon.py`` checks that every name the code asks for is
in :data:`CUE_NAMES`.

>>> from kg.knowledge.resources import ontology_path
>>> cues = read_cues([ontology_path("cues.toml")])
>>> "not" in cues("particles") or "never" in cues("particles")
True
>>> cues("no_such_cue")
Traceback (most recent call last):
...
kg.errors.KgError: no cue 'no_such_cue' in cues.toml
"""
from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError

#: cue lists whose words may refer to a state named elsewhere in the passage ("its", "the assertion":
#: its maker's); their union is "referring"
REFERRING_CUES = ("pronouns", "person_pronouns", "plural_pronouns", "group_nouns", "singular_nouns", "claim_nouns")
#: cues made from others at load, never written in the file
DERIVED = {"referring": REFERRING_CUES}

#: every cue name the code reads; cues.toml defines exactly these
CUE_NAMES: frozenset[str] = frozenset({
    "according", "accusation_preps", "agentive_heads", "agreeing_preps", "agreeing_verbs", "aid_goods",
    "approval_modifiers", "approval_nouns", "asked_deeds", "background_heads", "backing_verbs",
    "benefit_nouns", "claim_nouns", "claiming_verbs", "command_verbs", "closeness_adjectives", "condemning_verbs",
    "conditional_marks", "container_nouns", "dependence_preps", "dependence_words",
    "discussed_relations", "discussing_words", "ended_preps", "ending_nouns", "ending_verbs",
    "envoy_heads", "example_preps", "example_verbs", "friendly_modifiers", "giving_verbs",
    "governing_heads", "group_determiners", "group_nouns", "hypothetical_modifiers", "intent_verbs",
    "joining_nouns", "locatives", "mediator_nouns", "membership_nouns", "modal_aux", "motion_verbs",
    "name_entity_labels", "naming_verbs", "negating_verbs", "object_control_verbs", "obstacle_nouns",
    "obstructing_verbs", "own_envoy_recall_verbs", "pair_preps", "participation_verbs", "particles", "party_preps",
    "person_pronouns", "place_preps", "plural_pronouns", "prepositional_verbs", "private_heads",
    "pronouns", "purpose_preps", "reciprocal_phrases", "rejecting_verbs", "relation_nouns",
    "relational_nouns", "relationship_nouns", "relative_pronouns", "removing_verbs", "reporting_verbs",
    "request_verbs", "rescue_preps", "response_verbs", "scheduled", "setting_preps", "shelving_verbs",
    "singular_nouns", "solidarity_complements", "strain_words", "support_verbs", "target_preps",
    "territory_nouns", "threatened_acts", "threatened_fates", "time_preps", "transparent_heads",
    "unfinished_verbs", "utterance_nouns", "war_help_preps", "war_help_relations", "war_relations",
    "warming_nouns"
})


@dataclass(frozen=True, slots=True)
class Cues:
    """Cue word lists by name; calling it with a name gives that list."""

    words: Mapping[str, frozenset[str]]

    def __call__(self, name: str) -> frozenset[str]:
        """The words of cue ``name``; an unknown name is an error, never an empty list."""
        try:
            return self.words[name]
        except KeyError:
            raise KgError(f"no cue {name!r} in cues.toml") from None


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise KgError(f"{path}: {exc}") from None


def read_cues(paths: Iterable[Path]) -> Cues:
    """The cues of the shipped file (first) and of overlays (their words are added to cues of the same name)."""
    words: dict[str, frozenset[str]] = {}
    for number, path in enumerate(paths):
        for section, entries in _read(path).items():
            if not isinstance(entries, dict):
                raise KgError(f"{path}: [{section}] must be a table of cue lists")
            for name, values in entries.items():
                where = f"{path}: [{section}] {name}"
                if name not in CUE_NAMES:
                    raise KgError(f"{where}: no such cue (known: see kg/knowledge/cues.py)")
                if not isinstance(values, list) or not all(isinstance(w, str) and w for w in values):
                    raise KgError(f"{where}: a list of words is expected")
                if number == 0 and name in words:
                    raise KgError(f"{where}: defined twice")
                words[name] = words.get(name, frozenset()) | frozenset(values)
        if number == 0:
            missing = sorted(CUE_NAMES - words.keys())
            if missing:
                raise KgError(f"{path}: missing cues {', '.join(missing)}")
    for name, parts in DERIVED.items():
        words[name] = frozenset().union(*(words[part] for part in parts))
    return Cues(words)
