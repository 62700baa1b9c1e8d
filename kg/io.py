"""Atomic output: write to a temporary file beside the target, then rename."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


@contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file that replaces ``path`` only when the block succeeds.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> with atomic_open(p) as f:
    ...     _ = f.write("done")
    >>> p.read_text()
    'done'
    """
    target = Path(path)
    fd, tmp = _temp_beside(target)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def temp_name(target: Path, tag: str = "") -> Path:
    """A temporary file's name beside ``target`` that says which process made it:
    ``.graph.ttl.<pid>.<tag>tmp``, so that a later run can remove it (:func:`remove_stale`)."""
    return target.with_name(f"{_hidden(target.name)}.{os.getpid()}.{tag}tmp")


def _hidden(name: str) -> str:
    """``name`` as a hidden file's name: ``graph.ttl`` → ``.graph.ttl``, ``.kg-cache.sqlite`` unchanged."""
    return name if name.startswith(".") else f".{name}"


def remove_stale(target: str | Path) -> list[Path]:
    """Remove the temporary files beside ``target`` left by processes that are gone (killed,
    or out of disk at the wrong moment); return them.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / ".g.ttl.999999999.abc.tmp").write_text("x"); _ = (d / ".g.ttl.1.tmp").write_text("y")
    >>> [p.name for p in remove_stale(d / "g.ttl")]
    ['.g.ttl.999999999.abc.tmp']
    """
    target = Path(target)
    removed = []
    prefix = f"{_hidden(target.name)}."
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        pid = name[len(prefix):].split(".", 1)[0]
        if name.startswith(prefix) and name.endswith("tmp") and pid.isdigit() and not _alive(int(pid)):
            try:
                (target.parent / name).unlink()
            except OSError:
                continue
            removed.append(target.parent / name)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process
        return True
    return True


def _temp_beside(target: Path) -> tuple[int, str]:
    """A new temporary file in ``target``'s folder, with the usual permissions
    (mkstemp makes 0600)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{_hidden(target.name)}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    os.chmod(tmp, 0o666 & ~_umask())
    return fd, tmp


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the path."""
    return atomic_write_all({Path(path): data})[0]


def atomic_write_all(files: dict[Path, str | bytes]) -> list[Path]:
    """Write several files so that either all are replaced or none is:
    every temporary file is written first, then each is renamed into place.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in atomic_write_all({d / "a.txt": "A", d / "b.txt": b"B"})]
    ['a.txt', 'b.txt']
    """
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in files.items():
            target = Path(target)
            if target.is_dir():
                raise IsADirectoryError(21, "is a folder, not a file", str(target))
            fd, tmp = _temp_beside(target)
            staged.append((tmp, target))
            binary = isinstance(data, bytes)
            with os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else "utf-8") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        for tmp, target in staged:
            os.replace(tmp, target)
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    return [target for _, target in staged]
