"""Companies are no states: "American Airlines suspended flights to Qatar" is no American sanction."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import child


class CompanyRules:
    """Companies are no states: "American Airlines suspended flights to Qatar" is no American sanction."""

    def _company_subject(self, verb: Token) -> bool:
        """The verb's subject is a company named by a demonym or a state's name
        ("American Airlines", "Turkish carrier", "a Chinese firm"); only states sanction."""
        subject = child(verb, "nsubj")
        return subject is not None and subject.lemma_.lower() in self.lex.cue("company_heads")
