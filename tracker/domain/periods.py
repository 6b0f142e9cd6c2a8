"""Reporting periods: a month, a quarter, six months, a year or a custom range, with the
keys and labels reports use ("2017-Q3", "Quý III năm 2017")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tracker.domain.text import fold

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_KEY = re.compile(
    r"^(?P<year>\d{4})(?:-(?:Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<month>0[1-9]|1[0-2])))?$"
)


@dataclass(frozen=True)
class Period:
    kind: str  # "monthly", "quarterly", "semiannual", "annual", "custom"
    start: date
    end: date
    key: str
    label: str

    @property
    def title(self) -> str:
        """The label as a heading or a list entry, its first letter capitalised and nothing
        else changed: "Tháng 11 năm 2026", "Quý IV năm 2026" (never "Quý iv")."""
        return self.label[:1].upper() + self.label[1:]

    def a_year_before(self) -> Period:
        """The same period of the year before ("cùng kỳ năm trước"); 29 February → 28."""
        if self.kind == "custom":
            return custom_period(day_a_year_before(self.start), day_a_year_before(self.end))
        return period_containing(day_a_year_before(self.start), self.kind)

    def previous(self) -> Period:
        """The period of the same kind just before (a custom range: the same length)."""
        if self.kind == "custom":
            length = self.end - self.start
            end = self.start - timedelta(days=1)
            return custom_period(end - length, end)
        return period_containing(self.start - timedelta(days=1), self.kind)

    def following(self) -> Period:
        """The period of the same kind just after (a custom range: the same length)."""
        if self.kind == "custom":
            start = self.end + timedelta(days=1)
            return custom_period(start, start + (self.end - self.start))
        return period_containing(self.end + timedelta(days=1), self.kind)


def day_a_year_before(day: date) -> date:
    """The same day a year before; 29 February gives 28 February."""
    return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)


def short_label(period: Period) -> str:
    """A label that fits under a chart's column: "Quý III/2017", "08/2017", "2017"."""
    if period.kind == "quarterly":
        return f"Quý {ROMAN[(period.start.month - 1) // 3 + 1]}/{period.start.year}"
    if period.kind == "monthly":
        return f"{period.start.month:02d}/{period.start.year}"
    return period.key


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def period_containing(day: date, kind: str) -> Period:
    """The month, quarter, half-year or year that contains the day."""
    year = day.year
    if kind == "monthly":
        return Period(
            kind,
            date(year, day.month, 1),
            _month_end(year, day.month),
            f"{year}-{day.month:02d}",
            f"tháng {day.month} năm {year}",
        )
    if kind == "quarterly":
        quarter = (day.month - 1) // 3 + 1
        return Period(
            kind,
            date(year, 3 * quarter - 2, 1),
            _month_end(year, 3 * quarter),
            f"{year}-Q{quarter}",
            f"Quý {ROMAN[quarter]} năm {year}",
        )
    if kind == "semiannual":
        half = 1 if day.month <= 6 else 2
        words = "6 tháng đầu năm" if half == 1 else "6 tháng cuối năm"
        return Period(
            kind,
            date(year, 6 * half - 5, 1),
            _month_end(year, 6 * half),
            f"{year}-H{half}",
            f"{words} {year}",
        )
    if kind == "annual":
        return Period(kind, date(year, 1, 1), date(year, 12, 31), str(year), f"năm {year}")
    raise ValueError(f"unknown period kind {kind!r}")


def custom_period(start: date, end: date) -> Period:
    if end < start:
        raise ValueError("a period cannot end before it starts")
    label = f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"
    return Period("custom", start, end, f"{start.isoformat()}..{end.isoformat()}", label)


_ROMAN_NUMBER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"\s*(?:/|nam)\s*(?P<year>\d{4})$"
_DAY = r"\d{1,2}/\d{1,2}/\d{4}"
_IN_WORDS = {
    "quarterly": re.compile(r"^quy\s+(?P<number>iv|i{1,3}|[1-4])" + _YEAR),
    "monthly": re.compile(r"^(?:thang\s+)?(?P<number>\d{1,2})" + _YEAR),
    "semiannual": re.compile(r"^6 thang (?P<number>dau|cuoi) nam (?P<year>\d{4})$"),
    "annual": re.compile(r"^nam (?P<year>\d{4})$"),
    "custom": re.compile(
        rf"^(?:tu(?: ngay)?\s+)?(?P<start>{_DAY})\s*(?:-|–|den(?: ngay)?)\s*(?P<end>{_DAY})$"
    ),
}


def parse_period(text: str) -> Period:
    """ "2017-Q3", "2017-H1", "2017-08", "2017", "2017-07-01..2017-09-15", or the same in
    words: "Quý III/2017", "quý 3 năm 2017", "6 tháng đầu năm 2017", "Tháng 8/2017", "08/2017",
    "Năm 2017", "từ 01/07/2017 đến 15/09/2017"."""
    text = text.strip()
    in_words = _parse_words(fold(text))
    if in_words is not None:
        return in_words
    if ".." in text:
        start, end = (date.fromisoformat(part) for part in text.split("..", 1))
        return custom_period(start, end)
    match = _KEY.match(text)
    if match is None:
        raise ValueError(f"not a period: {text!r} (try 2017-Q3, 2017-H1, 2017-08 or 2017)")
    year = int(match["year"])
    if match["quarter"]:
        return period_containing(date(year, 3 * int(match["quarter"]), 1), "quarterly")
    if match["half"]:
        return period_containing(date(year, 6 * int(match["half"]), 1), "semiannual")
    if match["month"]:
        return period_containing(date(year, int(match["month"]), 1), "monthly")
    return period_containing(date(year, 1, 1), "annual")


def period_title(key: str) -> str:
    """The period of a stored key as a heading ("Quý IV năm 2026"); the key itself when it is
    not one."""
    try:
        return parse_period(key).title
    except ValueError:
        return key


def _parse_words(folded: str) -> Period | None:
    for kind, pattern in _IN_WORDS.items():
        match = pattern.match(folded)
        if match is None:
            continue
        if kind == "custom":
            start, end = (datetime.strptime(match[n], "%d/%m/%Y").date() for n in ("start", "end"))
            return custom_period(start, end)
        year = int(match["year"])
        if kind == "quarterly":
            return period_containing(date(year, 3 * _ROMAN_NUMBER[match["number"]], 1), kind)
        if kind == "monthly":
            month = int(match["number"])
            return period_containing(date(year, month, 1), kind) if 1 <= month <= 12 else None
        if kind == "semiannual":
            return period_containing(date(year, 1 if match["number"] == "dau" else 7, 1), kind)
        return period_containing(date(year, 1, 1), kind)
    return None
