"""Text that a spreadsheet must show as text, never run as a formula.

Excel, LibreOffice and Google Sheets treat a cell that starts with "=", "+", "-" or "@" as a
formula, and a leading tab or carriage return can hide such a start; an agency named
"=HYPERLINK(...)" would otherwise become a live link in every export (OWASP "CSV injection").
A signed number ("-5", "+1,5") is no formula and stays as it is, so that it still reads as a
number.

A CSV cell carries only text, so a risky value gains a leading apostrophe, the mark a
spreadsheet itself uses for "this is text"; `from_spreadsheet` takes it off again when the
file is read back. An XLSX cell has a type of its own, and its writer marks such a cell as
text instead of changing what it shows.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"
_SIGNED_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*%?")


def starts_like_formula(value: str) -> bool:
    """Whether a spreadsheet would read `value` as a formula rather than as text."""
    return value.startswith(FORMULA_STARTS) and not _SIGNED_NUMBER.fullmatch(value)


def spreadsheet_safe(value: str) -> str:
    """`value` as a CSV cell that a spreadsheet shows as text: a leading apostrophe before a
    formula-like start, and before an apostrophe of its own so that reading back is exact."""
    if starts_like_formula(value) or value.startswith(TEXT_MARK):
        return TEXT_MARK + value
    return value


def from_spreadsheet(value: str) -> str:
    """The value that `spreadsheet_safe` was given; any other cell unchanged."""
    if value.startswith(TEXT_MARK) and spreadsheet_safe(value[1:]) == value:
        return value[1:]
    return value
