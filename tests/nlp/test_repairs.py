"""kg_parse_repairs: a participle parsed as the verb of the state it modifies is mended."""
from __future__ import annotations

import pytest

from kg.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("text, verb, state", [
    ("Chad accused neighbouring Sudan of backing rebels.", "accused", "Sudan"),
    ("South Sudan accused neighbouring Sudan of assisting the militia.", "accused", "Sudan"),
])
def test_the_state_is_the_verbs_object_again(nlp, text, verb, state):
    doc = nlp(text)
    states = [t for t in doc if t.text == state and t.dep_ == "dobj"]
    assert states and states[0].head.text == verb
    word = next(t for t in doc if t.lower_.startswith("neighbo"))
    assert (word.dep_, word.head.i, word.pos_) == ("amod", states[0].i, "ADJ")


def test_the_of_phrase_moves_to_the_verb(nlp):
    doc = nlp("Chad accused neighbouring Sudan of backing rebels.")
    assert next(t for t in doc if t.text == "of").head.text == "accused"


def test_a_sentence_without_the_misparse_is_left_alone(nlp):
    text = "Kenya and Somalia signed a deal."
    assert [(t.dep_, t.head.i) for t in nlp(text)] == [(t.dep_, t.head.i) for t in nlp.get_pipe("parser")(
        nlp.get_pipe("tagger")(nlp.get_pipe("tok2vec")(nlp.make_doc(text))))]


def test_a_recipient_parsed_as_a_compound_of_the_thing_given_is_a_dative(nlp):
    doc = nlp("The US gave Ukraine weapons.")
    ukraine = next(t for t in doc if t.text == "Ukraine")
    assert (ukraine.dep_, ukraine.head.text) == ("dative", "gave")


@pytest.mark.parametrize("text, outer, named, dep", [
    ("Gabon condemned what it called Cameroon's hostile move.", "condemned", "move", "dobj"),
    ("Peru protested against what it described as Chilean interference.", "against", "interference", "pobj"),
])
def test_a_thing_named_in_a_what_clause_is_the_outer_object(nlp, text, outer, named, dep):
    doc = nlp(text)
    noun = next(t for t in doc if t.text == named)
    assert (noun.dep_, noun.head.text) == (dep, outer)
    naming = next(t for t in doc if t.lemma_ in ("call", "describe"))
    assert (naming.dep_, naming.head.text) == ("relcl", named)


def test_the_preposition_after_a_stance_noun_is_the_nouns(nlp):
    doc = nlp("Ghana recalled its envoy in protest at Togo's decision.")
    at = next(t for t in doc if t.text == "at")
    assert at.head.text == "protest"


def test_a_capitalised_plural_title_takes_its_singular_lemma(nlp):
    doc = nlp("The Foreign Ministers of Egypt and Jordan met.")
    assert next(t for t in doc if t.text == "Ministers").lemma_ == "minister"


def test_the_first_name_of_an_opening_subject_list_is_a_conjunct(nlp):
    doc = nlp("Chad, Niger and Cameroon launched a joint offensive against Boko Haram.")
    assert (doc[0].dep_, doc[0].head.text) == ("conj", "Niger")


def test_a_past_verb_conjoined_to_an_accused_gerund_is_the_accusers(nlp):
    doc = nlp("Peru accused Chile of backing terrorist organizations and expelled the Chilean ambassador.")
    expelled = next(t for t in doc if t.text == "expelled")
    assert expelled.head.text == "accused"


@pytest.mark.parametrize("text, word, lemma", [
    ("Chile agreed to a cease-fire with Peru.", "cease-fire", "ceasefire"),
    ("Chile and Peru pledged closer co-operation.", "co-operation", "cooperation"),
])
def test_a_trigger_word_split_at_its_hyphen_is_one_token(nlp, text, word, lemma):
    doc = nlp(text)
    assert any(t.text == word and t.lemma_ == lemma for t in doc), [(t.text, t.lemma_) for t in doc]


def test_other_hyphenated_words_stay_split(nlp):
    assert "-" in [t.text for t in nlp("Anti-war protests spread in Chile.")]


