"""A range of deadlines cut into the whole months it holds and the days left at its ends.

The kept counts (`tracker.figures`) are by month of deadline; a range such as "from 10/01/2025
to 15/06/2026" is counted from them for February 2025 to May 2026, and from the tasks for 10 to
31 January 2025 and 1 to 15 June 2026.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

Range = tuple[date | None, date | None]  # from, to, both included; None: open on that side


@dataclass(frozen=True)
class MonthSplit:
    """`months`: the first day of the first whole month and the first day of the last (None
    on a side the range leaves open), or None when the range holds no whole month; `days`:
    the ranges of days outside those months, each closed."""

    months: Range | None
    days: list[tuple[date, date]] = field(default_factory=list)


def split_by_month(start: date | None, end: date | None) -> MonthSplit:
    """The whole months from `start` to `end` (both included, None: open) and the days left."""
    first = None if start is None else _first_whole_month(start)
    after = None if end is None else _after_whole_months(end)
    if start is not None and end is not None:
        if start > end:
            return MonthSplit(None)
        if _first_whole_month(start) >= _after_whole_months(end):
            return MonthSplit(None, [(start, end)])
    days = []
    if start is not None and first is not None and start < first:
        days.append((start, first - timedelta(days=1)))
    if end is not None and after is not None and after <= end:
        days.append((after, end))
    last = None if after is None else (after - timedelta(days=1)).replace(day=1)
    return MonthSplit((first, last), days)


def _first_whole_month(start: date) -> date:
    """The first day of the first month that lies wholly on or after `start`."""
    return start if start.day == 1 else _next_month(start)


def _after_whole_months(end: date) -> date:
    """The first day after the last month that lies wholly on or before `end`."""
    following = _next_month(end)
    return following if following - timedelta(days=1) == end else end.replace(day=1)


def _next_month(day: date) -> date:
    """The first day of the month after `day`'s."""
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)
