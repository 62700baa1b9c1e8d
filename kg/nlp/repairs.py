"""spaCy component ``kg_parse_repairs``: misparses of the small model mended after its parser and lemmatizer.

"Chad accused NEIGHBOURING Sudan of backing rebels": the model tags the
adjective "neighbouring" as a verb (VBG) that takes "Sudan" as its object, so
"accused" has no object and the accusation no target. The words of the cue
list ``adjectival_participles`` (``ontology/cues.toml``) are adjectives before
a proper noun: the component makes the noun take the participle's place in the
tree and the participle the noun's modifier (tag ``JJ``, part of speech ``ADJ``). And "Japan gave VIETNAM
aid": the model reads the recipient of a verb of giving (cue list
``ditransitive_verbs``) as a compound of the thing given; the component makes it
the verb's dative again. And "condemned WHAT IT CALLED Cameroon's aggression": the
thing named (cue list ``naming_verbs``) becomes the outer verb's object, the
naming a relative clause on it. And "recalled its envoy in protest AT Togo's decision": the
preposition after a stance noun (cue list ``stance_nouns``) is the noun's. And a capitalised plural
title ("the Foreign MINISTERS of") takes its singular as lemma, as a common noun does. And a trigger
word split at its hyphen ("cease-fire") is one token; the first name of an opening subject list
("CHAD, Niger and Cameroon launched"), a past verb parsed as conjunct of an accused gerund ("accused X of
backing rebels and EXPELLED"), and an opening participle parsed as a name ("VISITING Angola, Erdogan
signed") are put back in their clauses; a past verb tagged as an adjective with a subject and an object
("Qatar's emir, Sheikh Tamim, HOSTED talks") is a verb again; and a to-phrase after a trigger noun in a
prepositional phrase is the noun's ("invested in ASSISTANCE TO Niger"); a "to" tagged as the infinitive
marker but parsed as a preposition with an object is the preposition ("donate $28 million TO Cape Verde");
a subject list with a serial comma ("Burkina Faso, Mali, and Niger announced") is one subject; and a past
verb split at its hyphen ("re-established") is one verb with its subject; and a from-phrase after the
object of a preposition of company is that object's ("fought alongside troops FROM Peru"); and a headline's
subject and object parsed as loose modifiers of its verb ("MALI expels French AMBASSADOR") are its subject and object;
and a name and a verb parsed as compounds of a verb of control's object ("helped MOZAMBIQUE FIGHT jihadists") are
the subject and verb of its complement; and a partner or rival noun before a name ("US NEMESIS Iran", "U.S.-ALLY
Israel") heads the name; and a name after a conjunction parsed as a preposition is the subject of the
verb after it ("sour AS AZERBAIJAN IS an ally"). The mends of whole clauses are in :mod:`kg.nlp.clause_repairs`.
Each mend first finds the tokens it may apply to with a :class:`~kg.nlp.columns.TokenQuery` on labels
or words that no earlier token of its pass can change, then tests each in full.

>>> from kg.nlp.pipeline import load_pipeline
>>> doc = load_pipeline()("Chad accused neighbouring Sudan of backing rebels.")
>>> [(t.text, t.dep_, t.head.text) for t in doc[2:4]]
[('neighbouring', 'amod', 'Sudan'), ('Sudan', 'dobj', 'accused')]
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.knowledge.lexicon import load_lexicon
from kg.nlp.clause_repairs import ClauseRepairs
from kg.nlp.columns import TokenQuery


@Language.factory("kg_parse_repairs")
def make_parse_repairs(nlp: Language, name: str) -> ParseRepairs:
    """Build the component; its words come from the cue list ``adjectival_participles``."""
    lexicon = load_lexicon()
    return ParseRepairs(lexicon.cue("adjectival_participles"), lexicon.cue("ditransitive_verbs"),
                        lexicon.cue("naming_verbs"), lexicon.cue("stance_nouns"),
                        lexicon.cue("agentive_heads") | lexicon.cue("person_titles"),
                        frozenset(lexicon.nouns) | frozenset(lexicon.verbs), lexicon.cue("company_preps"),
                        lexicon.cue("object_control_verbs"), lexicon.cue("partner_nouns") | lexicon.cue("relational_nouns"))


class ParseRepairs(ClauseRepairs):
    """Mends misparses of the small model, each in a method of its own (see the module docstring)."""

    _hyphens = TokenQuery(ORTH={"-"})
    _to_particles = TokenQuery(LOWER={"to"}, POS={"PART"}, DEP={"prep"})
    _to_preps = TokenQuery(LOWER={"to"}, DEP={"prep"})
    _from_preps = TokenQuery(LOWER={"from"}, DEP={"prep"})
    _what_objects = TokenQuery(TAG={"WP"}, DEP={"dobj"})

    def __init__(self, participles: frozenset[str], giving: frozenset[str] = frozenset(),
                 naming: frozenset[str] = frozenset(),
                 stances: frozenset[str] = frozenset(), titles: frozenset[str] = frozenset(),
                 triggers: frozenset[str] = frozenset(), company: frozenset[str] = frozenset(),
                 controlling: frozenset[str] = frozenset(), epithets: frozenset[str] = frozenset()) -> None:
        self.participles = participles
        self.giving = giving
        self.naming = naming
        self.stances = stances
        self.titles = titles
        self.triggers = triggers
        self.company = company
        self.controlling = controlling
        self.epithets = epithets
        # the tokens the mends of cue words may apply to, found over the Doc's arrays (kg.nlp.columns)
        self._participles = TokenQuery(LOWER=participles)
        self._giving = TokenQuery(LEMMA=giving, POS={"VERB"})
        self._epithet_compounds = TokenQuery(LOWER=epithets, DEP={"compound"})
        self._controlling = TokenQuery(LEMMA=controlling)
        self._stance_objects = TokenQuery(LOWER=stances, DEP={"pobj"})
        self._plural_titles = TokenQuery(LOWER={title + "s" for title in titles}, TAG={"NNP", "NNPS"})

    def __call__(self, doc: Doc) -> Doc:
        self._join_hyphenated_triggers(doc)
        self._mend_participles(doc)
        self._mend_recipients(doc)
        self._mend_named_objects(doc)
        self._mend_stance_objects(doc)
        self._mend_title_lemmas(doc)
        self._mend_list_roots(doc)
        self._mend_headline_clauses(doc)
        self._mend_subordinate_subjects(doc)
        self._mend_serial_commas(doc)
        self._mend_list_openings(doc)
        self._mend_finite_conjuncts(doc)
        self._mend_opening_participles(doc)
        self._mend_adjectival_verbs(doc)
        self._mend_noun_objects(doc)
        self._mend_to_prepositions(doc)
        self._mend_company_origins(doc)
        self._mend_controlled_clauses(doc)
        self._mend_epithets(doc)
        self._mend_apposed_partners(doc)
        return doc

    def _mend_epithets(self, doc: Doc) -> None:
        """"US NEMESIS Iran", "U.S.-ALLY Israel", "Israel's ARCH-FOE Iran": a partner or rival noun (cues
        ``partner_nouns``, ``relational_nouns``) parsed as a compound of the name after it is that name's head,
        with the name in apposition and the name's possessor its own, as in "US ally Israel"."""
        for word in self._epithet_compounds(doc, 1, -1):
            name = word.head
            if word.dep_ != "compound" or name.i != word.i + 1 or name.pos_ != "PROPN" or name.dep_ == "ROOT" \
                    or not (word.tag_ == "NN" or doc[word.i - 1].text == "-") or word.lower_ not in self.epithets:
                continue
            for owner in [c for c in name.children if c.dep_ == "poss" and c.i < word.i]:
                owner.head = word
            word.head, word.dep_, word.tag_, word.pos_ = name.head, name.dep_, "NN", "NOUN"
            name.head, name.dep_ = word, "appos"

    def _mend_controlled_clauses(self, doc: Doc) -> None:
        """"helped MOZAMBIQUE FIGHT jihadists": a name and a trigger verb parsed as compounds of the object of
        a verb of control (cue ``object_control_verbs``) are the subject and the verb of its complement clause."""
        for verb in self._controlling(doc):
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.controlling:
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            parts = [c for c in obj.children if c.dep_ == "compound"] if obj is not None else []
            act = next((w for w in parts if w.tag_ in ("NN", "VB", "VBP") and w.lower_ in self.triggers
                        and w.i > 0 and doc[w.i - 1].tag_ in ("NNP", "NNPS") and doc[w.i - 1].head.i == obj.i), None)
            if act is None:
                continue
            actor = doc[act.i - 1]
            act.head, act.dep_, act.tag_, act.pos_ = verb, "ccomp", "VB", "VERB"
            actor.head, actor.dep_ = act, "nsubj"
            obj.head, obj.dep_ = act, "dobj"

    def _mend_company_origins(self, doc: Doc) -> None:
        """"fought alongside troops FROM PERU": a from-phrase right after the object of a preposition of
        company ("alongside", "with"), parsed on the verb, says where those troops come from."""
        for prep in self._from_preps(doc, 2):
            noun = doc[prep.i - 1]
            if prep.lower_ == "from" and prep.dep_ == "prep" and prep.head.pos_ == "VERB" and noun.dep_ == "pobj" \
                    and noun.pos_ == "NOUN" and noun.head.lower_ in self.company and noun.head.head.i == prep.head.i:
                prep.head = noun

    def _mend_to_prepositions(self, doc: Doc) -> None:
        """"will donate $28 million TO Cape Verde": a "to" tagged as the infinitive marker but parsed as a
        preposition with an object is the preposition (part of speech ``ADP``, tag ``IN``)."""
        for token in self._to_particles(doc):
            if token.pos_ == "PART" and token.dep_ == "prep" and token.lower_ == "to" \
                    and any(c.dep_ == "pobj" for c in token.children):
                token.tag_, token.pos_ = "IN", "ADP"

    def _mend_noun_objects(self, doc: Doc) -> None:
        """"invested millions in military ASSISTANCE and training TO Niger": a to-phrase right after a trigger
        noun inside a prepositional phrase, hung on the verb above, is the noun's (whom the help is for)."""
        for prep in self._to_preps(doc, 1):
            verb, before = prep.head, doc[prep.i - 1]
            if prep.dep_ != "prep" or prep.lower_ != "to" or verb.pos_ != "VERB":
                continue
            noun = next((n for n in (before, before.head) if n.right_edge.i == before.i and n.dep_ == "pobj"
                         and n.head.head.i == verb.i and n.lemma_.lower() in self.triggers and n.pos_ == "NOUN"), None)
            if noun is not None:
                prep.head = noun

    def _join_hyphenated_triggers(self, doc: Doc) -> None:
        """"agreed to a CEASE-FIRE", "CO-OPERATION with": a word split at its hyphen is one token again when
        the joined word is a trigger word ("ceasefire", "cooperation"), whatever its last part means alone."""
        joins = [(t.i - 1, t.i + 2, lemma) for t in self._hyphens(doc, 1, -1) if t.text == "-" and not t.whitespace_
                 and not doc[t.i - 1].whitespace_ and doc[t.i - 1].is_alpha and doc[t.i + 1].is_alpha
                 and (lemma := next((doc[t.i - 1].lower_ + form for form in _base_forms(doc[t.i + 1])
                                     if doc[t.i - 1].lower_ + form in self.triggers), None))]
        if not joins:
            return
        with doc.retokenize() as retokenizer:
            for start, end, lemma in joins:  # the word class of its last part: "co-OPERATION" is a noun
                last = doc[end - 1]
                past = not lemma.endswith(last.lemma_.lower())  # "re-ESTABLISHED" tagged as an adjective: a verb
                retokenizer.merge(doc[start:end], attrs={"LEMMA": lemma, "TAG": "VBN" if past else last.tag_,
                                                         "POS": "VERB" if past else last.pos_})
        for subject in [s for aux in doc if aux.dep_ == "aux" and aux.head.tag_ == "VBN" and "-" in aux.head.text
                        for s in aux.children if s.dep_ == "nsubj"]:
            subject.head = subject.head.head  # "Gambia HAS re-established": the subject the parser hung on "has"

    def _mend_title_lemmas(self, doc: Doc) -> None:
        """"the Foreign MINISTERS of Egypt and Jordan": a capitalised plural title keeps its plural form as
        lemma (the model lemmatizes no proper noun); it takes the singular of the title it is."""
        for token in self._plural_titles(doc):
            if token.tag_ in ("NNP", "NNPS") and token.lower_.endswith("s") and token.lower_[:-1] in self.titles:
                token.lemma_ = token.lower_[:-1]

    def _mend_stance_objects(self, doc: Doc) -> None:
        """"recalled its envoy in protest AT Togo's decision": the preposition right after a stance noun
        (cue list ``stance_nouns``), hung on the verb, names what the stance is against."""
        for noun in self._stance_objects(doc, 0, -1):
            if noun.lower_ not in self.stances or noun.dep_ != "pobj" or noun.head.lower_ != "in":
                continue
            after, verb = doc[noun.i + 1], noun.head.head
            if after.dep_ == "prep" and after.head.i == verb.i != noun.i:
                after.head = noun

    def _mend_named_objects(self, doc: Doc) -> None:
        """"condemned WHAT IT CALLED Cameroon's aggression", "in protest against what it described AS an
        attack": the thing named is what the outer verb or preposition takes (its object), and the
        naming a relative clause on it, as in "condemned Cameroon's aggression, which it called ..."."""
        for what in self._what_objects(doc):
            naming = what.head
            if what.tag_ != "WP" or what.dep_ != "dobj" or naming.lemma_.lower() not in self.naming \
                    or naming.dep_ not in ("ccomp", "pcomp") or naming.i < what.i:
                continue
            named = next((c for c in naming.children if c.dep_ == "oprd"), None) or next(
                (o for p in naming.children if p.dep_ == "prep" and p.lower_ == "as"
                 for o in p.children if o.dep_ == "pobj"), None)
            if named is None or named.pos_ not in ("NOUN", "PROPN"):
                continue
            outer, dep = naming.head, "dobj" if naming.dep_ == "ccomp" else "pobj"
            trailing = [c for c in naming.children if c.dep_ == "prep" and c.i > named.i]  # "... camps IN PAKISTAN"
            named.head, named.dep_ = outer, dep
            naming.head, naming.dep_ = named, "relcl"
            for prep in trailing:
                prep.head = named

    def _mend_recipients(self, doc: Doc) -> None:
        """"The US gave Ukraine weapons": the proper nouns between the verb and its object, all parsed
        as the object's compounds, are the recipient (the last one its head, a dative of the verb)."""
        for verb in self._giving(doc):
            if verb.pos_ != "VERB":
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
            if obj is None or obj.i <= verb.i + 1:
                continue
            names = doc[verb.i + 1:obj.i]
            if not all(t.tag_ in ("NNP", "NNPS") and t.dep_ == "compound" and t.head.i in (obj.i, t.i + 1) for t in names):
                continue
            last = names[-1]
            last.head, last.dep_ = verb, "dative"

    def _mend_participles(self, doc: Doc) -> None:
        for token in self._participles(doc):
            if token.tag_ not in ("VBG", "VBN") or token.head.i == token.i:
                continue
            noun = next((c for c in token.children if c.dep_ == "dobj" and c.tag_ in ("NNP", "NNPS") and c.i == token.i + 1
                         or c.i == token.i + 2 and c.dep_ == "dobj" and doc[token.i + 1].tag_ == "NNP"), None)
            if noun is None:
                continue
            head, dep = token.head, token.dep_
            noun.head, noun.dep_ = head, "dobj" if dep in ("xcomp", "advcl", "ccomp", "dobj") else dep
            for other in [c for c in token.children if c.i != noun.i]:
                other.head = head
            token.head, token.dep_, token.tag_, token.pos_ = noun, "amod", "JJ", "ADJ"


def _base_forms(word: Token) -> tuple[str, ...]:
    """The word's lemma, then the stems its past form may have ("established": "establish", "establishe").

    >>> from spacy.lang.en import English
    >>> _base_forms(English()("established")[0])[1:]
    ('establish', 'establishe')
    """
    lower = word.lower_
    if not lower.endswith("ed") or len(lower) < 5:
        return (word.lemma_.lower(),)
    stem = lower[:-2]
    return (word.lemma_.lower(), stem, lower[:-1]) + ((stem[:-1],) if stem[-1] == stem[-2] else ())