def test_an_opening_participle_parsed_as_a_name_is_a_verb_again(nlp):
    doc = nlp("Visiting Angola, Togo and Nigeria in October, Lula clinched deals.")
    assert (doc[0].dep_, doc[0].lemma_, doc[1].dep_, doc[1].head.i) == ("advcl", "visit", "dobj", 0)


def test_a_past_verb_tagged_as_adjective_with_subject_and_object_is_a_verb(nlp):
    doc = nlp("The Emir of Qatar, Sheikh Tamim, hosted talks with Rwanda's president.")
    hosted = next(t for t in doc if t.lower_ == "hosted")
    assert (hosted.pos_, hosted.lemma_) == ("VERB", "host")
    assert ("QAT", "CONSULT", "RWA") in [(m.subject, m.relation, m.object) for m in doc._.relations]


def test_a_to_phrase_after_a_trigger_noun_in_a_prepositional_phrase_is_the_nouns(nlp):
    doc = nlp("Washington had invested millions of dollars in military assistance and training to Niger.")
    to = next(t for t in doc if t.lower_ == "to")
    assert to.head.lower_ == "assistance"


def test_a_to_tagged_as_infinitive_marker_with_an_object_is_a_preposition(nlp):
    doc = nlp("Li Qiang announced that China will donate US$28.5 million to Cape Verde.")
    to = next(t for t in doc if t.lower_ == "to")
    assert (to.pos_, to.tag_, to.dep_) == ("ADP", "IN", "prep")


def test_a_past_verb_split_at_its_hyphen_is_one_verb_with_its_subject(nlp):
    doc = nlp("Honduras has re-established diplomatic relations with China.")
    verb = next(t for t in doc if t.text == "re-established")
    assert (verb.lemma_, verb.pos_) == ("reestablish", "VERB")
    assert doc[0].head.i == verb.i and doc[0].dep_ == "nsubj"


def test_a_subject_list_with_a_serial_comma_is_one_subject(nlp):
    doc = nlp("Burkina Faso, Mali, and Niger announced the recall of their ambassadors.")
    verb = next(t for t in doc if t.text == "announced")
    assert verb.dep_ == "ROOT"
    names = {t.text for t in doc if t.text in ("Faso", "Mali", "Niger")}
    assert all(t.head.text == "Niger" or t.text == "Niger" for t in doc if t.text in names)


def test_a_from_phrase_after_a_companion_is_the_companions(nlp):
    doc = nlp("Bolivian forces fought alongside troops from Peru on the side of Ecuador's government.")
    origin = next(t for t in doc if t.lower_ == "from")
    assert origin.head.text == "troops"


def test_a_headlines_subject_and_object_parsed_as_modifiers_are_mended(nlp):
    doc = nlp("Mali expels French ambassador")
    deps = {t.text: (t.dep_, t.head.text) for t in doc}
    assert deps["Mali"] == ("nsubj", "expels") and deps["ambassador"] == ("dobj", "expels"), deps


def test_a_clause_with_its_subject_is_left_alone(nlp):
    doc = nlp("Mali expelled the French ambassador on Monday.")
    assert [t.dep_ for t in doc if t.text in ("Mali", "ambassador")] == ["nsubj", "dobj"]


def test_a_controlled_clause_parsed_as_compounds_of_the_object_is_a_clause_again(nlp):
    doc = nlp("Rwanda helped Mozambique fight jihadists.")
    deps = {t.text: (t.dep_, t.head.text) for t in doc}
    assert deps["fight"] == ("ccomp", "helped") and deps["Mozambique"] == ("nsubj", "fight"), deps


def test_a_name_after_a_conjunction_read_as_a_preposition_is_the_subject_of_the_verb_after_it(nlp):
    doc = nlp("Relations have been sour as Azerbaijan is a close ally of Turkey.")
    deps = {t.text: (t.dep_, t.head.text) for t in doc}
    assert deps["Azerbaijan"] == ("nsubj", "is") and deps["as"] == ("mark", "is"), deps


def test_a_preposition_before_a_name_and_a_verb_with_a_subject_is_left_alone(nlp):
    doc = nlp("Relations soured after Kenya closed the border.")
    deps = {t.text: (t.dep_, t.head.text) for t in doc}
    assert deps["Kenya"] == ("nsubj", "closed"), deps
