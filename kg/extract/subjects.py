"""Who does it: the subjects of a verb, inherited through coordination, control and participles, and the verb a noun event hangs from."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.inheritance import InheritedSubjects
from kg.extract.misparses import MisplacedSubjects
from kg.extract.purposes import PactPurposes
from kg.extract.syntax import NOMINAL, SUBJECT_DEPS, Arg, child, is_passive, pobjs, unique


class Subjects(InheritedSubjects, MisplacedSubjects, PactPurposes):
    """Who does it: the subjects of a verb, inherited through coordination, control and participles, and the verb a noun event hangs from."""

    def _sending_agent(self, forces: Token) -> list[Arg]:
        """The state that sent forces named by their sender: "TROOPS SENT BY the Eritrean government were helping"."""
        if forces.lemma_.lower() not in self.lex.cue("deployed_heads"):
            return []
        return [a for c in forces.children if c.dep_ == "acl" and c.tag_ == "VBN"
                and c.lemma_.lower() in self.lex.cue("dispatching_verbs")  # not "troops TRAINED by France"
                for g in c.children if g.dep_ == "agent" for o in pobjs(g) for a in self.np_actors(o)]

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
            found = self._broken_list(subjects, subject) or self.np_actors(subject) or self._split_apposition(verb, subject) \
                or self._sending_agent(subject)
            return unique(self._headline_cosubjects(verb, subject) + found + self._company_cosubjects(verb, subject)) \
                if found else found
        agent = child(verb, "agent")
        if agent is not None:
            return [a for obj in pobjs(agent) for a in self.np_actors(obj)]
        if is_passive(verb):
            return []
        before = self._actor_before_gerund(verb) or self._stranded_subject(verb) or self._opening_phrase_subject(verb) \
            or self._parenthesis_subject(verb)
        if before:
            return before
        stolen = self.stolen_list(self.doc[verb.i - 1]) if verb.i > 0 else []
        if stolen:
            return [a for t in stolen for a in self.np_actors(t, conjuncts=False)]
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
        if dep == "pobj" and head.dep_ == "pcomp" and head.head.dep_ == "prep" and head.head.lower_ in self.lex.cue("reason_preps"):
            head = head.head  # "will not attend DUE TO tensions with X": as "because of"
        if dep == "pobj" and head.dep_ == "prep":
            above = head.head
            if above.dep_ == "acomp" and above.head.pos_ in ("VERB", "AUX"):  # "is reliant ON jets supplied by"
                return above.head, head.lower_  # "has become (increasingly) isolated UNDER sanctions imposed by the US"
            if above.pos_ in ("VERB", "AUX"):
                return above, head.lower_
            if above.dep_ == "dobj" and above.head.pos_ in ("VERB", "AUX") and above.pos_ in NOMINAL:
                return above.head, "*"
            if head.lower_ == "of" and above.lemma_.lower() in self.lex.cue("background_heads") | self.lex.cue("transparent_heads") \
                    | self.lex.cue("risk_heads") | self.lex.cue("phase_heads"):
                return self.governing_verb(above)  # "has seen years of U.S. sanctions", "warned of the risk of war"
        if dep == "conj" and head.pos_ in NOMINAL and noun.pos_ in NOMINAL:
            return self.governing_verb(head)  # "called for a ceasefire and a SUMMIT": the first conjunct's verb
        return None
