"""Ready queries over HTTP: ``GET /queries`` lists them, ``GET /queries/NAME?PARAM=VALUE`` runs one.

``/queries/supplies`` answers like ``/sparql`` with the text of
``ontology/queries/supplies.rq`` (same formats, ``format`` parameter and
``Accept`` header, same time limit); every other query-string field is a
parameter of the query, bound safely and given by code or by name
(``/queries/actor-relations?actor=Iran``). An unknown query is a 404, an
unknown parameter or name a 400.

>>> text, params = ready_request("/queries/actor-relations", {"actor": ["Iran"], "format": ["csv"]})
>>> params
{'actor': 'Iran'}
"""
from __future__ import annotations

import json
from urllib.parse import quote, urlencode

from kg.serve.queries import HttpError, Reply
from kg.sparql.ready import ReadyQuery, ready_queries

#: the path under which ready queries are served
PREFIX = "/queries"


def _url(query: ReadyQuery) -> str:
    """The query's path with its example parameters: ``/queries/actor-relations?actor=Iran``."""
    example = query.example_params()
    return f"{PREFIX}/{quote(query.name)}" + (f"?{urlencode(example)}" if example else "")


def ready_listing() -> Reply:
    """``GET /queries``: every ready query as JSON (what it answers and counts, columns, parameters, an example URL)."""
    listed = [{"name": q.name, "summary": q.summary(), "description": q.description, "counts": q.counts,
               "columns": q.columns(), "params": q.params, "example": _url(q)} for q in ready_queries().values()]
    return Reply("application/json", json.dumps({"queries": listed}, ensure_ascii=False, indent=1).encode("utf-8"))


def ready_request(path: str, fields: dict[str, list[str]]) -> tuple[str, dict[str, str]]:
    """The SPARQL text and the parameters of a ``/queries/NAME`` request; ``HttpError`` 404 or 400."""
    name = path.removeprefix(PREFIX + "/")
    query = ready_queries().get(name)
    if query is None:
        raise HttpError(404, f"no ready query {name!r}: GET {PREFIX} lists them ({', '.join(ready_queries())})")
    params: dict[str, str] = {}
    for key, values in fields.items():
        if key == "format":
            continue
        if key not in query.params:
            takes = ", ".join(query.params) or "none"
            raise HttpError(400, f"{name} has no parameter {key!r} (it takes: {takes})")
        if len(values) != 1:
            raise HttpError(400, f"give {key} once, not {len(values)} times")
        params[key] = values[0]
    return query.text, params


def ready_links() -> str:
    """The ready queries as HTML list items for the index page (every value escaped)."""
    from html import escape

    return "".join(f'<li><a href="{escape(_url(q))}"><code>{escape(q.name)}</code></a>: {escape(q.summary())}'
                   f"{' <i>counts: ' + escape(q.counts) + '</i>' if q.counts else ''}</li>"
                   for q in ready_queries().values())
