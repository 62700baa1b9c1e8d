"""spaCy components ``kg_leader_norms`` and ``kg_restore_norms``: leaders' names parsed as names the model knows.

The small English model parses a rare person name badly where it opens a
sentence: in "Ruto hosted Museveni in Nairobi" it reads "Ruto hosted" as a
modifier of "Museveni" and finds no verb, while "Putin hosted Modi in
Moscow" parses as subject, verb and object. The model's token vectors read a
token's ``NORM`` (besides its affixes and shape), so ``kg_leader_norms``,
placed before the model's ``tok2vec``, gives the last word of every leader's
full name or alias of ``leaders.csv`` the norm of a surname the model saw
often as a leader in its newswire training text ("bush"; given names are
left alone), and ``kg_restore_norms``, after the parser, puts the real norms
back. Bare surnames ("May", "Major", "Key") are left alone:
they are English words as often as names.

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


@Language.factory("kg_leader_norms", default_config={"placeholder": "bush", "directory": None})
def make_leader_norms(nlp: Language, name: str, placeholder: str, directory: str | None) -> LeaderNorms:
    """Build the component; ``placeholder`` is the norm a leader's surname takes."""
    return LeaderNorms(nlp, placeholder, directory)


@Language.component("kg_restore_norms")
def restore_norms(doc: Doc) -> Doc:
    """Put back the norms ``kg_leader_norms`` replaced."""
    for i, norm in doc.user_data.pop(SAVED_NORMS, ()):
        doc[i].norm_ = norm
    return doc


class LeaderNorms:
    """Sets the norm of the last word of a leader's full name or alias to a well-known surname's."""

    def __init__(self, nlp: Language, placeholder: str, directory: str | None = None) -> None:
        if not (isinstance(placeholder, str) and placeholder.isalpha()):
            raise ValueError(f"kg_leader_norms: placeholder must be one word, got {placeholder!r}")
        self.placeholder = placeholder.lower()
        gazetteer = load_gazetteer(Path(directory) if directory else None)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        names = sorted({form.text for form in gazetteer.leader_forms if not form.surname})
        for text in names:
            self.matcher.add("LEADER", [nlp.make_doc(text)])

    def __call__(self, doc: Doc) -> Doc:
        saved: dict[int, str] = {}
        for _, _, end in self.matcher(doc):
            surname = doc[end - 1]
            if surname.i not in saved and surname.is_alpha and surname.is_title:
                saved[surname.i] = surname.norm_
                surname.norm_ = self.placeholder
        if saved:
            doc.user_data[SAVED_NORMS] = sorted(saved.items())
        return doc
