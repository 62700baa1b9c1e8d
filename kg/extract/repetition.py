"""Acts repeated by another state: "Uganda expelled Somalia's envoy. Kenya FOLLOWED SUIT" (KEN SANCTION SOM),
"Taiwan cut ties with Honduras in response to A SIMILAR MOVE BY Honduras" (HND SANCTION TWN)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.candidates import RelationMention
from kg.extract.modality import is_hypothetical, is_negated, source_of
from kg.extract.roles import ActorContext
from kg.extract.syntax import Arg, child, pobjs


class RepetitionRules:
    """A state that does what another did takes over that act: its label and its object (or, when the object
    is the repeater itself, the one who did it first: a reply in kind)."""

    def _repeated(self, ctx: ActorContext, parsed: list[tuple[Span, list[RelationMention]]]) -> list[RelationMention]:
        """The acts repeated in each sentence, copied from the sentence's own other acts or else the sentence before."""
        found: list[RelationMention] = []
        by_start = {sent.start: mentions for sent, mentions in parsed}
        sents = list(ctx.doc.sents)
        for i, sent in enumerate(sents):
            for cue, repeaters, target in self._repetitions(ctx, sent):
                before = {t.text for t in sent if t.i < cue.i}  # "cut ties with X in response to a similar move by X"
                own = [m for m in by_start.get(sent.start, ()) if m.trigger in before]
                earlier = own or (by_start.get(sents[i - 1].start, []) if i else [])
                found += self._copies(cue, repeaters, target, earlier, sent)
        return found

    def _repetitions(self, ctx: ActorContext, sent: Span) -> list[tuple[Token, list[Arg], list[Arg]]]:
        """(cue word, the states that repeat, the object named with the repetition) for each repetition in ``sent``:
        "Kenya FOLLOWED SUIT", "Kenya DID THE SAME", "Ghana's SIMILAR MOVE", "took similar MEASURES against Madrid"."""
        cue = self.lex.cue
        found = []
        for token in sent:
            lemma = token.lemma_.lower()
            if token.pos_ == "VERB" and lemma in ("follow", "do") \
                    and (self._phrase_at(token, ("follow", "suit")) if lemma == "follow" else self._does_the_same(token)) \
                    and not any(t.dep_ == "advcl" and t.lemma_.lower() not in cue("prompting_verbs")
                                for t in (token, *token.ancestors)):  # "SEEKING to do the same, Athens signed"
                found.append((token, ctx.subjects(token), []))
            elif token.pos_ == "NOUN" and lemma in cue("repeated_act_nouns") and any(
                    c.dep_ == "amod" and c.lower_ in cue("repetition_modifiers") for c in token.children):
                holders = (token, token.head) if token.dep_ == "dobj" else (token,)  # "took similar measures AGAINST Madrid"
                target = [a for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("against", "on")
                          for o in pobjs(p) for a in ctx.np_actors(o)]
                found.append((token, self._doers_of_act(ctx, token), target))
        return [(t, [a for a in doers if ctx.is_state_mention(ctx.kind_at.get(a.token.i, "NAME"))], target)
                for t, doers, target in found if doers]

    def _does_the_same(self, verb: Token) -> bool:
        """"did THE SAME", "did LIKEWISE"."""
        obj = child(verb, "dobj")
        return (obj is not None and obj.lower_ == "same") or any(
            c.dep_ == "advmod" and c.lower_ in self.lex.cue("repetition_modifiers") for c in verb.children)

    def _doers_of_act(self, ctx: ActorContext, noun: Token) -> list[Arg]:
        """Who made a move: its possessor ("GHANA'S similar move"), its by-phrase ("a similar move BY Honduras",
        "the same move made BY Rabat"), or the subject of the verb that takes it ("ALGERIA took similar measures")."""
        owners = [a for c in noun.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
        owners += [a for p in noun.children if p.dep_ == "prep" and p.lower_ == "by" for o in pobjs(p) for a in ctx.np_actors(o)]
        owners += [a for v in noun.children if v.dep_ == "acl" for g in v.children if g.dep_ == "agent"
                   for o in pobjs(g) for a in ctx.np_actors(o)]
        if not owners and noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lex.cue("support_verbs"):
            owners = ctx.subjects(noun.head)
        return owners

    def _copies(self, cue: Token, repeaters: list[Arg], target: list[Arg], earlier: list[RelationMention],
                sent: Span) -> list[RelationMention]:
        """The first actor's acts of ``earlier`` done again by each repeater, with the repetition's own flags."""
        doers = {a.actor for a in repeaters}
        first = next((m.subject for m in earlier if m.subject not in doers or target), None)  # with a new target,
        # the repeater may repeat its own act: "Algeria withdrew its envoy from France. It took similar measures against Madrid"
        acts = {(m.relation, m.object, m.subject) for m in earlier if m.subject == first}
        negated, source = is_negated(cue, self.lex), source_of(cue, self.lex)
        found = []
        for relation, obj, doer in sorted(acts):
            objects = [a.actor for a in target] or [doer if obj in doers else obj]
            hypothetical = is_hypothetical(cue, self.lex, relation)
            found += [RelationMention(r, relation, o, negated, hypothetical, source, sent.start_char, sent.end_char, cue.text)
                      for r in sorted(doers) for o in objects if o != r]
        return found
