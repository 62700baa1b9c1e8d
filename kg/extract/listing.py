"""``kg extract`` as a table for people or CSV for spreadsheets: every field of the JSON form, in its order.

The table has a header and aligned columns, flags as words (``yes``/``no``)
and the sentence last, unpadded; CSV (RFC 4180, CRLF lines, like ``kg query
--format csv``) keeps ``true``/``false`` and empty cells for missing values.

>>> from kg.records import Assertion
>>> a = Assertion("d1", "IRN", "SUPPLY", "RUS", False, True, "2024", None, "Iran may supply Russia.", 0, 23, "supply")
>>> print("\\n".join(table_lines([a])))
doc  subject  relation  object  negated  hypothetical  date  source  start  end  trigger  sentence
d1   IRN      SUPPLY    RUS     no       yes           2024          0      23   supply   Iran may supply Russia.
>>> csv_text([a]).splitlines()[1]
'd1,IRN,SUPPLY,RUS,false,true,2024,,Iran may supply Russia.,0,23,supply'
"""
from __future__ import annotations

import csv
import io
from dataclasses import fields
from typing import Iterable, Iterator

from kg.records import Assertion

#: the fields of an assertion, in the order of its JSON form
FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Assertion))
#: the table's columns: the JSON fields with the (long) sentence moved to the end
TABLE_COLUMNS: tuple[str, ...] = tuple(f for f in FIELDS if f != "sentence") + ("sentence",)


def _word(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else " ".join(str(value).split())


def table_lines(assertions: Iterable[Assertion]) -> list[str]:
    """A header and one aligned line per assertion (all are read first, to size the columns)."""
    rows = [list(TABLE_COLUMNS)] + [[_word(getattr(a, name)) for name in TABLE_COLUMNS] for a in assertions]
    widths = [max(len(row[i]) for row in rows) for i in range(len(TABLE_COLUMNS) - 1)]
    return ["  ".join([*(cell.ljust(w) for cell, w in zip(row, widths)), row[-1]]).rstrip() for row in rows]


def _csv_cell(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def csv_lines(assertions: Iterable[Assertion]) -> Iterator[str]:
    """The CSV header, then one record per assertion, streamed; each string ends in CRLF."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in ([*FIELDS], *([_csv_cell(getattr(a, name)) for name in FIELDS] for a in assertions)):
        writer.writerow(row)
        yield out.getvalue()
        out.seek(0)
        out.truncate()


def csv_text(assertions: Iterable[Assertion]) -> str:
    """The whole CSV as one string."""
    return "".join(csv_lines(assertions))
