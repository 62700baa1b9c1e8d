"""Which rule families can start on a word: an index built once from the cue lists.

A rule family (a ``_…_candidates`` method of the extractor) declares, with
:func:`starts_on`, the cue lists whose words can start it. The extractor then
tries on each token only the families its lemma or lower-case form can start,
instead of every family at every token.

>>> class Rules:
...     @starts_on("modal_aux")
...     def _modal_candidates(self, ctx, token):
...         yield token
>>> from kg.knowledge.lexicon import load_lexicon
>>> index = family_index(Rules(), ("_modal_candidates",), load_lexicon())
>>> [f.__name__ for f in index.get("would", ())], index.get("sanction")
(['_modal_candidates'], None)
"""
from __future__ import annotations

from typing import Any, Callable, Iterable, TypeVar

from kg.knowledge.lexicon import Lexicon

F = TypeVar("F", bound=Callable[..., Any])


def starts_on(*cues: str, nouns_of: str | None = None) -> Callable[[F], F]:
    """Declare the words that can start a rule family: those of the cue lists named,
    and with ``nouns_of`` the trigger nouns of that relation label."""
    def mark(family: F) -> F:
        family.entry_cues = cues  # type: ignore[attr-defined]
        family.entry_nouns_of = nouns_of  # type: ignore[attr-defined]
        return family
    return mark


def entry_words(family: Callable[..., Any], lexicon: Lexicon) -> frozenset[str]:
    """The words a family declared with :func:`starts_on` can start on; a family without
    the declaration is an error, so none is silently never tried."""
    if not hasattr(family, "entry_cues"):
        raise TypeError(f"{family.__name__} declares no entry words: decorate it with @starts_on(...)")
    words = {w for name in family.entry_cues for w in lexicon.cue(name)}
    if family.entry_nouns_of:
        words |= {lemma for lemma, groups in lexicon.nouns.items()
                  if any(g.relation == family.entry_nouns_of for g in groups)}
    return frozenset(words)


def family_index(rules: object, names: Iterable[str], lexicon: Lexicon) -> dict[str, tuple[Callable[..., Any], ...]]:
    """Word → the bound families (of ``rules``, in the order of ``names``) it can start."""
    index: dict[str, list[Callable[..., Any]]] = {}
    for name in names:
        family = getattr(rules, name)
        for word in entry_words(family, lexicon):
            index.setdefault(word, []).append(family)
    return {word: tuple(families) for word, families in index.items()}
