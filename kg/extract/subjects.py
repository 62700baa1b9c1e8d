"""Who does it: the subjects of a verb, inherited through coordination, control and participles, and the verb a noun event hangs from."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import (
    NOMINAL,
    SUBJECT_DEPS,
    Arg,
    child,
    is_passive,
    pobjs,
)


class Subjects:
    """Who does it: the subjects of a verb, inherited through coordination, control and participles, and the verb a noun event hangs from."""

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
        before = self._actor_before_gerund(verb) or self._stranded_subject(verb)
        if before:
            return before
        if verb.i > 0 and self.stolen_subject(self.doc[verb.i - 1]):
            return self.np_actors(self.doc[verb.i - 1], conjuncts=False)
        return self._inherited_subjects(verb, depth)

    def _stranded_subject(self, verb: Token) -> list[Arg]:
        """"Norway, for example, has been supporting X": a state name opening the clause,
        parsed as a loose modifier of the verb, is its subject."""
        for mod in verb.children:
            if mod.i > verb.i:
                break
            if mod.dep_ in ("npadvmod", "dep") and mod.i in self.actor_at and mod.pos_ == "PROPN" \
                    and all(t.is_punct or t.dep_ == "det" for t in self.doc[verb.sent.start:mod.left_edge.i]):
                return self.np_actors(mod)
        return []

    def stray_conjunct(self, token: Token) -> bool:
        """"between Armenia and Azerbaijan, THE EU and the U.S. have made efforts": after a closed
        pair and a comma, a conjunct before a main verb with no subject begins the next clause."""
        start = token.left_edge.i
        if token.dep_ != "conj" or start < 1 or self.doc[start - 1].lower_ != ",":
            return False
        root = token.sent.root
        chain, head = [], token.head  # the list the conjunct hangs in, up to its first member
        while head not in chain:
            chain.append(head)
            head = head.head if head.dep_ == "conj" else head
        closed = any(c.dep_ == "cc" and c.i < token.left_edge.i for h in chain for c in h.children)
        return closed and root.i > token.i and root.pos_ in ("VERB", "AUX") and child(root, *SUBJECT_DEPS) is None

    def stolen_subject(self, token: Token) -> bool:
        """"broke off relations with Israel and CHILE recalled its envoy": a state parsed as a conjunct
        of the object before a conjoined finite verb with no subject is that verb's subject."""
        if token.dep_ != "conj" or token.pos_ != "PROPN" or token.i not in self.actor_at \
                or token.i + 1 >= len(self.doc):
            return False
        verb = self.doc[token.i + 1]
        return verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and verb.head.i != token.i \
            and child(verb, *SUBJECT_DEPS) is None and token.head.dep_ in ("pobj", "dobj")

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
        if dep in ("xcomp", "advcl", "conj", "oprd", "ccomp") and self._verbal(head):
            return self.subjects(head, depth + 1) or (self._event_agents(head) if dep == "advcl" else [])
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
        if dep == "acl" and infinitive and head.pos_ == "NOUN":  # "a decision BY Sweden to provide", "Oslo's plan to send"
            agents = [a for p in head.children if p.dep_ == "poss" or (p.dep_ == "prep" and p.lower_ == "by")
                      for a in (self.np_actors(p) if p.dep_ == "poss" else [b for o in pobjs(p) for b in self.np_actors(o)])]
            if agents:
                return agents
        if dep == "acl" and not any(c.lower_ == "to" for c in verb.children) \
                and (head.lemma_.lower() not in self.lex.cue("utterance_nouns") or head.dep_ != "dobj"):
            return self.np_actors(head)  # "a resolution condemning X": the resolution condemns
        if dep == "acl" and head.dep_ == "dobj" and not any(c.lower_ == "to" for c in verb.children):
            return self.subjects(head.head, depth + 1)  # "issued a statement condemning X": the issuer does
        if dep == "acl" and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
            return self.subjects(head.head, depth + 1)  # "has no Patriots to send": the haver sends
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN") and head.dep_ in SUBJECT_DEPS:
            return self.np_actors(head)
        return []

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
