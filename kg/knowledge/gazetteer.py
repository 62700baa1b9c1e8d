"""Actors and the words that name them: ``ontology/actors/*.csv`` + pycountry.

The data lives in four files (``|`` separates the values of a cell):

- ``states.csv``: ``code,name,short_forms,demonyms,capitals,institutions,wikidata``;
  pycountry's name, common name and official name are merged in here, so
  the file lists only the names pycountry lacks.
- ``organisations.csv``: ``id,name,kind,aliases,wikidata``.
- ``leaders.csv``: ``code,name,aliases,role,start,end[,surname]``; ``start`` and ``end``
  are ISO 8601 text (``2024`` or ``2024-10``), ``end`` empty while in office.
  The optional ``surname`` is the short name the press uses alone ("Abiy",
  "Lula"): unlike an alias it names the leader's state only in a document
  that has already named the person in full or named their state (see
  :mod:`kg.nlp.actors`); a surname that is already a name of an actor is ignored.
- ``contexts.csv`` (optional): ``form,actor,cues,note``: a form names
  ``actor`` instead of its own actor in a passage that names ``actor`` or
  contains one of the ``cues`` ("Brussels" is the EU where the EU or "the
  bloc" is mentioned), unless another form of the passage names the form's
  own actor ("the DRC ... Congo": bare Congo stays the DRC).
- ``ambiguous.csv``: ``form,rule,actor,note``, how a surface form shared by
  two actors, or by an actor and something else, is resolved: ``pick`` (it
  names ``actor`` only), ``drop`` (it names nobody), ``block`` (it names
  nobody and shields the shorter forms inside it: "Indian Ocean", and its
  plural: "Native Americans"), ``person``
  (a state name that is also a personal name: "Jordan").

Forms are stored without a leading "the": "the United States" is matched as
"United States". A form that needs its article to be a name ("the States")
keeps it, written in lower case. Variants are made here, not typed in the
data: the ASCII spelling ("Erdogan"), straight and curly apostrophes,
"St."/"St" for "Saint", "&" for "and" in state names and the plural of a
demonym ("Russians").

>>> gaz = load_gazetteer()
>>> gaz.actor("RUS").name
'Russia'
>>> gaz.lookup("Kremlin")
Form(text='Kremlin', actor='RUS', kind='INSTITUTION')
>>> gaz.resolve("Rutte", "2023-05-01"), gaz.resolve("Rutte", "2025")
('NLD', 'NATO')
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pycountry

from kg.errors import KgError
from kg.knowledge.names import initialled, iso_forms, plural, split_cell, variants
from kg.knowledge.resources import ontology_path, overlays
from kg.records import Actor

DATA_DIR = ontology_path("actors")

#: Mention kinds; when one text names one actor in two ways, the first wins.
KINDS = ("NAME", "ORG", "DEMONYM", "INSTITUTION", "CAPITAL", "LEADER")
STATE_COLUMNS = {"short_forms": "NAME", "demonyms": "DEMONYM", "capitals": "CAPITAL", "institutions": "INSTITUTION"}
RULES = ("pick", "drop", "block", "person")
ORGANISATION_KINDS = ("Organisation", "ArmedGroup")
_QID = re.compile(r"Q[1-9][0-9]*")
_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


class GazetteerError(KgError, ValueError):
    """The actor data contradicts itself (an unresolved shared form, a bad code)."""


class Form(NamedTuple):
    """A surface form that names one actor."""

    text: str
    actor: str
    kind: str


class LeaderForm(NamedTuple):
    """A surface form of a leader, valid from ``start`` to ``end`` (ISO text).

    >>> LeaderForm("Biden", "USA", "Joe Biden", "head of state", "2021", "2025").in_office("2024-06-01")
    True
    """

    text: str
    actor: str
    name: str
    role: str
    start: str
    end: str | None
    surname: bool = False  # a short name that counts only after the person or the state is named
    titled: bool = False  # a surname that is a common word ("Bush"): only after a title

    def in_office(self, date: str) -> bool:
        """Whether the term covers ``date``, compared at the coarser precision."""
        return _not_after(self.start, date) and (self.end is None or _not_after(date, self.end))


def _not_after(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return a[:n] <= b[:n]


@dataclass(frozen=True)
class Gazetteer:
    """Actors and their surface forms.

    ``names`` maps each non-leader form to the one actor it names;
    ``leader_forms`` may give one text to two actors, told apart by date.
    """

    actors: dict[str, Actor]
    names: dict[str, Form]
    leader_forms: tuple[LeaderForm, ...]
    blocked: frozenset[str]
    person_like: frozenset[str]
    contexts: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)  # form -> (actor, cue words)

    def actor(self, id: str) -> Actor:
        """The actor with this id; ``KeyError`` if unknown.

        >>> load_gazetteer().actor("NATO").kind
        'Organisation'
        """
        return self.actors[id]

    def forms(self) -> Iterator[tuple[str, str, str]]:
        """Every ``(text, actor id, kind)``; a leader text shared by two actors comes twice."""
        for form in self.names.values():
            yield form.text, form.actor, form.kind
        seen: set[tuple[str, str]] = set()
        for lf in self.leader_forms:
            if (lf.text, lf.actor) not in seen:
                seen.add((lf.text, lf.actor))
                yield lf.text, lf.actor, "LEADER"

    def lookup(self, text: str) -> Form | None:
        """The form for ``text`` (exact spelling), leaders excluded."""
        return self.names.get(text)

    def leaders(self, text: str) -> tuple[LeaderForm, ...]:
        """The leader terms that ``text`` may name."""
        return self._leaders_by_text().get(text, ())

    def resolve(self, text: str, date: str | None = None) -> str | None:
        """The actor id ``text`` names, or ``None`` if none or undecidable.

        A leader's name names their state even after they left office; the
        date decides only between actors that share a name: the one in
        office at ``date``, if exactly one.

        >>> gaz = load_gazetteer()
        >>> gaz.resolve("Tehran"), gaz.resolve("Biden", "2030"), gaz.resolve("Morales")
        ('IRN', 'USA', None)
        """
        form = self.names.get(text)
        if form is not None:
            return form.actor
        terms = tuple(t for t in self.leaders(text) if not t.surname)
        actors = {t.actor for t in terms}
        if len(actors) == 1:
            return actors.pop()
        if date and actors:
            current = {t.actor for t in terms if t.in_office(date)}
            if len(current) == 1:
                return current.pop()
        return None

    def surnames(self, text: str) -> tuple[LeaderForm, ...]:
        """The leader terms of which ``text`` is the bare surname, or an alias that leaders of
        several states share ("Morales": Bolivia's Evo, Guatemala's Jimmy), which the passage's
        states then decide as for a surname; none if it is one state's full name or alias.

        >>> gaz = load_gazetteer()
        >>> sorted({t.actor for t in gaz.surnames("Morales")}), gaz.surnames("Putin")
        (['BOL', 'GTM'], ())
        """
        terms = self.leaders(text)
        if terms and all(t.surname for t in terms):
            return terms
        aliases = [t for t in terms if not t.surname]
        bare = all(t.text == t.name.split()[-1] for t in aliases)  # a surname given as an alias, not "Amr Moussa"
        return terms if bare and len({t.actor for t in aliases}) > 1 else ()

    def _leaders_by_text(self) -> dict[str, tuple[LeaderForm, ...]]:
        index = self.__dict__.get("_leader_index")
        if index is None:
            grouped: dict[str, list[LeaderForm]] = defaultdict(list)
            for lf in self.leader_forms:
                grouped[lf.text].append(lf)
            index = {text: tuple(terms) for text, terms in grouped.items()}
            object.__setattr__(self, "_leader_index", index)
        return index


# ---------------------------------------------------------------------- load


#: the columns each actor file must have (others, like ``note``, are free)
COLUMNS = {
    "states.csv": ("code", "name", "short_forms", "demonyms", "capitals", "institutions", "wikidata"),
    "organisations.csv": ("id", "name", "kind", "aliases", "wikidata"),
    "leaders.csv": ("code", "name", "aliases", "role", "start", "end"),
    "ambiguous.csv": ("form", "rule", "actor"),
    "contexts.csv": ("form", "actor", "cues"),
}


def _rows(directory: Path, name: str, extra: tuple[Path, ...] = ()) -> list[tuple[str, dict[str, str]]]:
    """``(where, row)`` for the rows of ``directory/name``, then of the same file in each
    folder of ``extra``; ``where`` is ``file:line`` for error messages."""
    rows = []
    for path in [directory / name, *(folder / name for folder in extra)]:
        if not path.is_file():
            continue
        label = path.name if path.parent == directory else str(path)
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in COLUMNS.get(name, ()) if c not in (reader.fieldnames or ())]
            if missing:
                raise GazetteerError(f"{label}:1: missing columns {', '.join(missing)}")
            for row in reader:
                rows.append((f"{label}:{reader.line_num}", {k: (v or "").strip() for k, v in row.items() if k}))
    return rows


def _wikidata(value: str, where: str) -> str | None:
    if value and not _QID.fullmatch(value):
        raise GazetteerError(f"{where}: bad Wikidata id {value!r}")
    return value or None


def _pycountry_names(code: str) -> list[str]:
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return []
    names = [getattr(country, a, None) for a in ("name", "common_name", "official_name")]
    return [f for n in names if n for f in iso_forms(n)]


def _state_forms(row: dict[str, str]) -> Iterator[tuple[str, str]]:
    """``(text, kind)`` for one row of states.csv, pycountry names included."""
    for name in [row["name"], *_pycountry_names(row["code"]), *split_cell(row["short_forms"])]:
        for v in variants(name, ampersand=True):
            yield v, "NAME"
    for column, kind in STATE_COLUMNS.items():
        if kind == "NAME":
            continue
        for value in split_cell(row[column]):
            forms = [value, plural(value)] if kind == "DEMONYM" else [value]
            for form in filter(None, forms):
                for v in variants(form):
                    yield v, kind


def _resolve(
    candidates: dict[str, dict[str, str]], rules: dict[str, tuple[str, str]]
) -> dict[str, Form]:
    """One actor per text: apply ``pick``/``drop``, refuse anything else shared."""
    names: dict[str, Form] = {}
    clashes: list[str] = []
    for text, by_actor in candidates.items():
        rule, chosen = rules.get(text, ("", ""))
        if rule in ("drop", "block"):
            continue
        if rule == "pick":
            kind = by_actor.get(chosen) or min(by_actor.values(), key=KINDS.index)
            names[text] = Form(text, chosen, kind)
        elif len(by_actor) > 1:
            clashes.append(f"{text!r} → {sorted(by_actor)}")
        else:
            ((actor, kind),) = by_actor.items()
            names[text] = Form(text, actor, kind)
    if clashes:
        raise GazetteerError("forms shared by two actors, resolve them in ambiguous.csv: " + "; ".join(clashes))
    return names


def build_gazetteer(directory: Path, extra: tuple[Path, ...] = ()) -> Gazetteer:
    """Read the CSV files of ``directory`` (see the module docstring), each followed by the
    file of the same name in the folders of ``extra``, if it has one."""
    actors: dict[str, Actor] = {}
    candidates: dict[str, dict[str, str]] = defaultdict(dict)

    def add(text: str, actor: str, kind: str) -> None:
        known = candidates[text].get(actor)
        if known is None or KINDS.index(kind) < KINDS.index(known):
            candidates[text][actor] = kind

    for where, row in _rows(directory, "states.csv", extra):
        code = row["code"]
        if not re.fullmatch(r"[A-Z]{3}", code) or code in actors:
            raise GazetteerError(f"{where}: bad or repeated code {code!r}")
        name = row["name"] or next(iter(_pycountry_names(code)), "")
        if not name:
            raise GazetteerError(f"{where}: {code} has no name")
        actors[code] = Actor(code, name, "State", _wikidata(row["wikidata"], code))
        for text, kind in _state_forms(row):
            add(text, code, kind)

    for where, row in _rows(directory, "organisations.csv", extra):
        id_, kind = row["id"], row["kind"]
        if kind not in ORGANISATION_KINDS or id_ in actors:
            raise GazetteerError(f"{where}: bad kind or repeated id {id_!r}")
        actors[id_] = Actor(id_, row["name"], kind, _wikidata(row["wikidata"], id_))
        for form in [row["name"], *split_cell(row["aliases"])]:
            for v in variants(form):
                add(v, id_, "ORG")

    rules: dict[str, tuple[str, str]] = {}
    for where, row in _rows(directory, "ambiguous.csv", extra):
        if row["rule"] not in RULES or (row["rule"] == "pick") != bool(row["actor"]):
            raise GazetteerError(f"{where}: bad row for {row['form']!r}")
        if row["actor"] and row["actor"] not in actors:
            raise GazetteerError(f"{where}: unknown actor {row['actor']!r}")
        forms = [row["form"], plural(row["form"])] if row["rule"] == "block" else [row["form"]]
        for v in (v for form in filter(None, forms) for v in variants(form)):
            rules.setdefault(v, (row["rule"], row["actor"]))

    names = _resolve(candidates, rules)
    leader_forms = tuple(_leader_forms(_rows(directory, "leaders.csv", extra), actors, names, rules))
    return Gazetteer(
        actors=actors,
        names=names,
        leader_forms=leader_forms,
        blocked=frozenset(t for t, (rule, _) in rules.items() if rule == "block"),
        person_like=frozenset(t for t, (rule, _) in rules.items() if rule == "person"),
        contexts=_contexts(_rows(directory, "contexts.csv", extra), actors, names),
    )


def _contexts(rows: list[tuple[str, dict[str, str]]], actors: dict[str, Actor],
              names: dict[str, Form]) -> dict[str, tuple[str, frozenset[str]]]:
    """``contexts.csv``: every spelling variant of a form → (actor, lower-case cue words)."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for where, row in rows:
        form, actor = row["form"], row["actor"]
        if actor not in actors:
            raise GazetteerError(f"{where}: unknown actor {actor!r} for {form!r}")
        if form not in names:
            raise GazetteerError(f"{where}: {form!r} is no form of any actor")
        if names[form].actor == actor:
            raise GazetteerError(f"{where}: {form!r} already names {actor}")
        cues = frozenset(c.lower() for c in split_cell(row["cues"]))
        for v in variants(form):
            if v in names:
                out[v] = (actor, cues)
    return out


