#!/usr/bin/env python3
"""Derive ``ontology/actors/leaders.csv`` from three sources, deterministically.

Sources (see also ``ontology/actors/sources/README.md``):

1. PETRARCH2's Phoenix country-actor dictionary,
   ``petrarch2/data/dictionaries/Phoenix.Countries.actors.txt`` of
   https://github.com/openeventdata/petrarch2 at commit
   676801cd9cb2924bbbad09f86d15c9323e7097bf (MIT licence, (c) 2014 Open Event
   Data Alliance; generated from CountryInfo.140130.txt of the Computational
   Event Data System project). Used for heads of state and government whose
   terms overlap 1990 and later: the entries of CountryInfo's leader lists,
   recognised by their ``ELI`` (elite, before/after office) codes, and their
   ``GOV`` terms. The source does not say whether a leader headed the state
   or the government, so those rows get the role ``leader``; open terms
   (``>YYMMDD``, in office when the file was made in January 2014) end in 2014.
2. ``ontology/actors/sources/leaders-curated.csv``: hand-curated heads of
   state and government, foreign and defence ministers (mostly 2010-2026),
   written for this project from public knowledge.
3. ``ontology/actors/sources/leaders-manual.csv``: the hand-written rows that
   were ``leaders.csv`` before this script existed (organisation leaders
   included); kept exactly as written.

Precedence: manual > curated > Phoenix. A curated term overlapping a manual
term of the same person, state and role is dropped; a Phoenix term is dropped
if it overlaps a curated or manual term of the same person and state in any
role. Remaining terms of one person, state and role that overlap are merged.
Forms that are already a state or organisation name, or dropped/blocked in
``ambiguous.csv``, are removed (a row whose name collides is left out), and a
new form may not take a text that the manual rows give to another actor.

4. Which surnames stand alone (see :func:`promote_surnames`): a word list and
   name lists, used only to tell distinctive surnames from common words and
   names: Debian's ``wamerican`` (SCOWL, ``/usr/share/dict/american-english``;
   permissive licence, (c) Kevin Atkinson; its words and its proper names, which
   have other bearers or senses: Tito, Liverpool, Socrates)
   and the 1990 US Census surname and first-name lists shipped in the PyPI
   package ``names`` 0.3.0 (MIT; the Census data are public domain).

A head of state or government's surname becomes an alias (it names the state
with no context: "Gbagbo said") when it is distinctive: one word of four
letters or more, borne by no other person and no other state in the table,
not a word or a name many people bear or the word list knows (an entry of the
word list, its proper names too: Tito, Liverpool; a frequent US surname of
0.001 % or more, a US first name, another leader's given name), and its
bearer led for three years or more since 1990. Every other surname counts only once the person
or the state is named (:mod:`kg.nlp.actors`).

Regenerate (from the repository root; never uses the network)::

    python ontology/scripts/derive_leaders.py \\
        --phoenix-git /work/.mirror/openeventdata+petrarch2/repo/.git

or ``--phoenix PATH`` with a copy of the Phoenix file. The word and name lists
come from ``apt-get install wamerican`` and ``pip install names==0.3.0``
(``--words`` and ``--census`` point elsewhere).
"""
from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ACTORS = ROOT / "ontology" / "actors"
SOURCES = ACTORS / "sources"
PHOENIX_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
PHOENIX_PATH = "petrarch2/data/dictionaries/Phoenix.Countries.actors.txt"
COLUMNS = ["code", "name", "aliases", "role", "start", "end", "surname"]
ROLES = ["head of state", "head of government", "foreign minister", "defence minister", "minister", "leader"]
#: Phoenix open terms were open when CountryInfo.140130 was made.
PHOENIX_OPEN_END = 2014
#: CAMEO country codes that differ from the ISO alpha-3 codes of states.csv.
CAMEO_TO_ISO = {"KSV": "XKX", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD"}
#: Phoenix files Mauritania's leader list (the ELI entries) under MUS (Mauritius).
ELI_CODE_FIX = {"MUS": "MRT"}
#: Phoenix's USA section gives ELI codes to every cabinet post; USA comes from the curated file.
PHOENIX_SKIP = {"USA"}
#: Surname first (press style "Xi", "Moon", "Kim Jong Un" -> "Kim").
SURNAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "SGP"}
#: Given name used alone by the press.
GIVEN_NAME = {"ETH", "ERI", "THA", "MYS"}
#: No surname: the press repeats the whole name ("Min Aung Hlaing", "Hun Sen").
WHOLE_NAME = {"MMR", "KHM"}
PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le",
             "bin", "ibn", "bint", "al", "el", "ould", "ag", "ter", "zu", "y"}
