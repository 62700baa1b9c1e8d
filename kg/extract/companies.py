"""Subjects that cannot do the act: "American Airlines suspended flights to Qatar" is no American sanction,
and "Senegal entered the talks" no Senegalese incursion."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.roles import ActorContext
from kg.extract.syntax import child
from kg.knowledge.lexicon import TriggerGroup


class CompanyRules:
    """Companies are no states, and only troops invade by entering."""

    def _company_subject(self, verb: Token) -> bool:
        """The verb's subject is a company named by a demonym or a state's name
        ("American Airlines", "Turkish carrier", "a Chinese firm"); only states sanction."""
        subject = child(verb, "nsubj")
        return subject is not None and subject.lemma_.lower() in self.lex.cue("company_heads")

    def _unfit_subject(self, ctx: ActorContext, verb: Token, group: TriggerGroup) -> bool:
        """Whether the verb's subject cannot do the act of ``group``: a company sanctioning (cue
        ``state_only_relations``), or anyone but troops or a state moving into a state (cue ``troop_only_verbs``):
        "the president ENTERED Somalia", "stopping its nationals from CROSSING into Uganda" are no attacks, nor
        troops entering to help."""
        if group.relation in self.lex.cue("state_only_relations") and self._company_subject(verb):
            return True
        if group.relation == "ATTACK" and verb.lemma_.lower() in self.lex.cue("troop_only_verbs"):
            subject = child(verb, "nsubj")
            helping = any(c.dep_ in ("advcl", "xcomp") and any(g.relation == "AID" for g in self.lex.verbs.get(c.lemma_.lower(), ()))
                          for c in verb.children)  # "troops entered Bunia TO HELP local forces": help, no invasion
            return helping or subject is None or not (subject.lemma_.lower() in self.lex.cue("deployed_heads")
                                                      or subject.i in ctx.actor_at)
        return False
