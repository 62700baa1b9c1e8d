#!/usr/bin/env python3
"""Derive ``ontology/cameo-triggers.toml`` from PETRARCH2's CAMEO verb dictionary.

Source: github.com/openeventdata/petrarch2, ``petrarch2/data/dictionaries/CAMEO.2.0.txt``
(MIT licence, Open Event Data Alliance), read from a local git mirror, never the network:

    python ontology/scripts/derive_cameo_triggers.py \
        --repo /work/.mirror/openeventdata+petrarch2/repo/.git [--rev HEAD]

The dictionary (see PETRreader.read_verb_dictionary) is, after the synonym sets,
a series of verb blocks:

    ---  INVADE   [192]  ---          block header: name and default code ([---]: none)
    INVADE                            a verb of the block (upper-case base form)
    OCCUPY {OCCUPYING OCCUPIED ...}   irregular forms in braces (ignored here: we match lemmas)
    ASK [020]                         a verb with its own code
    +CALL_OFF [160]                   a compound verb: '+' marks the verb, '_' joins the words
    - * (TO)        [042:043] # RUSH  a pattern: '*' the verb, (..) a prepositional phrase,
                                      {..} a multiword noun phrase, &SET a synonym set,
                                      '+' the source, '$' the target, after '#' the verb it came from

Codes "a:b" code the source's event (a) and the target's reply (b); "a:a" is mutual
(fighting each other), ":b" codes only the target's reaction ("X shocked Y").

Kept: single verbs with a code (their own or their block's), compound verbs
verb+particle ("call off"), and patterns whose only element after the verb is one
preposition ("- * (AT)") or one particle ("- * OFF"), as lemma phrases. Everything
else (noun-object patterns, verbs with words before them) is left out: the
extractor finds noun triggers itself and matches phrases from their first word.

Each CAMEO code goes through the table CAMEO_TO_LABEL below: CAMEO -> PLOVER ->
the 13 labels of relations.md. Codes with no clean state-to-state relation map
to nothing. The output groups lemmas by CAMEO code, with the argument rules of
the label (ARGUMENT_RULES), in the [[trigger]] format of triggers.toml.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

DICTIONARY = "petrarch2/data/dictionaries/CAMEO.2.0.txt"
DEFAULT_REPO = "/work/.mirror/openeventdata+petrarch2/repo/.git"
OUT = Path(__file__).resolve().parent.parent / "cameo-triggers.toml"

# ----------------------------------------------------------------------------------------
# CAMEO code -> (label, hypothetical).  Looked up longest prefix first, so "0233" falls
# back to "023", then "02".  None: no state-to-state relation of relations.md.
# PLOVER names in comments; alignment of relations.md: SUPPLY = PLOVER AID (military/
# economic goods), ALLY = PLOVER COOPERATE, OPPOSE = ACCUSE + REJECT + PROTEST,
# ATTACK/CONFLICT = ASSAULT.
# ----------------------------------------------------------------------------------------
CAMEO_TO_LABEL: dict[str, tuple[str, bool] | None] = {
    # 01 make public statement: comment, deny, sympathise ... no relation between two states
    "01": None,
    # 02 appeal -> PLOVER REQUEST: an appeal to a state is a REQUEST to it
    "02": ("REQUEST", False),
    # 024 appeal for political reform (leadership change, rights): mostly domestic addressees
    "024": None,
    # 03 express intent to cooperate -> PLOVER AGREE (intent); our labels, hypothetical.
    # 030 (intend, offer, pledge, promise, prepare) is only the intent: those verbs are
    # modality cues of cues.toml ("pledged to supply" makes the supply hypothetical); as
    # triggers they would turn "vowed to retaliate" into cooperation.
    "030": None,
    "031": ("COOPERATE", True),   # intent to engage in material cooperation
    "032": ("SUPPORT", True),     # intent to diplomatic cooperation (policy support)
    "033": ("AID", True),         # intent to provide aid
    "034": None,                  # intent to institute political reform: domestic
    "035": None,                  # intent to yield (ease sanctions, release): no label
    "036": ("CONSULT", True),     # intent to meet or negotiate
    "037": None,                  # intent to settle dispute: no label of its own
    "038": None,                  # accept mediation: no label
    "039": ("AID", True),         # intent to mediate: a mediator AIDs each party (relations.md)
    # 04 consult -> PLOVER CONSULT
    "04": ("CONSULT", False),
    "045": ("AID", False),        # mediate: relations.md "Mediation" gives AID to each party
    # 05 engage in diplomatic cooperation
    "050": ("COOPERATE", False),  # generic diplomatic cooperation (collaborate, coordinate)
    "051": ("SUPPORT", False),    # praise or endorse -> PLOVER SUPPORT
    "052": ("SUPPORT", False),    # defend verbally
    "053": ("SUPPORT", False),    # rally support on behalf of
    "054": ("SUPPORT", False),    # grant diplomatic recognition
    "055": None,                  # apologise -> PLOVER CONCEDE: no label
    "056": None,                  # forgive -> PLOVER CONCEDE: no label
    "057": ("AGREE", False),      # sign formal agreement -> PLOVER AGREE
    # 06 engage in material cooperation -> PLOVER COOPERATE
    "06": ("COOPERATE", False),
    "063": None,                  # judicial cooperation (extradite): about persons
    # 07 provide aid -> PLOVER AID
    "07": ("AID", False),
    "072": ("SUPPLY", False),     # military aid: a transfer of arms (SUPPLY = PLOVER AID, military)
    "075": None,                  # grant asylum: to persons
    # 08 yield -> PLOVER CONCEDE/RETREAT (ease sanctions, release, retreat): no label
    "08": None,
    # 09 investigate: no relation
    "09": None,
    # 10 demand -> PLOVER REQUEST (relations.md: demanding that a state act is REQUEST)
    "10": ("REQUEST", False),
    "104": None,                  # demand political reform: domestic addressees
    # 11 disapprove, criticise, accuse -> PLOVER ACCUSE -> OPPOSE
    "11": ("OPPOSE", False),
    "116": None,                  # find guilty or liable (courts): not a state's act toward a state
    # 12 reject -> PLOVER REJECT -> OPPOSE ("rejecting another state's proposal is OPPOSE")
    "12": ("OPPOSE", False),
    # 13 threaten -> PLOVER THREATEN
    "13": ("THREATEN", False),
    # 14 protest -> PLOVER PROTEST -> OPPOSE for the generic protest (140); demonstrations,
    # hunger strikes, boycotts, blockades by crowds and riots (141-145) are civil actions
    "140": ("OPPOSE", False),
    "14": None,
    # 15 exhibit force posture -> PLOVER MOBILIZE: no label (a display of force is no attack)
    "15": None,
    # 16 reduce relations -> PLOVER SANCTION (reduce or break relations, cut aid, embargo,
    # halt negotiations, expel peacekeepers or inspectors)
    "16": ("SANCTION", False),
    # 17 coerce -> PLOVER COERCE
    "170": None,                  # generic coercion (impose, punish, suppress): mostly domestic
    "171": ("SANCTION", False),   # seize or damage property: "seizing assets" is SANCTION
    "1712": ("ATTACK", False),    # destroy property: violence against the target
    "172": None,                  # curfews, martial law, bans on parties: domestic
    "173": None,                  # arrest, detain, charge: persons
    "174": None,                  # expel or deport individuals: persons (envoys: triggers.toml)
    "175": None,                  # repression: domestic
    "176": ("ATTACK", False),     # cyber attack
    # 18 unconventional violence -> PLOVER ASSAULT -> ATTACK
    "18": ("ATTACK", False),
    "181": None,                  # abduct, take hostage: persons
    "182": None,                  # physically assault, rape, torture: persons
    "184": None,                  # human shields: no direction between two states
    # 19 fight -> PLOVER ASSAULT -> ATTACK (one side); mutual codes "19x:19x" -> CONFLICT
    "19": ("ATTACK", False),
    # 20 unconventional mass violence -> PLOVER ASSAULT -> ATTACK
    "20": ("ATTACK", False),
}

#: The directional codes: "a:b" is a's act toward b and b's reply; equal halves of an
#: assault code are two sides fighting each other.
MUTUAL_LABEL = {"ATTACK": "CONFLICT"}

#: CAMEO codes after which the verb is written from the other side: the host of a visit
INVERSE_CODES = {"043": "042"}

# Argument rules per label (the fields of triggers.toml), as the hand-written groups
# of the same label use them.
ARGUMENT_RULES: dict[str, dict] = {
    "COOPERATE": {"object_preps": ["with", "between", "alongside"]},
    "AGREE": {"object_preps": ["with", "between"]},
    "ALLY": {"object_preps": ["of", "with", "between"]},
    "CONSULT": {"object_preps": ["with", "between"], "verb_object_preps": ["with"]},
    "SUPPLY": {"object_preps": ["to", "for"], "agent_preps": ["from", "by"], "goods_origin": True,
               "beneficiary_asks": True, "money_is_aid": True},
    "AID": {"object_preps": ["to", "for"], "verb_object_preps": ["to", "for", "between"],
            "agent_preps": ["from", "by"], "beneficiary_asks": True},
    "REQUEST": {"object_preps": ["to", "on"], "agent_preps": ["by", "from"],
                "verb_object_preps": ["from", "to", "on"], "asks_for": True},
    "SUPPORT": {"object_preps": ["for", "of"], "agent_preps": ["from", "by"]},
    # "at" for the derived verbs of scorn ("scoffed at", "lashed out at")
    "OPPOSE": {"object_preps": ["to", "against", "of", "between", "with", "at"], "agent_preps": ["from", "by"],
               "content_target": True},
    "THREATEN": {"object_preps": ["to", "against"], "agent_preps": ["from", "by"],
                 "complement_preps": ["against", "on", "at", "into"]},
    "SANCTION": {"object_preps": ["on", "against", "with", "to"], "agent_preps": ["from", "by"]},
    "ATTACK": {"object_preps": ["on", "against", "of", "in", "into", "at"], "agent_preps": ["by", "from"]},
    "CONFLICT": {"object_preps": ["with", "against", "between", "from"]},
}
#: a visit is written visitor -> host (042); hosting is the inverse (043)
VISIT_RULES = {"object_preps": ["to", "in"], "agent_preps": ["by"]}
HOST_RULES = {"inverse": True, "object_preps": []}

#: words after the verb that make a verb+particle phrase ("- * OFF", "+CALL_OFF")
PARTICLES = {"UP", "DOWN", "OFF", "OUT", "BACK", "AWAY", "IN", "ON", "OVER", "FORWARD", "AROUND", "ASIDE"}
#: prepositions of one-word prepositional patterns ("- * (AT)")
PREPOSITIONS = {"AT", "ON", "UPON", "AGAINST", "INTO", "WITH", "TO", "FOR", "FROM", "BETWEEN", "OVER",
                "TOWARD", "TOWARDS", "BEHIND", "ALONGSIDE", "OFF", "IN", "OF", "ABOUT", "AFTER", "UP", "BY"}

CAMEO_NAMES = {  # CAMEO 1.1b3 event names, for the comments of the output
    "020": "appeal", "021": "appeal for material cooperation", "022": "appeal for diplomatic cooperation",
    "023": "appeal for aid", "025": "appeal to yield", "026": "appeal to meet or negotiate",
    "027": "appeal to settle dispute", "028": "appeal to engage in or accept mediation",
    "031": "express intent to engage in material cooperation", "032": "express intent to provide diplomatic cooperation",
    "033": "express intent to provide material aid", "036": "express intent to meet or negotiate",
    "039": "express intent to mediate",
    "040": "consult", "041": "discuss by telephone", "042": "make a visit", "043": "host a visit",
    "044": "meet at a third location", "045": "mediate", "046": "engage in negotiation",
    "050": "engage in diplomatic cooperation", "051": "praise or endorse", "052": "defend verbally",
    "053": "rally support on behalf of", "054": "grant diplomatic recognition", "057": "sign formal agreement",
    "060": "engage in material cooperation", "061": "cooperate economically", "062": "cooperate militarily",
    "064": "share intelligence or information",
    "070": "provide aid", "071": "provide economic aid", "072": "provide military aid",
    "073": "provide humanitarian aid", "074": "provide military protection or peacekeeping",
    "100": "demand", "110": "disapprove", "111": "criticize or denounce", "112": "accuse",
    "113": "rally opposition against", "114": "complain officially", "115": "bring lawsuit against",
    "120": "reject", "121": "reject material cooperation", "122": "reject request for aid",
    "123": "reject request to change leadership", "124": "refuse to yield", "125": "reject proposal to meet",
    "126": "reject mediation", "127": "reject plan or agreement", "128": "defy norms, law", "129": "veto",
    "130": "threaten", "131": "threaten non-force", "132": "threaten with administrative sanctions",
    "133": "threaten political dissent", "134": "threaten to halt negotiations",
    "135": "threaten to halt mediation", "136": "threaten to halt international involvement",
    "137": "threaten with repression", "138": "threaten to use military force", "139": "give ultimatum",
    "140": "engage in political dissent",
    "160": "reduce relations", "161": "reduce or break diplomatic relations", "162": "reduce or stop aid",
    "163": "impose embargo, boycott, or sanctions", "164": "halt negotiations", "165": "halt mediation",
    "166": "expel or withdraw",
    "171": "seize or damage property", "1711": "confiscate property", "1712": "destroy property",
    "176": "conduct cyber attack",
    "180": "use unconventional violence", "183": "conduct suicide, car, or other non-military bombing",
    "185": "attempt to assassinate", "186": "assassinate",
    "190": "use conventional military force", "191": "impose blockade, restrict movement",
    "192": "occupy territory", "193": "fight with small arms and light weapons",
    "194": "fight with artillery and tanks", "195": "employ aerial weapons", "196": "violate ceasefire",
    "200": "use unconventional mass violence", "201": "engage in mass expulsion", "202": "engage in mass killings",
    "203": "engage in ethnic cleansing", "204": "use weapons of mass destruction",
}


def label_of(code: str) -> tuple[str, bool] | None:
    """The label of a CAMEO code by the longest prefix of CAMEO_TO_LABEL."""
    for n in range(len(code), 1, -1):
        if code[:n] in CAMEO_TO_LABEL:
            return CAMEO_TO_LABEL[code[:n]]
    return None


def read_dictionary(repo: str, rev: str) -> tuple[str, str]:
    commit = subprocess.run(["git", "-C", repo, "rev-parse", rev], check=True, capture_output=True,
                            text=True).stdout.strip()
    text = subprocess.run(["git", "-C", repo, "show", f"{commit}:{DICTIONARY}"], check=True,
                          capture_output=True, text=True).stdout
    return commit, text


CODE = re.compile(r"\[([^\]]*)\]")


def parse(text: str) -> list[tuple[tuple[str, ...], str, str]]:
    """(lemma words, code, origin) of every single verb, compound verb and simple
    verb+preposition/particle pattern of the verb blocks."""
    entries: list[tuple[tuple[str, ...], str, str]] = []
    in_verbs = False
    block, block_code, block_verbs = "", "---", set()
    for raw in text.splitlines():
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        line = raw.strip()
        if not in_verbs or not line or line.startswith("#") or line.startswith("<!"):
            continue
        if line.startswith("---"):
            block = line.strip("- ").split()[0]
            found = CODE.search(line)
            block_code = found.group(1) if found else "---"
            block_verbs = set()
            continue
        if line.startswith("-"):  # a pattern
            body, _, comment = line[1:].partition("#")
            found = CODE.search(body)
            if not found or "*" not in body:
                continue
            code = found.group(1)
            before, _, after = body[:found.start()].partition("*")
            verb = comment.split()[0] if comment.split() else ""
            after_words = after.split()
            if before.strip() or len(after_words) != 1 or verb not in block_verbs:
                continue
            word = after_words[0].strip("()")
            bracketed = after_words[0].startswith("(")
            if (bracketed and word in PREPOSITIONS) or (not bracketed and word in PARTICLES):
                entries.append(((verb.lower(), word.lower()), code, f"{block} pattern '* {after_words[0]}'"))
            continue
        # a verb of the block
        body = line.split("#")[0]
        found = CODE.search(body)
        code = found.group(1) if found else block_code
        body = re.sub(r"\{[^}]*\}", " ", CODE.sub(" ", body)).split()
        if not body:
            continue
        stem = body[0]
        if "_" in stem:
            if "+" not in stem:
                continue
            front, _, rest = stem.partition("+")
            words = rest.split("_")
            block_verbs.add(words[0])
            if front.strip("_") or len(words) != 2 or words[1] not in PARTICLES | PREPOSITIONS:
                continue  # words before the verb, or a longer idiom: left out
            entries.append((tuple(w.lower() for w in words), code, f"{block} compound"))
        else:
            block_verbs.add(stem)
            entries.append(((stem.lower(),), code, f"{block} verb"))
    return entries


def derive(entries):
    """Group lemmas by (label, CAMEO code, rules): {key: {"verbs": {...}, "phrases": {...}}}."""
    groups: dict[tuple, dict] = defaultdict(lambda: {"verbs": {}, "phrases": {}})
    skipped = defaultdict(set)
    for words, code, origin in entries:
        first, _, second = code.partition(":")
        if not first.isdigit():
            skipped["no code or only the target's reaction"].add(" ".join(words))
            continue
        mapped = label_of(first)
        if mapped is None:
            skipped[f"CAMEO {first[:3]} maps to nothing"].add(" ".join(words))
            continue
        label, hypothetical = mapped
        if second and second == first and label in MUTUAL_LABEL:
            label = MUTUAL_LABEL[label]
        key = (label, first, hypothetical)
        kind = "verbs" if len(words) == 1 else "phrases"
        groups[key][kind].setdefault(words, origin)
    return groups, skipped


def rules_for(label: str, code: str) -> dict:
    if code in INVERSE_CODES:
        return HOST_RULES
    if code.startswith("042"):
        return VISIT_RULES
    return ARGUMENT_RULES[label]


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "[" + ", ".join(toml_value(v) for v in value) + "]"


def render(groups, commit: str, repo: str) -> str:
    out = [
        "# GENERATED FILE: do not edit; curate in ontology/cameo-curation.toml.",
        "# Trigger lemmas derived from the CAMEO verb dictionary of PETRARCH2:",
        f"#   source  https://github.com/openeventdata/petrarch2 {DICTIONARY}",
        f"#   commit  {commit}",
        "#   licence MIT (c) 2015 Open Event Data Alliance",
        "# Regenerate with:",
        f"#   python ontology/scripts/derive_cameo_triggers.py --repo {repo}",
        "# Format of ontology/triggers.toml; `cameo` records the CAMEO code of the group's lemmas.",
        "# The loader (kg/lexicon.py) drops lemmas that triggers.toml defines and those the curation excludes.",
        "",
    ]
    order = list(ARGUMENT_RULES)
    for (label, code, hypothetical), members in sorted(groups.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1])):
        out.append("[[trigger]]")
        out.append(f"# CAMEO {code}: {CAMEO_NAMES.get(code, CAMEO_NAMES.get(code[:3], '?'))}")
        out.append(f"relation = {toml_value(label)}")
        out.append(f"cameo = {toml_value(code)}")
        if hypothetical:
            out.append("hypothetical = true")
        for field, value in rules_for(label, code).items():
            out.append(f"{field} = {toml_value(value)}")
        verbs = sorted(w[0] for w in members["verbs"])
        if verbs:
            out.append("verbs = [")
            out += [f"  {toml_value(v)},  # {members['verbs'][(v,)]}" for v in verbs]
            out.append("]")
        phrases = sorted(members["phrases"])
        if phrases:
            out.append("phrases = [")
            out += [f"  {toml_value(list(p))},  # {members['phrases'][p]}" for p in phrases]
            out.append("]")
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", default=DEFAULT_REPO, help="git directory of a petrarch2 mirror")
    parser.add_argument("--rev", default="HEAD")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--summary", action="store_true", help="print lemma counts per label and the skipped codes")
    args = parser.parse_args(argv)
    commit, text = read_dictionary(args.repo, args.rev)
    groups, skipped = derive(parse(text))
    args.out.write_text(render(groups, commit, args.repo), encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for (label, _, _), members in groups.items():
        counts[label] += len(members["verbs"]) + len(members["phrases"])
    print(f"{args.out}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), file=sys.stderr)
    if args.summary:
        for reason, words in sorted(skipped.items()):
            print(f"skipped ({reason}): {len(words)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
