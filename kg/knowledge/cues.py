"""The cue words of ``ontology/cues.toml``, read into a validated structure.

Cue lists are the small closed classes the extractor reads a sentence with:
negation particles, modal verbs, reporting verbs, referring nouns … Each has a
name; the names the code reads are :func:`names_read_by_code`, and ``cues.toml`` must
define exactly those, each as a list of words, so a misspelt or missing name
in the file, or a name the code asks for that the file lacks, fails when the
lexicon loads, with a one-line error naming the file.

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

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import KgError
from kg.knowledge.resources import read_toml

#: cue lists whose words may refer to a state named elsewhere in the passage ("its", "the assertion":
#: its maker's); their union is "referring"
REFERRING_CUES = ("pronouns", "person_pronouns", "plural_pronouns", "group_nouns", "singular_nouns", "claim_nouns",
                  "order_referents", "reciprocal_pronouns", "pair_nouns")
#: cues made from others at load, never written in the file
DERIVED = {"referring": REFERRING_CUES}

#: a cue asked for by name in the code: ``cue("support_verbs")``, ``lex.cue("modal_aux")``
_CUE_CALL = re.compile(r"""\bcues?\(["']([a-z_]+)["']\)""")
_STARTS_ON = re.compile(r"""@starts_on\(([^)]*)\)""")  # the entry cue lists of a rule family (kg.extract.entries)
_QUOTED = re.compile(r"""["']([a-z_]+)["']""")


@lru_cache(maxsize=1)
def names_read_by_code() -> frozenset[str]:
    """Every cue name the package's modules ask for (the literal argument of each ``cue("…")``,
    and the names an ``@starts_on(…)`` declares).

    The names come from the code itself, so ``cues.toml`` and the code cannot drift apart:
    a name the code asks for that the file lacks, or a name in the file that no code reads
    (a misspelling), fails when the lexicon loads.
    """
    package = Path(str(resources.files("kg")))
    names: set[str] = set()
    for path in package.rglob("*.py"):
        if "ontology" not in path.relative_to(package).parts and path.name != "cues.py":
            code = path.read_text(encoding="utf-8")
            names |= set(_CUE_CALL.findall(code))
            names |= {name for args in _STARTS_ON.findall(code) for name in _QUOTED.findall(args.split("nouns_of")[0])}
    return frozenset(names - DERIVED.keys())


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


def read_cues(paths: Iterable[Path]) -> Cues:
    """The cues of the shipped file (first) and of overlays (their words are added to cues of the same name)."""
    known = names_read_by_code()
    words: dict[str, frozenset[str]] = {}
    for number, path in enumerate(paths):
        for section, entries in read_toml(path).items():
            if not isinstance(entries, dict):
                raise KgError(f"{path}: [{section}] must be a table of cue lists")
            for name, values in entries.items():
                where = f"{path}: [{section}] {name}"
                if name not in known:
                    raise KgError(f"{where}: no such cue: no code reads it")
                if not isinstance(values, list) or not all(isinstance(w, str) and w for w in values):
                    raise KgError(f"{where}: a list of words is expected")
                if number == 0 and name in words:
                    raise KgError(f"{where}: defined twice")
                words[name] = words.get(name, frozenset()) | frozenset(values)
        if number == 0:
            missing = sorted(known - words.keys())
            if missing:
                raise KgError(f"{path}: missing cues {', '.join(missing)} (the code reads them)")
    for name, parts in DERIVED.items():
        words[name] = frozenset().union(*(words[part] for part in parts))
    return Cues(words)
