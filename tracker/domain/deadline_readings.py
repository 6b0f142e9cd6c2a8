"""Dates from the words a deadline shape matched: "Quý III/2017" -> 30/09/2017, "10 ngày làm
việc" from the signing date, "trước ngày 20 hằng tháng" -> the first such day. Each reader takes
the shape's named groups and the notice's date and days off, and gives a Reading (or None)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.domain.formatting import vn_date
from tracker.domain.recurrence import RuleError, recurrence_of_days
from tracker.domain.recurring_days import (
    next_month_end,
    next_monthly_day,
    next_quarter_end_day,
    next_yearly_day,
)
from tracker.domain.vietnamese_dates import (
    DAY_MONTH,
    Period,
    add_months,
    day_before,
    half_year_period,
    month_period,
    quarter_number,
    quarter_period,
    year_period,
)

MONTH_COUNT_WORDS = {"mot": 1, "ba": 3, "sau": 6}


Groups = dict[str, str | None]


@dataclass(frozen=True)
class IssuedNotice:
    issued_on: date
    holidays: frozenset[date]


@dataclass(frozen=True)
class Reading:
    deadline: date | None
    problem: str | None = None
    recurrence: str | None = None  # set when the date is the first of a recurring schedule
    days: str | None = None  # the days of the year a schedule names: "15/03, 30/09"
    event: str | None = None  # why only a person can date it: a note naming the phrase


def _number(groups: Groups, name: str) -> int | None:
    text = groups.get(name)
    return int(text) if text else None


def _calendar_day(groups: Groups, issued_on: date) -> Reading:
    """The date in the day/month/year groups; without a year, the next such day from the notice."""
    day, month = _number(groups, "day") or 0, _number(groups, "month") or 0
    year = _number(groups, "year")
    if year is None:
        year = issued_on.year + ((month, day) < (issued_on.month, issued_on.day))
    try:
        return Reading(date(year, month, day))
    except ValueError:
        return Reading(None, f"Ngày {day:02d}/{month:02d}/{year} không có thật")


def read_date(groups: Groups, notice: IssuedNotice) -> Reading | None:
    if groups["keyword"] is None or (groups["sep"] == "." and groups["year"] is None):
        return None  # a cited document's date, or a decimal number
    reading = _calendar_day(groups, notice.issued_on)
    if groups["on"] and reading.deadline is not None and reading.deadline < notice.issued_on:
        return None  # "vào ngày 08/11/2025": a meeting or event already held
    if reading.deadline is not None and reading.deadline < notice.issued_on:
        issued = vn_date(notice.issued_on)
        problem = f"Thời hạn {vn_date(reading.deadline)} sớm hơn ngày ban hành {issued}"
        return Reading(reading.deadline, problem)
    return reading


def read_duration(groups: Groups, notice: IssuedNotice) -> Reading | None:
    unit = " ".join((groups["unit"] or "").split())
    if groups["event"] is not None:
        return Reading(None, event="Hạn tính từ một sự kiện")
    if groups["lead"] is None and groups["since"] is None and unit != "ngay lam viec":
        return None  # "rút ngắn 15 ngày" states a length, not a time limit
    start = notice.issued_on
    if groups["day"] is not None:
        since = _calendar_day(groups, notice.issued_on)
        if since.deadline is None:
            return since
        start = since.deadline
    count = _number(groups, "count") or 0
    if unit == "ngay lam viec":
        return Reading(add_working_days(start, count, notice.holidays))
    if unit == "thang":
        return Reading(add_months(start, count))
    return Reading(start + timedelta(days=count * (7 if unit == "tuan" else 1)))


def _lead(groups: Groups) -> str | None:
    lead = groups.get("lead")
    return " ".join(lead.split()) if lead else None


def _named_year(groups: Groups, notice: IssuedNotice) -> int | None:
    """The period's year as written; the notice's year for a bare "trong tháng 8" or "cuối năm";
    None for a bare period that no lead word makes a deadline ("báo cáo quý I")."""
    if (year := _number(groups, "year")) is not None:
        return year
    return notice.issued_on.year if _lead(groups) is not None else None


def _period_deadline(groups: Groups, notice: IssuedNotice, period: Period) -> Reading | None:
    deadline = day_before(period.first_day) if _lead(groups) == "truoc" else period.last_day
    return Reading(deadline) if deadline >= notice.issued_on else None


def read_half_year(groups: Groups, notice: IssuedNotice) -> Reading | None:
    if (year := _named_year(groups, notice)) is None:
        return None
    second_half = groups["half"] == "cuoi"
    return _period_deadline(groups, notice, half_year_period(year, second_half=second_half))


def read_quarter(groups: Groups, notice: IssuedNotice) -> Reading | None:
    if (year := _named_year(groups, notice)) is None:
        return None
    quarter = quarter_number(groups["quarter"] or "")
    return _period_deadline(groups, notice, quarter_period(year, quarter))


def read_month(groups: Groups, notice: IssuedNotice) -> Reading | None:
    if (year := _named_year(groups, notice)) is None:
        return None
    month = _number(groups, "month") or 0
    if not 1 <= month <= 12:
        return Reading(None, f"Tháng {month}/{year} không có thật")
    return _period_deadline(groups, notice, month_period(year, month))


def read_year(groups: Groups, notice: IssuedNotice) -> Reading | None:
    if groups.get("this") is None and groups["year"] is None and _lead(groups) in ("den", "truoc"):
        return None  # "đến năm" and "trước năm" need a year
    year = _named_year(groups, notice)
    if year is None:
        return None
    if (_lead(groups) or "").startswith("den") and year - notice.issued_on.year >= HORIZON_YEARS:
        return None  # "phấn đấu đến năm 2030 đạt ...": a target, not a time limit
    return _period_deadline(groups, notice, year_period(year))


def read_whole_date(groups: Groups, notice: IssuedNotice) -> Reading | None:
    return read_date(groups | {"keyword": "", "on": None}, notice)


def read_whole_year(groups: Groups, notice: IssuedNotice) -> Reading | None:
    return read_year(groups | {"lead": "trong"}, notice)


def read_monthly_day(groups: Groups, notice: IssuedNotice) -> Reading | None:
    day = _number(groups, "day") or 0
    if not 1 <= day <= 31:
        return None
    return Reading(next_monthly_day(day, notice.issued_on), recurrence="monthly")


def read_quarterly_day(groups: Groups, notice: IssuedNotice) -> Reading | None:
    day = _number(groups, "day") or 0
    if not 1 <= day <= 31:
        return None
    return Reading(next_quarter_end_day(day, notice.issued_on), recurrence="quarterly")


def read_yearly_days(groups: Groups, notice: IssuedNotice) -> Reading | None:
    pairs = {(int(month), int(day)) for day, month in DAY_MONTH.findall(groups["dates"] or "")}
    if not all(1 <= month <= 12 and 1 <= day <= 31 for month, day in pairs):
        return None
    days = [next_yearly_day(month, day, notice.issued_on) for month, day in pairs]
    named = ", ".join(f"{day:02d}/{month:02d}" for month, day in sorted(pairs))
    try:
        return Reading(min(days), recurrence=recurrence_of_days(named), days=named)
    except RuleError:
        return None  # a day the month does not have: "30/2"


def read_yearly_month(groups: Groups, notice: IssuedNotice) -> Reading | None:
    month = _number(groups, "month") or 0
    if not 1 <= month <= 12:
        return None
    return Reading(next_month_end(month, notice.issued_on), recurrence="annual")


def read_week(groups: Groups, notice: IssuedNotice) -> Reading | None:
    """The last working day of the notice's week ("trong tuần") or of the next one ("trong
    tuần tới"); a notice signed at the weekend leaves "this week" to the reviewer."""
    monday = notice.issued_on - timedelta(days=notice.issued_on.weekday())
    if groups["next"] is not None:
        monday += timedelta(days=7)
    week = [monday + timedelta(days=offset) for offset in range(5)]
    open_days = [day for day in week if day not in notice.holidays and day >= notice.issued_on]
    if not open_days:
        return Reading(None, event="Không rõ tuần nào")
    return Reading(max(open_days))


def read_event(_groups: Groups, _notice: IssuedNotice) -> Reading | None:
    return Reading(None, event="Hạn tính từ một sự kiện")


def read_lunar_new_year(_groups: Groups, _notice: IssuedNotice) -> Reading | None:
    return Reading(None, event="Hạn theo Tết âm lịch")


def ignore(_groups: Groups, _notice: IssuedNotice) -> Reading | None:
    return None


# "đến năm 2030" this many years after the notice names a target, not a time limit.
HORIZON_YEARS = 3


def add_working_days(start: date, days: int, holidays: Collection[date]) -> date:
    """The day `days` working days after `start` (before it when negative), skipping Saturdays,
    Sundays and `holidays`. `start` itself never counts, so 0 days gives `start` back."""
    closed = holidays if isinstance(holidays, frozenset | set) else frozenset(holidays)
    step = timedelta(days=1 if days >= 0 else -1)
    day, remaining = start, abs(days)
    while remaining:
        day += step
        if day.weekday() < 5 and day not in closed:
            remaining -= 1
    return day
