"""Subjects that cannot do the act: "American Airlines suspended flights to Qatar" is no American sanction,
and "Russian drones flew into Poland" no Russian visit."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import child
from kg.knowledge.lexicon import TriggerGroup


class CompanyRules:
    """Companies are no states, weapons or troops that arrive somewhere pay no visit, and only troops invade."""

    def _company_subject(self, verb: Token) -> bool:
        """The verb's subject is a company named by a demonym or a state's name
        ("American Airlines", "Turkish carrier", "a Chinese firm"); only states sanction."""
        subject = child(verb, "nsubj")
        return subject is not None and subject.lemma_.lower() in self.lex.cue("company_heads")

    def _unfit_subject(self, verb: Token, group: TriggerGroup) -> bool:
        """Whether the verb's subject cannot do the act of ``group``: a company sanctioning (cue
        ``state_only_relations``), a weapon or a military unit travelling (cue ``non_visitors``):
        "Russian DRONES flew into Poland", "Ugandan TROOPS arrived in Juba" are no visits; and anyone but
        troops entering a state (cue ``troop_only_verbs``): "Senegal ENTERED the talks" is no attack."""
        if group.relation in self.lex.cue("state_only_relations") and self._company_subject(verb):
            return True
        if group.relation == "ATTACK" and verb.lemma_.lower() in self.lex.cue("troop_only_verbs"):
            subject = child(verb, "nsubj")
            return subject is None or subject.lemma_.lower() not in self.lex.cue("military_movers")
        if group.relation != "CONSULT" or verb.lemma_.lower() not in self.lex.cue("motion_verbs"):
            return False
        movers = [child(verb, "nsubj")] if child(verb, "nsubj") is not None else \
            [child(verb.head, "dobj"), child(verb.head, "nsubj")] if verb.dep_ == "xcomp" else []  # "allowed PLANES to land"
        return any(m is not None and m.lemma_.lower() in self.lex.cue("non_visitors")
                   and not any(c.dep_ == "acl" and c.lemma_.lower() == "carry" for c in m.children)  # "the plane CARRYING Lavrov"
                   for m in movers)