#: Written in lower case inside a name by title_case ("Ould", "Ter" stay capitalised).
LOWER_PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "bin",
                   "ibn", "bint", "al", "el", "y"}
ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$")
TITLE_WORDS = {"PRESIDENT", "PRIME", "MINISTER", "PREMIER", "CHANCELLOR", "SECRETARY", "GENERAL", "FORMER", "LEADER",
               "CHIEF", "KING", "QUEEN", "PRINCE", "EMIR", "SULTAN", "DICTATOR", "COLONEL", "COL.", "GEN.", "DR.", "MR.",
               "MRS.", "MS.", "ADMINISTRATION", "GOVERNMENT", "REGIME", "CABINET", "PARTY", "VICE", "ACTING", "FOREIGN",
               "DEFENSE", "DEFENCE", "STATE", "PM", "SHEIKH", "SHEIK", "AYATOLLAH", "MARSHAL", "MAJOR", "CAPTAIN",
               "LT.", "GENERALISSIMO", "PRESIDENTIAL", "SPEAKER", "JUNTA", "EX-PRESIDENT", "AMBASSADOR", "CHAIRMAN",
               "SENATOR", "HIS", "HER", "MAJESTY", "HIGHNESS", "OF", "THE", "AND", "DATUK", "DATO", "SERI", "TUN"}


# ------------------------------------------------------------------- helpers


