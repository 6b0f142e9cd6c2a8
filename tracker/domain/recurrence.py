"""The rule of a recurring task and the occurrences it gives: one per period, each due on the
rule's day of that period.

A rule is a kind and the days of the year its occurrences fall due. The days come from the
task's first deadline, at the same place in every period ("trước ngày 20/12" for a quarterly
task: the 20th of each quarter's last month), or at each period's end when the notice gives
no day, or from a list of dates ("15/3, 30/9") for a task due on given dates every year. A
first deadline on the last day of a month stays on the last day (30/6 → 31/12); a day past
the end of a short month falls on its last day (31 → 30/4, 29/2 → 28/2 in common years).

An occurrence belongs to the period that holds its deadline (a month, quarter, half-year or
year; the span since the previous date for given dates), opens a week before that period
starts, and is only made once the series has begun: its deadline on or after the series'
start and on or before its end date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from tracker.domain.periods import Period, parse_period, period_containing

OPEN_AHEAD_DAYS = 7
DATES = "dates"
_MONTHS_PER_PERIOD = {"monthly": 1, "quarterly": 3, "semiannual": 6, "annual": 12}
_DAY_MONTH = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})")


class RuleError(ValueError):
    """A rule that cannot give any date; its message is for the user."""


@dataclass(frozen=True)
class RecurrenceRule:
    kind: str  # "monthly", "quarterly", "semiannual", "annual" or "dates"
    days: tuple[tuple[int, int], ...]  # (month, day) in the year, in order

    def deadlines_in(self, year: int) -> list[date]:
        return [_clamped(year, month, day) for month, day in self.days]

    def period_of(self, deadline: date) -> Period:
        """The period an occurrence due on `deadline` reports on."""
        if self.kind != DATES:
            return period_containing(deadline, self.kind)
        earlier = [d for d in self._around(deadline.year) if d < deadline]
        start = max(earlier) + timedelta(days=1)
        label = f"kỳ hạn ngày {deadline:%d/%m/%Y}"
        return Period("custom", start, deadline, deadline.isoformat(), label)

    def _around(self, year: int) -> list[date]:
        return self.deadlines_in(year - 1) + self.deadlines_in(year)


@dataclass(frozen=True)
class Occurrence:
    period: Period
    deadline: date

    @property
    def opens_on(self) -> date:
        return self.period.start - timedelta(days=OPEN_AHEAD_DAYS)


def _clamped(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _is_month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def parse_days(text: str) -> tuple[tuple[int, int], ...]:
    """ "15/6, 15/12" → ((6, 15), (12, 15)); RuleError when a date is impossible or none given."""
    days = set()
    for day_text, month_text in _DAY_MONTH.findall(text):
        day, month = int(day_text), int(month_text)
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2024, month)[1]:
            raise RuleError(f"Ngày {day_text}/{month_text} không có trong năm.")
        days.add((month, day))
    if not days:
        raise RuleError("Hãy ghi các ngày trong năm dạng ngày/tháng, ví dụ: 15/6, 15/12.")
    return tuple(sorted(days))


def make_rule(
    kind: str, first_deadline: date | None, days_text: str | None = None
) -> RecurrenceRule:
    """The rule of a series from its kind, its first deadline and, for given dates, the
    list of dates (which wins whenever it is written; one in each period of the kind)."""
    if days_text and days_text.strip():
        rule = RecurrenceRule(kind, parse_days(days_text))
        if kind != DATES and not _one_per_period(rule):
            raise RuleError(
                "Các ngày đã ghi không rơi vào mỗi kỳ một ngày; hãy chọn “Vào các ngày cố định"
                " hằng năm”."
            )
        return rule
    if kind == DATES:
        if first_deadline is None:
            raise RuleError("Nhiệm vụ vào các ngày cố định hằng năm cần ghi các ngày đó.")
        return RecurrenceRule(kind, ((first_deadline.month, first_deadline.day),))
    months = _MONTHS_PER_PERIOD[kind]
    if first_deadline is None:
        offset, day = months - 1, 31
    else:
        offset = (first_deadline.month - 1) % months
        day = 31 if _is_month_end(first_deadline) else first_deadline.day
    anchors = ((start + offset, day) for start in range(1, 13, months))
    return RecurrenceRule(kind, tuple(anchors))


def _one_per_period(rule: RecurrenceRule) -> bool:
    periods = [period_containing(day, rule.kind).key for day in rule.deadlines_in(2024)]
    return len(periods) == 12 // _MONTHS_PER_PERIOD[rule.kind] == len(set(periods))


def recurrence_of_days(days_text: str) -> str:
    """How often a schedule naming these days of the year repeats: every month, quarter,
    half-year or year when it names one day in each, else on the given dates."""
    for kind in ("annual", "semiannual", "quarterly", "monthly"):
        if _one_per_period(RecurrenceRule(kind, parse_days(days_text))):
            return kind
    return DATES


def occurrences_open(
    rule: RecurrenceRule, start: date, until: date | None, today: date
) -> list[Occurrence]:
    """The occurrences open by `today`, oldest first: due from `start` to `until`."""
    found: list[Occurrence] = []
    for year in range(start.year, today.year + 2):
        for deadline in rule.deadlines_in(year):
            if deadline < start:
                continue
            if until is not None and deadline > until:
                return found
            occurrence = Occurrence(rule.period_of(deadline), deadline)
            if occurrence.opens_on > today:
                return found
            found.append(occurrence)
    return found


@lru_cache(maxsize=4096)  # a list of fifty tasks asks it for each occurrence, of few periods
def occurrence_label(period_key: str) -> str:
    """What an occurrence reports on, from its period key, as a heading: "Quý I năm 2027",
    "Tháng 3 năm 2027", or "Kỳ hạn ngày 15/03/2027" for given dates."""
    try:
        return parse_period(period_key).title
    except ValueError:
        return f"Kỳ hạn ngày {date.fromisoformat(period_key):%d/%m/%Y}"
