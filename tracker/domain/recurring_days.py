"""The next day of a schedule that names its days ("trước ngày 20 hằng tháng", "ngày 15 của tháng
cuối quý", "trước ngày 15/6 và 15/12 hằng năm", "tháng 12 hằng năm"), counted from a notice's
date: the first such day on or after it. A day past the end of a short month (ngày 31 in
April) falls on the month's last day."""

from __future__ import annotations

import calendar
from datetime import date

_QUARTER_END_MONTHS = (3, 6, 9, 12)


def _clamped(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def next_monthly_day(day: int, on_or_after: date) -> date:
    """Day `day` of this month, or of the next one when it has passed."""
    this_month = _clamped(on_or_after.year, on_or_after.month, day)
    if this_month >= on_or_after:
        return this_month
    year, month = divmod(on_or_after.year * 12 + on_or_after.month, 12)  # the next month
    return _clamped(year, month + 1, day)


def next_yearly_day(month: int, day: int, on_or_after: date) -> date:
    """Day and month in this year, or in the next one when passed; ValueError for a month
    outside 1-12."""
    this_year = _clamped(on_or_after.year, month, day)
    return this_year if this_year >= on_or_after else _clamped(on_or_after.year + 1, month, day)


def next_quarter_end_day(day: int, on_or_after: date) -> date:
    """Day `day` of the last month of this quarter, or of the next quarter when passed."""
    return min(next_yearly_day(month, day, on_or_after) for month in _QUARTER_END_MONTHS)


def next_month_end(month: int, on_or_after: date) -> date:
    """The last day of `month` this year, or next year when the month is over."""
    return next_yearly_day(month, 31, on_or_after)
