"""What a pact is for: the parties of a deal, pact or alliance do what its purpose clause says
("the US and Saudi Arabia are finalizing a deal WHICH AIMS TO isolate Iran": both oppose Iran)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.syntax import Arg, child, is_infinitive, pobjs, through_of, unique
from kg.knowledge.lexicon import Lexicon

if TYPE_CHECKING:
    from kg.extract.roles import ActorContext


def pact_of_purpose(verb: Token, lex: Lexicon) -> Token | None:
    """The pact noun whose purpose clause ``verb`` heads: "a deal WHICH AIMS TO limit",
    "a pact AIMED AT countering", "an alliance DESIGNED TO contain", "a pact TO isolate",
    "a deal THAT isolates", "the pact AIMS TO isolate"."""
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head
    head, purposes = verb.head, lex.cue("purpose_verbs")
    infinitive = is_infinitive(verb)
    if verb.dep_ == "xcomp" and head.lemma_.lower() in purposes and head.dep_ in ("relcl", "acl"):
        pact = head.head
    elif verb.dep_ == "xcomp" and head.lemma_.lower() in purposes and child(head, "nsubj", "nsubjpass") is not None:
        pact = child(head, "nsubj", "nsubjpass")  # "the pact between X and Y AIMS TO / IS MEANT TO isolate Z"
    elif verb.dep_ == "pcomp" and head.lower_ == "at" and head.head.lemma_.lower() in purposes \
            and head.head.dep_ == "acl":
        pact = head.head.head
    elif (verb.dep_ == "acl" and infinitive) or (
            verb.dep_ == "relcl" and (subject := child(verb, "nsubj")) is not None
            and subject.lower_ in lex.cue("relative_pronouns")):
        pact = head
    else:
        return None
    return pact if pact.lemma_.lower() in lex.cue("pact_nouns") else None


def topic_with_phrases(verb: Token, pact: Token, lex: Lexicon) -> list[Token]:
    """The with-phrases on what a pact is about, where the parser hangs the signing partner:
    "signed memorandums ON joint projects WITH Kenya", "deals CONCERNING trade WITH Peru"."""
    if pact.lemma_.lower() not in lex.cue("pact_nouns"):
        return []
    topic_words = lex.cue("pact_topic_words")
    holders = [verb, pact, *(o for p in pact.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p))]
    topics = [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in topic_words for o in pobjs(p)]
    topics += [o for h in holders[1:] for a in h.children if a.dep_ == "acl" and a.lower_ in topic_words
               for o in a.children if o.dep_ == "dobj"]
    return [w for t in topics for w in (*t.children, *(c for j in t.conjuncts for c in j.children))
            if w.dep_ == "prep" and w.lower_ == "with"]


def pact_of_topic(noun: Token, lex: Lexicon) -> Token | None:
    """The pact a noun is the topic of: "an agreement ON energy cooperation", "signed memorandums
    ON joint projects", "memorandums of understanding CONCERNING joint initiatives", or its purpose: "signed
    agreements TO ENHANCE cooperation" (cue ``pact_purpose_verbs``)."""
    while noun.dep_ == "conj":
        noun = noun.head
    head, pacts, topic_words = noun.head, lex.cue("pact_nouns"), lex.cue("pact_topic_words")
    purpose = noun.dep_ == "dobj" and head.dep_ in ("acl", "advcl") and head.lemma_.lower() in lex.cue("pact_purpose_verbs") \
        and is_infinitive(head)  # "signed agreements TO ENHANCE cooperation"
    if not purpose and (head.lower_ not in topic_words or not (noun.dep_ == "pobj" or (noun.dep_ == "dobj" and head.dep_ == "acl"))):
        return None
    holder = head.head
    if holder.pos_ == "VERB":
        holder = next((o for o in holder.children if o.dep_ == "dobj"), holder)
    if holder.dep_ == "pobj" and holder.head.lower_ == "of":  # "memorandums OF understanding"
        holder = holder.head.head
    return holder if holder.lemma_.lower() in pacts else None


