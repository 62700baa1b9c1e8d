"""The progress bar of ``kg build`` on stderr: documents, docs/s and, on a Dask cluster, partitions done / total."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator


@dataclass
class Progress:
    """What a build reports to: ``documents(n)`` after each n documents, ``partitions(done, total)``."""

    documents: Callable[[int], None] | None = None
    partitions: Callable[[int, int], None] | None = None
    notice: Callable[[str], None] = lambda text: print(text, file=sys.stderr)  # a line (above the bar)


@contextmanager
def progress_bar(quiet: bool) -> Iterator[Progress]:
    """A progress bar on stderr (a terminal only, never with ``quiet``); callbacks of None otherwise."""
    if quiet or not sys.stderr.isatty():
        yield Progress()
        return
    from rich.console import Console
    from rich.progress import Progress as Bar
    from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.fields[parts]}{task.completed} documents"),
               TextColumn("[progress.data.speed]{task.fields[rate]}"), TimeElapsedColumn())
    with Bar(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("build", total=None, rate="", parts="")

        def documents(n: int) -> None:
            bar.advance(task, n)
            speed = bar.tasks[0].speed
            bar.update(task, rate=f"{speed:.1f} docs/s" if speed else "")

        def partitions(done: int, total: int) -> None:
            bar.update(task, parts=f"{done}/{total} partitions, ")

        yield Progress(documents, partitions, bar.console.print)
