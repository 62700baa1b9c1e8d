"""Every name the pipeline's components share on a ``Doc``: span groups, ``user_data`` keys, extensions.

One module, so a component that writes a key and one that reads it cannot disagree on its name.
Values in ``user_data`` are plain data (tuples, lists, strings), so docs cross process boundaries
(``--workers``).
"""
from __future__ import annotations

#: ``doc.spans[SPANS_KEY]``: the actor mentions of ``kg_actors`` (``kb_id_`` the actor, ``label_`` the kind)
SPANS_KEY = "actors"
#: ``doc.spans[PLACES_KEY]``: capitals that ``kg_actors`` reads as places, not governments ("arrived in Lima")
PLACES_KEY = "actor_places"
#: ``user_data``: the document's date (ISO text), set by the selection pass
DATE_KEY = "date"
#: ``user_data``: whether the parsed text starts at the document's start (a dateline can only be there)
AT_DOCUMENT_START = "kg_at_document_start"
#: ``user_data``: context signals of skipped sentences ("the EU", "the bloc"), for forms like "Brussels"
CONTEXT_KEY = "kg_context"
#: ``user_data``: leaders named in full in skipped sentences, ``(offset, name)``
PRIOR_LEADERS = "kg_prior_leaders"
#: ``user_data``: actor mentions of skipped sentences, ``(offset, actor, kind)``, for coreference
PRIOR_MENTIONS = "kg_prior_mentions"
#: ``user_data``: the relation mentions of ``kg_relations``, as tuples; read through ``doc._.relations``
RELATIONS_KEY = "kg_relations"
#: ``user_data``: the norms ``kg_name_norms`` replaced, ``(token index, norm)``, put back after the parser
SAVED_NORMS = "kg_saved_norms"