class PactPurposes:
    """The parties of a pact as the subjects of the acts its purpose clause names."""

    def pact_parties(self, verb: Token, depth: int) -> list[Arg]:
        """The parties of the pact whose purpose ``verb`` states (:meth:`parties_of_pact`)."""
        pact = pact_of_purpose(verb, self.lex)
        return [] if pact is None else self.parties_of_pact(pact, depth)

    def parties_of_pact(self, pact: Token, depth: int = 0) -> list[Arg]:
        """The parties of a pact: its possessor, its between- or with-phrase, and the subjects
        (and with-phrase) of the verb that makes it ("Chile and Peru SIGNED a pact")."""
        signers, partners = self.pact_sides(pact, depth)
        return unique(signers + partners)

    def pact_sides(self, pact: Token, depth: int = 0) -> tuple[list[Arg], list[Arg]]:
        """The parties of a pact in two sides: those that make it (possessor, between-phrase, the
        maker's subjects) and the partners named by a with-phrase ("India signed deals WITH Kenya
        and Ghana": India with each, not Kenya with Ghana)."""
        signers = [a for p in pact.children if p.dep_ == "poss" for a in self.np_actors(p)]
        signers += [a for p in pact.children if p.dep_ == "prep" and p.lower_ in ("between", "among")
                    for o in pobjs(p) for a in self.np_actors(o)]
        withs = [p for p in pact.children if p.dep_ == "prep" and p.lower_ == "with"]
        for made in (c for c in pact.children if c.dep_ == "relcl" and c.lemma_.lower() in self.lex.cue("outcome_verbs")):
            signers += self.subjects(made, depth + 1)  # "the agreement, WHICH Chad and Niger SIGNED", "that Chad signed WITH Niger"
            withs += [p for p in made.children if p.dep_ == "prep" and p.lower_ == "with"]
        for made in (c for c in through_of(pact) if c.dep_ == "acl" and c.tag_ == "VBN"
                     and c.lemma_.lower() in self.lex.cue("outcome_verbs")):  # "a memorandum (of understanding) SIGNED BETWEEN"
            signers += [a for p in made.children if (p.dep_ == "prep" and p.lower_ in ("between", "among")) or p.dep_ == "agent"
                        for o in pobjs(p) for a in self.np_actors(o)]  # "an alliance FORMED BY Niger, Mali and Burkina Faso"
        governed = self.governing_verb(pact)
        if governed is not None and governed[1] == "":
            maker = governed[0]
            signers += self.subjects(maker, depth + 1)
            withs += [p for p in maker.children if p.dep_ == "prep" and p.lower_ == "with"]
            withs += topic_with_phrases(maker, pact, self.lex)  # "signed memorandums on joint projects WITH Kenya"
        partners = unique(a for p in withs for o in pobjs(p) for a in self.np_actors(o))
        return unique(a for a in signers if a.actor not in {b.actor for b in partners}), partners

    def pact_signers(self, participle: Token, depth: int) -> list[Arg]:
        """Who made a pact a participle describes, unnamed: the one that acts on it, unless it
        opposes it ("Egypt decided to end the gas deal SIGNED with Israel": Egypt signed it;
        "Peru condemned the deal signed with Chile" says nothing of who signed)."""
        pact, cue = participle.head, self.lex.cue
        if participle.tag_ != "VBN" or pact.lemma_.lower() not in cue("pact_nouns") or pact.dep_ != "dobj" \
                or child(participle, "agent") is not None \
                or any(g.relation == "OPPOSE" for g in self.lex.verbs.get(pact.head.lemma_.lower(), ())):
            return []
        return self.subjects(pact.head, depth + 1)


def purpose_partners(ctx: ActorContext, pact: Token, lex: Lexicon) -> list[Arg]:
    """The state a pact with no party named is made with, as its purpose clause names it: "signed a deal TO
    NORMALIZE relations WITH Israel", "struck a deal AIMED AT normalizing relations WITH Israel"."""
    purposes = [c for c in pact.children if c.dep_ in ("acl", "advcl") and is_infinitive(c)]  # (or hung on the verb)
    purposes += [g for c in pact.children if c.dep_ == "acl" and c.lemma_.lower() in lex.cue("purpose_verbs")
                 for p in c.children if p.dep_ == "prep" and p.lower_ == "at" for g in p.children if g.dep_ in ("pcomp", "pobj")]
    holders = [*purposes, *(d for v in purposes for d in v.children if d.dep_ == "dobj"
                           and d.lemma_.lower() in lex.cue("relationship_nouns"))]
    return unique(a for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
                  for o in pobjs(p) for a in ctx.np_actors(o))
