"""Where the shipped knowledge lives: the resource package ``kg.ontology``.

The repository keeps the knowledge at its top level, in ``ontology/``; the
wheel (and an editable install) maps that folder to the package
``kg.ontology``, so it is read the same way from a checkout and from an
installed wheel, never through a path relative to this file.

>>> (ontology_dir() / "kg.ttl").is_file()
True
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import KgError

#: the package the ``ontology/`` folder is installed as
PACKAGE = "kg.ontology"


@lru_cache(maxsize=1)
def ontology_dir() -> Path:
    """The folder of the shipped ontology, gazetteer, lexicon and ready queries."""
    try:
        root = resources.files(PACKAGE)
    except ModuleNotFoundError:
        raise KgError(f"the knowledge package {PACKAGE} is not installed: reinstall kg") from None
    folder = Path(str(root))
    if not (folder / "kg.ttl").is_file():
        raise KgError(f"the knowledge package {PACKAGE} has no kg.ttl at {folder}: reinstall kg")
    return folder


def ontology_path(name: str = "kg.ttl") -> Path:
    """A file of the shipped knowledge, by its path inside ``ontology/``.

    >>> ontology_path("actors/states.csv").name
    'states.csv'
    """
    return ontology_dir() / name
