"""Quarrels said of a relationship, and quarrels said to be over: "relations between X and Y were tense" (OPPOSE both
ways), "accepted a cessation of hostilities" (nothing, relations.md: relations that ended are background)."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, is_infinitive, pobjs, unique


class StrainRules:
    """Quarrels said of a relationship ("relations have soured between X and Y") and quarrels that ended."""

    def _strained_relation(self, token: Token) -> Token | None:
        """The relationship noun a strain word is said of: "STRAINED relations",
        "relations were TENSE", "ties have SOURED", "STRAINED relations between", "a TUMULTUOUS time in relations";
        None when it is said of none."""
        if token.lemma_.lower() not in self.lex.cue("strain_words") and token.lower_ not in self.lex.cue("strain_words"):
            return None
        nouns = self.lex.cue("relationship_nouns")
        if token.dep_ == "amod" and token.head.lemma_.lower() in nouns:
            return token.head
        if token.dep_ == "amod":  # "a TUMULTUOUS time IN Washington-Pretoria relations"
            return next((o for p in token.head.children if p.dep_ == "prep" and p.lower_ == "in"
                         for o in pobjs(p) if o.lemma_.lower() in nouns), None)
        if token.pos_ == "NOUN":  # "the DETERIORATION IN relations between X and Y", "a BLOW TO relations"
            return next((o for p in token.children if p.dep_ == "prep" and p.lower_ in ("in", "of", "to")
                         for o in pobjs(p) if o.lemma_.lower() in nouns), None)
        verb = token.head if token.dep_ in ("acomp", "oprd") else token
        if token.dep_ not in ("acomp", "oprd") and token.pos_ != "VERB":
            return None
        obj = child(token, "dobj") if token.pos_ == "VERB" else None
        if obj is not None and obj.lemma_.lower() in nouns:
            return obj  # "the incident has further STRAINED relations between X and Y"
        subject = child(verb, "nsubj", "nsubjpass")
        if subject is None and verb.dep_ == "xcomp":  # "relations ARE SAID to have soured", "seem to be tense"
            subject = child(verb.head, "nsubj", "nsubjpass")
        return subject if subject is not None and subject.lemma_.lower() in nouns else None

    @starts_on("strain_words")
    def _strain_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        """OPPOSE both ways between the two sides of a strained relationship:
        "between X and Y" on the noun or the predicate, "X's relations with Y", "X-Y relations"."""
        noun = self._strained_relation(token)
        if noun is None or any(c.dep_ == "amod" and c.lower_ in self.lex.cue("general_relation_modifiers")
                               for c in noun.children):
            return  # "further straining REGIONAL relations": no pair
        group = next(g for g in self.lex.nouns.get("tension", ()) if g.mutual)
        holders = [noun, token.head if token.dep_ in ("acomp", "oprd") else token]
        sides = [a for holder in holders for prep in holder.children if prep.dep_ == "prep" and prep.lower_ in ("between", "with")
                 for o in pobjs(prep) for a in ctx.np_actors(o)]
        owners = [a for c in noun.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
        owners += [a for a in ctx.modifier_actors(noun) if a.token.dep_ in ("compound", "amod", "nmod")]  # "Ethiopia-Eritrea relations"
        holder = self._relationship_holder(ctx, noun, token)
        if holder and sides and not owners:  # "GHANA HAS tense relations with Togo and Benin": Ghana with each
            yield Candidate(group, holders[1], holder, sides)
            return
        sides = unique(owners + sides)
        if len({a.actor for a in sides}) == 1 and holders[1].dep_ == "advcl":  # "AS relations with France deteriorate,
            sides += [a for a in ctx.subjects(holders[1].head) if a.actor != sides[0].actor]  # BURKINA FASO has ..."
        if not sides:  # "Abiy fostered an alliance with Isaias, but relations have since deteriorated": those two
            sides = self._pair_named(ctx, noun, noun.sent.start, noun.i) or self._sides_in_cause(ctx, holders[1])
        if not sides and noun.sent.start > 0 and not any(c.dep_ in ("poss", "amod", "compound", "prep") for c in noun.children):
            before = noun.doc[noun.sent.start - 1].sent  # "X expelled Y's envoys. RELATIONS BECAME STRAINED": those two
            sides = self._pair_named(ctx, noun, before.start, before.end)
        if len({a.actor for a in sides}) >= 2:
            yield Candidate(group, holders[1], sides, [], mutual=True)  # "were not tense": the verb carries the flags

    @staticmethod
    def _pair_named(ctx: ActorContext, noun: Token, start: int, end: int) -> list[Arg]:
        """The two states named between tokens ``start`` and ``end``, standing for ``noun``; none unless exactly two."""
        named = list(dict.fromkeys(a for i, a, k in ctx.mention_starts if start <= i < end and ctx.is_state_mention(k)))
        return [Arg(s, noun, "coref") for s in named] if len(named) == 2 else []

    def _relationship_holder(self, ctx: ActorContext, noun: Token, strain: Token) -> list[Arg]:
        """The subject of a verb that holds the strained relationship: "GHANA HAS tense relations with Togo",
        "Ghana has STRAINED ties with Togo" (parsed as the verb); none for relations "between" two."""
        verb = noun.head if noun.dep_ == "dobj" else None
        if verb is None or any(p.dep_ == "prep" and p.lower_ == "between" for p in noun.children):
            return []
        if verb.lemma_.lower() in self.lex.cue("relationship_holders") or (verb.i == strain.i and child(verb, "aux") is not None):
            return [a for a in ctx.subjects(verb) if a.actor]
        return []

    def _sides_in_cause(self, ctx: ActorContext, verb: Token) -> list[Arg]:
        """The two states of the clause that says since when, or why, relations worsened: "relations have
        worsened SINCE BELGIUM decided to end cooperation WITH CONGO"."""
        clauses = [c for c in verb.children if c.dep_ == "advcl"  # "when" is often parsed as an adverb
                   and any(m.dep_ in ("mark", "advmod") and m.lower_ in self.lex.cue("cause_marks") for m in c.children)]
        named = list(dict.fromkeys(a for c in clauses for t in c.subtree if t.i in ctx.actor_at
                                   for a in ctx.np_actors(t, conjuncts=False) if ctx.is_state_mention(ctx.kind_at.get(t.i, "NAME"))))
        return named if len({a.actor for a in named}) == 2 else []

    def _strained(self, noun: Token) -> bool:
        """A relationship noun said to be strained states no cooperation."""
        if noun.lemma_.lower() not in self.lex.cue("relationship_nouns"):
            return False
        raised = [g for c in noun.head.children if c.dep_ == "xcomp" for g in (c, *c.children)]  # "seem to be TENSE"
        above = [noun.head.head] if noun.dep_ == "pobj" else []  # "the DETERIORATION of ties between X and Y"
        said = [self._strained_relation(t) for t in [*noun.children, noun.head, *noun.head.children, *raised, *above]]  # "ties are TENSE"
        return any(n is not None and n.i == noun.i for n in said)

    def _put_an_end_to(self, noun: Token) -> bool:
        """A quarrel an end is put to, itself or its years: "putting an END TO the decades of hostility
        between them", "an end to two decades hostility" (parsed as a second object of "put")."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in self.lex.cue("background_heads"):
            noun = noun.head.head  # "the decades OF hostility"
        ender = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" else noun.head if noun.dep_ == "dobj" else None
        ends = self.lex.cue("end_nouns")
        return ender is not None and (ender.lemma_.lower() in ends or any(
            c.dep_ == "dobj" and c.i != noun.i and c.lemma_.lower() in ends for c in ender.children))

    def _ended_quarrel(self, noun: Token) -> bool:
        """A mutual quarrel that is set aside or ceases is background:
        "accepted a cessation of hostilities", "set aside hostilities with X"."""
        settled = noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lex.cue("settling_verbs")
        if not any(g.mutual or (settled and g.relation == "CONFLICT") for g in self.lex.nouns.get(noun.lemma_.lower(), ())):
            return False  # a war SETTLED is over; one they try to END goes on
        if self._put_an_end_to(noun):
            return True
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "of":
            return head.head.lemma_.lower() in self.lex.cue("ending_nouns")
        if noun.dep_ == "dobj" and not (is_infinitive(head) and head.head.lemma_.lower() in self.lex.cue("attempt_words")):
            # "EFFORTS TO RESOLVE the crisis": it goes on
            words = {head.lemma_.lower(), " ".join([head.lemma_.lower()] + [p.lower_ for p in head.children if p.dep_ == "prt"])}
            return bool(words & (self.lex.cue("ending_verbs") | self.lex.cue("shelving_verbs")))
        return False
