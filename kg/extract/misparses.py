"""Subjects the small model's parser misplaces: a list split off as an apposition, a state left as a loose modifier
(in a clause or a headline), a state parsed into the object list or under a time preposition, an infinitive of a
list parsed as conjoined to the finite verb."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import SUBJECT_DEPS, Arg, child, pobjs, unique
from kg.ingest.dates import is_date_word


class MisplacedSubjects:
    """Subjects the small model's parser misplaces: a list split off as an apposition, a state left as a loose modifier, a state parsed into the object list or under a time preposition."""

    def _split_apposition(self, verb: Token, subject: Token) -> list[Arg]:
        """"The leaders of two states, X and Y, urged": an apposition parsed as a second
        subject names the actors a title-like subject without actors of its own stands for."""
        if subject.lemma_.lower() not in self.lex.cue("agentive_heads"):
            return []
        after = subject.right_edge.i + 1
        for other in verb.children:
            if other.dep_ in SUBJECT_DEPS and other.i > subject.i and after < len(self.doc) \
                    and self.doc[after].text == "," and other.left_edge.i == after + 1:
                return self.np_actors(other)
        return []

    def _headline_cosubjects(self, verb: Token, subject: Token) -> list[Arg]:
        """"Morocco, Israel sign defence pact": in a headline (no closing stop) a state name before
        the subject and a comma, left as a loose modifier of the verb, is a subject too."""
        sent = verb.sent
        if sent[-1].is_punct and sent[-1].text in ".!?":
            return []
        return [a for mod in verb.children if mod.dep_ in ("npadvmod", "dep") and mod.i < subject.i
                and mod.i in self.actor_at and mod.pos_ == "PROPN" and self.doc[mod.right_edge.i + 1].text == ","
                for a in self.np_actors(mod)]

    def _company_cosubjects(self, verb: Token, subject: Token) -> list[Arg]:
        """"Estonia, ALONG WITH Latvia and Lithuania, cut imports", "TOGETHER WITH France, Washington invested",
        "Chile, LIKE Peru, condemned": states in a phrase of company or likeness set off between the subject and
        its verb, or opening the sentence, act with the subject."""
        found: list[Arg] = []
        company = self.lex.cue("company_preps") | self.lex.cue("likeness_preps")
        for prep in [*subject.children, *verb.children]:
            inserted = subject.i < prep.i < verb.i and (self.doc[prep.left_edge.i - 1].text == ","
                                                         or prep.lower_ in self.lex.cue("company_words"))
            opening = prep.i < subject.i and prep.left_edge.i == verb.sent.start \
                and "," in (self.doc[prep.right_edge.i].text, self.doc[min(prep.right_edge.i + 1, len(self.doc) - 1)].text)
            if prep.dep_ != "prep" or not (inserted or opening) or prep.lower_ not in company:
                continue
            inner = [p for p in prep.children if p.dep_ == "prep" and p.lower_ == "with"]  # "along WITH"
            if prep.lower_ == "with" and not any(c.dep_ == "advmod" and c.lower_ in company for c in prep.children):
                continue  # "Peru, with Chile's backing," is no company; "together with Chile" is
            found += [a for p in (inner or [prep]) for o in pobjs(p) for a in self.np_actors(o)]
        return found

    def _stranded_subject(self, verb: Token) -> list[Arg]:
        """"Norway, for example, has been supporting X": a state name opening the clause,
        parsed as a loose modifier of the verb, is its subject; so is a state hyphened to a participle."""
        for mod in verb.children:
            if mod.i > verb.i:
                break
            if mod.dep_ in ("npadvmod", "dep") and mod.i in self.actor_at and mod.pos_ == "PROPN" \
                    and all(t.is_punct or t.dep_ == "det" for t in self.doc[verb.sent.start:mod.left_edge.i]):
                return self.np_actors(mod)
            if mod.dep_ == "npadvmod" and mod.i in self.actor_at and verb.dep_ == "amod" and verb.tag_ == "VBN" \
                    and mod.i + 2 == verb.i and self.doc[mod.i + 1].tag_ == "HYPH":
                return self.np_actors(mod)  # "a U.S.-SANCTIONED Russian vessel": the hyphened state did it
        return []

    def _parenthesis_subject(self, verb: Token) -> list[Arg]:
        """"Moscow, SAID ZAYTSEV, calls on Dushanbe": the subject before a reporting parenthesis, parsed as
        the parenthesis's subject, is the subject of the verb after it."""
        for said in verb.children:
            if said.dep_ == "parataxis" and said.i < verb.i and said.lemma_.lower() in self.lex.cue("reporting_verbs"):
                first = min((c for c in said.children if c.dep_ == "nsubj"), key=lambda c: c.i, default=None)
                if first is not None and first.i < said.i and self.doc[first.right_edge.i + 1].text == ",":
                    return self.np_actors(first)
        return []

    def stolen_subject(self, token: Token) -> bool:
        """Whether ``token`` belongs to a list of states parsed into the object before a finite verb that
        has no subject, and is that verb's subject (:meth:`stolen_list`)."""
        return bool(self.stolen_list(token))

    def stolen_list(self, token: Token) -> list[Token]:
        """"broke off relations with Israel and CHILE recalled its envoy": a state parsed as a conjunct of the
        object before a finite verb with no subject is that verb's subject; so is a whole list of states
        conjoined to a noun object: "threatened sanctions, AUSTRALIA, NEW ZEALAND and CANADA withdrew their envoys"."""
        if token.dep_ != "conj" or token.pos_ != "PROPN" or token.i not in self.actor_at:
            return []
        first = token
        while first.dep_ == "conj" and first.head.i in self.actor_at:
            first = first.head
        after_object = first.dep_ == "conj" and first.pos_ == "PROPN" and first.head.dep_ in ("pobj", "dobj") \
            and first.head.i not in self.actor_at
        chain = [t for t in (first, *first.conjuncts) if t.i >= first.i] if after_object else [token]
        last = max(chain, key=lambda t: t.i)
        if last.i + 1 >= len(self.doc) or not all(t.i in self.actor_at for t in chain):
            return []
        verb = self.doc[last.i + 1]
        finite = verb.tag_ in ("VBD", "VBZ")
        if verb.dep_ in ("aux", "auxpass") and verb.tag_ in ("VBD", "VBZ", "MD") and verb.head.i > verb.i:
            verb = verb.head  # "... invasion of Ukraine and SERBIA HAS not joined sanctions": the auxiliary's verb
        stolen = (verb.dep_ == "conj" or (after_object and verb.dep_ == "ccomp")) and finite and verb.head.i not in {t.i for t in chain} \
            and child(verb, *SUBJECT_DEPS) is None and (after_object or token.head.dep_ in ("pobj", "dobj"))
        return chain if stolen else []

    def _subject_taken_by_preposition(self, verb: Token) -> list[Arg]:
        """"tensions rose AFTER Chile and Peru extended a ban", "In April Kenya attacked": states right
        before a finite verb (or before a time said between them: "after Warsaw LAST MONTH expelled"), parsed as
        the object of a time preposition or of a date, are the verb's subject."""
        before = verb.i - 1
        timed = next((c for c in verb.children if c.dep_ == "npadvmod" and c.i == before), None)
        if timed is not None:  # "after Warsaw LAST MONTH expelled": the time said between them
            before = timed.left_edge.i - 1
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or before < 0 or before not in self.actor_at:
            return []
        first = self.doc[before]
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        dated = any(c.i < first.i and c.dep_ in ("compound", "nummod") and is_date_word(c.text) for c in first.children)
        if first.dep_ != "pobj" or (first.head.lower_ not in self.lex.cue("time_preps") and not dated) \
                or first.i not in self.actor_at or first.head.i >= first.i or first.right_edge.i != before:
            return []  # "In April Kenya attacked": the date is the preposition's object, the state the subject
        return self.np_actors(first)

    def stray_conjunct(self, token: Token) -> bool:
        """"between Armenia and Azerbaijan, THE EU and the U.S. have made efforts": after a closed
        pair and a comma, a conjunct before a main verb with no subject begins the next clause."""
        start = token.left_edge.i
        if token.dep_ not in ("conj", "appos") or start < 1 or self.doc[start - 1].lower_ != ",":
            return False
        root = token.sent.root
        chain, head = [], token.head  # the list the conjunct hangs in, up to its first member
        while head not in chain:
            chain.append(head)
            head = head.head if head.dep_ == "conj" else head
        closed = any(c.dep_ == "cc" and c.i < token.left_edge.i for h in chain for c in h.children) \
            or (token.head.i == chain[-1].i and self._in_opening_phrase(chain[-1], root))
        return closed and root.i > token.i and root.pos_ in ("VERB", "AUX") and child(root, *SUBJECT_DEPS) is None

    @staticmethod
    def _in_opening_phrase(first: Token, root: Token) -> bool:
        """Whether a noun sits in a prepositional phrase that opens the sentence and hangs on its main verb:
        "DESPITE objections from BEIJING, Australia and Fiji signed"."""
        node = first
        while node.dep_ in ("pobj", "prep") and node.head.i != node.i:
            if node.dep_ == "prep" and node.head.i == root.i:  # only adjuncts before it: "At the meeting, under ..."
                return all(c.dep_ in ("prep", "punct", "advmod", "npadvmod") for c in root.children if c.i < node.i)
            node = node.head
        return False

    def _opening_phrase_subject(self, verb: Token) -> list[Arg]:
        """"Under the mediation of Turkey, ETHIOPIA AND SOMALIA reached a deal": the rest of a list
        the parser hung in a sentence's opening phrase is the subject of its main verb."""
        if verb.i != verb.sent.root.i:
            return []
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
            for token in prep.subtree:
                if self.stray_conjunct(token):
                    return self.np_actors(token)
        return []

    def _joined_above(self, token: Token) -> Token:
        """The joining verb whose object list ``token`` ends, else ``token``: "JOINED Sweden, Finland and Denmark"."""
        current = token
        while current.dep_ in ("conj", "dobj") and current.pos_ in ("PROPN", "NOUN") and current.head.i != current.i:
            current = current.head
        return current if current.pos_ == "VERB" and current.lemma_.lower() in self.lex.cue("joining_verbs") else token

    def _broken_list(self, subjects: list[Token], nearest: Token) -> list[Arg]:
        """"Guinea, Sierra Leone, AND Liberia announced": a list of subjects the parser broke in two
        (the last item a subject of its own, "and" left on the first): all of them act."""
        first = [s for s in subjects if s.i < nearest.i and any(c.dep_ == "cc" for c in s.children)]
        if not first or nearest.i not in self.actor_at:
            return []
        return unique([a for s in first for a in self.np_actors(s)] + self.np_actors(nearest))


def listed_infinitive(verb: Token) -> Token | None:
    """A bare infinitive parsed as conjoined to a finite verb whose to-infinitive complement
    (or parsed as a second complement) comes first belongs to that complement's list:
    "wants Chile TO END A, PROVIDE B"."""
    head = verb.head
    if verb.dep_ not in ("conj", "ccomp") or verb.tag_ != "VB" or head.tag_ not in ("VBZ", "VBD", "VBP") \
            or any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in head.children if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VB" and head.i < c.i < verb.i
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
