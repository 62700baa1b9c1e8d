"""Transfers: goods and money and their recipients, what is borrowed, and the partner of a pact a delivery follows."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.retaliation import RetaliationRules
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, pobjs, unique
from kg.knowledge.lexicon import TriggerGroup


class TransferRules(RetaliationRules):
    """Transfers: goods and money and their recipients, what is borrowed, and the partner of a pact a delivery follows."""

    def _transfers_money(self, verb: Token, direct: list[Token]) -> bool:
        """Whether the goods of a transfer are money or help ("provided Egypt
        WITH BILLIONS of dollars", "will send $2 billion in aid"), or relief given ("donated vaccines")."""
        if verb.lemma_.lower() in self.lex.cue("selling_verbs"):
            return False  # "sold $2 billion of copper": a price
        goods = [d for d in direct if d.pos_ not in ("PROPN",)]
        goods += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in pobjs(p)]
        money = self.lex.cue("aid_goods")
        goods = [self._counted_goods(g, money) for g in goods]  # "with MILLIONS of artillery shells": shells
        if verb.lemma_.lower() in self.lex.cue("donating_verbs"):
            money = money | self.lex.cue("relief_goods")
        return any(g.lemma_.lower() in money or g.tag_ == "$" or any(  # "a $4 BILLION CREDIT line"
            c.tag_ == "$" or (c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in money)
            or (c.dep_ == "nummod" and any(d.tag_ == "$" for d in c.children)) for c in g.children) for g in goods)

    @staticmethod
    def _counted_goods(goods: Token, money: frozenset[str]) -> Token:
        """What a number word (or a worth) counts when its of-phrase names no money: "millions OF SHELLS"
        (shells), not "billions of dollars"."""
        counted = [o for p in goods.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)] \
            if goods.lemma_.lower() in ("million", "billion", "thousand", "hundred", "worth") else []  # "$800 million
        # WORTH OF tanks": tanks
        return counted[0] if counted and counted[0].lemma_.lower() not in money and counted[0].tag_ != "$" else goods

    @staticmethod
    def _supplied_with(ctx: ActorContext, verb: Token, obj: Token) -> bool:
        """"supplied SUDAN'S ARMY WITH drones": a direct object with the goods in a with-phrase is the
        recipient, its modifiers the recipient's state (not the goods' origin, as in "supplied Iranian drones")."""
        return any(p.dep_ == "prep" and p.lower_ == "with" and any(not ctx.np_actors(o) for o in pobjs(p))
                   for h in (obj, verb) for p in h.children)

    def _recipients(self, ctx: ActorContext, goods: Token, preps: frozenset[str], depth: int = 0) -> list[Arg]:
        """Recipients named inside the goods phrase: "missiles destined FOR Ukraine"."""
        found: list[Arg] = []
        for c in goods.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                found += [a for o in pobjs(c) for a in ctx.np_actors(o)]
            elif c.dep_ in ("prep", "acl", "pobj") and depth < 2:
                found += self._recipients(ctx, c, preps, depth + 1)
        return found

    def _borrowed_objects(self, ctx: ActorContext, verb: Token, group: TriggerGroup) -> list[Arg]:
        """A participle elaborating another trigger shares its object:
        "Iran came to Russia's aid, supplying drones" (Russia receives); so does a trigger whose
        conjoined verb of the same kind names it: "broke off relations and cut ties with Bolivia"; an act
        condemned or rejected is opposed in the one whose act or request it is, named after "by" or "from"."""
        if group.relation in self.lex.cue("retaliation_relations") \
                and (provoker := self._retaliation_target(ctx, verb, ctx.subjects(verb))):
            return provoker  # "Tanzania retaliated BY BANNING milk": on the state that provoked it
        if group.relation in ("OPPOSE", "SUPPORT"):  # "condemned the attack BY Ethiopia", "welcomed the initiative
            by = [a for d in verb.children if d.dep_ == "dobj"  # ANNOUNCED BY Morocco": the one whose act it is
                  for p in [*d.children, *(g for c in d.children if c.dep_ == "acl" for v in (c, *c.conjuncts)
                                           for g in v.children if g.dep_ == "agent")]  # "put forward by X and backed by Y"
                  if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "from") for o in pobjs(p) for a in ctx.np_actors(o)]
            if by:
                return by
        if group.relation == "OPPOSE":
            pacts = [self._antecedent(d) for d in verb.children if d.dep_ == "dobj"]  # "an MoU, WHICH Egypt condemned"
            pacts = [p for p in pacts if p is not None and p.lemma_.lower() in self.lex.cue("pact_nouns")]
            known = {a.actor for a in ctx.subjects(verb)}  # the one condemning it is no party
            parties = [a for p in pacts for a in [b for b in ctx.parties_of_pact(p) if b.actor not in known]
                       or self._earlier_pact_parties(ctx, p)]
            if parties:
                return parties
            resisted = self._resisted_requester(ctx, verb)
            if resisted:
                return resisted
        if group.relation == "AID" and (place := self._arrival_place(ctx, verb)):
            return place  # "troops arrived in Cameroon TO HELP fight Boko Haram"
        head = verb.head
        later = self._chained_partners(ctx, verb, group)
        if later:  # "are breaking off relations and cutting air ties WITH Bolivia": Bolivia for both
            return later
        if group.relation in self.lex.cue("measure_relations") and (accused := self._accused_alongside(ctx, verb)):
            return accused  # "severed ties, ACCUSING CHAD of backing rebels"
        if verb.dep_ not in ("advcl", "conj") or head.i == verb.i:
            return []
        for token in head.subtree:
            if token.dep_ == "pobj" and token.head.head.i == head.i:
                possessor = child(token, "poss")
                if token.lemma_.lower() in self.lex.nouns and possessor is not None:
                    return ctx.np_actors(possessor)
        if verb.dep_ == "conj" and group.relation in ("SUPPLY", "AID"):
            return self._pact_partners(ctx, head)
        if verb.dep_ == "conj" and group.relation in self.lex.cue("conjoined_demands") and (
                child(verb, "dobj") is not None or any(p.lower_ == "of" for p in verb.children if p.dep_ == "prep")) \
                and (group.relation != "THREATEN" or self._hostile_act(head)):  # "welcomed X and warned of war": no threat
            known = {a.actor for a in ctx.subjects(verb)}  # "summoned Ghana's envoy and DEMANDED an apology": of Ghana
            acted_on = [d for d in head.children if d.dep_ == "dobj"]  # "closed its border WITH Sudan and warned of ..."
            acted_on += [o for d in acted_on for p in d.children if p.dep_ == "prep"
                         and p.lower_ in self.lex.cue("conjoined_object_preps") for o in pobjs(p)]
            return [a for d in acted_on for a in ctx.np_actors(d) if a.actor not in known]
        return []

    def _accused_alongside(self, ctx: ActorContext, verb: Token) -> list[Arg]:
        """The state a measure's own clause accuses, when the measure names no target: "Sudan severed
        ties, ACCUSING CHAD of backing rebels", "took action to sever ties, accusing Chad"."""
        clause = verb
        while clause.dep_ in ("xcomp", "acl") and clause.head.pos_ in ("VERB", "NOUN"):
            clause = clause.head.head if clause.head.pos_ == "NOUN" and clause.head.dep_ == "dobj" else clause.head
            if clause.pos_ != "VERB":
                break  # "TOOK ACTION to sever ties": through the action to the verb taking it
        known = {a.actor for a in ctx.subjects(verb)}
        return [a for c in clause.children if c.dep_ in ("advcl", "conj") and c.lemma_.lower() in self.lex.cue("blaming_verbs")
                and child(c, "nsubj") is None for d in c.children if d.dep_ == "dobj" for a in ctx.np_actors(d) if a.actor not in known]

    def _made_by(self, ctx: ActorContext, goods: Token) -> list[Arg]:
        """The states whose demonym marks material goods, or goods in an of-phrase: "TURKISH drones",
        "a batch of RUSSIAN jets" (people, words and money received say nothing of a supplier)."""
        material = self.lex.cue("material_goods")
        held = [goods, *(o for p in goods.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p))]
        return [a for g in held if g.lemma_.lower() in material
                for m in g.children if m.dep_ in ("amod", "compound", "nmod") for a in ctx.np_actors(m, conjuncts=False)]

    def _resisted_requester(self, ctx: ActorContext, verb: Token) -> list[Arg]:
        """A demand resisted in a relative clause opposes the one demanding: "Syria's demand for the
        withdrawal of Turkish troops, WHICH Ankara RESISTED" (Syria; the clause may hang on any noun of it)."""
        if verb.dep_ != "relcl":
            return []
        known = {a.actor for a in ctx.subjects(verb)}
        node = verb.head
        for _ in range(5):
            groups = self.lex.verbs.get(node.lemma_.lower(), ()) if node.pos_ == "VERB" else \
                self.lex.nouns.get(node.lemma_.lower(), ())
            if any(g.relation == "REQUEST" for g in groups):
                askers = ctx.subjects(node) if node.pos_ == "VERB" else \
                    [a for c in node.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
                return [a for a in askers if a.actor not in known]
            if node.dep_ not in ("pobj", "prep", "dobj") or node.head.i == node.i:
                return []
            node = node.head
        return []

    def _earlier_pact_parties(self, ctx: ActorContext, pact: Token) -> list[Arg]:
        """The parties of the pact the sentence before names, for "the deal" that names none:
        "Chad and Niger signed a water pact. Mali rejected THE DEAL" (Chad and Niger)."""
        det = child(pact, "det")
        if det is None or det.lower_ not in self.lex.cue("definite_determiners") or pact.sent.start == 0:
            return []
        before = ctx.doc[pact.sent.start - 1].sent
        earlier = [t for t in before if t.pos_ == "NOUN" and t.lemma_.lower() in self.lex.cue("pact_nouns")]
        return next((found for t in reversed(earlier) if len(found := unique(ctx.parties_of_pact(t))) >= 2), [])

    def _border_side(self, ctx: ActorContext, arg: Arg, place: Token, group: TriggerGroup) -> bool:
        """The one state named as the other side of a border help or goods are sent to receives nothing:
        "sent troops to the SOMALI border" (the sender's own frontier); of "the Polish-Belarusian
        border" a third state guards one side, which the words do not say."""
        if group.relation not in ("AID", "SUPPLY") or arg.via != "mod" or place.lemma_.lower() not in self.lex.cue("border_nouns"):
            return False
        return len({ctx.actor_at[c.i] for c in place.subtree if c.i in ctx.actor_at}) == 1

    def _antecedent(self, token: Token) -> Token | None:
        """The noun a relative pronoun stands for ("an MoU, WHICH Egypt condemned"), else the token."""
        if token.tag_ != "WDT":
            return token
        clause = token.head
        if clause.dep_ != "relcl":
            return None
        noun = clause.head  # "signed an MoU on maritime BORDERS, which": the clause often hangs on the last noun
        if noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB" and noun.lemma_.lower() not in self.lex.cue("pact_nouns"):
            return child(noun.head.head, "dobj") or noun
        return noun

    def _victim_preps(self, obj: Token, group: TriggerGroup) -> frozenset[str]:
        """"condemned the AGGRESSION AGAINST Niger": the prepositions by which a condemned war act names
        its victim, who is not opposed (its author may be: "the aggression OF Rwanda")."""
        if group.relation == "OPPOSE" and any(
                g.relation in self.lex.cue("war_relations") for g in self.lex.nouns.get(obj.lemma_.lower(), ())):
            return self.lex.cue("victim_preps")
        return frozenset()

    def _chained_partners(self, ctx: ActorContext, verb: Token, group: TriggerGroup) -> list[Arg]:
        """States in an object preposition further down the verb's chain of objects and conjuncts:
        "are breaking off relations and cutting sea, land and air ties WITH Qatar" (Qatar for both)."""
        chain, todo = [], [c for c in verb.children if c.dep_ in ("dobj", "conj")]
        while todo:
            token = todo.pop()
            if token.pos_ == "VERB" and not any(g.relation == group.relation for g in self.lex.verbs.get(token.lemma_.lower(), ())):
                continue  # "severed ties and SIGNED a deal with Bolivia": another act's partner
            chain.append(token)
            todo += [c for c in token.children if c.dep_ in ("dobj", "conj")]
        preps = group.preps_for("VERB")
        return [a for t in chain for p in t.children if p.dep_ == "prep" and p.lower_ in preps
                and p.lower_ not in self._victim_preps(t, group) for o in pobjs(p) for a in ctx.np_actors(o)]

    def _pact_partners(self, ctx: ActorContext, head: Token) -> list[Arg]:
        """A transfer conjoined to a trigger noun made with a state goes to that state:
        "signed a defence pact WITH Chad and delivered armoured vehicles" (Chad receives)."""
        obj = child(head, "dobj")
        if obj is None or obj.lemma_.lower() not in self.lex.nouns:
            return []
        return [a for p in obj.children if p.dep_ == "prep" and p.lower_ == "with"
                for o in pobjs(p) for a in ctx.np_actors(o)]
