"""The one exception type the CLI turns into a one-line message."""
from __future__ import annotations


class KgError(Exception):
    """A problem with the user's input or request, reported as one line.

    ``exit_code`` follows the documented convention: 1 failure, 2 usage/bad input.
    """

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code
