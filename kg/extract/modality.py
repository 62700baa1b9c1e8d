"""Negation, modality and attribution of a trigger, read off the dependency tree.

A trigger inherits the polarity and mood of the clause chain it sits in:
"did NOT supply", "REFUSED to supply", "does not have Patriots to SEND" are
negated; "WILL provide", "PLANS to transfer", "FUTURE talks", "IF Trump
pursues" are hypothetical. The walk goes up through infinitive, gerund and
prepositional links and stops at a finite clause boundary, and at verbs
like "urge X to" whose complement is somebody else's act.
A reported claim ("Bloomberg reported that ...") keeps its mood and gets the
reporter as ``source``.
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from kg.extract.purposes import pact_of_purpose
from kg.extract.syntax import child, has_author, is_infinitive
from kg.knowledge.lexicon import Lexicon

CHAIN_DEPS = frozenset({"amod", "xcomp", "acl", "pcomp", "prep", "pobj", "dobj", "attr", "oprd", "advcl", "conj", "nsubjpass", "nsubj"})
NEGATION_DEPS = frozenset({"neg"})


def clause_chain(token: Token, lex: Lexicon) -> Iterator[tuple[Token, str, Token]]:
    """The token and the heads it inherits mood from, each with the dependency
    through which the walk arrived there ('' for the token itself) and the
    child it arrived from.

    The walk passes through non-finite links; through a finite clause only
    when it is a subject or object noun's own verb.
    """
    yield token, "", token
    if token.pos_ in ("NOUN", "PROPN") and child(token, "poss") is not None:
        return  # "its war against Ukraine" is stated for its own sake
    current = token
    for _ in range(8):
        dep, head = current.dep_, current.head
        if dep == "ccomp" and head.lemma_.lower() in lex.cue("intent_verbs") and (is_infinitive(current) or (
                current.tag_ == "VB" and child(current, "nsubj") is None)):  # "wants X to end A, provide B"
            yield head, dep, current  # "expects Canada to resume exports"
            return
        if dep == "ccomp" and head.lemma_.lower() in lex.cue("negating_verbs") and child(head, "dobj") is None:
            yield head, dep, current  # "denied that it had supplied weapons"; not "..., a charge Rwanda denies"
            return
        if head.i == current.i or dep not in CHAIN_DEPS:
            return
        if dep == "pobj" and head.lower_ in lex.cue("time_preps"):
            return  # "during deadly border clashes": background keeps its own mood
        if dep == "pobj" and (head.lower_ in lex.cue("reason_preps")
                              or (head.dep_ == "pcomp" and head.head.lower_ in lex.cue("reason_preps"))):
            return  # "was not present BECAUSE OF tensions with X", "will not attend DUE TO tensions": the reason is real
        if dep == "pobj" and head.lower_ == "with" and head.i == head.sent.start and head.head.i > head.i:
            return  # "WITH tensions on the rise between X and Y, Z will sign": the setting is real
        if dep == "pobj" and head.lower_ in lex.cue("behest_preps") and current.lemma_.lower() in lex.cue("behest_nouns"):
            return  # "will deploy troops AT THE REQUEST of X": the request was made
        if dep == "pobj" and head.lower_ in lex.cue("setting_preps") and (head.head.pos_ == "NOUN" or any(
                stem in head.head.lower_ for stem in lex.cue("mediation_stems"))):
            return  # "possible measures in the flare-up of tension", "offered to mediate in the dispute": it is real
        if dep == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in lex.cue("yielding_verbs"):
            return  # "refused to bow TO pressure from X": the pressure was real
        if dep == "dobj" and head.lemma_.lower() in lex.cue("ending_verbs") and current.lemma_.lower() in lex.nouns:
            return  # "failed to halt the fighting": the fighting is going on
        if dep == "pcomp" and _is_finite(current) and child(current, "nsubj", "nsubjpass") is not None:
            return  # "expectations of what will happen at the talks": a clause of its own
        if dep == "pcomp" and head.lower_ == "for" and current.tag_ == "VBG" \
                and head.head.lemma_.lower() not in lex.cue("intent_verbs") | lex.cue("request_verbs"):
            return  # "vowed to retaliate against Israel FOR BOMBING": the reason has happened
        if head.pos_ == "NOUN" and head.lemma_.lower() in lex.nouns and current.i != token.i \
                and not (dep == "acl" and head.lemma_.lower() in lex.cue("intent_nouns")):  # but "its THREAT TO impose"
            return  # "weighing sanctions on Iranian oil EXPORTS": the exports are real, the sanctions not
        if dep == "advcl" and _is_finite(current):
            return
        if dep == "conj" and current.pos_ in ("VERB", "AUX") and child(current, "nsubj", "nsubjpass"):
            return
        if dep == "conj" and current.tag_ in ("VBD", "VBZ", "VBP") and not _is_finite(head):
            return  # "denies supporting the rebels and ACCUSES X": a finite verb misattached to a gerund
        if dep in ("xcomp", "advcl", "acl") and head.lemma_ in lex.cue("object_control_verbs") and child(head, "dobj"):
            return
        if dep in ("nsubj", "nsubjpass") and current.pos_ not in ("NOUN", "PROPN"):
            return
        if dep == "nsubj" and head.lemma_.lower() in lex.cue("effect_verbs") \
                and not any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in current.children):
            return  # "US military aid to Colombia COULD RESULT in escalation": the aid is given; its effect is not
            # (but "A war could destabilize the region" is no war yet)
        if dep == "amod" and current.tag_ != "VBG":
            return
        yield head, dep, current
        if head.pos_ in ("VERB", "AUX") and dep not in ("prep", "pobj", "pcomp") and _is_finite(head) and dep != "xcomp":
            return
        current = head


def _is_finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


def is_negated(token: Token, lex: Lexicon) -> bool:
    """Whether the trigger is denied by its clause."""
    particles, negating = lex.cue("particles"), lex.cue("negating_verbs")
    if _called_off(token, lex.cue("cancelling_verbs")):
        return True  # "cancelled the president's visit", "the talks were called off"
    for node, arrived_by, below in clause_chain(token, lex):
        if arrived_by in ("", "dobj", "attr", "nsubjpass", "nsubj", "xcomp", "acl") or node.pos_ in ("NOUN", "PROPN"):
            if any(c.dep_ in NEGATION_DEPS or (c.dep_ == "det" and c.lower_ in particles) for c in node.children):
                return True
        if arrived_by == "prep" and (node.lemma_ == "be" or (node.lemma_.lower() in lex.cue("support_verbs")
                                                             and below.i == token.head.i)) \
                and any(c.dep_ in NEGATION_DEPS for c in node.children):
            return True  # "was never at war with", "will not ENGAGE in conflict with", "did not GO to war"
        if node.pos_ == "ADP" and node.lower_ in particles:
            return True
        if arrived_by in ("xcomp", "pcomp", "ccomp", "prep", "acl") and node.lemma_.lower() in negating:
            return True
        if arrived_by == "dobj" and node.lemma_.lower() in lex.cue("denying_verbs") and (
                not has_author(below) or (below.i != token.i and below.lemma_.lower() in lex.cue("accusation_nouns"))):
            return True  # "denied any plan to destabilize", "denied Egypt's CLAIMS that it attacked"; not "refused a request by Kyiv"
        if arrived_by == "dobj" and node.lemma_.lower() in lex.cue("escaping_verbs"):
            return True  # "Burundi has ESCAPED criticism from Kinshasa": none was made
    return False


def _called_off(token: Token, words: frozenset[str]) -> bool:
    """An event noun whose verb is one of ``words`` (a phrasal verb as "call off"), as its object
    or its passive subject: "postponed the visit to China", "the talks were called off"."""
    head = token.head
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("dobj", "nsubjpass") or head.pos_ != "VERB":
        return False
    return head.lemma_.lower() in words or any(
        f"{head.lemma_.lower()} {c.lower_}" in words for c in head.children if c.dep_ == "prt")


def is_hypothetical(token: Token, lex: Lexicon, relation: str | None = None) -> bool:
    """Whether the trigger is stated as possible, planned, expected or conditional.
    A decision to take a stance or a measure (``relation`` among the decided
    acts) is the act itself, not a plan."""
    cue = lex.cue
    if _called_off(token, lex.cue("postponing_verbs") | lex.cue("scheduling_verbs")):
        return True  # "the president's visit was postponed", "talks are scheduled for May": still planned
    if relation in cue("stated_aims") and pact_of_purpose(token, lex) is not None:
        return False  # "a deal which aims to isolate Iran": the aim is a stance its parties take
    decided = relation in cue("decided_acts")
    if token.head.lemma_.lower() in cue("request_verbs") and (token.dep_ in ("xcomp", "ccomp") or (
            token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children))):
        return True  # "urged Germany to supply", "called FOR the two leaders to meet": asked for, not done
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in cue("risk_heads"):
        return True  # "raised the RISK of war", "FEARS of a new war between X and Y": not (yet) fought
    for node, arrived_by, below in clause_chain(token, lex):
        if arrived_by == "dobj" and node.lemma_.lower() in cue("support_verbs") and _asked_of_another(node, lex):
            return True  # "invited Israel to send a delegation": the delegation is asked for
        for c in node.children:
            if c.dep_ == "aux" and c.lower_ in cue("modal_aux"):
                return True
            if c.dep_ in ("amod", "advmod", "compound") and c.lower_ in cue("hypothetical_modifiers"):
                return True
            if c.dep_ == "mark" and c.lower_ in cue("conditional_marks"):
                return True
        if node.dep_ == "ROOT" and is_infinitive(node) and any(c.dep_ == "nsubj" for c in node.children):
            return True  # a headline's "Japan to buy submarines": announced, not done
        if arrived_by == "xcomp" and node.lower_ in cue("hypothetical_modifiers"):
            return True  # "is likely to retaliate"
        if arrived_by == "xcomp" and node.lower_ in cue("scheduled"):
            return True  # "were slated to meet", "is set to sign"
        if arrived_by == "dobj" and node.tag_ == "VBG" and node.lemma_.lower() in cue("unfinished_verbs"):
            return True  # "are finalizing a security deal"
        if arrived_by == "prep" and below.lower_ in cue("agreeing_preps") and node.lemma_.lower() in cue("agreeing_verbs") \
                and not _is_agreement(token, lex):
            return True  # "agreed on full cooperation": the cooperation is planned
        if arrived_by == "xcomp" and relation in cue("planned_relations") and node.lemma_.lower() in cue("agreeing_verbs"):
            return True  # "agreed to set up a joint mechanism": the cooperation is planned
        if _hedged_clause(node, lex):
            return True  # "it is probable that Egypt has sent"
        if arrived_by in ("xcomp", "ccomp", "acl", "dobj") and node.lemma_.lower() in cue("intent_verbs") \
                and not (decided and node.lemma_.lower() in cue("deciding_verbs")):
            return True
        if arrived_by == "acl" and node.lemma_.lower() in cue("intent_nouns"):
            return True  # "a proposal to resume negotiations"
        if arrived_by == "conj" and below.tag_ == "VB" and node.lemma_.lower() in cue("intent_verbs") | cue("request_verbs") \
                and not any(c.dep_ in ("aux", "nsubj") for c in below.children):
            return True  # "wants Chile to end A, PROVIDE B": a bare infinitive listed with the wanted act
        if arrived_by == "prep" and below.lower_ == "for" and node.lemma_.lower() in cue("intent_verbs") | cue("request_verbs"):
            return True  # "pushed for the procurement of F-16s", "called for talks with X"
        if arrived_by == "advcl" and below.i == token.i and _is_purpose(below) \
                and not _fulfilled_by(node, relation, lex):
            return True
    if decided and token.dep_ == "acl" and token.head.lemma_.lower() in cue("deciding_nouns"):
        return False  # "Algeria's DECISION to recall its ambassadors": taken, so done
    if relation == "THREATEN" and token.dep_ == "acl" and token.head.lemma_.lower() in cue("reserved_rights"):
        return False  # "reserved the RIGHT to retaliate": the threat is made
    return _head_clause_hypothetical(token, lex, relation)


def _is_agreement(token: Token, lex: Lexicon) -> bool:
    """A trigger that names the agreement itself ("agreed on a deal")."""
    groups = lex.nouns.get(token.lemma_.lower(), []) + lex.verbs.get(token.lemma_.lower(), [])
    return any(g.relation == "AGREE" for g in groups)


def _hedged_clause(node: Token, lex: Lexicon) -> bool:
    """A clause that is the complement of a hedging copula: "it is PROBABLE that ..."."""
    return node.dep_ == "ccomp" and node.head.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lower_ in lex.cue("hypothetical_modifiers") for c in node.head.children)


def _asked_of_another(node: Token, lex: Lexicon) -> bool:
    """A complement of a verb of asking with its own addressee ("urged Iran
    to", "invited Israel to"), whose support verb carries the trigger."""
    return node.dep_ == "xcomp" and node.head.lemma_.lower() in lex.cue("request_verbs") \
        and child(node.head, "dobj") is not None


def _is_purpose(verb: Token) -> bool:
    """An infinitive adjunct: 'opened talks ... TO BUY oil'."""
    return is_infinitive(verb) and child(verb, "nsubj") is None


def _head_clause_hypothetical(token: Token, lex: Lexicon, relation: str | None = None) -> bool:
    """A verb trigger that is itself a purpose infinitive."""
    if token.pos_ == "VERB" and token.dep_ in ("advcl", "relcl", "acl") and _is_purpose(token):
        return not _fulfilled_by(token.head, relation, lex) and token.head.pos_ in ("VERB", "NOUN") \
            and not _ranked(token.head, lex)
    return False


def _fulfilled_by(verb: Token, relation: str | None, lex: Lexicon) -> bool:
    """A purpose the verb it hangs on carries out: "arrived TO MEET" (the meeting happened), "sent
    troops TO HELP Mali" (the sending is the help), "tried TO GET Serbia to commit" (trying to get a state
    to act asks it: the request is made).

    >>> from kg.knowledge.lexicon import load_lexicon
    >>> from kg.nlp.pipeline import load_pipeline
    >>> doc = load_pipeline()("Chad sent troops to help Mali.")
    >>> _fulfilled_by(doc[1], "AID", load_lexicon()), _fulfilled_by(doc[1], "ATTACK", load_lexicon())
    (True, False)
    """
    lemma = verb.lemma_.lower()
    return lemma in lex.cue("motion_verbs") or (relation == "AID" and lemma in lex.cue("dispatching_verbs")) \
        or (relation == "REQUEST" and lemma in lex.cue("attempt_words"))


def _ranked(noun: Token, lex: Lexicon) -> bool:
    """"the FIRST country to sign", "the ONLY state to recognise": a rank says it was done."""
    return any(c.dep_ == "amod" and c.lower_ in lex.cue("ranking_modifiers") for c in noun.children)


def source_of(token: Token, lex: Lexicon) -> str | None:
    """The speaker or outlet a claim is attributed to, or None."""
    reporting = lex.cue("reporting_verbs")
    current = token
    while current.head.i != current.i:
        head = current.head
        if current.dep_ in ("ccomp", "xcomp", "pcomp", "parataxis", "advcl") and head.lemma_ in reporting:
            speaker = child(head, "nsubj", "agent")
            if speaker is not None:
                return _name(speaker)
        current = head
    according = lex.cue("according")
    for tok in token.sent:
        if tok.lower_ in according:
            to = child(tok, "prep")
            obj = child(to, "pobj") if to is not None else None
            if obj is not None:
                return _name(obj)
    return None


def _previous_speaker(pronoun: Token) -> str | None:
    for token in reversed(pronoun.doc[: pronoun.i]):
        if token.dep_ == "nsubj" and token.pos_ == "PROPN" and token.head.pos_ == "VERB":
            return token.doc[token.left_edge.i: token.i + 1].text.strip() or None
    return None


def _name(token: Token) -> str | None:
    """A compact name for a subject: the words up to its head, no appositions.
    A pronoun gives the nearest person or organisation named before it."""
    if token.dep_ == "agent":
        token = child(token, "pobj") or token
    if token.pos_ == "PRON":  # "She added": the last speaker named before
        return _previous_speaker(token)
    return token.doc[token.left_edge.i: token.i + 1].text.strip() or None
