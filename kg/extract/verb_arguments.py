"""The arguments a trigger verb's own syntax names: its direct objects and the states in its
objects and prepositional phrases ("SANCTIONED Russian vessels", "severed ties WITH Iran")."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.purposes import topic_with_phrases
from kg.extract.roles import ActorContext, capital_place
from kg.extract.syntax import Arg, child, is_infinitive, pobjs, through_of
from kg.knowledge.lexicon import TriggerGroup


class VerbArguments:
    """Direct objects of a trigger verb and the states its objects and prepositions name."""

    def _direct_objects(self, ctx: ActorContext, verb: Token, group: TriggerGroup, passive: bool) -> list[Token] | None:
        """The verb's direct objects (its patient when passive), or what stands for them when it
        modifies a noun, completes a keeping verb or controls a clause; None when the verb acts on
        no state at all ("a Moscow-backed separatist region")."""
        direct = [c for c in verb.children if c.dep_ in (("nsubjpass",) if passive else ("dobj", "dative"))
                  and c.pos_ != "ADP"]  # a dative "to Ukraine" is a prepositional object
        direct += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in group.head_preps and not passive
                   for o in pobjs(p)]  # "agreed TO Algeria's demands"
        if not direct and verb.dep_ == "amod" and (verb.tag_ == "VBG" or (  # "halting Iran's program",
                verb.tag_ == "VBN" and (verb.lemma_.lower() in self.lex.cue("brokering_verbs")  # "US-brokered talks between"
                                        or any(c.dep_ == "npadvmod" and c.i in ctx.actor_at for c in verb.children)))):
            if any(c.lower_ in self.lex.cue("breakaway_modifiers") for c in verb.head.children):
                return None  # "a Moscow-backed SEPARATIST region of Moldova": no act on Moldova
            direct = [verb.head]  # "a U.S.-SANCTIONED Russian vessel"
        if not direct and verb.dep_ == "acl" and verb.tag_ == "VBN" and (child(verb, "agent") is not None or group.inverse):
            direct = [verb.head]  # "Mozambique's army, BACKED by Rwandan troops", "Turkish drones BOUGHT in 2021"
        if not direct and (verb.dep_ == "oprd" or (verb.dep_ in ("ccomp", "advcl", "xcomp") and verb.tag_ in ("VBN", "VBD")
                                                    and verb.head.lemma_.lower() in self.lex.cue("keeping_verbs"))):
            # "kept the U.S. informed", "kept its border with X CLOSED": the keeping verb's object
            direct = [c for c in verb.head.children if c.dep_ == "dobj"]
        if not direct and verb.lemma_.lower() in self.lex.cue("object_control_verbs"):
            direct = [c for clause in verb.children if clause.dep_ == "ccomp"  # "help Canberra acquire", parsed
                      for c in clause.children if c.dep_ == "nsubj"             # with Canberra as the clause's subject
                      and c.lemma_.lower() not in self.lex.cue("envoy_heads")]  # not "asked that diplomats leave"
        return direct

    def _argument_objects(self, ctx: ActorContext, verb: Token, group: TriggerGroup, direct: list[Token],
                          known: frozenset[str], passive: bool) -> tuple[list[Arg], list[Arg]]:
        """The states the verb acts on and the states its goods come from, as its objects and
        prepositional phrases name them (``known``: the subject's states)."""
        preps = group.preps_for("VERB")
        objects: list[Arg] = []
        origins: list[Arg] = []
        given_to = group.relation in ("SUPPLY", "AID") and any(p.dep_ in ("prep", "dative") and p.lower_ == "to"
                                                                for p in verb.children)
        for obj in direct:
            if given_to and obj.lower_ in self.lex.cue("object_pronouns"):
                continue  # "transferred IT to the U.S.": the goods, not a state
            args = [] if group.only_prep_objects else [  # not the subject again as the object's modifier ("Angola-mediated talks")
                a for a in ctx.np_actors(obj, exclude=known) if not (a.via == "mod" and a.actor in known)
                and not self._own_possessive(ctx, verb, a.token, obj, known, group)]
            if group.only_prep_objects and group.inverse:  # "received TURKISH drones": their maker supplies them
                origins += self._made_by(ctx, obj)
            if (group.goods_origin or (passive and not known and obj.lemma_.lower() in self.lex.cue("material_means_nouns"))) \
                    and not self._supplied_with(ctx, verb, obj):  # "RWANDAN troops were deployed to X": Rwanda sent them
                objects += [a for a in args if a.via != "mod"]
                origins += [a for a in args if a.via == "mod"] + [  # "troops FROM Rwanda were deployed to X"
                    a for p in obj.children if p.dep_ == "prep" and p.lower_ == "from" for o in pobjs(p) for a in ctx.np_actors(o)]
                objects += self._recipients(ctx, obj, preps)
            else:
                objects += args
            if group.object_heads or not args or (group.place_targets and not any(  # "attacked PKK positions IN Iraq"
                    ctx.is_state_mention(ctx.kind_at.get(a.token.i, "")) for a in args)):  # "severed ties WITH Iran"
                objects += [a for p in through_of(obj) if p.dep_ == "prep" and p.lower_ in preps
                            and p.lower_ not in self._victim_preps(obj, group) for o in pobjs(p)
                            for a in ctx.np_actors(o) or (capital_place(ctx, o) if group.place_targets else [])]
                if group.object_heads:  # "cut relations and all contacts WITH Qatar"
                    objects += self._conjunct_prep_objects(ctx, obj, preps)
                if not objects and "between" in preps and obj.lemma_.lower() in self.lex.cue("end_nouns"):
                    objects += [a for p in [*obj.children, *verb.children] if p.dep_ == "prep" and p.lower_ == "to"
                                for o in pobjs(p)
                                for b in o.children if b.dep_ == "prep" and b.lower_ == "between"
                                for o2 in pobjs(b) for a in ctx.np_actors(o2)]  # "brokered an END TO the war BETWEEN X and Y"
                if not objects and "with" in preps:  # "signed memorandums on joint projects WITH Kenya"
                    objects += [a for p in topic_with_phrases(verb, obj, self.lex) for o in pobjs(p) for a in ctx.np_actors(o)]
        means = [p for b in verb.children if b.dep_ == "prep" and b.lower_ in ("by", "via", "over") for o in pobjs(b)
                 if o.lemma_.lower() in self.lex.cue("contact_means") for p in o.children if p.dep_ == "prep"]
        for prep in [*verb.children, *means]:  # a particle with an object is a preposition: "called ON Turkish
            # authorities"; a phrase hung on the means belongs to the verb: "spoke by telephone TO Putin"
            if (prep.dep_ in ("prep", "dative") and prep.pos_ in ("ADP", "SCONJ")  # "called UPON China", tagged SCONJ
                    or prep.dep_ == "prt" and pobjs(prep)) and prep.lower_ in preps:
                objects += [a for o in pobjs(prep) if not (prep.lower_ == "with" and self._no_partner(o))
                            for a in ctx.np_actors(o) or (capital_place(ctx, o) if group.place_targets else [])
                            if not self._border_side(ctx, a, o, group)  # "bombed the airport IN ASMARA"
                            and not (prep.lower_ == "for" and a.token.head.i == o.i and a.token.dep_ in ("compound", "amod")
                                     and self.lex.hostile(o.lemma_.lower(), noun=True))]  # "shells to Russia FOR THE
                # UKRAINE WAR": a purpose, not a recipient (but "for Ukraine's war effort")
            elif prep.dep_ == "prep" and prep.lower_ in group.agent_preps and (passive or group.inverse):
                origins += [a for o in pobjs(prep) for a in ctx.np_actors(o)]
        return objects, origins

    def _own_possessive(self, ctx: ActorContext, verb: Token, token: Token, obj: Token, known: frozenset[str],
                        group: TriggerGroup) -> bool:
        """"its" on the object of a friendly act of one state is the actor's own ("China seeks to shore up ITS
        economy", "Honduras sent ITS troops to China": no state acted on; the subject was excluded when resolving
        it); not on what a hostile act strikes ("killing ITS pilot", unless its own forces are sent), nor where a
        purpose clause follows a verb acting on another state ("entered Bolivia to support ITS government")."""
        if len(known) != 1 or token.dep_ != "poss" or token.head.i != obj.i \
                or token.lower_ not in self.lex.cue("possessive_pronouns") \
                or obj.lemma_.lower() in self.lex.cue("relational_nouns") | self.lex.cue("partner_nouns"):  # "ITS neighbour"
            return False
        if group.relation in self.lex.cue("hostile_relations") and obj.lemma_.lower() not in self.lex.cue("deployed_heads"):
            return False
        above = verb.head if verb.dep_ in ("advcl", "xcomp") and is_infinitive(verb) else None
        return above is None or not any(a.actor not in known for d in above.children if d.dep_ in ("dobj", "prep")
                                        for o in ([d] if d.dep_ == "dobj" else pobjs(d)) for a in ctx.np_actors(o))

    def _no_partner(self, noun: Token) -> bool:
        """A with-phrase of manner ("with Kinshasa's APPROVAL") or one holding its object in view ("with
        North Korea and China IN MIND") names no partner of the act."""
        if noun.lemma_.lower() in self.lex.cue("manner_nouns"):
            return True
        doc, views = noun.doc, self.lex.cue("in_view_nouns")
        for word in doc[noun.i + 1:noun.sent.end - 1]:  # "in mind" read off the text up to the phrase's comma, however parsed
            if word.is_punct:
                return False
            if word.lower_ == "in" and doc[word.i + 1].lemma_.lower() in views and doc[word.i + 2].lower_ != "of":
                return True  # not "IN VIEW OF the threat"
        return False

    @staticmethod
    def _conjunct_prep_objects(ctx: ActorContext, obj: Token, preps: frozenset[str]) -> list[Arg]:
        """The prepositional object of a conjunct of the object, shared by both:
        "cut diplomatic relations and all contacts WITH Qatar"."""
        return [a for conj in obj.conjuncts if conj.i > obj.i for p in conj.children
                if p.dep_ == "prep" and p.lower_ in preps for o in pobjs(p) for a in ctx.np_actors(o)]

    def _author_of_antecedent(self, ctx: ActorContext, verb: Token) -> list[Arg]:
        """Who made the act that a relative clause's verb is done to, when it names no state: the subject of
        the verb that announced, adopted or took it ("Brazil ANNOUNCED the decision, which was criticized by
        the US", "Peru adopted a law that Chile condemned"), not of one that merely met it ("rejected")."""
        relative = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")
                         and c.lower_ in self.lex.cue("relative_pronouns")), None)
        if relative is None or (relative.dep_ == "nsubjpass" and child(verb, "agent") is None) \
                or ctx.np_actors(verb.head):
            return []
        governed = ctx.governing_verb(verb.head)
        if governed is None or governed[1] or governed[0].lemma_.lower() not in self.lex.cue("authoring_verbs"):
            return []
        return ctx.subjects(governed[0])

    def _pact_sellers(self, ctx: ActorContext, verb: Token) -> list[Arg]:
        """The partners of the pact whose purpose is a purchase sell the goods: "Poland sealed a deal
        WITH South Korea TO PURCHASE tanks", "a contract with Turkey to buy drones"."""
        pact = verb.head if verb.dep_ == "acl" else child(verb.head, "dobj") if verb.dep_ == "advcl" else None
        if not is_infinitive(verb) or pact is None or pact.lemma_.lower() not in self.lex.cue("pact_nouns"):
            return []
        return ctx.pact_sides(pact)[1]

    @staticmethod
    def _apposed_act(noun: Token) -> Token | None:
        """The noun that ``noun`` renames: "backing Venezuela's BID for a seat - a candidacy opposed by the US"
        (an apposition, or a second object of the same verb set off after the first)."""
        if noun.dep_ == "appos":
            return noun.head
        if noun.dep_ == "dobj" and noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].is_punct:
            return next((d for d in noun.head.children if d.dep_ == "dobj" and d.i < noun.i), None)
        return None
