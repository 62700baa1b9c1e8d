"""The terminal side of the ``kg`` command: one-line errors, flags shown as flags, warnings, progress,
the time limit of ``kg query``, parameters and table cells.

Exit codes: 0 ok, 1 failure, 2 usage or bad input. Every error is one line on
stderr, never a traceback. Colour is for structure only: nothing is printed in
red unless it is an error.
"""
from __future__ import annotations

import functools
import logging
import sys
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

try:  # typer >= 0.20 vendors click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover
    from click import exceptions as click_errors  # type: ignore[no-redef]

from kg.errors import KgError

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console
    from rich.progress import Progress, TaskID


def _no_red_in_help() -> None:
    """Typer's help marks required arguments with a red ``*`` and ``[required]``; red is for errors only.

    Typer reads these module-level styles each time it draws a help page
    (``typer.rich_utils``); there is no public setting for them.
    """
    try:
        from typer import rich_utils
    except ImportError:  # pragma: no cover (typer without rich draws no colour)
        return
    rich_utils.STYLE_REQUIRED_SHORT = "bold"
    rich_utils.STYLE_REQUIRED_LONG = "dim"


_no_red_in_help()


class OneLineErrors(TyperGroup):
    """Usage errors as one ``kg: error:`` line and exit code 2, like every other error."""

    def main(self, *args: object, standalone_mode: bool = True, **kwargs: object) -> object:
        """Run the command; a usage error becomes one ``kg: error:`` line and exit code 2."""
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[arg-type]
        except click_errors.NoArgsIsHelpError as exc:
            typer.echo(exc.ctx.get_help() if exc.ctx else "", err=True)
            result = 2
        except click_errors.ClickException as exc:
            message = " ".join(exc.format_message().split())
            ctx = getattr(exc, "ctx", None)
            command = ctx.command_path.partition(" ")[2] if ctx is not None else ""
            typer.echo(f"kg: error: {command + ': ' if command else ''}{message}", err=True)
            result = exc.exit_code
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)


class FlagsAsFlags(TyperCommand):
    """A command whose ``--help`` shows on/off options as bare flags (``--strict``), not ``--strict <bool>``.

    Typer's help gives every option a type column, flags included; a flag takes
    no value, so its column is left empty.
    """

    def get_params(self, ctx: object) -> list:  # type: ignore[override]
        """The command's parameters (``--help`` too), flags without a value placeholder."""
        params = super().get_params(ctx)  # type: ignore[arg-type]
        for param in params:
            if getattr(param, "is_flag", False) and not getattr(param, "count", False):
                param.metavar = ""
        return params


F = TypeVar("F", bound=Callable[..., object])


def reports_errors(func: F) -> F:
    """Turn a ``KgError`` (and an interrupted run) into one line and an exit code."""
    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> object:
        try:
            return func(*args, **kwargs)
        except KgError as exc:
            typer.echo(f"kg: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("kg: interrupted; earlier outputs are left as they were (files and a store's graph)",
                       err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None
        except OSError as exc:  # an output that cannot be written: a failure, not a traceback
            where = f"{exc.filename}: " if exc.filename else ""
            typer.echo(f"kg: error: {where}{exc.strerror or exc}", err=True)
            raise typer.Exit(1) from None
    return wrapper  # type: ignore[return-value]


def log_warnings(quiet: bool = False) -> None:
    """Warnings of the ``kg`` loggers as ``kg: warning: ...`` lines on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("kg: warning: %(message)s"))
    logger = logging.getLogger("kg")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.ERROR if quiet else logging.WARNING)
    logger.propagate = False


# ---------------------------------------------------------------- progress

#: Styles of the progress display: green and cyan, never red (rich's defaults draw the bar and the rate in red).
_STYLES = {"bar": "cyan", "finished": "green", "rate": "cyan", "count": "green", "time": "yellow"}


def _columns(total: int | None) -> tuple:
    """A bar with counts and ETA when the total is known, else a spinner with the count; the rate in both."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    rate = TextColumn("{task.fields[rate]}", style=_STYLES["rate"])
    text = TextColumn("{task.fields[mb]:.1f} MB", style=_STYLES["count"])  # moves during one long document too
    parts = TextColumn("{task.fields[parts]}", style=_STYLES["count"])  # partitions done/total on a Dask cluster
    if total is None:
        return (SpinnerColumn(style=_STYLES["finished"]), TextColumn("{task.completed} documents", style=_STYLES["count"]),
                text, parts, rate, TimeElapsedColumn())
    return (TextColumn("documents"), BarColumn(complete_style=_STYLES["bar"], finished_style=_STYLES["finished"],
                                               pulse_style=_STYLES["bar"]),
            MofNCompleteColumn(), text, parts, rate, TextColumn("ETA", style="dim"), TimeRemainingColumn(), TimeElapsedColumn())


class BuildProgress:
    """The progress display of one build: call it with the documents done and the characters
    read; a cluster build also reports its partitions and prints notices above the display."""

    def __init__(self, bar: "Progress", task: "TaskID") -> None:
        self.bar, self.task = bar, task

    def __call__(self, documents: int, chars: int = 0) -> None:
        self.bar.advance(self.task, documents)
        speed = self.bar.tasks[0].speed
        self.bar.update(self.task, mb=self.bar.tasks[0].fields["mb"] + chars / 1e6,
                        rate=f"{speed:.1f} docs/s" if speed else "")

    def partitions(self, done: int, total: int) -> None:
        """Partitions done of a build on a Dask cluster."""
        self.bar.update(self.task, parts=f"{done}/{total} partitions")

    def notice(self, text: str) -> None:
        """A line printed above the display (the dashboard address)."""
        self.bar.console.print(text)


@contextmanager
def progress(quiet: bool, total: int | None = None,
             console: "Console | None" = None) -> Iterator[BuildProgress | None]:
    """A progress display on stderr while a build runs (a terminal only, never with ``quiet``).

    Yields a :class:`BuildProgress` to call with the number of documents done and the
    characters read (``advance(documents, chars=0)``; the characters move during
    one long document), or ``None`` when nothing is shown. With ``total`` it is a
    bar with ``done/total``, the rate and the time left; without, a spinner with
    the count and the rate.
    """
    if quiet or (console is None and not sys.stderr.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(*_columns(total), console=console or Console(stderr=True), transient=True) as bar:
        yield BuildProgress(bar, bar.add_task("build", total=total, rate="", mb=0.0, parts=""))


# ---------------------------------------------------------------- queries

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
