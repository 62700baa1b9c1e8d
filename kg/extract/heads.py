"""Heads that name their states in an of-phrase ("the countries of Peru and Chile", "the government of Iran")
or in the agent of a participle that says who leads them ("a coalition led by Saudi Arabia"), lists continued
after such a phrase, and heads that count what their of-phrase names ("a group of Zambian soldiers")."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import Arg, pobjs


class OfPhraseHeads:
    """Heads that name their states in an of-phrase: "the countries of Peru and Chile", "the government of Iran"."""

    def _list_after_of(self, token: Token, item: Token) -> bool:
        """"the ministers of the Netherlands, SAUDI ARABIA and Luxembourg", "the Prime Minister of Ethiopia,
        PRESIDENT OF KENYA, ...": a state (or a title of one) after a comma continues the list of states the
        of-phrase began (parsed as an apposition of the head)."""
        def names_state(head: Token) -> bool:
            return any(p.dep_ == "prep" and p.lower_ == "of" and any(o.i in self.actor_at for o in p.children if o.dep_ == "pobj")
                       for p in head.children)
        titled = item.lemma_.lower() in self.lex.cue("agentive_heads") and names_state(item)  # "..., PRESIDENT OF Kenya"
        return (item.i in self.actor_at or titled) and self.doc[item.left_edge.i - 1].text == "," and names_state(token)

    def _counted(self, token: Token) -> bool:
        """A head that counts what its of-phrase names: "a GROUP OF Zambian soldiers" (theirs), not "a militant group"."""
        return token.lemma_.lower() in self.lex.cue("transparent_heads") and any(
            p.dep_ == "prep" and p.lower_ == "of" and any(o.dep_ == "pobj" and o.tag_ == "NNS" for o in p.children)
            for p in token.children)

    def of_phrase_actors(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """The states a head stands for through its of-phrase: "the government OF Iran", "leaders IN New Delhi",
        "negotiators FROM Qatar", "his counterparts OF Peru and Chile" (not "forces IN Syria": a place)."""
        lemma, cue = token.lemma_.lower(), self.lex.cue
        return [a for prep in token.children if prep.dep_ == "prep" and (
                    prep.lower_ in ("of", "in", "from") or (prep.lower_ == "for" and lemma in cue("voice_heads")))
                and not (prep.lower_ == "in" and lemma in cue("deployed_heads"))
                for obj in pobjs(prep) for a in self.np_actors(obj, exclude)] or self._seat_after(token, exclude)

    def _seat_after(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """A government named by its seat in a phrase the parser hung on the verb: "Russia backs the REGIME
        IN DAMASCUS", "sent drones to the GOVERNMENT IN TRIPOLI" (heads of cue ``seat_heads``, capitals only)."""
        end = token.right_edge.i + 1
        if token.lemma_.lower() not in self.lex.cue("seat_heads") or end >= len(self.doc):
            return []
        prep = self.doc[end]
        if prep.dep_ != "prep" or prep.lower_ != "in" or prep.head.i == token.i:
            return []
        return [a for obj in pobjs(prep) if self.kind_at.get(obj.i) == "CAPITAL" for a in self.np_actors(obj, exclude)]

    def leader_actors(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """The states that lead the body headed by ``token``, named in the agent of a participle of leading:
        "a coalition LED BY Saudi Arabia", "forces commanded by Rwanda" (as "a Saudi-led coalition")."""
        return [a for acl in token.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
                and acl.lemma_.lower() in self.lex.cue("leading_verbs")
                for agent in acl.children if agent.dep_ == "agent"
                for obj in pobjs(agent) for a in self.np_actors(obj, exclude)]
