"""When a noun event adds nothing of its own: the object of a verb trigger that states it
("condemned the strikes" states them; "signed a deal" is the verb's), or background
("after years of hostility"); and when its clause lends it no parties ("applied to join the alliance")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.syntax import child, counted, has_author, pobjs, selects
from kg.knowledge.descriptions import plural_names

if TYPE_CHECKING:  # pragma: no cover
    from kg.extract.roles import ActorContext


class AbsorptionRules:
    """When a noun event adds nothing of its own: absorbed by its verb, or background; and when its clause lends no parties."""

    def _absorbed(self, noun: Token) -> bool:
        """A noun trigger that is the object of a (non-support) verb trigger, or
        background ("after years of hostility"), adds nothing of its own."""
        head = noun.head
        if self.undone_by_verb(noun):
            return True  # a hostile sense for this very object undoes it: "ENDED its cooperation pact with X"
        if any((c.dep_ == "amod" and c.lower_ in self.lex.cue("former_modifiers"))
               or (c.dep_ == "advmod" and noun.dep_ == "appos" and c.lower_ in self.lex.cue("former_adverbs")) for c in noun.children):
            return True  # "Iran's FORMER ally Sudan", "Australia, ONCE a staunch supporter of X": ended, background
        if noun.dep_ == "attr" and head.lemma_ == "be" and any(
                c.dep_ == "advmod" and c.lower_ in self.lex.cue("former_adverbs")
                and not (c.i + 1 < len(c.doc) and c.nbor().lower_ == "again")
                for c in head.children):
            return True  # "Kigali and Kampala were ONCE close allies"
        taker = self._object_taker(noun)
        if taker is not None and taker.pos_ == "VERB" and any(
                selects(g, noun) for g in self.lex.verbs.get(taker.lemma_.lower(), ())) and not self._owned_demand(noun) \
                and not self._concluded(noun):
            return True  # the verb has a sense for this very object, which states the event: "REACHED a DÉTENTE with"
        if noun.dep_ == "dobj" and noun.lemma_.lower() in self.lex.cue("relationship_nouns") and head.dep_ == "xcomp" \
                and head.lemma_.lower() in self.lex.cue("warming_verbs") \
                and any(g.relation == "REQUEST" for g in self.lex.verbs.get(head.head.lemma_.lower(), ())):
            return True  # "SOUGHT to improve TIES with Egypt": better ties asked for (REQUEST), not had (but "sought to
            # strengthen its COOPERATION with Moscow" strengthens what there is)
        if noun.dep_ == "dobj" and head.lemma_.lower() in self.lex.cue("lifting_verbs") and any(
                g.relation in self.lex.cue("lifted_relations") for g in self.lex.nouns.get(noun.lemma_.lower(), ())):
            return True  # "LIFTED its ban on Paraguayan beef": the measure ends
        if noun.dep_ == "dobj" and head.pos_ == "VERB" and self.is_trigger_verb(head) \
                and head.lemma_.lower() not in self.lex.cue("support_verbs") and not self._states_its_object(head) \
                and not self._owned_other_event(noun, head) and not self._threatened_noun(noun, head) \
                and not self._between_parties_named(noun) and not self._rejected_accusation(noun, head) \
                and not self._owned_demand(noun) and not self._concluded(noun):
            return True
        if noun.dep_ == "dobj" and head.lemma_.lower() in self.lex.cue("unrealising_verbs") \
                and not any(c.lower_ in self.lex.cue("continuing_modifiers") for c in noun.children):
            return True  # "agreed to AVERT a war", "does not NEED Ankara's help": nothing happens; but "avoid FURTHER conflict"
        if self.ends_a_pact(noun):
            return True  # "the SCRAPPING of its defence pact with X": ended, not agreed
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in self.lex.cue("background_heads") \
                and head.head.head.lower_ in self.lex.cue("ended_preps") and not self._hostile_act(head.head.head.head) \
                and not any(c.dep_ == "amod" and c.lower_ in self.lex.cue("ongoing_modifiers") for c in noun.children) \
                and not self._meeting(noun):  # "following years of TALKS with Nepal": talks held are no relation that ended
            return True  # "restored ties after seven years of hostility": over; not "cut ties after months of tensions",
            # nor "after months of GROWING tensions"
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in self.lex.cue("background_heads") \
                and head.head.dep_ == "dobj" and head.head.head.lemma_.lower() in self.lex.cue("ending_verbs"):
            return True  # "a declaration ENDING 20 years of hostilities": over
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in self.lex.cue("war_descriptive_heads"):
            return True  # "exchanged 1,000 PRISONERS OF WAR": a kind of person, no war between them
        if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.pos_ == "VERB" \
                and any(g.asks_for for g in self.lex.verbs.get(head.head.lemma_.lower(), ())) \
                and not (child(head.head, "dobj") is None and self._meeting(noun)):
            return True  # "asked Japan for help": the help is what is asked; "called for a summit with X" is a meeting
        if noun.dep_ == "pobj" and head.lower_ == "for" and self._meeting(noun) \
                and head.head.lemma_.lower() in self.lex.cue("recall_verbs"):
            return True  # "recalled their ambassadors FOR CONSULTATIONS": at home, with no other state
        if noun.dep_ == "pobj" and head.lower_ in ("on", "against") and any(
                m.lemma_.lower() in self.lex.cue("prohibition_nouns")
                for m in ([head.head] if head.head.pos_ == "NOUN" else [d for d in head.head.children if d.dep_ == "dobj"])):
            return True  # "a ban on Chilean imports", "raised tariffs on imports": the trade hit is the target, no transfer
        return False

    @staticmethod
    def _object_taker(noun: Token) -> Token | None:
        """The verb whose direct object the noun is, also through a number that counts it:
        "cancelled $90 million OF FUNDING", "suspended 10 million euros IN SUPPORT" -> the verb."""
        head = noun.head
        if noun.dep_ == "pobj" and head.head.dep_ == "dobj" and counted(head.head).i == noun.i:
            return head.head.head
        return head if noun.dep_ == "dobj" else None

    def undone_by_verb(self, noun: Token) -> bool:
        """Whether ``noun`` is the object of a verb with a hostile sense for it: "TERMINATED the agreement";
        a demand turned down was still made: "DECLINED U.S. requests"."""
        return noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and not self._owned_demand(noun) and not self._concluded(noun) and any(
            noun.lemma_.lower() in g.object_heads and g.relation in self.lex.cue("undoing_relations")
            for g in self.lex.verbs.get(noun.head.lemma_.lower(), ()))

    @staticmethod
    def _between_parties_named(noun: Token) -> bool:
        """An event whose between-phrase names its own parties stands on its own:
        "Kenya hosted talks BETWEEN Congo AND Rwanda" (Congo and Rwanda talk), "between the two KOREAS"."""
        return any(p.dep_ == "prep" and p.lower_ == "between" and any(o.conjuncts or o.text in plural_names() for o in pobjs(p))
                   for p in noun.children)

    def _states_its_object(self, verb: Token) -> bool:
        """A verb that condemns or names an act states that it happened:
        "condemned Turkey's airstrikes on Iraq", "called the incursion an act of war"."""
        lemma = verb.lemma_.lower()
        return lemma in self.lex.cue("condemning_verbs") or self._names_its_object(verb)

    def _names_its_object(self, verb: Token) -> bool:
        """"called the attacks a violation": a naming, not a call on anyone."""
        return verb.lemma_.lower() in self.lex.cue("naming_verbs") and (
            child(verb, "oprd") is not None or self._name_in_object(verb) is not None or self._named_claim(verb) is not None)

    def _name_in_object(self, verb: Token) -> Token | None:
        """A naming's name misattached inside its object: "called X's dam a CRIME", "calling X's actions
        'unusual' and 'REPREHENSIBLE'" (a reproach as the object's apposition, modifier or conjunct)."""
        return next((t for d in verb.children if d.dep_ == "dobj" for t in d.subtree if t.dep_ == "oprd"
                     or (t.dep_ in ("appos", "amod", "conj") and t.lemma_.lower() in self._reproaches())), None)

    def _reproaches(self) -> frozenset[str]:
        """The names that reproach what they name: pejorative for a state, dismissive for a claim or act."""
        return self.lex.cue("pejorative_names") | self.lex.cue("dismissive_names")

    def _named_claim(self, verb: Token) -> Token | None:
        """"called Sudan's accusations nonsense" parsed as one object, the dismissive name as its
        head and the claim as its compound: the claim named."""
        obj = child(verb, "dobj")
        if obj is None or obj.lemma_.lower() not in self.lex.cue("dismissive_names"):
            return None
        return next((c for c in obj.children if c.dep_ in ("compound", "nmod") and (
            c.lemma_.lower() in self.lex.cue("claim_nouns") or self._hostile_noun(c))), None)  # or an act: "the air RAIDS"

    def _owned_other_event(self, noun: Token, verb: Token) -> bool:
        """An event of another kind than the verb, with its own waging side named,
        stands on its own: "Serbia condemned Russia's invasion of Ukraine"; so does a grievance with its
        own maker and its own target: "the court dismissed Sudan's case against the UAE"."""
        named = noun.doc.spans.get("actors", [])
        if verb.lemma_.lower() in self.lex.cue("obstructing_verbs") and noun.lemma_.lower() in self.lex.cue("benefit_nouns"):
            return False  # "BLOCKED EU funding for Ukraine": none is given
        if not any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and any(s.start <= c.i < s.end for s in named))
                   for c in noun.children):  # "Russia's invasion", "the RUSSIAN invasion"
            return False
        groups = self._noun_senses(noun, list(self.lex.nouns.get(noun.lemma_.lower(), ())))  # as its modifiers allow
        own = {g.relation for g in groups}
        theirs = {g.relation for g in self.lex.verbs.get(verb.lemma_.lower(), ())}
        aimed = any(p.dep_ == "prep" and p.lower_ == "against" and any(o.pos_ == "PROPN" for o in pobjs(p))
                    for p in noun.children)  # "dismissed SUDAN'S case AGAINST THE UAE": owner and target of its own
        return not own & theirs or (aimed and "OPPOSE" in own)

    def _concluded(self, noun: Token) -> bool:
        """A pact said to have been made stays made when it is rejected or ended: "Turkey rejected an agreement
        MADE on Thursday between Egypt and Greece" (Egypt and Greece agreed)."""
        return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in self.lex.cue("concluding_participles")
                   for c in noun.children)

    def _owned_demand(self, noun: Token) -> bool:
        """A demand with its maker named stays the maker's request when it is met or turned down: "Syria accepted
        TURKEY'S DEMANDS", "declined U.S. REQUESTS", "refused a request FROM Togo"."""
        named = has_author(noun) or any(c.dep_ in ("compound", "amod") and (c.is_title or c.is_upper) for c in noun.children)
        return named and any(g.asks_for for g in self.lex.nouns.get(noun.lemma_.lower(), ()))

    def _meeting(self, noun: Token) -> bool:
        """A noun of a meeting (CONSULT): "a summit", "talks"."""
        return any(g.relation == "CONSULT" for g in self.lex.nouns.get(noun.lemma_.lower(), ()))

    def _rejected_accusation(self, noun: Token, verb: Token) -> bool:
        """"rejected LITHUANIA'S accusations", "the accusations BY Congo": the accusations, made by a state,
        were made against the one rejecting them (relations.md: the accuser opposes the accused)."""
        return verb.lemma_.lower() in self.lex.cue("rejecting_verbs") \
            and noun.lemma_.lower() in self.lex.cue("accusation_nouns") and has_author(noun)

    def _body_joined(self, noun: Token, verb: Token | None) -> bool:
        """"applied to join THE ALLIANCE": a body joined or left, not a pact between the joiners."""
        return verb is not None and verb.lemma_.lower() in self.lex.cue("body_joining_verbs") \
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children) \
            and not any(c.dep_ == "prep" for c in noun.children)

    def _located_elsewhere(self, ctx: ActorContext, noun: Token, verb: Token | None) -> bool:
        """A mutual event placed in a state ("to address the conflict IN Sudan") has parties of its
        own: the subjects of a verb that only deals with it are not they; "waged a war in X" still lends."""
        placed = any(p.dep_ == "prep" and p.lower_ == "in" and any(o.i in ctx.actor_at for o in pobjs(p))
                     for p in noun.children)
        return placed and verb is not None and verb.lemma_.lower() not in self.lex.cue("support_verbs")
