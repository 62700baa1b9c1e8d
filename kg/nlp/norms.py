"""spaCy components ``kg_name_norms`` and ``kg_restore_norms``: leaders and capitals parsed as names the model knows.

The small English model parses a rare name badly: in "Ruto hosted Museveni
in Nairobi" it reads "Ruto hosted" as a modifier of "Museveni" and finds no
verb, while "Putin hosted Modi in Moscow" parses as subject, verb and object;
in "Nujoma visited Luanda" it takes "Luanda" for an adverb. The model's token
vectors read a token's ``NORM`` (besides its affixes and shape), so
``kg_name_norms``, placed before the model's ``tok2vec``, gives

- the last word of every leader's full name or alias of ``leaders.csv`` the
  norm of a surname the model saw often as a leader in its newswire training
  text (``leader_placeholder``, "bush"; given names are left alone; bare
  surnames such as "May", "Major", "Key" too: they are English words as often
  as names);
- a one-word capital the model has no string for (Luanda, Niamey, Kyiv; not
  Moscow or Nairobi, which it parses well) the norm of a capital it knows
  (``capital_placeholder``, "paris"),

and ``kg_restore_norms``, after the parser, puts the real norms back.

>>> from kg.nlp.pipeline import load_pipeline
>>> doc = load_pipeline()("Ruto hosted Museveni in Nairobi.")
>>> [(t.text, t.dep_) for t in doc][:3], doc[0].norm_
([('Ruto', 'nsubj'), ('hosted', 'ROOT'), ('Museveni', 'dobj')], 'ruto')
"""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.knowledge.gazetteer import load_gazetteer
from kg.nlp.extensions import SAVED_NORMS


@Language.factory("kg_name_norms",
                  default_config={"leader_placeholder": "bush", "capital_placeholder": "paris", "directory": None})
def make_name_norms(nlp: Language, name: str, leader_placeholder: str, capital_placeholder: str,
                    directory: str | None) -> NameNorms:
    """Build the component; the placeholders are the norms a leader's surname and an unknown capital take."""
    return NameNorms(nlp, leader_placeholder, capital_placeholder, directory)


@Language.component("kg_restore_norms")
def restore_norms(doc: Doc) -> Doc:
    """Put back the norms ``kg_name_norms`` replaced."""
    for i, norm in doc.user_data.pop(SAVED_NORMS, ()):
        doc[i].norm_ = norm
    return doc


class NameNorms:
    """Sets the norm of a leader's surname (full names and aliases) and of a capital unknown to the
    model to a well-known surname's and capital's."""

    def __init__(self, nlp: Language, leader_placeholder: str, capital_placeholder: str = "paris",
                 directory: str | None = None) -> None:
        for placeholder in (leader_placeholder, capital_placeholder):
            if not (isinstance(placeholder, str) and placeholder.isalpha()):
                raise ValueError(f"kg_name_norms: a placeholder must be one word, got {placeholder!r}")
        self.leader_placeholder, self.capital_placeholder = leader_placeholder.lower(), capital_placeholder.lower()
        gazetteer = load_gazetteer(Path(directory) if directory else None)
        # the model's own strings, read when the pipeline is assembled (this component first, before
        # kg_actors adds the gazetteer's forms and before any text is processed)
        known = nlp.vocab.strings
        self.capitals = frozenset(text for text, _, kind in gazetteer.forms()
                                  if kind == "CAPITAL" and text.isalpha() and text.lower() not in known)
        self.capital_ids = frozenset(nlp.vocab.strings.add(text) for text in self.capitals)  # tested by number
        self.leaders = PhraseMatcher(nlp.vocab, attr="ORTH")
        for text in sorted({form.text for form in gazetteer.leader_forms if not form.surname}):
            self.leaders.add("LEADER", [nlp.make_doc(text)])

    def __call__(self, doc: Doc) -> Doc:
        saved: dict[int, str] = {}
        for _, _, end in self.leaders(doc):
            surname = doc[end - 1]
            if surname.i not in saved and surname.is_alpha and surname.is_title:
                saved[surname.i] = surname.norm_
                surname.norm_ = self.leader_placeholder
        for token in doc:
            if token.orth in self.capital_ids and token.i not in saved:
                saved[token.i] = token.norm_
                token.norm_ = self.capital_placeholder
        if saved:
            doc.user_data[SAVED_NORMS] = sorted(saved.items())
        return doc
