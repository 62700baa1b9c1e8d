"""Helpers of the ``kg`` command that are about the terminal, not about graphs: the progress
bar, the time limit of ``kg query``, parameters and table cells."""
from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from typing import Callable, Iterator, TypeVar

from kg.errors import KgError


@contextmanager
def progress_bar(quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """Documents and megabytes done, per second, on stderr (a terminal only, never with --quiet);
    the megabytes move during one long document too."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.fields[docs]} documents, {task.completed:.1f} MB"),
               TextColumn("[progress.data.speed]{task.fields[rate]}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("build", total=None, rate="", docs=0)

        def advance(documents: int, chars: int) -> None:
            bar.advance(task, chars / 1e6)
            speed = bar.tasks[0].speed
            bar.update(task, docs=bar.tasks[0].fields["docs"] + documents,
                       rate=f"{speed:.2f} MB/s" if speed else "")

        yield advance


T = TypeVar("T")


def within(seconds: float, work: Callable[[], T]) -> T:
    """The result of ``work``, or a ``KgError`` (exit 1) after ``seconds``;
    the process exits soon after, which ends the abandoned thread."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise KgError(f"query cut off after {seconds:g} s (--timeout)", exit_code=1)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def param_pair(text: str) -> tuple[str, str]:
    """``NAME=VALUE`` of ``--param`` as (name, value).

    >>> param_pair("?actor=IRN")
    ('actor', 'IRN')
    """
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise KgError(f"--param needs NAME=VALUE, got {text!r}")
    return name.strip().lstrip("?$"), value


def table_cell(value: str) -> str:
    r"""A value on one tab-separated line: tabs and line breaks written as \t, \n.

    >>> table_cell("a\tb\nc")
    'a\\tb\\nc'
    """
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")
