"""How names are written: cells of the actor files, articles, pycountry's inverted names, ASCII and apostrophe variants, demonym plurals, given names cut to initials."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.errors import KgError
from kg.knowledge.resources import ontology_path, read_toml


def split_cell(cell: str | None) -> list[str]:
    """The values of a ``|``-separated cell.

    >>> split_cell("U.S.|US| America ")
    ['U.S.', 'US', 'America']
    """
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def strip_article(text: str) -> str:
    """``"The Gambia"`` → ``"Gambia"``; the data's own ``"the States"`` is kept.

    >>> strip_article("The Democratic Republic of the Congo"), strip_article("the States")
    ('Democratic Republic of the Congo', 'the States')
    """
    return text[4:] if text.startswith("The ") else text


def iso_forms(name: str) -> list[str]:
    """Readable forms of a pycountry name: uninverted, without parentheses.

    >>> iso_forms("Korea, Republic of"), iso_forms("Holy See (Vatican City State)")
    (['Republic of Korea'], ['Holy See', 'Vatican City State'])
    >>> iso_forms("Taiwan, Province of China"), iso_forms("the State of Palestine")
    ([], ['State of Palestine'])
    """
    name = name.strip()
    if name.startswith("the "):
        name = name[4:]
    if "(" in name:
        outer, _, inner = name.partition("(")
        return [f for part in (outer, inner.rstrip(")")) for f in iso_forms(part)]
    if "," in name:
        head, _, tail = (p.strip() for p in name.partition(","))
        if not (tail.endswith(" of") or tail.endswith(" of the")):
            return []
        name = f"{tail} {head}"
    return [strip_article(name)]


def ascii_fold(text: str) -> str:
    """``"Erdoğan"`` → ``"Erdogan"``: drop diacritics.

    >>> ascii_fold("Côte d'Ivoire")
    "Cote d'Ivoire"
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


def variants(text: str, *, ampersand: bool = False) -> set[str]:
    """Spelling variants of a form, itself included.

    >>> sorted(variants("Saint Kitts and Nevis", ampersand=True))
    ['Saint Kitts & Nevis', 'Saint Kitts and Nevis', 'St Kitts & Nevis', 'St Kitts and Nevis', 'St. Kitts & Nevis', 'St. Kitts and Nevis']
    >>> sorted(variants("Nana Akufo-Addo")), sorted(variants("Omar al-Bashir"))
    (['Nana Akufo Addo', 'Nana Akufo-Addo'], ['Omar al Bashir', 'Omar al-Bashir', 'Omar el Bashir', 'Omar el-Bashir'])
    >>> sorted(variants("South African"))
    ['S. African', 'South African']
    """
    out = {text, ascii_fold(text)}
    out |= {re.sub(r"\b(?<![-'])al-(?=[A-Z])", "el-", v) for v in out}  # the Arabic article: "al-Bashir", "el-Bashir"
    out |= {re.sub(r"(?<=[a-z])-(?=[A-Z])", " ", v) for v in out}  # "Akufo-Addo" is also written "Akufo Addo"
    if ampersand:
        out |= {v.replace(" and ", " & ") for v in out}
    out |= {re.sub(r"\bSaint ", p, v) for v in out if "Saint " in v for p in ("St. ", "St ")}
    out |= {re.sub(r"^(S|N)(?:outh|orth) ", r"\1. ", v) for v in out}  # headline style: "S. Korea", "N. Korean"
    out |= {v.replace("'", "\u2019") for v in out} | {v.replace("\u2019", "'") for v in out}
    return out


@lru_cache(maxsize=1)
def no_plural_endings() -> tuple[str, ...]:
    """Endings of nationality nouns without an "s" plural, from ``ontology/actors/morphology.toml``."""
    path = ontology_path("actors/morphology.toml")
    endings = read_toml(path).get("demonyms", {}).get("no_plural_endings")
    if not isinstance(endings, list) or not all(isinstance(e, str) and e for e in endings):
        raise KgError(f"{path}: [demonyms] no_plural_endings must be a list of non-empty strings")
    return tuple(endings)


def plural(demonym: str) -> str | None:
    """The plural of a nationality noun, or ``None`` if it has none of its own.

    >>> plural("Russian"), plural("Saudi"), plural("Chinese"), plural("Swiss")
    ('Russians', 'Saudis', None, None)
    """
    if demonym.endswith(no_plural_endings()) or not demonym[-1:].isalpha():
        return None
    return demonym + "s"


def initialled(name: str, surname: str | None) -> list[str]:
    """The press's forms of a name with two or more given names cut to initials.

    >>> initialled("Inder Kumar Gujral", "Gujral")
    ['I.K. Gujral', 'I. K. Gujral']
    >>> initialled("Joe Biden", "Biden"), initialled("Inder Kumar Gujral", None)
    ([], [])
    """
    if not surname or not name.endswith(" " + surname):
        return []
    given = name[: -len(surname) - 1].split()
    if len(given) < 2 or not all(g[:1].isupper() for g in given):
        return []
    initials = [g[0] + "." for g in given]
    return [f"{''.join(initials)} {surname}", f"{' '.join(initials)} {surname}"]
