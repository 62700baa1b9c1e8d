"""Actors a noun phrase names through its modifiers, its examples or a title given before:
"RUSSIAN experts", "Iran's program", "countries such as France", "US envoy Jan Smit ... Smit"."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import MODIFIER_DEPS, Arg, pobjs


class PhraseModifiers:
    """The actors of a phrase's modifiers and examples, and of people named before with a title."""

    def _titled_person(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """A person named before with a title and a state ("US Special Envoy Jan Smit ...
        Smit"): the state, when one only; a private person ("a Russian businessman") is none."""
        if not hasattr(self, "_titled"):
            self._titled: dict[str, list[tuple[int, str]]] = {}
            titles = self.lex.cue("person_titles")
            for name in self.doc:
                if name.pos_ != "PROPN" or name.dep_ == "compound" or name.i in self.actor_at:
                    continue
                before = self.doc[name.left_edge.i:name.i]
                if any(t.lemma_.lower() in titles for t in before):
                    states = {self.actor_at[t.i] for t in before if t.i in self.actor_at and self.kind_at[t.i] != "ORG"}
                    if len(states) == 1:
                        self._titled.setdefault(name.text, []).append((name.i, states.pop()))
        earlier = [state for i, state in self._titled.get(token.text, ()) if i < token.i]
        return [Arg(earlier[-1], token, "coref")] if earlier and earlier[-1] not in exclude else []

    def titled_states(self, start: int, end: int) -> set[str]:
        """States of the people named by title before and by name alone between ``start`` and ``end``."""
        return {a.actor for t in self.doc[start:end] if t.pos_ == "PROPN" and t.i not in self.actor_at
                for a in self._titled_person(t, frozenset())}

    def examples(self, token: Token, exclude: frozenset[str] = frozenset()) -> list[Arg]:
        """The actors a phrase names by example ("US adversaries including Iran, Russia",
        "Western countries such as France"): they, not its modifiers, are the party."""
        found: list[Arg] = []
        for prep in token.children:
            words = {prep.lower_} | {f"{c.lower_} {prep.lower_}" for c in prep.children if c.dep_ in ("amod", "advmod")}
            if prep.dep_ == "prep" and words & self.lex.cue("example_preps"):
                found += [a for o in pobjs(prep) for a in self.np_actors(o, exclude)]
        return found

    def modifier_actors(self, token: Token, exclude: frozenset[str] = frozenset(), depth: int = 0) -> list[Arg]:
        """Actors named by demonym, compound, possessive or nominal modifiers; none for one
        who no longer holds the post ("FORMER Libyan army general Hifter")."""
        args: list[Arg] = []
        if any(c.dep_ == "amod" and c.lower_ in self.lex.cue("former_modifiers") for c in token.children):
            return args
        for mod in token.children:
            if mod.dep_ not in MODIFIER_DEPS:
                continue
            if mod.i in self.actor_at:
                if self.actor_at.get(token.i) == self.actor_at[mod.i]:
                    continue  # "SOUTH Africa's": the rest of the name the modifier already gave
                args.append(Arg(self.actor_at[mod.i], mod, "mod"))
                args += [Arg(self.actor_at[c.i], c, "mod") for c in mod.conjuncts if c.i in self.actor_at]
                if depth < 2:  # "Russia-U.S. talks": Russia modifies U.S.
                    args += self.modifier_actors(mod, exclude, depth + 1)
            elif mod.dep_ == "poss" and (mod.pos_ == "PRON" or mod.tag_ == "WP$" or mod.lower_ in ("other", "another")
                                         or mod.lemma_.lower() in self.lex.cue("group_nouns")):  # "each OTHER's"
                via = "each" if mod.lower_ in ("other", "another") else "mod"  # each other's: every party in turn
                args += [Arg(a.actor, mod, via) for a in self._own_actors(mod, exclude)]
            elif depth < 2 and mod.lemma_.lower() not in self.lex.cue("private_heads") and not (mod.tag_ == "VBN" and (  # not
                    mod.lemma_.lower() in self.lex.cue("backing_verbs") | self.lex.cue("brokering_verbs"))):  # "Kremlin critic
                # Navalny", "Moscow-BACKED X", "a Qatar-BROKERED deal" (the broker is no party)
                args += self.modifier_actors(mod, exclude, depth + 1)
        return args
