"""Pronouns that stand for a person: first-person pronouns in reported speech ("'We condemn the aggression,'
Tshisekedi said": we = DR Congo), and "he", "she" for the person the sentence is about or the last leader named."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import Arg, child, pobjs, unique

QUOTED_DEPS = ("ccomp", "parataxis", "xcomp", "advcl", "conj")


class SpeakerReference:
    """"we", "our", "us" (and "I", "my" of a leader) stand for the state of the one quoted."""

    def _resolve_speaker(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """The state of the speaker whose words hold ``token``: the subject of the reporting
        verb above the pronoun's clause, or of one hanging off it ("..., Sisi said")."""
        speaker = self._speaker_of(token)
        states = {a.actor for a in self.np_actors(speaker, exclude)} if speaker is not None else set()
        return [Arg(states.pop(), token, "coref")] if len(states) == 1 else []

    def _speakers_own(self, token: Token) -> bool:
        """"his country", "her nation": the state of the person speaking."""
        return any(c.dep_ == "poss" and c.lower_ in self.lex.cue("person_pronouns") for c in token.children)

    def reporter(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """The state reporting the clause that holds ``token`` ("VENEZUELA announced the envoy was expelled"), unless excluded."""
        return self._resolve_speaker(token, exclude)

    def _speaker_of(self, token: Token) -> Token | None:
        reporting = self.lex.cue("reporting_verbs")
        current = token
        while current.head.i != current.i:
            head = current.head
            if current.dep_ in QUOTED_DEPS and head.lemma_.lower() in reporting and head.i not in self._quoted_span(token):
                return child(head, "nsubj", "agent")
            current = head
        for verb in (current, *current.children):  # '"We condemn it," Sisi said': the saying hangs off the quote
            if verb.dep_ in ("ROOT", "parataxis", "ccomp") and verb.lemma_.lower() in reporting and verb.i != token.head.i:
                speaker = child(verb, "nsubj", "agent")
                if speaker is not None and speaker.lower_ not in self.lex.cue("first_person_pronouns"):
                    return speaker
        return None

    @staticmethod
    def _quoted_span(token: Token) -> range:
        """Token offsets of the quotation around ``token`` (empty when it is in none)."""
        sent, marks = token.sent, ("\"", "“", "”")
        opened = [t.i for t in sent if t.text in marks and t.i < token.i]
        closed = [t.i for t in sent if t.text in marks and t.i > token.i]
        return range(opened[-1], closed[0]) if opened and closed else range(0)

    def _resolve_person(self, token: Token) -> list[Arg]:
        """"he", "she": in a clause of a sentence whose subject is a person, that person ("Cameroon's
        defence MINISTER left for Moscow, where HE met ..."); "him" as an object, the last other person named
        with a state, no envoy ("spoke with Qatar's EMIR and urged HIM"); else the last leader named."""
        speaker = self._reporting_person(token)
        if speaker is not None:  # "when HE said HIS state would not recognise": the one who says it
            return [Arg(a.actor, token, "coref") for a in self._resolve_person(speaker)]
        clause = token.head.head if token.dep_ == "poss" else token  # "Du Xiaohui SAYS HIS country will help Zambia"
        while clause.dep_ in ("ccomp", "xcomp", "advcl") and clause.head.i != clause.i:
            clause = clause.head
            if clause.lemma_.lower() in self.lex.cue("reporting_verbs") and (
                    found := self._person_state(child(clause, "nsubj"), token)):
                return found  # the one who says it
        root, subject = token.sent.root, child(token.sent.root, "nsubj", "nsubjpass")
        in_clause = token.dep_ in ("nsubj", "nsubjpass") and token.head.i != root.i
        if in_clause and subject is not None and subject.i < token.i and (found := self._person_state(subject, token)):
            return found
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.i == root.i and token.sent.start > 0 and (
                found := self._person_state(child(self.doc[token.sent.start - 1].sent.root, "nsubj", "nsubjpass"), token)):
            return found  # "MUGABE had pledged to help Kabila ... HE accused Rwanda": the one the sentence before is about
        if token.dep_ in ("dobj", "dative"):  # "spoke with Qatar's EMIR and urged HIM": the other person named
            own = {a.actor for a in self.subjects(token.head)}
            for noun in reversed(token.sent[:token.i - token.sent.start]):
                if noun.dep_ != "compound" and noun.lemma_.lower() not in self.lex.cue("envoy_heads") and (
                        noun.lemma_.lower() in self.lex.cue("person_titles") or self.kind_at.get(noun.i) == "LEADER"):
                    found = {a.actor for a in self.np_actors(noun, conjuncts=False)} - own
                    if len(found) == 1:
                        return [Arg(found.pop(), token, "coref")]
        for i, actor, kind in reversed(self.mention_starts):
            if i < token.i and kind == "LEADER":
                return [Arg(actor, token, "coref")]
        return []

    def _reporting_person(self, token: Token) -> Token | None:
        """The person pronoun subject of the reporting verb whose clause holds the possessive ``token``:
        "he said HIS state would not recognise" ("he", who is resolved instead)."""
        clause = token.head
        while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
            clause = clause.head
        said = clause.head
        if token.dep_ != "poss" or clause.dep_ != "ccomp" or said.lemma_.lower() not in self.lex.cue("reporting_verbs"):
            return None
        speaker = child(said, "nsubj")
        return speaker if speaker is not None and speaker.i < token.i and speaker.lower_ in ("he", "she") else None

    def _person_state(self, person: Token | None, token: Token) -> list[Arg]:
        """The one state of ``person`` when named by a title or as a leader, as what ``token`` stands for."""
        titles = self.lex.cue("person_titles")
        if person is None or person.pos_ == "PRON" or not (
                person.lemma_.lower() in titles or self.kind_at.get(person.i) == "LEADER"
                or any(c.dep_ in ("compound", "nmod") and c.lemma_.lower() in titles for c in person.children)):
            return []  # (a name with its title: "Chinese Foreign Ministry SPOKESMAN Geng SHUANG")
        found = unique(a for a in self.np_actors(person, conjuncts=False)  # not the host of "Ambassador TO ZAMBIA"
                       if not (a.token.dep_ == "pobj" and a.token.head.lower_ == "to"))
        return [Arg(found[0].actor, token, "coref")] if len(found) == 1 else []

    def _claim_denier(self, token: Token, exclude: frozenset[str]) -> list[Arg]:
        """"it" as the subject of the content of another state's claim that a state rejects or denies is
        the one rejecting it: "Ethiopia denied Egypt's claims that IT had attacked Sudanese farmers"."""
        clause, claim = token.head, token.head.head
        if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ != "it" or clause.dep_ not in ("acl", "ccomp") \
                or claim.lemma_.lower() not in self.lex.cue("claim_nouns") or claim.dep_ != "dobj" \
                or claim.head.lemma_.lower() not in self.lex.cue("rejecting_verbs") | self.lex.cue("denying_verbs"):
            return []
        denier = child(claim.head, "nsubj")
        if denier is None:
            return []
        owners = {a.actor for c in claim.children if c.dep_ == "poss" for a in self.np_actors(c)}
        deniers = {a.actor for a in self.np_actors(denier, exclude) if a.actor not in owners}
        return [Arg(deniers.pop(), token, "coref")] if len(deniers) == 1 else []

    def _main_clause_object(self, token: Token) -> list[Arg]:
        """An object pronoun of a participle set off after its main clause stands for that clause's object,
        never its subject: "Bolivia expelled the U.S. ambassador, accusing HIM of plotting", "announced the
        expulsion of 15 Russian diplomats, accusing THEM of spying" (the of-phrase of an act on them)."""
        verb = token.head
        if token.dep_ != "dobj" or token.lower_ not in self.lex.cue("participle_object_pronouns") \
                or verb.tag_ != "VBG" or verb.dep_ != "advcl" or (obj := child(verb.head, "dobj")) is None:
            return []
        found = unique(self.np_actors(obj) or [a for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                                               for o in pobjs(p) for a in self.np_actors(o)])
        return [Arg(found[0].actor, token, "coref")] if len({a.actor for a in found}) == 1 else []
