"""Subjects a verb without its own inherits: through coordination, control, participles,
gerunds after prepositions and clauses on nouns ("urged India to", "accused X of shipping")."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.misparses import listed_infinitive
from kg.extract.syntax import SUBJECT_DEPS, Arg, child, is_infinitive, is_passive, pobjs, verb_above_gerund


class InheritedSubjects:
    """The subjects a verb inherits from the word it hangs from."""

    def _inherited_subjects(self, verb: Token, depth: int) -> list[Arg]:
        """The subjects a verb with none of its own takes from the word it hangs from: the pressed
        or controlled party ("urged India TO"), the verb it is coordinated with or completes, the
        accused of a gerund ("accused X OF shipping"), the noun a participle or relative clause modifies."""
        head, dep = verb.head, verb.dep_
        if head.i == verb.i:
            return []
        listed = listed_infinitive(verb)
        if listed is not None:  # "wants X to end A, provide B": X provides
            return self.subjects(listed, depth + 1)
        infinitive = is_infinitive(verb)
        if infinitive and dep in ("xcomp", "advcl", "acl"):
            pressed = self._pressed_party(head)
            if pressed:  # "put pressure ON Baghdad to reduce ...", "renewed calls on X to": the one pressed acts
                return pressed
        if dep == "advcl" and verb.tag_ == "VBG" and head.dep_ == "ccomp" and verb.lemma_.lower() in self.lex.cue("speech_participles"):
            return self.subjects(head.head, depth + 1)  # "demanded that Greece evacuate, WARNING that": the demander warns
        if (dep in ("xcomp", "ccomp") or (dep == "advcl" and infinitive)) \
                and head.lemma_ in self.lex.cue("object_control_verbs"):
            obj = child(head, "dobj")
            called_on = [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("on", "upon") for o in pobjs(p)]
            if obj is not None and not self.np_actors(obj) and head.lemma_ in self.lex.cue("command_verbs"):
                return self.subjects(head, depth + 1)  # "ordered POLICE to expel the envoy": the orderer acts
            if obj is not None or called_on:  # "urged India to", "called on Washington to"
                return self.np_actors(obj) if obj is not None else [a for o in called_on for a in self.np_actors(o)]
        if dep in ("xcomp", "advcl") and is_passive(head):
            agent = child(head, "agent")  # "drones were used BY Russian forces to strike"
            if agent is not None:
                return [a for o in pobjs(agent) for a in self.np_actors(o)]
            if dep == "xcomp" and child(head, "nsubjpass") is not None:
                return self.np_actors(child(head, "nsubjpass"))  # "Iran is expected to retaliate"
        if dep == "conj" and verb.tag_ == "VBD" and head.dep_ in ("ccomp", "relcl") and not self.subjects(head, depth + 1):
            reporter = next((a for a in head.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in self.lex.cue("reporting_verbs")), None)
            if reporter is not None:  # "the US said the move was a provocative step AND CALLED on Turkey": the US calls
                return self.subjects(reporter, depth + 1)
        if dep in ("xcomp", "advcl", "conj", "oprd", "ccomp", "advmod") and self._verbal(head):  # advmod: "drew CLOSER to"
            return self.subjects(head, depth + 1) or (self._event_agents(head) if dep == "advcl" else [])
        if dep == "xcomp" and head.pos_ == "ADJ" and head.head.pos_ in ("VERB", "AUX"):
            return self.subjects(head.head, depth + 1)  # "Russia is likely to retaliate"
        if dep == "amod" and verb.tag_ == "VBG":  # "halting Iran's program" parsed as a modifier
            governed = self.governing_verb(head)
            return self.subjects(governed[0], depth + 1) if governed else []
        if dep == "pcomp" and head.lower_ == "in" and (joined := self._joined_above(head.head)) is not head.head:
            return self.subjects(joined, depth + 1)  # "joined A, B and C IN condemning"
        if (dep == "pcomp" or (dep == "pobj" and verb.tag_ == "VBG")) and (above := verb_above_gerund(head)) is not None:
            accused = child(above, "dobj")  # "accused North Korea OF shipping", "criticised X FOR signing"
            if accused is not None and head.lower_ in ("of", "for"):
                return self.np_actors(accused)
            if head.lower_ == "for":  # "retaliate AGAINST Israel for bombing": the one retaliated against bombed
                targeted = [a for p in above.children if p.dep_ == "prep" and p.lower_ in self.lex.cue("retaliation_preps")
                            for o in pobjs(p) for a in self.np_actors(o)]
                if targeted:
                    return targeted
            return self.subjects(above, depth + 1)
        if dep == "acl" and infinitive and head.pos_ == "NOUN":  # "a decision BY Sweden to provide", "Oslo's plan to send",
            agents = [a for p in head.children if p.dep_ == "poss" or (p.dep_ == "prep" and p.lower_ == "by")  # "the US
                      for a in (self.np_actors(p) if p.dep_ == "poss" else [b for o in pobjs(p) for b in self.np_actors(o)])]
            agents = agents or [a for a in self.modifier_actors(head) if a.token.dep_ in ("amod", "compound")]  # decision to sell"
            if agents:
                return agents
        if dep == "acl" and not any(c.lower_ == "to" for c in verb.children) \
                and (head.lemma_.lower() not in self.lex.cue("utterance_nouns") or head.dep_ != "dobj") \
                and not (verb.tag_ == "VBN" and self._purchase(verb)):  # "Turkish drones BOUGHT": not by Turkey
            return self.np_actors(head) or self.pact_signers(verb, depth)  # "a resolution condemning X": the resolution condemns
        if dep == "acl" and head.dep_ == "dobj" and not any(c.lower_ == "to" for c in verb.children):
            disowned = head.head.lemma_.lower() in self.lex.cue("obstructing_verbs") | self.lex.cue("rejecting_verbs")
            return self.np_actors(head) if disowned else self.subjects(head.head, depth + 1)  # "issued a statement condemning X": the issuer; "BLOCKED a UN statement ...": the UN's
        if dep == "acl" and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
            return self.subjects(head.head, depth + 1)  # "has no Patriots to send": the haver sends
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN") and head.dep_ in SUBJECT_DEPS:
            return self.np_actors(head)
        if dep in ("relcl", "acl") and head.dep_ == "attr" and head.head.lemma_.lower() in self.lex.cue("copulas"):
            return self.subjects(head.head, depth + 1)  # "Morocco is the first country TO SIGN": Morocco signs
        return []

    def _pressed_party(self, head: Token) -> list[Arg]:
        """The state a request noun is put on: "put pressure ON Baghdad" (the verb's object or
        the noun itself), "calls on Uganda"; [] when ``head`` carries no such request."""
        noun = head if head.pos_ == "NOUN" else child(head, "dobj")
        if noun is None or not any(g.relation == "REQUEST" for g in self.lex.nouns.get(noun.lemma_.lower(), ())):
            return []
        return [a for t in {noun, head} for p in t.children if p.dep_ == "prep" and p.lower_ in ("on", "upon")
                for o in pobjs(p) for a in self.np_actors(o)]

    @staticmethod
    def _verbal(head: Token) -> bool:
        """A verb, or a word tagged as a noun that has a subject of its own ("X and Y plan to")."""
        return head.pos_ in ("VERB", "AUX") or (head.pos_ == "NOUN" and child(head, *SUBJECT_DEPS) is not None)

    def _event_agents(self, verb: Token) -> list[Arg]:
        """"drew criticism FROM X and Y, accusing Z": who voices the event the verb's object names."""
        obj = child(verb, "dobj")
        groups = self.lex.nouns.get(obj.lemma_.lower(), ()) if obj is not None else ()
        return [a for p in verb.children if p.dep_ == "prep" and any(p.lower_ in g.agent_preps for g in groups)
                for o in pobjs(p) for a in self.np_actors(o)]

    def _purchase(self, verb: Token) -> bool:
        """Whether ``verb`` buys (an inverse transfer: its subject receives)."""
        return any(g.inverse and g.relation == "SUPPLY" for g in self.lex.verbs.get(verb.lemma_.lower(), ()))