def fold(text: str) -> str:
    """Lower-case ASCII letters and spaces only: the key that matches one person across sources."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("ı", "i").lower()
    return " ".join(re.sub(r"[^a-z ]", " ", text.replace("-", " ")).split())


def split_cell(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def year(text: str | None) -> int | None:
    return int(text[:4]) if text else None


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def default_surname(name: str, code: str) -> str:
    """The word(s) the press uses alone; a heuristic for sources that do not give it."""
    words = [w for w in name.replace(",", " ").split() if w not in {"Jr.", "Jr", "Sr."} and not ROMAN.match(w)]
    if not words:
        return ""
    if code in SURNAME_FIRST:
        return words[0]
    if code in GIVEN_NAME:
        return words[0]
    if code in WHOLE_NAME:
        return " ".join(words)
    i = len(words) - 1
    while i > 0 and words[i - 1].lower() in PARTICLES - {"bin", "ibn", "bint", "ould", "al", "el", "y"}:
        i -= 1
    last = " ".join(words[i:])
    return re.sub(r"^(al|el|Al|El)-", "", last)


# ------------------------------------------------------------------- Phoenix


def title_case(raw: str) -> str:
    """``MAAOUYA_OULD_SID'AHMED_TAYA_`` -> ``Maaouya Ould Sid'Ahmed Taya``; particles in lower case."""
    words = [w for w in raw.strip("_ ").split("_") if w]
    out = []
    for i, w in enumerate(words):
        if ROMAN.match(w) or re.fullmatch(r"([A-Z]\.)+", w):
            out.append(w)
            continue
        parts = []
        for j, p in enumerate(re.split(r"([-'])", w)):
            if p in "-'" or not p:
                parts.append(p)
                continue
            low = p.lower()
            if (i > 0 or j > 0) and low in LOWER_PARTICLES and (j == 0 and i > 0 or j > 0 and low in {"al", "el"}):
                parts.append(low)
            elif low.startswith("mc") and len(low) > 2:
                parts.append("Mc" + low[2].upper() + low[3:])
            else:
                parts.append(low[:1].upper() + low[1:])
        out.append("".join(parts))
    text = " ".join(out).replace(",", "")
    return re.sub(r"\bJr\.?$", "Jr.", text)


def phoenix_date(text: str) -> int:
    digits = text.strip("<> ")
    if len(digits) == 8:
        return int(digits[:4])
    yy = int(digits[:2])
    return 2000 + yy if yy <= 20 else 1900 + yy


def parse_phoenix(text: str) -> list[dict]:
    """Entries of the dictionary: names, ``+`` synonyms and ``[CODE start-end]`` tags."""
    entries: list[dict] = []
    cur: dict | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith(("\t", " ")):
            m = re.match(r"\s*\[([A-Z]{3})([A-Z]*)\s*([^\]]*)\]", line)
            if m and cur is not None:
                cur["tags"].append((m.group(1), m.group(2), m.group(3).strip()))
            continue
        if line.startswith("+"):
            if cur is not None and not cur["tags"]:
                cur["synonyms"].append(line[1:].split("#")[0].strip())
            continue
        name = line.split("#")[0].strip()
        # a country's header carries its code on its own line ("NAMIBIA_  [NAM]"): an entry of its own,
        # else the first leader listed after it would be read as another name of the country
        inline = [(m.group(1), m.group(2), m.group(3).strip())
                  for m in re.finditer(r"\[([A-Z]{3})([A-Z]*)\s*([^\]]*)\]", name)]
        name = re.sub(r"\s*\[[^\]]*\]", "", name).strip()
        if cur is not None and not cur["tags"] and not inline:
            cur["names"].append(name)
            continue
        cur = {"names": [name], "synonyms": [], "tags": inline, "countryinfo": "CountryInfo" in line}
        entries.append(cur)
    return entries


def phoenix_rows(text: str, states: set[str]) -> list[dict]:
    rows = []
    for e in parse_phoenix(text):
        if not e["countryinfo"]:
            continue
        eli = {c for c, r, _ in e["tags"] if r == "ELI"}
        for cameo, role, span in e["tags"]:
            if role != "GOV" or cameo not in eli or cameo in PHOENIX_SKIP or not span or span.startswith("<"):
                continue
            code = ELI_CODE_FIX.get(cameo, CAMEO_TO_ISO.get(cameo, cameo))
            if code not in states:
                continue
            if span.startswith(">"):
                start, end = phoenix_date(span), None
            elif "-" in span:
                a, b = span.split("-", 1)
                start, end = phoenix_date(a), phoenix_date(b)
            else:
                continue
            if end is not None and end < 1990:
                continue
            name = title_case(e["names"][0])
            if len([w for w in name.split() if not ROMAN.match(w)]) < 2:
                continue  # a bare given name ("Hassan", "Fahd") would name too much
            aliases = []
            for raw in e["names"][1:] + e["synonyms"]:
                words = raw.strip("_ ").split("_")
                if len(words) < 2 or any(w in TITLE_WORDS or w.rstrip(",") in TITLE_WORDS for w in words):
                    continue
                alias = title_case(raw)
                if fold(alias) != fold(name) and alias not in aliases:
                    aliases.append(alias)
            rows.append({"code": code, "name": name, "aliases": aliases, "role": "leader", "start": str(start),
                         "end": None if end is None else str(end), "open": end is None,
                         "surname": default_surname(name, code), "src": "phoenix"})
    return rows


def read_phoenix(args: argparse.Namespace) -> str:
    if args.phoenix:
        return Path(args.phoenix).read_text(encoding="utf-8", errors="replace")
    out = subprocess.run(["git", "--git-dir", args.phoenix_git, "show", f"{args.phoenix_commit}:{PHOENIX_PATH}"],
                         check=True, capture_output=True)
    return out.stdout.decode("utf-8", errors="replace")


# --------------------------------------------------------------------- merge


def csv_rows(path: Path, src: str) -> list[dict]:
    rows = []
    for r in read_csv(path):
        rows.append({"code": r["code"], "name": r["name"], "aliases": split_cell(r["aliases"]), "role": r["role"],
                     "start": r["start"], "end": r["end"] or None, "open": False,
                     "surname": r.get("surname", "") or default_surname(r["name"], r["code"]), "src": src})
    return rows


def overlaps(a: dict, b: dict, touching: bool = False) -> bool:
    """Year-level overlap of two terms; ``touching`` also counts a shared boundary year."""
    a0, a1, b0, b1 = year(a["start"]), year(a["end"]) or 9999, year(b["start"]), year(b["end"]) or 9999
    if touching:
        return a0 <= b1 and b0 <= a1
    return (a0 < b1 and b0 < a1) or (a0 == b0) or (a1 == b1 != 9999)


def same_person(a: dict, b: dict) -> bool:
    if a["code"] != b["code"]:
        return False
    if fold(a["name"]) == fold(b["name"]):
        return True
    la, lb = fold(a["name"]).split(), fold(b["name"]).split()
    return bool(la and lb) and la[-1] == lb[-1] and len(la[-1]) > 3


def gazetteer_names() -> tuple[dict, dict]:
    """State/organisation forms and ambiguity rules, read by kg.knowledge.gazetteer from a copy without leaders."""
    sys.path.insert(0, str(ROOT))
    from kg.knowledge.gazetteer import build_gazetteer
    from kg.knowledge.names import variants  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as tmp:
        for name in ("states.csv", "organisations.csv", "ambiguous.csv"):
            shutil.copy(ACTORS / name, Path(tmp) / name)
        (Path(tmp) / "leaders.csv").write_text("code,name,aliases,role,start,end\n", encoding="utf-8")
        gaz = build_gazetteer(Path(tmp))
    rules = {}
    for r in read_csv(ACTORS / "ambiguous.csv"):
        for v in variants(r["form"]):
            rules.setdefault(v, r["rule"])
    return {"names": set(gaz.names), "rules": rules, "variants": variants}, gaz.actors


def derive(phoenix_text: str) -> tuple[list[dict], list[str]]:
    log: list[str] = []
    gz, actors = gazetteer_names()
    states = {c for c, a in actors.items() if a.kind == "State"}
    variants = gz["variants"]

    def bad(text: str) -> bool:
        return any(v in gz["names"] or gz["rules"].get(v) in ("drop", "block") for v in variants(text))

    manual = csv_rows(SOURCES / "leaders-manual.csv", "manual")
    curated = csv_rows(SOURCES / "leaders-curated.csv", "curated")
    phoenix = phoenix_rows(phoenix_text, states)
    for r in curated:
        if r["code"] not in actors or r["role"] not in ROLES:
            raise SystemExit(f"leaders-curated.csv: bad code or role in {r}")

    manual_texts: dict[str, set[str]] = defaultdict(set)
    for r in manual:
        for v in (v for t in [r["name"], *r["aliases"]] for v in variants(t)):
            manual_texts[v].add(r["code"])

    def taken(text: str, code: str) -> bool:
        """``text`` is a manual form of another actor only."""
        return any(manual_texts.get(v, {code}) - {code} and code not in manual_texts[v] for v in variants(text))

    kept: list[dict] = list(manual)
    for r in curated:
        if any(m["code"] == r["code"] and fold(m["name"]) == fold(r["name"]) and m["role"] == r["role"]
               and overlaps(m, r, touching=True) for m in manual):
            continue
        kept.append(r)
    for r in phoenix:
        if any(same_person(k, r) and overlaps(k, r, touching=r["open"]) for k in kept if k["src"] != "phoenix"):
            continue
        if r["open"]:
            r["end"] = str(max(PHOENIX_OPEN_END, int(r["start"])))
        kept.append(r)

    # forms: drop collisions with state/organisation names and with other actors' manual forms
    out = []
    for r in kept:
        if r["src"] == "manual":
            out.append(r)
            continue
        if bad(r["name"]) or taken(r["name"], r["code"]):
            log.append(f"dropped row, name collides: {r['code']} {r['name']}")
            continue
        aliases = []
        for a in r["aliases"]:
            if bad(a) or taken(a, r["code"]):
                log.append(f"dropped alias {a!r} of {r['code']} {r['name']}")
            elif a not in aliases and a != r["name"]:
                aliases.append(a)
        r["aliases"] = aliases
        out.append(r)

    # merge overlapping terms of one person, state and role (manual rows stay as written)
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in out:
        groups[(r["code"], fold(r["name"]), r["role"])].append(r)
    merged: list[dict] = []
    prio = {"manual": 0, "curated": 1, "phoenix": 2}
    for rows in groups.values():
        if any(r["src"] == "manual" for r in rows):
            merged.extend(rows)
            continue
        rows.sort(key=lambda r: (int(r["start"][:4]), prio[r["src"]]))
        acc = [dict(rows[0])]
        for r in rows[1:]:
            last = acc[-1]
            if overlaps(last, r, touching=True):
                best = last if prio[last["src"]] <= prio[r["src"]] else r
                end = None if last["end"] is None or r["end"] is None else max(last["end"], r["end"])
                aliases = best["aliases"] + [a for a in (r if best is last else last)["aliases"] if a not in best["aliases"]]
                acc[-1] = {**best, "aliases": aliases, "start": min(last["start"], r["start"]), "end": end}
            else:
                acc.append(dict(r))
        merged.extend(acc)

    merged.sort(key=lambda r: (r["code"], ROLES.index(r["role"]) if r["role"] in ROLES else 99,
                               r["start"], fold(r["name"]), r["end"] or "9999"))
    return merged, log


HEAD_ROLES = ("head of state", "head of government", "leader")
#: a surname that can stand alone: one word, letters (and inner hyphens or apostrophes)
ONE_WORD = re.compile(r"[^\W\d_][\w'-]{2,}[^\W\d_]")
#: a US surname this frequent (per cent of the population) is a common name
COMMON_SURNAME_SHARE = 0.001
#: years in office that make a head of state or government known by surname alone
KNOWN_AFTER_YEARS = 3


def common_names(words_path: Path, census_dir: Path) -> tuple[set[str], set[str]]:
    """Folded words and names many people bear (lower-case entries of the word list, frequent US
    surnames, US first names), and folded proper names of the word list (famous bearers or other
    senses: Tito, Liverpool)."""
    entries = words_path.read_text(encoding="utf-8").split()
    common = {fold(w) for w in entries if w[:1].islower()}
    famous = {fold(w) for w in entries if not w[:1].islower()}
    for line in (census_dir / "dist.all.last").read_text().splitlines():
        name, share = line.split()[:2]
        if float(share) >= COMMON_SURNAME_SHARE:
            common.add(fold(name))
    for part in ("dist.male.first", "dist.female.first"):
        common |= {fold(line.split()[0]) for line in (census_dir / part).read_text().splitlines() if line.strip()}
    return common, famous


def promote_surnames(rows: list[dict], common: tuple[set[str], set[str]], bad) -> list[str]:
    """Add each distinctive surname of a head of state or government to the aliases of that
    person's rows (the criteria are in the module docstring); the promoted forms, for the log."""
    common_names_, famous = common  # both rule a surname out
    states: dict[str, set[str]] = defaultdict(set)
    people: dict[str, set[str]] = defaultdict(set)
    years: dict[tuple[str, str], set[int]] = defaultdict(set)  # the years in office since 1990, each once
    given = {word for r in rows for word in fold(r["name"]).split()[:-1] if word != fold(r["surname"])}  # not "Meles"
    for r in rows:
        key = fold(r["surname"])
        if key:
            states[key].add(r["code"])
            people[key].add(fold(r["name"]))
            if r["role"] in HEAD_ROLES:
                years[(key, fold(r["name"]))] |= set(range(max(year(r["start"]), 1990), year(r["end"]) or 2026))
    promoted = []
    for r in rows:
        surname, key = r["surname"], fold(r["surname"])
        served = len(years[(key, fold(r["name"]))])
        if (r["role"] not in HEAD_ROLES or not ONE_WORD.fullmatch(surname) or surname in r["aliases"]
                or len(states[key]) > 1 or len(people[key]) > 1 or key in common_names_ or key in given or key in famous
                or key.upper() in TITLE_WORDS
                or served < KNOWN_AFTER_YEARS or bad(surname)):
            continue
        r["aliases"] = [*r["aliases"], surname]
        promoted.append(f"{r['code']} {surname}")
    return promoted


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--phoenix", help="path of Phoenix.Countries.actors.txt")
    src.add_argument("--phoenix-git", default="/work/.mirror/openeventdata+petrarch2/repo/.git",
                     help="git directory of a petrarch2 mirror (read with git show)")
    ap.add_argument("--phoenix-commit", default=PHOENIX_COMMIT)
    ap.add_argument("--out", default=str(ACTORS / "leaders.csv"))
    ap.add_argument("--log", help="write the list of dropped forms here")
    ap.add_argument("--words", default="/usr/share/dict/american-english", help="word list (Debian wamerican)")
    ap.add_argument("--census", help="folder of dist.all.last and dist.*.first (default: the installed names package)")
    args = ap.parse_args()
    census = Path(args.census) if args.census else names_package_dir()
    if not Path(args.words).is_file() or not (census / "dist.all.last").is_file():
        raise SystemExit("derive_leaders: needs the word list (apt-get install wamerican) and the Census "
                         "name lists (pip install names==0.3.0), or --words/--census")
    rows, log = derive(read_phoenix(args))
    gz, _ = gazetteer_names()
    promoted = promote_surnames(rows, common_names(Path(args.words), census),
                                lambda text: any(v in gz["names"] or v in gz["rules"] for v in gz["variants"](text)))
    log += [f"surname stands alone: {p}" for p in promoted]
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for r in rows:
            w.writerow([r["code"], r["name"], "|".join(r["aliases"]), r["role"], r["start"], r["end"] or "",
                        r["surname"]])
    if args.log:
        Path(args.log).write_text("\n".join(log) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {args.out} ({len(log)} forms dropped)", file=sys.stderr)


def names_package_dir() -> Path:
    """The data folder of the ``names`` package (Census name lists), if installed."""
    try:
        import names  # noqa: PLC0415
    except ImportError:
        return Path("/nonexistent")
    return Path(names.__file__).parent


if __name__ == "__main__":
    main()
