"""Who does it: the subjects of a verb, inherited through coordination, control and participles, and the verb a noun event hangs from."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.misparses import MisplacedSubjects, listed_infinitive
from kg.extract.purposes import PactPurposes
from kg.extract.syntax import NOMINAL, SUBJECT_DEPS, Arg, child, is_passive, pobjs, unique, verb_above_gerund


class Subjects(MisplacedSubjects, PactPurposes):
    """Who does it: the subjects of a verb, inherited through coordination, control and participles, and the verb a noun event hangs from."""

    def subjects(self, verb: Token, depth: int = 0) -> list[Arg]:
        """The actors acting as subject of ``verb``, inherited when it has none."""
        if depth > 6:
            return []
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if len(subjects) > 1:  # "Khartoum and Cairo, who fear droughts, BOTH accused": the named subject
            subjects = [c for c in subjects if c.lower_ not in self.lex.cue("floating_quantifiers")] or subjects
        subject = max(subjects, key=lambda c: (c.i < verb.i, c.i if c.i < verb.i else -c.i)) if len(subjects) > 1 \
            else child(verb, *SUBJECT_DEPS)  # "LONDON — The British and Spanish leaders met": the nearest before the verb
        clause_subject = self._subject_taken_by_preposition(verb)
        if clause_subject:
            return clause_subject
        if subject is None or subject.lower_ in self.lex.cue("relative_pronouns"):
            parties = self.pact_parties(verb, depth)
            if parties:  # "a deal which aims to isolate Iran": its parties do
                return parties
        if subject is not None:
            found = self._broken_list(subjects, subject) or self.np_actors(subject) or self._split_apposition(verb, subject)
            return unique(self._headline_cosubjects(verb, subject) + found + self._company_cosubjects(verb, subject)) \
                if found else found
        agent = child(verb, "agent")
        if agent is not None:
            return [a for obj in pobjs(agent) for a in self.np_actors(obj)]
        if is_passive(verb):
            return []
        before = self._actor_before_gerund(verb) or self._stranded_subject(verb) or self._opening_phrase_subject(verb)
        if before:
            return before
        if verb.i > 0 and self.stolen_subject(self.doc[verb.i - 1]):
            return self.np_actors(self.doc[verb.i - 1], conjuncts=False)
        return self._inherited_subjects(verb, depth)

    def clause_referent(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """"it" as the subject of a relative clause on a state is another state: "Peru, with which
        IT has ties" (the nearest other); "its" owning a verb's direct object is the verb's one state
        subject: "wants Chile to end its conflict with Peru and curb ITS ties with Bolivia" (Chile)."""
        if token.dep_ == "nsubj" and token.head.dep_ == "relcl" and token.head.head.i in self.actor_at:
            own = {self.actor_at[token.head.head.i]} | set(exclude)
            for verb in token.head.head.ancestors:  # the subject of the clause that names the state, else the nearest
                subject = child(verb, "nsubj", "nsubjpass")
                found = [a for a in self.np_actors(subject) if a.actor not in own] if subject is not None else []
                if found:
                    return [Arg(found[0].actor, token, "coref")]
            states = [s for s in self.preceding_states(token.head.head.i) if s not in own]
            return [Arg(states[0], token, "coref")] if states else []
        if token.dep_ != "poss" or token.lower_ != "its" or token.head.dep_ != "dobj" or token.head.head.pos_ != "VERB":
            return []
        verb = token.head.head
        while child(verb, "nsubj") is None and verb.dep_ == "conj":
            verb = verb.head
        subject = child(verb, "nsubj")
        if subject is None and verb.dep_ in ("ccomp", "xcomp"):  # "wants X to end ..., provide ..."
            subject = child(verb.head, "dobj") or next((child(v, "nsubj") for v in verb.head.children if v.i < verb.i
                                                        and v.dep_ == verb.dep_ and child(v, "nsubj") is not None), None)
        states = unique(a for a in self.np_actors(subject) if a.actor not in exclude) if subject is not None else []
        return [Arg(states[0].actor, token, "coref")] if len(states) == 1 else []

    def joined_parties(self, verb: Token) -> list[Arg]:
        """States that an act's subjects join in it: "joined Chile IN severing ties", "joined Chile TO
        sever ties", "will be joining Chile and withdrawing envoys" (Chile acts too)."""
        head = verb.head
        if verb.dep_ == "pcomp" and head.lower_ == "in":
            head = self._joined_above(head.head)  # "joined Sweden, Finland and Denmark IN": "in" hung on Denmark
        elif verb.dep_ not in ("conj", "xcomp", "advcl"):  # "joined Germany and Italy TO accuse Iran"
            return []
        if head.i == verb.i or head.lemma_.lower() not in self.lex.cue("joining_verbs") or head.pos_ != "VERB":
            return []
        obj = child(head, "dobj")
        return [a for a in self.np_actors(obj) if a.token.i in self.actor_at] if obj is not None else []

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
        listed = listed_infinitive(verb)
        if listed is not None:  # "wants X to end A, provide B": X provides
            return self.subjects(listed, depth + 1)
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
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
        if dep == "acl" and infinitive and head.pos_ == "NOUN":  # "a decision BY Sweden to provide", "Oslo's plan to send"
            agents = [a for p in head.children if p.dep_ == "poss" or (p.dep_ == "prep" and p.lower_ == "by")
                      for a in (self.np_actors(p) if p.dep_ == "poss" else [b for o in pobjs(p) for b in self.np_actors(o)])]
            if agents:
                return agents
        if dep == "acl" and not any(c.lower_ == "to" for c in verb.children) \
                and (head.lemma_.lower() not in self.lex.cue("utterance_nouns") or head.dep_ != "dobj"):
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

    def governing_verb(self, noun: Token) -> tuple[Token, str] | None:
        """The verb a noun is an argument of, with the preposition between
        them ('' when direct, '*' through the verb's object): ("held", "") for
        "held talks", ("came", "to") for "came to Russia's aid"."""
        dep, head = noun.dep_, noun.head
        if dep in ("dobj", "pobj") and head.dep_ == "prep" and head.lower_ in self.lex.cue("time_preps") \
                and head.head.pos_ in ("VERB", "AUX"):
            return head.head, head.lower_  # "told reporters FOLLOWING talks" parsed as the participle's object or
            # its prepositional object
        if dep in ("dobj", "attr", "oprd", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            return head, ""
        if dep == "pobj" and head.pos_ == "VERB":  # "including the procurement", "following the attack"
            return head, ""
        if dep == "pobj" and head.dep_ == "prep":
            above = head.head
            if above.dep_ == "acomp" and above.head.pos_ in ("VERB", "AUX"):  # "is reliant ON jets supplied by"
                return above.head, head.lower_  # "has become (increasingly) isolated UNDER sanctions imposed by the US"
            if above.pos_ in ("VERB", "AUX"):
                return above, head.lower_
            if above.dep_ == "dobj" and above.head.pos_ in ("VERB", "AUX") and above.pos_ in NOMINAL:
                return above.head, "*"
            if head.lower_ == "of" and above.lemma_.lower() in self.lex.cue("background_heads") | self.lex.cue("transparent_heads") \
                    | self.lex.cue("risk_heads"):
                return self.governing_verb(above)  # "has seen years of U.S. sanctions", "warned of the risk of war"
        if dep == "conj" and head.pos_ in NOMINAL and noun.pos_ in NOMINAL:
            return self.governing_verb(head)  # "called for a ceasefire and a SUMMIT": the first conjunct's verb
        return None
