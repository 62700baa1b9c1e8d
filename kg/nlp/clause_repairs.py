"""Mends of whole clauses after the parse, for ``kg_parse_repairs``: a verb read as another word class
(a past form tagged as an adjective, an opening participle read as a name), list openings and serial
commas, conjuncts hung on the wrong verb, headlines, a subject read as a preposition's object
("relations have been sour AS AZERBAIJAN IS a close ally of Turkey"), and a partner noun set off after a
name read as its conjunct ("China, North Korea's main ALLY and backer, said")."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.columns import TokenQuery


class ClauseRepairs:
    """Mends of whole clauses: a verb read as another word class, list openings, conjuncts, opening participles."""

    triggers: frozenset[str]
    epithets: frozenset[str]

    _adjectives = TokenQuery(TAG={"JJ"})
    _past_conjuncts = TokenQuery(TAG={"VBD"}, DEP={"conj"})
    _finite_clauses = TokenQuery(TAG={"VBZ", "VBD", "VBP"}, DEP={"advcl"})
    _names = TokenQuery(POS={"PROPN"})
    _coordinators = TokenQuery(DEP={"cc"})
    _apposed_names = TokenQuery(POS={"PROPN"}, DEP={"appos"})
    _noun_conjuncts = TokenQuery(TAG={"NN"}, DEP={"conj"})

    def _mend_adjectival_verbs(self, doc: Doc) -> None:
        """"The Emir of Qatar, Sheikh Tamim, HOSTED talks with ...": a past form tagged as an adjective that
        has a subject and an object is the verb it is; its lemma is the verb's ("host", "agree")."""
        for token in self._adjectives(doc):
            if token.tag_ != "JJ" or not token.lower_.endswith("ed") \
                    or not {"nsubj", "dobj"} <= {c.dep_ for c in token.children}:
                continue
            stem = token.lower_[:-2]
            forms = [stem, token.lower_[:-1], stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
            token.lemma_ = next((f for f in forms if f in self.triggers), stem)
            token.tag_, token.pos_ = "VBD", "VERB"

    def _mend_opening_participles(self, doc: Doc) -> None:
        """"VISITING Angola and Togo, Erdogan signed deals": a participle opening the sentence, parsed as a
        name compounded to its object (which then stands as a second subject), is the verb of a clause on
        the main verb again, with its object; its lemma is the verb's ("visit", "arrive", "meet")."""
        for sent in doc.sents:
            first = sent[0]
            obj = first.head
            verb = obj.head
            if not first.lower_.endswith("ing") or first.dep_ != "compound" or obj.dep_ not in ("nsubj", "nsubjpass") \
                    or not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > obj.i for c in verb.children if c.i != obj.i):
                continue
            stem = first.lower_[:-3]
            forms = [stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
            first.lemma_ = next((f for f in forms if f in self.triggers), stem)
            first.head, first.dep_, first.tag_, first.pos_ = verb, "advcl", "VBG", "VERB"
            obj.head, obj.dep_ = first, "dobj"

    def _mend_finite_conjuncts(self, doc: Doc) -> None:
        """"Egypt accused Turkey of backing terrorists and EXPELLED the ambassador": a past-tense verb
        parsed as a conjunct of the gerund inside a prepositional phrase is a conjunct of the verb that
        governs the phrase (a gerund conjoins gerunds; "expelled" is the accuser's act)."""
        for verb in self._past_conjuncts(doc):
            gerund = verb.head
            if verb.dep_ != "conj" or verb.tag_ != "VBD" or gerund.tag_ != "VBG" or gerund.dep_ != "pcomp":
                continue
            outer = gerund.head.head  # gerund <- preposition <- verb
            if outer.tag_ == "VBD" and outer.i < gerund.i and gerund.head.dep_ == "prep":
                verb.head = outer

    def _mend_subordinate_subjects(self, doc: Doc) -> None:
        """"relations have been sour AS AZERBAIJAN IS a close ally of Turkey": a finite verb with no subject
        right after a conjunction parsed as a preposition with a name as its object has that name as its
        subject, and the conjunction as its mark."""
        for verb in self._finite_clauses(doc):
            if verb.dep_ != "advcl" or verb.tag_ not in ("VBZ", "VBD", "VBP") or verb.i < 2 \
                    or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
                continue
            name = doc[verb.i - 1]
            while name.head.i > name.i and name.head.i < verb.i and name.dep_ == "compound":
                name = name.head
            prep = name.head
            if name.dep_ != "pobj" or name.tag_ not in ("NNP", "NNPS") or name.right_edge.i != verb.i - 1 \
                    or prep.lower_ not in ("as", "since", "because", "while", "after", "before", "until", "when", "though") \
                    or prep.i >= name.i or verb.head.i in (name.i, prep.i):
                continue
            name.head, name.dep_ = verb, "nsubj"
            prep.head, prep.dep_ = verb, "mark"

    @staticmethod
    def _mend_headline_clauses(doc: Doc) -> None:
        """"MALI expels French AMBASSADOR": in a clause whose finite verb has no subject, a name before it parsed as
        the verb's modifier is its subject, and a noun after it parsed as a loose modifier is its object."""
        for sent in doc.sents:
            verb = sent.root
            if verb.pos_ != "VERB" or verb.tag_ not in ("VBZ", "VBP", "VBD") \
                    or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
                continue
            subject = next((c for c in verb.children if c.i < verb.i and c.dep_ in ("amod", "compound", "npadvmod", "nmod")
                            and c.tag_ in ("NNP", "NNPS")), None)
            if subject is None:
                continue
            subject.dep_ = "nsubj"
            obj = next((c for c in verb.children if c.i > verb.i and c.dep_ == "npadvmod" and c.tag_ in ("NN", "NNS")), None)
            if obj is not None and not any(c.dep_ == "dobj" for c in verb.children):
                obj.dep_ = "dobj"

    @staticmethod
    def _mend_list_roots(doc: Doc) -> None:
        """"BURKINA FASO, Mali, and Niger announced the recall": a subject list with a serial comma whose first
        name the parser made the root (the verb a conjunct of it) or a second subject of the verb, with only the
        last name as the verb's subject, is one subject again: the first name with the others as conjuncts."""
        for sent in doc.sents:
            root = sent.root
            verb = next((c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None) \
                if root.pos_ == "PROPN" else root
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"] if verb is not None else []
            last = subjects[-1] if subjects else None
            first = root if verb is not root else (subjects[0] if len(subjects) == 2 else None)
            items = [c for c in first.children if first.i < c.i < last.i] if first is not None and last is not None else []
            if not any(c.dep_ == "cc" for c in items) \
                    or not all(c.dep_ in ("cc", "punct", "appos", "npadvmod", "conj") for c in items):
                continue
            if verb is not root:
                verb.head, verb.dep_ = verb, "ROOT"
            first.head, first.dep_ = last, "conj"
            for item in items:
                item.head, item.dep_ = last, ("conj" if item.dep_ in ("appos", "npadvmod") else item.dep_)

    def _mend_serial_commas(self, doc: Doc) -> None:
        """"Bolivia, CHILE, and Peru", "Costa Rica, PANAMA, and Honduras": a name between the first and a last
        conjunct after a serial comma, parsed as an apposition or loose modifier of the first, is a conjunct too;
        also when the last conjunct hangs on the noun above ("the leaders of Burkina Faso, MALI, and Niger")."""
        coordinating = {cc.head.i for cc in self._coordinators(doc)}
        for first in self._names(doc):
            if first.pos_ != "PROPN" or first.i not in coordinating:
                continue
            conj = next((c for c in first.children if c.dep_ == "conj" and c.i > first.i), None)
            cc = next((c for c in first.children if c.dep_ == "cc"), None)
            if conj is None or cc is None or cc.i > conj.i or doc[cc.i - 1].text != ",":
                continue
            for item in first.children:
                if item.dep_ in ("appos", "npadvmod") and item.pos_ == "PROPN" and first.i < item.i < cc.i:
                    item.dep_ = "conj"
        for item in self._apposed_names(doc, 0, -3):  # "the leaders of Burkina Faso, MALI, and Niger": the "and Niger" hung on "leaders"
            after = item.right_edge.i + 1
            if item.dep_ == "appos" and item.pos_ == "PROPN" and item.head.pos_ == "PROPN" and after + 2 < len(doc) \
                    and doc[after].text == "," and doc[after + 1].dep_ == "cc" and doc[after + 2].pos_ == "PROPN" \
                    and any(c.dep_ == "conj" and c.i > after for c in doc[after + 1].head.children):
                item.dep_ = "conj"

    @staticmethod
    def _mend_list_openings(doc: Doc) -> None:
        """"CHAD, Niger and Cameroon launched an offensive": the first name of a subject list that opens
        the sentence, parsed as a clause modifier of the verb, is a conjunct of the subject after it."""
        for sent in doc.sents:
            if len(sent) < 4:
                continue
            first, comma, subject = sent[0], sent[1], sent[2]
            if first.tag_ == "NNP" and first.dep_ in ("advcl", "npadvmod", "dep", "intj") and comma.text == "," \
                    and subject.tag_ == "NNP" and subject.dep_ in ("nsubj", "nsubjpass") and subject.head.i == first.head.i \
                    and any(c.dep_ == "conj" for c in subject.children) and all(c.dep_ == "punct" for c in first.children):
                first.head, first.dep_ = subject, "conj"

    def _mend_apposed_partners(self, doc: Doc) -> None:
        """"China, North Korea's main ALLY and economic backer, condemned": a partner or rival noun (cue words
        ``partner_nouns``, ``relational_nouns``) in the singular, set off by commas after a name, with conjuncts
        of its own, parsed as the name's conjunct, is an apposition to it (not "China, Russia's ally, and Iran",
        nor "Egypt and the Emirates, both close allies and partners": whose allies is not said)."""
        for word in self._noun_conjuncts(doc):
            name = word.head
            if word.dep_ != "conj" or word.tag_ != "NN" or word.lemma_.lower() not in self.epithets or name.pos_ != "PROPN" \
                    or word.left_edge.i < 1 or doc[word.left_edge.i - 1].text != "," or doc[word.left_edge.i - 1].head != name:
                continue
            close = word.right_edge.i + (doc[word.right_edge.i].text != ",")  # the closing comma, maybe its own
            if close + 1 < len(doc) and doc[close].text == "," and doc[close + 1].pos_ != "CCONJ" \
                    and any(c.dep_ == "conj" for c in word.children):
                word.dep_ = "appos"
