"""'they', 'their' and 'them' for pairs of states named in the governing clause, the sentence or the sentence before."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import Arg, child, unique


class PluralReference:
    """'they', 'their' and 'them' for a pair of states named in the governing clause, the sentence or the sentence before."""

    def _previous_pair(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """'their' on the subject of a sentence: the states the previous sentence's
        subject names, when it names two or more: "Chile and Peru were at odds. THEIR war ..."."""
        head = token.head
        if head.dep_ not in ("nsubj", "nsubjpass") or head.head.i != token.sent.root.i \
                or head.lemma_.lower() not in self.lex.nouns:  # "their war", not "their forces clashed"
            return []
        found = self._previous_subject(head, exclude, plural=True)
        return [Arg(a.actor, token, "coref") for a in found] if len(found) >= 2 else []

    def _body_country(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """'their' before a state noun after people of one state: "expelling eight RUSSIAN DIPLOMATS over THEIR
        COUNTRY'S invasion of Ukraine" (Russia's), the nearest plural noun before it in the sentence."""
        if token.head.lemma_.lower() not in self.lex.cue("singular_nouns"):
            return []
        for noun in reversed(self.doc[token.sent.start:token.i]):
            if noun.tag_ == "NNS":
                states = {a.actor for a in self.modifier_actors(noun, exclude)}
                return [Arg(states.pop(), token, "coref")] if len(states) == 1 else []
        return []

    def _reciprocal_pair(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """'them' between or among whom something passes: the conjoined states of the nearest clause
        subject that does not hold the phrase, or of the sentence before's subject: "Egypt and Turkey
        withdrew envoys as the tension BETWEEN THEM flared"."""
        if token.dep_ != "pobj" or token.head.lower_ not in ("between", "among"):
            return []
        verb = token.head.head
        while True:
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            subject = child(verb, "nsubj", "nsubjpass")
            if subject is not None and subject.pos_ != "PRON" and not subject.left_edge.i <= token.i <= subject.right_edge.i:
                found = self.np_actors(subject, exclude)
                return [Arg(a.actor, token, "coref") for a in found] if len({a.actor for a in found}) >= 2 else []
            if verb.head.i == verb.i:
                break
            verb = verb.head
        return self._previous_pair(token, exclude) if token.sent.start else []

    @staticmethod
    def _they(token: Token, subject: Token, states: list[Arg]) -> list[Arg]:
        """"they" as the states of ``subject``: two or more, or one state's plural body ("Zambian SOLDIERS")."""
        return [Arg(a.actor, token, "coref") for a in states] if len(states) >= 2 or (
            len(states) == 1 and subject.tag_ == "NNS") else []

    def _governing_pair(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """'they' in a relative or adverbial clause: the conjoined states the governing
        clause has as subject: "Chile and Peru have had no ties since 1990, when THEY fought"."""
        verb = token.head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = child(verb, "nsubj", "nsubjpass")
        if subject is not None and subject.pos_ == "PRON" and subject.i < token.i and verb.lemma_ == "be":
            return self._pair_named_before(token, exclude)  # "that was the goal OF LUKASHENKO AND PUTIN, when THEY met"
        if subject is None or subject.pos_ == "PRON" or subject.i > token.i:
            return []
        states = self.np_actors(subject, exclude)  # or one state's plural body: "Zambian SOLDIERS died when THEY clashed"
        if len(states) == 1 and any(g.relation == "CONSULT" for g in self.lex.verbs.get(verb.lemma_.lower(), ())):
            states = unique(states + [a for o in verb.children if o.dep_ == "dobj" for a in self.np_actors(o, exclude)])
        return self._they(token, subject, states)  # "X MET Y in Lusaka, where THEY"

    def _pair_named_before(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """The nearest conjoined phrase before ``token`` in its sentence that names two or more states."""
        for word in reversed(token.sent[:token.i - token.sent.start]):
            if any(c.dep_ == "conj" for c in word.children) and word.i in self.actor_at:
                states = unique(self.np_actors(word, exclude))
                return [Arg(a.actor, token, "coref") for a in states] if len({a.actor for a in states}) >= 2 else []
        return []

    def _plural_object(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """'them' as a verb's object: the pair named before it in the sentence, or the previous sentence's
        plural subject, never the verb's own subject ("Sweden and Finland applied to join NATO. Russia
        warned THEM")."""
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if token.lower_ != "them" or token.dep_ not in ("dobj", "dative", "pobj") or verb.pos_ not in ("VERB", "AUX"):
            return []
        own = exclude | {a.actor for a in self.subjects(verb)}
        found = [a for a in self._pair_named_before(token, own) if a.actor not in own]
        if not found and token.sent.start > 0:
            subject = child(self.doc[token.sent.start - 1].sent.root, "nsubj")
            states = unique(self.np_actors(subject, own)) if subject is not None else []
            found = [Arg(a.actor, token, "coref") for a in states if a.actor not in own]
        return found if len({a.actor for a in found}) >= 2 else []
