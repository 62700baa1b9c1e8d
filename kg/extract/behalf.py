"""Acts done at another state's request or with its help: "Rwanda deployed troops AT THE REQUEST OF Mozambique"
and "at Mozambique's request" say that Mozambique asked Rwanda (REQUEST), and a deployment so asked for helps
Mozambique (AID); "retook the town WITH THE HELP OF
Rwandan troops", "with Chinese assistance" say that the helper aided the one acting (AID; SUPPORT for "with
the support of", "with the backing of")."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, pobjs, unique


class BehalfRules:
    """Acts done at another state's request or with its help: the one who asked REQUESTs the one who
    acts; the one who helped AIDs it."""

    @starts_on("behest_nouns")
    def _behest_candidates(self, ctx: ActorContext, noun: Token) -> Iterator[Candidate]:
        if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ not in self.lex.cue("behest_preps"):
            return
        askers = [a for c in noun.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
        askers += [a for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)
                   for a in ctx.np_actors(o)]
        verb = noun.head.head
        if not askers or verb.pos_ not in ("VERB", "AUX"):
            return
        asking = {a.actor for a in askers}
        asked = [a for a in ctx.subjects(verb) if a.actor not in asking]
        group = self.lex.group("request", "REQUEST", noun=True)
        if asked and group is not None:
            yield Candidate(group, noun, unique(askers), unique(asked))
        if asked and (verb.lemma_.lower() in self.lex.cue("dispatching_verbs") or any(  # "Rwanda DEPLOYED troops to
                o.dep_ == "dobj" and o.lemma_.lower() in self.lex.cue("dispatching_nouns") for o in verb.children)):
            yield Candidate(self.aid_group, verb, unique(asked), unique(askers))  # Cabo Delgado at Mozambique's request",
            # "will begin the DEPLOYMENT of troops at the request of Mozambique": help

    def _helpers(self, ctx: ActorContext, noun: Token) -> list[Arg]:
        """The states whose help an act was done with: the possessor, a demonym or the object of the
        of/from-phrase of a help noun after a verb's "with" ("with the help OF China", "with CHINESE help")."""
        if noun.lemma_.lower() not in self.lex.cue("helping_nouns") or noun.dep_ != "pobj" \
                or noun.head.lower_ not in self.lex.cue("helping_preps") or noun.head.head.pos_ not in ("VERB", "AUX"):
            return []  # not "pleased WITH the support of China"
        if any(p.dep_ == "prep" and p.lower_ in ("for", "to") for p in noun.children):
            return []  # "with Algeria's support FOR separatists": help with its own beneficiary
        return [a for c in noun.children if c.dep_ in ("poss", "amod", "compound") for a in ctx.np_actors(c)] + [
            a for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
            for o in pobjs(p) for a in ctx.np_actors(o)]

    @starts_on("helping_nouns")
    def _helped_act_candidates(self, ctx: ActorContext, noun: Token) -> Iterator[Candidate]:
        """"With the help of Chinese engineers, Zambia built a railway": China aids Zambia (the noun's own
        relation), whatever its prepositions would say ("the support OF Russia" is Russia's support here)."""
        helpers = self._helpers(ctx, noun)
        verb = noun.head.head
        if not helpers:
            return
        helping = {a.actor for a in helpers}
        helped = [a for a in ctx.subjects(verb) if a.actor not in helping]
        group = next((g for g in self._noun_senses(noun, self.lex.nouns.get(noun.lemma_.lower(), [])) if g.relation in ("AID", "SUPPORT")), None)
        if helped and group is not None:  # help, assistance: AID; support, backing: SUPPORT
            yield Candidate(group, noun, unique(helpers), unique(helped))
