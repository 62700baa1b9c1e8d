"""Descriptions of states ("the kingdom", "the island nation", "the North"): ontology/actors/descriptions.csv, checked against the gazetteer."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import KgError
from kg.knowledge.gazetteer import DATA_DIR
from kg.knowledge.names import split_cell


@dataclass(frozen=True, slots=True)
class Description:
    """A row of ``ontology/actors/descriptions.csv``: a noun (with a modifier) that
    describes one of ``actors``; with ``pair``, only where that state is named."""

    modifier: str
    actors: frozenset[str]
    pair: str


@lru_cache(maxsize=1)
def descriptions(path: Path = DATA_DIR / "descriptions.csv") -> dict[str, list[Description]]:
    """Descriptions by noun (lower case, or as written when capitalised: "North"), checked
    against the gazetteer.

    >>> sorted(descriptions()["emirate"][0].actors)
    ['ARE', 'KWT', 'QAT']
    """
    from kg.knowledge.gazetteer import load_gazetteer

    known = load_gazetteer().actors
    out: dict[str, list[Description]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            actors = frozenset(split_cell(row["actors"]))
            pair = (row.get("pair") or "").strip()
            if not actors or not actors <= known.keys() or (pair and pair not in known):
                raise KgError(f"{path.name}: unknown or missing actor in the row for {row['noun']!r}")
            for noun in split_cell(row["noun"]):  # "country|nation|state": one row, several nouns
                out.setdefault(noun, []).append(Description((row["modifier"] or "").strip(), actors, pair))
    return out


@lru_cache(maxsize=1)
def plural_names() -> dict[str, frozenset[str]]:
    """Names in the plural that stand for all their states: a capitalised noun in -s of
    descriptions.csv with no modifier or pair ("the two Koreas", "both Sudans").

    >>> sorted(plural_names()["Koreas"])
    ['KOR', 'PRK']
    """
    return {noun: frozenset(a for r in rows for a in r.actors) for noun, rows in descriptions().items()
            if noun[:1].isupper() and noun.endswith("s") and all(not r.modifier and not r.pair for r in rows)}

