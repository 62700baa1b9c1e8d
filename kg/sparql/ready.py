"""Ready queries: the ``.rq`` files of ``ontology/queries``, their descriptions and parameters."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.knowledge.resources import ontology_path

QUERY_DIR: Path = ontology_path("queries")


@dataclass(frozen=True, slots=True)
class ReadyQuery:
    """A query of ``ontology/queries``: its name, description, parameters and text."""

    name: str
    description: str
    params: dict[str, str]   # parameter name → its description
    text: str
    path: Path

    def summary(self) -> str:
        """The first line of the description."""
        return self.description.split("\n", 1)[0]


_PARAM_LINE = re.compile(r"^param:\s*\??(\w+)\s*(?:[—:-]+\s*)?(.*)$")


def read_ready_query(path: Path) -> ReadyQuery:
    """A :class:`ReadyQuery` from a ``.rq`` file and its leading ``#`` lines."""
    text = path.read_text(encoding="utf-8")
    description: list[str] = []
    params: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comment = line.lstrip("#").strip()
        param = _PARAM_LINE.match(comment)
        if param:
            params[param.group(1)] = param.group(2).strip()
        elif comment:
            description.append(comment)
    return ReadyQuery(path.stem, "\n".join(description), params, text, path)


def ready_queries(directory: Path | None = None) -> dict[str, ReadyQuery]:
    """The ready queries of ``ontology/queries`` (or ``directory``), by name."""
    folder = directory or QUERY_DIR
    return {p.stem: read_ready_query(p) for p in sorted(folder.glob("*.rq"))}


def resolve_query(arg: str) -> str:
    """The SPARQL text ``arg`` stands for: a ready-query name, a ``.rq`` path, or SPARQL itself.

    >>> "kg:supplies" in resolve_query("supplies")
    True
    >>> resolve_query("ASK {}")
    'ASK {}'
    """
    ready = ready_queries()
    if arg in ready:
        return ready[arg].text
    if arg.endswith(".rq") or (len(arg) < 256 and "\n" not in arg and Path(arg).is_file()):
        path = Path(arg)
        if not path.is_file():
            raise KgError(f"{arg}: no such query file")
        return path.read_text(encoding="utf-8")
    if re.fullmatch(r"[\w-]+", arg):
        raise KgError(f"unknown ready query {arg!r} (known: {', '.join(ready)})")
    return arg