def _leader_forms(rows: list[tuple[str, dict[str, str]]], actors: dict[str, Actor], names: dict[str, Form],
                  rules: dict[str, tuple[str, str]]) -> Iterable[LeaderForm]:
    given_names = {row["name"].split()[0] for _, row in rows if row["name"].split()[0] not in split_cell(row.get("surname"))}
    for where, row in rows:
        code, start, end = row["code"], row["start"], row["end"] or None
        if code not in actors:
            raise GazetteerError(f"{where}: unknown actor {code!r} for {row['name']!r}")
        if not _DATE.fullmatch(start) or (end and not _DATE.fullmatch(end)):
            raise GazetteerError(f"{where}: bad dates for {row['name']!r}")
        texts = {v for form in [row["name"], *split_cell(row["aliases"]), *initialled(row["name"], row.get("surname"))]
                 for v in variants(form)}
        for text in sorted(texts):
            if text in names or rules.get(text, ("",))[0] in ("drop", "block"):
                raise GazetteerError(f"{where}: {text!r} is already a name of {names[text].actor}" if text in names else f"{where}: {text!r} is dropped in ambiguous.csv")
            yield LeaderForm(text, code, row["name"], row["role"], start, end)
        # the optional 7th column: a bare surname, weaker than an alias; one that is an actor's name or a full form of
        # this leader is left out; a dropped common word counts after a title ("President Bush"), a given name never
        for text in sorted({v for form in split_cell(row.get("surname")) for v in variants(form)} - texts):
            rule = rules.get(text, ("",))[0]
            if text not in names and rule != "block" and not (rule == "drop" and text in given_names):
                yield LeaderForm(text, code, row["name"], row["role"], start, end, surname=True, titled=rule == "drop")


@lru_cache(maxsize=8)
def _cached(directory: Path, extra: tuple[Path, ...]) -> Gazetteer:
    return build_gazetteer(directory, extra)


def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """The gazetteer of ``directory`` (default ``ontology/actors``), read once.

    >>> load_gazetteer() is load_gazetteer()
    True
    """
    return _cached(Path(directory or DATA_DIR).resolve(), tuple(folder / "actors" for folder in overlays()))
