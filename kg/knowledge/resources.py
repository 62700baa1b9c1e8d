"""Where the shipped knowledge lives: the resource package ``kg.ontology``.

The repository keeps the knowledge at its top level, in ``ontology/``; the
wheel (and an editable install) maps that folder to the package
``kg.ontology``, so it is read the same way from a checkout and from an
installed wheel, never through a path relative to this file.

>>> (ontology_dir() / "kg.ttl").is_file()
True
"""
from __future__ import annotations

import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
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


def read_toml(path: Path) -> dict:
    """A knowledge file's TOML; an unreadable or malformed file is a one-line :class:`KgError` naming it."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise KgError(f"{path}: {exc}") from None


def ontology_path(name: str = "kg.ttl") -> Path:
    """A file of the shipped knowledge, by its path inside ``ontology/``.

    >>> ontology_path("actors/states.csv").name
    'states.csv'
    """
    return ontology_dir() / name


#: folders whose files extend the shipped knowledge (``--knowledge DIR``), in order
_overlays: tuple[Path, ...] = ()


def use_overlays(folders: list[str | Path] | tuple[str | Path, ...]) -> None:
    """Extend the shipped knowledge with the files of ``folders`` (laid out like ``ontology/``:
    ``actors/*.csv``, ``triggers.toml``, ``cues.toml``), for every load that follows.

    Rows of an overlay's CSV files are added to the shipped ones, its triggers
    are added to the lexicon and its cue words to the cues of the same name.

    >>> use_overlays(["/no/such/folder"])
    Traceback (most recent call last):
    ...
    kg.errors.KgError: --knowledge /no/such/folder: not a folder
    """
    paths = tuple(Path(f).expanduser().resolve() for f in folders)
    for path in paths:
        if not path.is_dir():
            raise KgError(f"--knowledge {path}: not a folder")
    global _overlays
    _overlays = paths


@contextmanager
def overlaid(folders: list[str | Path] | tuple[str | Path, ...]) -> Iterator[None]:
    """:func:`use_overlays` for the ``with`` block only; the overlays before it are restored after."""
    before = _overlays
    use_overlays(folders)
    try:
        yield
    finally:
        use_overlays(before)


def overlays() -> tuple[Path, ...]:
    """The folders set by :func:`use_overlays` (none by default)."""
    return _overlays


def knowledge_files(name: str) -> list[Path]:
    """The shipped file ``name`` (a path inside ``ontology/``) and, after it, the overlays' files of that name.

    >>> [p.name for p in knowledge_files("actors/states.csv")]
    ['states.csv']
    """
    return [ontology_path(name), *(folder / name for folder in _overlays if (folder / name).is_file())]
