"""Acts that states do together: "Chile and Peru said in a joint statement", "issued a joint declaration"
(COOPERATE); the cooperation a pact is about, planned: "signed an agreement ON energy cooperation"."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.candidates import Candidate
from kg.extract.entries import starts_on
from kg.extract.purposes import pact_of_purpose, pact_of_topic
from kg.extract.roles import ActorContext
from kg.extract.syntax import is_infinitive, pobjs, unique


class JointRules:
    """A joint statement, declaration or communique of two or more states is cooperation between them."""

    @starts_on("joint_modifiers")
    def _joint_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        noun = token.head
        acts = self.lex.cue("joint_acts")
        if token.lower_ not in self.lex.cue("joint_modifiers") or token.dep_ != "amod" \
                or not any(t.lemma_.lower() in acts for t in (noun, *noun.conjuncts)) or pact_of_topic(noun, self.lex) \
                or self.undone_by_verb(noun):
            return  # a pact's joint projects are planned (_pact_cooperation_candidates); "ENDED its joint projects"
        authors = [a for p in noun.children if p.dep_ == "prep" and p.lower_ in ("by", "of", "from")
                   for o in pobjs(p) for a in ctx.np_actors(o)]  # "a joint statement BY the ministries of Kuwait and Oman"
        verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else noun.head.head if noun.dep_ == "pobj" else None
        if len({a.actor for a in authors}) >= 2:
            yield Candidate(self.cooperate_group, noun, unique(authors), [], mutual=True)
            return
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return
        parties = unique(ctx.subjects(verb))
        if len(parties) == 1:
            parties = unique(parties + self._joint_partners(ctx, noun, verb))
        if len(parties) >= 2:
            yield Candidate(self.cooperate_group, noun, parties, [], mutual=True)  # its with-partner is a party

    @starts_on("jointly_adverbs", "together_adverbs", "shared_act_prefixes")
    def _shared_act_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        """"The island is JOINTLY manned by Kenyan and Ugandan forces", "a committee CO-CHAIRED by
        China and France" (tokenized "co", "-", "chaired"), "FOUGHT TOGETHER against the rebels":
        states that do one act together cooperate."""
        cue, doc = self.lex.cue, token.doc
        if token.dep_ == "advmod" and token.head.pos_ == "VERB" and (token.lower_ in cue("jointly_adverbs") or (
                token.lower_ in cue("together_adverbs") and self._war_verb(token.head))):
            verb = token.head
        elif token.lower_ in cue("shared_act_prefixes") and token.i + 2 < len(doc) and doc[token.i + 1].text == "-" \
                and doc[token.i + 2].pos_ == "VERB":
            verb = doc[token.i + 2]
        else:
            return
        parties = unique(a for a in ctx.subjects(verb) if ctx.is_state_mention(ctx.kind_at.get(a.token.i, "NAME")))
        if len({a.actor for a in parties}) >= 2:
            yield Candidate(self.cooperate_group, verb, parties, [], mutual=True)

    @starts_on("building_verbs")
    def _pact_project_candidates(self, ctx: ActorContext, verb: Token) -> Iterator[Candidate]:
        """"Botswana and Namibia signed an agreement TO BUILD a railway", "a deal to develop the
        port": a project a pact is for is cooperation its parties plan (COOPERATE, hypothetical;
        relations.md: planned cooperation)."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lex.cue("building_verbs"):
            return
        pact, head = pact_of_purpose(verb, self.lex), verb.head
        agreeing = verb.dep_ in ("advcl", "xcomp") and self.lex.group(head.lemma_.lower(), "AGREE") is not None \
            and is_infinitive(verb)  # "signed a deal TO DEVELOP", "agreed to build"
        if pact is None and agreeing:
            pact = next((d for d in head.children if d.dep_ == "dobj" and d.lemma_.lower() in self.lex.cue("pact_nouns")), None)
        if pact is not None and self._pact_ended(pact):
            return
        parties = ctx.parties_of_pact(pact) if pact is not None else unique(ctx.subjects(head)) if agreeing else []
        if len({a.actor for a in parties}) >= 2:
            yield Candidate(self.cooperate_group, verb, parties, [], mutual=True, hypothetical=True)

    def _joint_partners(self, ctx: ActorContext, noun: Token, verb: Token) -> list:
        """The states named after "with" on the joint act or its verb: "its joint operation with Congo"."""
        preps = [c for t in (noun, verb) for c in t.children if c.dep_ == "prep" and c.lower_ == "with"]
        return [a for p in preps for o in p.children if o.dep_ == "pobj" for a in ctx.np_actors(o)]

    @starts_on("planned_cooperation", "joint_modifiers")
    def _pact_cooperation_candidates(self, ctx: ActorContext, token: Token) -> Iterator[Candidate]:
        """"Nepal and India signed an agreement ON energy COOPERATION", "a security COOPERATION pact",
        "signed memorandums ON JOINT projects with Kenya and Ghana": the parties plan the cooperation
        (COOPERATE, hypothetical; relations.md: planned cooperation), a signer with each partner."""
        joint = token.lower_ in self.lex.cue("joint_modifiers") and token.dep_ == "amod"  # "JOINT projects"
        noun = token.head if joint else token
        if noun.pos_ != "NOUN" or (not joint and noun.lemma_.lower() not in self.lex.cue("planned_cooperation")):
            return
        head = noun.head
        if not joint and noun.dep_ == "compound" and head.lemma_.lower() in self.lex.cue("pact_nouns"):
            pact = head
        elif not joint and noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in self.lex.cue("pact_nouns"):
            pact = head.head
        else:
            pact = pact_of_topic(noun, self.lex)
        if pact is None or self._pact_ended(pact):
            return  # "terminated its military cooperation agreement with the US"
        signers, partners = ctx.pact_sides(pact)
        if len({a.actor for a in signers + partners}) >= 2:
            yield Candidate(self.cooperate_group, noun, signers, partners, hypothetical=True)

    def _pact_ended(self, pact: Token) -> bool:
        """Whether a pact is ended by its verb ("TERMINATED the agreement") or by a noun ("the SCRAPPING of the pact")."""
        return self.ends_a_pact(pact) or self.undone_by_verb(pact)

    @property
    def cooperate_group(self):
        """The trigger group of cooperation."""
        return next(g for g in self.lex.nouns["cooperation"] if g.relation == "COOPERATE")
