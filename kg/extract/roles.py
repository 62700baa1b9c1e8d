"""Who does what to whom: the actors a trigger's dependency arguments name.

An :class:`ActorContext` wraps one parsed ``Doc`` whose actor mentions are in
``doc.spans["actors"]`` (see :mod:`kg.nlp.actors`). It answers three questions:

* which actors a noun phrase names (:meth:`ActorContext.np_actors`): the
  mention itself, a demonym or possessor modifying it ("Russian experts",
  "Iran's program"), an agentive of-phrase ("the government of Iran"), a
  pronoun or "the two countries" resolved within the passage, and conjuncts;
* who the subject of a verb is (:meth:`ActorContext.subjects`), inherited
  through control and participial clauses when the verb has none of its own;
* which verb governs a noun ("held talks", "came to Russia's aid"), so that a
  nominal trigger without its own subject takes its clause's.
"""
from __future__ import annotations

import csv
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from spacy.tokens import Doc, Token

from kg.errors import KgError
from kg.knowledge.gazetteer import DATA_DIR
from kg.knowledge.lexicon import Lexicon
from kg.knowledge.names import split_cell

#: ``doc.user_data`` key of actor mentions from sentences not parsed: (char offset, actor, kind)
PRIOR_MENTIONS = "kg_prior_mentions"

MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
GROUP_SIZES = {"two": 2, "both": 2, "three": 3, "four": 4}
ANTECEDENT_KINDS = frozenset({"NAME", "CAPITAL", "INSTITUTION", "LEADER", "DEMONYM_BODY"})
#: the kind given to a demonym that modifies an agentive head ("the Israeli military",
#: "the Egyptian Foreign Ministry"): the phrase names the state, so "it" may refer to it
DEMONYM_BODY = "DEMONYM_BODY"


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
            out.setdefault(row["noun"].strip(), []).append(Description((row["modifier"] or "").strip(), actors, pair))
    return out


@dataclass(frozen=True, slots=True)
class Arg:
    """An actor named by a token: ``via`` is "head" when the phrase is the
    actor itself, "mod" when a modifier names it, "coref" when resolved."""

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
    return next((c for c in token.children if c.dep_ in deps), None)


def pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition (or of a verb-like 'according', 'including')."""
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp", "dobj")]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


class ActorContext:
    """Actor mentions of one ``Doc`` and the resolution of phrases to actors."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        self.actor_at: dict[int, str] = {}
        self.kind_at: dict[int, str] = {}
        self.mention_starts: list[tuple[float, str, str]] = []  # (token index, actor, mention kind)
        for span in sorted(doc.spans.get("actors", []), key=lambda s: s.start):
            for token in span:
                self.actor_at[token.i] = span.kb_id_
                self.kind_at[token.i] = span.label_
            kind = span.label_
            if kind == "DEMONYM" and span.root.dep_ in ("amod", "compound") \
                    and span.root.head.lemma_.lower() in lexicon.cue("agentive_heads"):
                kind = DEMONYM_BODY
            self.mention_starts.append((span.start, span.kb_id_, kind))
        prior = doc.user_data.get(PRIOR_MENTIONS, ()) if doc.user_data else ()
        if prior:  # actors of sentences the selection skipped, placed just before the next kept token
            starts = [t.idx for t in doc]
            self.mention_starts += [(bisect_left(starts, char) - 0.5, actor, kind) for char, actor, kind in prior]
            self.mention_starts.sort(key=lambda m: m[0])

    # -- mentions -----------------------------------------------------------------

    def actors_in(self, start: int, end: int) -> set[str]:
        return {a for i, a, _ in self.mention_starts if start <= i < end}

    def is_state_mention(self, kind: str) -> bool:
        return kind != "ORG"

    def preceding_states(self, before: int, kinds: frozenset[str] | None = None) -> list[str]:
        """States named before token ``before``, nearest first, each once;
        ``kinds`` limits the mention kinds that count."""
        seen: list[str] = []
        for i, actor, kind in reversed(self.mention_starts):
            if i < before and self.is_state_mention(kind) and actor not in seen and (kinds is None or kind in kinds):
                seen.append(actor)
        return seen

    # -- noun phrases -------------------------------------------------------------

    def np_actors(self, token: Token, exclude: frozenset[str] = frozenset(), conjuncts: bool = True) -> list[Arg]:
        """Actors a noun phrase headed by ``token`` names, with its conjuncts."""
        args = self._own_actors(token, exclude)
        if conjuncts:
            for conj in token.children:
                if conj.dep_ == "conj" or (conj.dep_ == "appos" and not args):
                    args += self.np_actors(conj, exclude)
        return unique(args)

    def _own_actors(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        if token.i in self.actor_at:
            return [Arg(self.actor_at[token.i], token, "head")]
        lemma, lower = token.lemma_.lower(), token.lower_
        cue = self.lex.cue
        if token.pos_ == "PRON":
            if lower in cue("pronouns"):
                return self._resolve_pronoun(token, exclude)
            if lower in cue("person_pronouns"):
                return self._resolve_person(token)
            if lower in cue("relative_pronouns"):
                return self._resolve_relative(token, exclude)
            if lower in cue("plural_pronouns"):
                return self._resolve_reporters(token, exclude)
            return []
        if token.tag_ == "WP$":  # "Orban, WHOSE government": the noun the clause modifies
            return self._resolve_relative(token, exclude)
        group = self._resolve_group(token)
        if group is not None:
            return group
        if lemma in cue("private_heads"):
            return []  # "the Indian cricket team" is no state
        reciprocal = self._resolve_reciprocal(token)
        if reciprocal is not None:
            return reciprocal
        if lemma in cue("relational_nouns") and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
            return self._resolve_relational(token, exclude)
        examples = self._examples(token, exclude)
        if examples:
            return examples
        args = self.modifier_actors(token, exclude)
        if not args and (lemma in cue("singular_nouns") or lower in cue("singular_nouns")) and child(token, "det") is not None:
            described = self._resolve_description(token, exclude)
            if described is not None:
                return described
            previous = self._previous_subject(token, exclude)
            if previous:
                return previous
            states = [s for s in self.preceding_states(token.i) if s not in exclude]
            args = [Arg(states[0], token, "coref")] if states else []
        if not args and lemma in cue("agentive_heads") | cue("transparent_heads"):
            for prep in token.children:  # "the government of Iran", "leaders in New Delhi"
                if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "from"):  # "negotiators FROM Qatar"
                    args += [a for obj in pobjs(prep) for a in self.np_actors(obj, exclude)]
        return args

    def _examples(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """The actors a phrase names by example ("US adversaries including Iran, Russia",
        "Western countries such as France"): they, not its modifiers, are the party."""
        found: list[Arg] = []
        for prep in token.children:
            words = {prep.lower_} | {f"{c.lower_} {prep.lower_}" for c in prep.children if c.dep_ in ("amod", "advmod")}
            if prep.dep_ == "prep" and words & self.lex.cue("example_preps"):
                found += [a for o in pobjs(prep) for a in self.np_actors(o, exclude)]
        return found

    def modifier_actors(self, token: Token, exclude: frozenset[str] = frozenset(), depth: int = 0) -> list[Arg]:
        """Actors named by demonym, compound, possessive or nominal modifiers."""
        args: list[Arg] = []
        for mod in token.children:
            if mod.dep_ not in MODIFIER_DEPS:
                continue
            if mod.i in self.actor_at:
                args.append(Arg(self.actor_at[mod.i], mod, "mod"))
                args += [Arg(self.actor_at[c.i], c, "mod") for c in mod.conjuncts if c.i in self.actor_at]
                if depth < 2:  # "Russia-U.S. talks": Russia modifies U.S.
                    args += self.modifier_actors(mod, exclude, depth + 1)
            elif mod.dep_ == "poss" and (mod.pos_ == "PRON" or mod.tag_ == "WP$"
                                         or mod.lemma_.lower() in self.lex.cue("group_nouns")):
                args += [Arg(a.actor, mod, "mod") for a in self._own_actors(mod, exclude)]
            elif depth < 2 and mod.lemma_.lower() not in self.lex.cue("private_heads"):
                args += self.modifier_actors(mod, exclude, depth + 1)  # not "Kremlin critic Navalny"
        return args

    def _resolve_pronoun(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """'it', 'its': the nearest state named as a noun phrase (a demonym
        modifier like "Russian oil" is no antecedent)."""
        fronted = self._fronted_subject(token, exclude)
        if fronted:
            return fronted
        previous = self._previous_subject(token, exclude)
        if previous:
            return previous
        states = [s for s in self.preceding_states(token.i, ANTECEDENT_KINDS) if s not in exclude]
        return [Arg(states[0], token, "coref")] if states else []

    def _previous_subject(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """The subject of a sentence ("It warned ...", "The country said ...") stands for
        the previous sentence's subject when that names one state, not the nearest state
        named before; never a state the pronoun's own sentence names (the other party)."""
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.i != token.sent.root.i or token.sent.start == 0:
            return []
        before = self.doc[token.sent.start - 1].sent
        subject = child(before.root, "nsubj", "nsubjpass")
        if subject is None or subject.lower_ in self.lex.cue("pronouns"):
            return []
        own = self.actors_in(token.sent.start, token.sent.end)
        states = {a.actor for a in self.np_actors(subject, exclude)}
        if len(states) != 1 or states & own or not any(s in states for s in self.preceding_states(token.i)):
            return []
        return [Arg(next(iter(states)), token, "coref")]

    def _fronted_subject(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """A pronoun in a phrase fronted before its sentence's subject stands for
        that subject: "After ITS invasion of Ukraine, Russia faced sanctions"."""
        root = token.sent.root
        top = token
        while top.head.i != top.i and top.head.i != root.i:
            top = top.head
        if top.head.i != root.i or top.dep_ not in ("prep", "advcl", "npadvmod") or top.i > root.i:
            return []
        subject = child(root, "nsubj", "nsubjpass")
        if subject is None or subject.i < token.i or subject.lower_ in self.lex.cue("pronouns"):
            return []
        return [Arg(a.actor, token, "coref") for a in self.np_actors(subject, exclude)]

    def _resolve_reporters(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """'they' as the subject of a clause that conjoined states report:
        "Chile and Peru say THEY are severing ties" stands for both."""
        clause = token.head
        if token.dep_ != "nsubj" or clause.dep_ != "ccomp":
            return []
        subject = child(clause.head, "nsubj")
        if subject is None or subject.pos_ == "PRON":
            return []
        states = self.np_actors(subject, exclude)
        return [Arg(a.actor, token, "coref") for a in states] if len(states) >= 2 else []

    def _resolve_person(self, token: Token) -> list[Arg]:
        for i, actor, kind in reversed(self.mention_starts):
            if i < token.i and kind == "LEADER":
                return [Arg(actor, token, "coref")]
        return []

    def _resolve_relative(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """'which'/'that'/'who' stand for the noun their clause modifies."""
        clause = token
        while clause.dep_ not in ("relcl", "ROOT") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl":
            antecedent = clause.head
            if antecedent.dep_ == "attr":  # "Hungary is the only member that ..."
                subject = child(antecedent.head, "nsubj")
                if subject is not None:
                    return self.np_actors(subject, exclude)
            if any(c.dep_ == "conj" and c.i > clause.i for c in antecedent.children):
                # "Iran, which has supported Russia, and Saudi Arabia": the clause is Iran's alone
                return self.np_actors(antecedent, exclude, conjuncts=False)
            return self.np_actors(antecedent, exclude)
        for i in range(token.i - 1, max(token.i - 4, token.sent.start - 1), -1):
            prev = self.doc[i]
            if prev.pos_ in ("NOUN", "PROPN"):
                return self.np_actors(prev, exclude, conjuncts=False)
        return []

    def _resolve_description(self, token: Token, exclude: frozenset[str]) -> list[Arg] | None:
        """"the kingdom", "the Nordic country", "the North": the one state of the kinds
        ``ontology/actors/descriptions.csv`` gives the phrase that the passage names
        before it ([] when none or several); ``None`` when the phrase has no description."""
        rows = descriptions().get(token.text) or descriptions().get(token.lemma_.lower()) or []
        if not rows:
            return None
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
        fitting = [r for r in rows if r.modifier.lower() in modifiers] or [r for r in rows if not r.modifier]
        if not fitting:
            return None  # "the Arab country": only a plain noun, decided like "the country"
        everywhere = {a for _, a, k in self.mention_starts if self.is_state_mention(k)}
        found = [s for s in self.preceding_states(token.i) if s not in exclude
                 and any(s in r.actors and (not r.pair or r.pair in everywhere) for r in fitting)]
        if any(r.pair for r in fitting):  # "the North": its state need not be named, only its pair
            found = found or [a for r in fitting if r.pair in everywhere for a in r.actors if a not in exclude]
        found = list(dict.fromkeys(found))
        return [Arg(found[0], token, "coref")] if len(found) == 1 else []

    def _resolve_relational(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """"its neighbour", "its rival": the state the noun names itself ("its neighbour
        Eritrea"), else the nearest state named before that is not the possessor."""
        named = [a for a in self.modifier_actors(token, exclude) if a.token.dep_ != "poss"]
        if named:
            return named
        poss = child(token, "poss")
        owners = {a.actor for a in self._own_actors(poss, frozenset())} if poss is not None else set()
        states = [s for s in self.preceding_states(token.i, ANTECEDENT_KINDS) if s not in exclude and s not in owners]
        return [Arg(states[0], token, "coref")] if states and owners else []

    def _resolve_reciprocal(self, token: Token) -> list[Arg] | None:
        """"accused each other", "one another": the subjects of the clause, so that the
        relation runs between each pair both ways (a state toward itself is dropped)."""
        words = {" ".join(w.lower_ for w in sorted((token, c), key=lambda t: t.i)) for c in token.children if c.dep_ == "det"}
        if not words & self.lex.cue("reciprocal_phrases"):
            return None
        verb = token.head
        while verb.dep_ in ("prep", "pobj", "pcomp") and verb.head.i != verb.i:
            verb = verb.head
        subjects = self.subjects(verb) if verb.pos_ in ("VERB", "AUX") else []
        return [Arg(a.actor, token, "coref") for a in subjects] if len(subjects) >= 2 else []

    def _resolve_group(self, token: Token) -> list[Arg] | None:
        """'the two countries', 'both nations': the two states last named."""
        cue = self.lex.cue
        if token.lemma_.lower() not in cue("group_nouns") or token.tag_ not in ("NNS", "NNPS"):
            return None
        sizes = [GROUP_SIZES.get(c.lower_, 0) for c in token.children if c.lower_ in cue("group_determiners")]
        if not sizes and self._pair_between(token):
            sizes = [2]
        if not sizes:
            return None
        size = max(sizes)
        own = self._clause_subject_states(token)  # "Ankara said talks with the two countries": not Ankara
        states = self._foreground([s for s in self.preceding_states(token.i, ANTECEDENT_KINDS) if s not in own],
                                  token.i, size)[:size]  # named states before demonyms
        if len(states) < size:
            states = [s for s in self.preceding_states(token.i) if s not in own][:size]
        return [Arg(s, token, "coref") for s in states] if len(states) == size else []

    def _foreground(self, states: list[str], before: int, size: int) -> list[str]:
        """"Since Russia's invasion, Poland has been Ukraine's ally, but the two
        countries ...": the owner of an event after a time preposition is
        background, not one of the group, when enough others are named."""
        time_preps = self.lex.cue("time_preps")
        background: set[str] = set()
        named: set[str] = set()
        for i, actor, _ in self.mention_starts:
            if i >= before:
                break
            token = self.doc[int(i)] if i == int(i) else None
            while token is not None and token.dep_ == "compound" and token.head.i > token.i:
                token = token.head
            event = token.head if token is not None and token.dep_ == "poss" else None
            if event is not None and event.lemma_.lower() in self.lex.nouns and event.dep_ == "pobj" \
                    and event.head.lower_ in time_preps:
                background.add(actor)
            else:
                named.add(actor)
        kept = [s for s in states if s not in background - named]
        return kept if len(kept) >= size else states

    def _clause_subject_states(self, token: Token) -> set[str]:
        """States named as the subject of a clause the phrase is part of: the other
        side of "the two countries" in "Ankara held talks with the two countries"."""
        found: set[str] = set()
        if token.dep_ in SUBJECT_DEPS:  # "Jordan recalled its envoy since the two countries signed": Jordan is one
            return found
        current = token
        while current.dep_ != "conj" and current.head.i != current.i:  # a conjoined clause is another clause
            if current.dep_ == "prep" and current.head.pos_ in ("VERB", "AUX") \
                    and current.lower_ not in self.lex.cue("party_preps"):
                break  # an adjunct: "Chile recalled its envoy AMID tension between the two"
            current = current.head
            subject = child(current, "nsubj", "nsubjpass")
            if subject is not None and subject.i < token.i:  # named subjects only, nothing resolved
                found |= {self.actor_at[t.i] for t in (subject, *subject.conjuncts) if t.i in self.actor_at}
        return found

    @staticmethod
    def _pair_between(token: Token) -> bool:
        """"tension between THE NEIGHBOURS": a definite plural alone after 'between' is a pair."""
        det = child(token, "det")
        return token.dep_ == "pobj" and token.head.lower_ == "between" and det is not None and det.lower_ == "the" \
            and not any(c.dep_ in ("conj", "cc") for c in token.children)

    # -- clauses ------------------------------------------------------------------

    def subjects(self, verb: Token, depth: int = 0) -> list[Arg]:
        """The actors acting as subject of ``verb``, inherited when it has none."""
        if depth > 6:
            return []
        subject = child(verb, *SUBJECT_DEPS)
        if subject is not None:
            return self.np_actors(subject)
        agent = child(verb, "agent")
        if agent is not None:
            return [a for obj in pobjs(agent) for a in self.np_actors(obj)]
        if is_passive(verb):
            return []
        before = self._actor_before_gerund(verb)
        if before:
            return before
        return self._inherited_subjects(verb, depth)

    def _actor_before_gerund(self, verb: Token) -> list[Arg]:
        """"coincided with Iran seeking help": an actor right before a gerund is its subject."""
        if verb.tag_ != "VBG" or verb.i == 0:
            return []
        previous = self.doc[verb.i - 1]
        if previous.i in self.actor_at and previous.dep_ in ("pobj", "dobj") and previous.pos_ == "PROPN":
            return self.np_actors(previous, conjuncts=False)
        return []

    def _inherited_subjects(self, verb: Token, depth: int) -> list[Arg]:
        head, dep = verb.head, verb.dep_
        if head.i == verb.i:
            return []
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if (dep in ("xcomp", "ccomp") or (dep == "advcl" and infinitive)) \
                and head.lemma_ in self.lex.cue("object_control_verbs"):
            obj = child(head, "dobj")
            called_on = [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("on", "upon") for o in pobjs(p)]
            if obj is not None or called_on:  # "urged India to", "called on Washington to"
                return self.np_actors(obj) if obj is not None else [a for o in called_on for a in self.np_actors(o)]
        if dep in ("xcomp", "advcl") and is_passive(head):
            agent = child(head, "agent")  # "drones were used BY Russian forces to strike"
            if agent is not None:
                return [a for o in pobjs(agent) for a in self.np_actors(o)]
            if dep == "xcomp" and child(head, "nsubjpass") is not None:
                return self.np_actors(child(head, "nsubjpass"))  # "Iran is expected to retaliate"
        if dep in ("xcomp", "advcl", "conj", "oprd", "ccomp") and head.pos_ in ("VERB", "AUX"):
            return self.subjects(head, depth + 1)
        if dep == "xcomp" and head.pos_ == "ADJ" and head.head.pos_ in ("VERB", "AUX"):
            return self.subjects(head.head, depth + 1)  # "Russia is likely to retaliate"
        if dep == "amod" and verb.tag_ == "VBG":  # "halting Iran's program" parsed as a modifier
            governed = self.governing_verb(head)
            return self.subjects(governed[0], depth + 1) if governed else []
        if dep == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
            accused = child(head.head, "dobj")  # "accused North Korea OF shipping", "criticised X FOR signing"
            if accused is not None and head.lower_ in ("of", "for"):
                return self.np_actors(accused)
            return self.subjects(head.head, depth + 1)
        if dep == "acl" and not any(c.lower_ == "to" for c in verb.children):
            return self.np_actors(head)  # "a resolution condemning X": the resolution condemns
        if dep == "acl" and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
            return self.subjects(head.head, depth + 1)  # "has no Patriots to send": the haver sends
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN") and head.dep_ in SUBJECT_DEPS:
            return self.np_actors(head)
        return []

    def governing_verb(self, noun: Token) -> tuple[Token, str] | None:
        """The verb a noun is an argument of, with the preposition between
        them ('' when direct, '*' through the verb's object): ("held", "") for
        "held talks", ("came", "to") for "came to Russia's aid"."""
        dep, head = noun.dep_, noun.head
        if dep in ("dobj", "attr", "oprd", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            return head, ""
        if dep == "pobj" and head.pos_ == "VERB":  # "including the procurement", "following the attack"
            return head, ""
        if dep == "pobj" and head.dep_ == "prep":
            above = head.head
            if above.pos_ in ("VERB", "AUX"):
                return above, head.lower_
            if above.dep_ == "dobj" and above.head.pos_ in ("VERB", "AUX") and above.pos_ in NOMINAL:
                return above.head, "*"
            if head.lower_ == "of" and above.lemma_.lower() in self.lex.cue("background_heads") | self.lex.cue("transparent_heads"):
                return self.governing_verb(above)  # "has seen years of U.S. sanctions"
        return None
