"""Ready queries: the ``.rq`` files of ``ontology/queries``, their descriptions and parameters.

A query file starts with ``#`` lines: what it answers (the first line is its
summary), one ``# counts:`` line saying what its numbers count, and one
``# param: NAME — description, e.g. VALUE`` line per parameter.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.knowledge.resources import ontology_path

QUERY_DIR: Path = ontology_path("queries")


@dataclass(frozen=True, slots=True)
class ReadyQuery:
    """A query of ``ontology/queries``: its name, description, what it counts, parameters and text."""

    name: str
    description: str
    params: dict[str, str]   # parameter name → its description
    text: str
    path: Path
    counts: str = ""         # what the numbers count (the file's ``# counts:`` line)

    def summary(self) -> str:
        """The first line of the description."""
        return self.description.split("\n", 1)[0]

    def columns(self) -> list[str]:
        """The names of the answer's columns, read off the (outer) SELECT clause.

        >>> ready_queries()["supplies"].columns()
        ['supplier', 'recipient', 'evidence', 'factual']
        """
        head = re.search(r"\bSELECT\b(.*?)\bWHERE\b", self.text, re.IGNORECASE | re.DOTALL)
        names, depth, after_as = [], 0, False
        for token in re.findall(r"\(|\)|[?$]\w+|\bAS\b", head.group(1) if head else "", re.IGNORECASE):
            depth += {"(": 1, ")": -1}.get(token, 0)
            if token[0] in "?$" and (depth == 0 or after_as):
                names.append(token[1:])
            after_as = token.upper() == "AS"
        return names

    def example(self) -> str:
        """A command line that runs the query, with the example value of each parameter.

        >>> ready_queries()["actor-relations"].example()
        'kg query out/graph.ttl actor-relations --param actor=Iran'
        """
        params = "".join(f" --param {name}={value}" for name, value in self.example_params().items())
        return f"kg query out/graph.ttl {self.name}{params}"

    def example_params(self) -> dict[str, str]:
        """Each parameter with the last example its description gives (``e.g. IRN or Iran`` → ``Iran``)."""
        return {name: _example_value(text) for name, text in self.params.items()}

    def describe(self) -> str:
        """What ``kg query --list`` shows: name and description, what it counts, columns, parameters, an example."""
        lines = [f"{self.name}", *(f"    {line}" for line in self.description.splitlines())]
        if self.counts:
            lines.append(f"    counts: {self.counts}")
        lines.append(f"    columns: {' '.join(self.columns())}")
        lines += [f"    --param {name}: {text}" for name, text in self.params.items()]
        lines.append(f"    example: {self.example()}")
        return "\n".join(lines)


def _example_value(text: str) -> str:
    """The last example a parameter's description gives (``e.g. IRN or Iran`` → ``Iran``), else ``VALUE``."""
    example = text.rpartition("e.g.")[2].split()
    return example[-1].strip(".,;") if example else "VALUE"


_PARAM_LINE = re.compile(r"^param:\s*\??(\w+)\s*(?:[—:-]+\s*)?(.*)$")
_COUNTS_LINE = re.compile(r"^counts:\s*(.*)$")


def read_ready_query(path: Path) -> ReadyQuery:
    """A :class:`ReadyQuery` from a ``.rq`` file and its leading ``#`` lines."""
    text = path.read_text(encoding="utf-8")
    description: list[str] = []
    params: dict[str, str] = {}
    counts = ""
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comment = line.lstrip("#").strip()
        param, counted = _PARAM_LINE.match(comment), _COUNTS_LINE.match(comment)
        if param:
            params[param.group(1)] = param.group(2).strip()
        elif counted:
            counts = counted.group(1).strip()
        elif comment:
            description.append(comment)
    return ReadyQuery(path.stem, "\n".join(description), params, text, path, counts)


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
