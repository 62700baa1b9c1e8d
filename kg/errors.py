"""The one exception type the CLI turns into a one-line message."""
from __future__ import annotations


class KgError(Exception):
    """A problem with the user's input or request, reported as one line.

    ``exit_code`` follows the documented convention: 1 failure, 2 usage/bad input.
    """

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def one_line(error: BaseException | str, limit: int = 300) -> str:
    """An exception's message (or a text) on one line, at most ``limit`` characters.

    rdflib's Notation3 parser keeps the reason of a syntax error in ``_why``.

    >>> one_line(ValueError("bad\\n  value"))
    'bad value'
    >>> one_line(KeyError())
    'KeyError'
    """
    message = getattr(error, "_why", None) or str(error) or type(error).__name__
    return " ".join(str(message).split())[:limit]
