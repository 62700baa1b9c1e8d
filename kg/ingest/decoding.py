"""Bytes → text: byte order marks, declared charsets, UTF-8 with replacement, binary files refused, newlines normalised."""
from __future__ import annotations

import codecs
import re

from kg.ingest.report import ReadContext

SNIFF_BYTES = 8192           # NUL bytes in this many leading bytes: a binary file


MAX_REPLACED_SHARE = 0.25    # more replacement characters than this: a binary file


_BOMS = (  # UTF-32 before UTF-16: their byte order marks share a prefix
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def sniff_bom(head: bytes) -> tuple[str | None, int]:
    """The encoding a byte order mark announces and the mark's length.

    >>> sniff_bom(codecs.BOM_UTF16_LE + b"a\\x00")
    ('utf-16', 2)
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    return None, 0


def decode(data: bytes, where: str, context: ReadContext, declared: str | None = None) -> str | None:
    """Bytes → text with ``\\n`` newlines; ``None`` (after a warning) for a binary file."""
    encoding, skip = sniff_bom(data[:4])
    if encoding:
        try:
            return normalise_newlines(data.decode(encoding).removeprefix("\ufeff"))
        except UnicodeDecodeError as error:
            context.warn(f"{where}: not decodable as {encoding} ({error.reason}), skipped", "binary")
            return None
    if b"\x00" in data[:SNIFF_BYTES]:
        context.warn(f"{where}: binary file (NUL bytes), skipped", "binary")
        return None
    return decode_utf8(data, where, context, declared)


def decode_utf8(data: bytes, where: str, context: ReadContext, declared: str | None) -> str | None:
    """UTF-8, else a declared charset, else UTF-8 with replacement characters."""
    try:
        return normalise_newlines(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        first_bad = error.start
    if declared:
        try:
            return normalise_newlines(data.decode(declared))
        except (UnicodeDecodeError, LookupError):
            pass
    text = data.decode("utf-8", "replace")
    if text.count("\ufffd") > MAX_REPLACED_SHARE * len(text):
        context.warn(f"{where}: binary file (not decodable as UTF-8), skipped", "binary")
        return None
    context.warn(f"{where}: invalid UTF-8 at byte {first_bad}, decoded with replacement characters")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    r"""``\r\n`` and ``\r`` → ``\n``.

    >>> normalise_newlines("a\r\nb\rc")
    'a\nb\nc'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def is_blank(text: str) -> bool:
    """True for empty or whitespace-only text (without copying it)."""
    return NON_SPACE.search(text) is None


NON_SPACE = re.compile(r"\S")
