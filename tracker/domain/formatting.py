"""Vietnamese presentation of dates and numbers: "05/02/2023", "2.608", "87,27%"."""

from __future__ import annotations

from datetime import date, datetime


def vn_date(value: date | None) -> str:
    """dd/mm/yyyy, the way the interface shows a date; empty for None. (Formatted by hand:
    strftime takes four times as long, and a list page writes hundreds of dates.)"""
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def vn_datetime(value: datetime | None) -> str:
    """ "lúc 17:49 ngày 04/12/2026" for an already-localised timestamp; empty for None."""
    return value.strftime("lúc %H:%M ngày %d/%m/%Y") if value is not None else ""


def vn_number(value: int | float, decimals: int = 0) -> str:
    """Thousands grouped with dots and decimals after a comma: 2608 -> "2.608"."""
    if decimals == 0 and isinstance(value, int):
        return f"{value:,}".replace(",", ".")  # most figures: counts
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def vn_percent(part: int, whole: int, decimals: int = 2) -> str:
    """A share as the reports write it: (2276, 2608) -> "87,27%"; "—" of nothing, since a
    share of no tasks is not a result (an agency with nothing due is not at 0 %)."""
    if whole == 0:
        return "—"
    return vn_number(100 * part / whole, decimals) + "%"


def tasks_phrase(count: int) -> str:
    """ "2.608 nhiệm vụ": a count of tasks as the reports write it."""
    return f"{vn_number(count)} nhiệm vụ"


def vn_official_date(value: date) -> str:
    """A date as generated documents write it (DESIGN.md, "Documents"): "ngày 05 tháng 02 năm
    2023". Days below 10 take a leading zero; of the months, only 1 and 2 do."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def sentence_case(text: str) -> str:
    """The text with its first letter a capital and nothing else changed: a task split from
    the middle of a sentence ("rà soát, cập nhật…") reads as a sentence of its own."""
    return text[:1].upper() + text[1:]
