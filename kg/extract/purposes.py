"""What a pact is for: the parties of a deal, pact or alliance do what its purpose clause says
("the US and Saudi Arabia are finalizing a deal WHICH AIMS TO isolate Iran": both oppose Iran)."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import Arg, child, pobjs, unique
from kg.knowledge.lexicon import Lexicon


def pact_of_purpose(verb: Token, lex: Lexicon) -> Token | None:
    """The pact noun whose purpose clause ``verb`` heads: "a deal WHICH AIMS TO limit",
    "a pact AIMED AT countering", "an alliance DESIGNED TO contain", "a pact TO isolate",
    "a deal THAT isolates", "the pact AIMS TO isolate"."""
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head
    head, purposes = verb.head, lex.cue("purpose_verbs")
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
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


class PactPurposes:
    """The parties of a pact as the subjects of the acts its purpose clause names."""

    def pact_parties(self, verb: Token, depth: int) -> list[Arg]:
        """The parties of the pact whose purpose ``verb`` states (:meth:`parties_of_pact`)."""
        pact = pact_of_purpose(verb, self.lex)
        return [] if pact is None else self.parties_of_pact(pact, depth)

    def parties_of_pact(self, pact: Token, depth: int = 0) -> list[Arg]:
        """The parties of a pact: its possessor, its between- or with-phrase, and the subjects
        (and with-phrase) of the verb that makes it ("Chile and Peru SIGNED a pact")."""
        parties = [a for p in pact.children if p.dep_ == "poss" for a in self.np_actors(p)]
        parties += [a for p in pact.children if p.dep_ == "prep" and p.lower_ in ("between", "among", "with")
                    for o in pobjs(p) for a in self.np_actors(o)]
        for made in (c for c in pact.children if c.dep_ == "relcl" and c.lemma_.lower() in self.lex.cue("outcome_verbs")):
            parties += self.subjects(made, depth + 1)  # "the agreement, WHICH Chad and Niger SIGNED", "that Chad signed WITH Niger"
            parties += [a for p in made.children if p.dep_ == "prep" and p.lower_ == "with" for o in pobjs(p) for a in self.np_actors(o)]
        governed = self.governing_verb(pact)
        if governed is not None and governed[1] == "":
            maker = governed[0]
            parties += self.subjects(maker, depth + 1)
            parties += [a for p in maker.children if p.dep_ == "prep" and p.lower_ == "with"
                        for o in pobjs(p) for a in self.np_actors(o)]
        return unique(parties)

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
