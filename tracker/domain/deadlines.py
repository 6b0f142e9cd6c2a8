"""The deadline a task's text states, read from its Vietnamese wording (DESIGN.md, "Deadline
phrases"): "trong Quý III/2017" -> 30/09/2017, "trước ngày 15/8/2019", "10 ngày làm việc"...

The text is folded (lowercase, no diacritics) and read by the shapes of `vietnamese_dates` in a
fixed order. Every occurrence claims its span, so that a later shape cannot read it again: year
ranges ("giai đoạn 2016-2020") and open-ended years ("năm 2017 và các năm tiếp theo") are
claimed and ignored first; a date that no deadline word introduces ("Quyết định số
1076/QĐ-UBND, ngày 30/6/2016") is claimed and ignored before months and years are read.
Choices made where the wording is ambiguous:
- a year alone is a deadline only after "trong", "đến (hết/cuối)", "cuối", "hết" or "trước"
  ("trước năm 2019" -> 31/12/2018); "kế hoạch CCHC năm 2018" names a subject, not a deadline.
- "trước" + a period means the day before the period starts ("trước tháng 8/2017" -> 31/07/2017).
- a period that ended before the notice was issued describes the past and is ignored; a
  date after a deadline word that is earlier than the notice is kept and flagged.
- a day and month without a year fall in the notice's year, or the next one if already past.
- "hàng/hằng/mỗi" + period is a recurrence after "định kỳ", with "một lần", or when it
  qualifies a reporting verb in the same clause ("báo cáo ... hằng quý", "Hằng quý, báo cáo").
  A recurring task without a date of its own has no deadline and no phrase.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.domain.formatting import vn_date
from tracker.domain.vietnamese_dates import (
    DATE,
    DURATION,
    HALF_YEARS,
    IGNORED,
    MONTH,
    QUARTER,
    RECURRENCES,
    REPORTING_VERB,
    YEAR,
    FoldedText,
    Period,
    Shape,
    add_months,
    day_before,
    half_year_period,
    month_period,
    quarter_number,
    quarter_period,
    year_period,
)


@dataclass(frozen=True)
class DeadlineFinding:
    """What the text of one task says about when it is due."""

    deadline: date | None  # None without a deadline phrase, or when the date is impossible
    phrase: str | None  # the deadline phrase exactly as written in the text
    recurrence: str | None  # "monthly", "quarterly", "semiannual", "annual" or None
    problem: str | None  # a note in Vietnamese for the secretariat when the reading is doubtful


_CLAUSE_BREAKS = ",.;:!?()\n"
_RECURRENCE_OF_PERIOD = {"thang": "monthly", "quy": "quarterly", "nam": "annual"}
_RECURRENCE_OF_MONTHS = {1: "monthly", 3: "quarterly", 6: "semiannual", 12: "annual"}
_MONTH_COUNT_WORDS = {"mot": 1, "ba": 3, "sau": 6}

_Groups = dict[str, str | None]


@dataclass(frozen=True)
class _Notice:
    issued_on: date
    holidays: frozenset[date]


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    groups: _Groups


@dataclass(frozen=True)
class _Reading:
    deadline: date | None
    problem: str | None = None


@dataclass(frozen=True)
class _Candidate:
    start: int
    phrase: str
    reading: _Reading


class _Scan:
    """Occurrences of shapes in one folded text, each claiming its span, so that a later,
    looser shape cannot read it again."""

    def __init__(self, text: FoldedText) -> None:
        self.text = text
        self.claimed: list[tuple[int, int]] = []

    def hits(self, *shapes: Shape) -> Iterator[_Hit]:
        for shape in shapes:
            for start, end, groups in shape.find(self.text.folded):
                if not any(start < right and left < end for left, right in self.claimed):
                    self.claimed.append((start, end))
                    yield _Hit(start, end, groups)


def find_deadline(text: str, issued_on: date, holidays: Collection[date] = ()) -> DeadlineFinding:
    """Read the deadline and recurrence of one task's `text` in a notice issued on `issued_on`.

    `holidays` are the non-working weekdays skipped by "N ngày làm việc": pass the fixed public
    holidays together with the lunar ones the admin entered. Several different deadlines give the
    earliest one and a problem; an impossible date gives no deadline, its phrase and a problem.
    """
    scan = _Scan(FoldedText(text))
    notice = _Notice(issued_on, frozenset(holidays))
    for _ignored in scan.hits(IGNORED):
        pass
    recurrences = [
        (hit.start, recurrence)
        for hit in scan.hits(*RECURRENCES)
        if _is_recurrence(hit, scan.text.folded) and (recurrence := _recurrence(hit.groups))
    ]
    candidates = [
        _Candidate(hit.start, scan.text.quote(hit.start, hit.end), reading)
        for shape, read in _DEADLINE_SHAPES
        for hit in scan.hits(shape)
        if (reading := read(hit.groups, notice)) is not None
    ]
    first_recurrence = min(recurrences)[1] if recurrences else None
    return _finding(sorted(candidates, key=lambda candidate: candidate.start), first_recurrence)


def _finding(candidates: list[_Candidate], recurrence: str | None) -> DeadlineFinding:
    if not candidates:
        return DeadlineFinding(None, None, recurrence, None)
    problems = [candidate.reading.problem for candidate in candidates if candidate.reading.problem]
    dated = [(c.reading.deadline, c) for c in candidates if c.reading.deadline is not None]
    if not dated:
        return DeadlineFinding(None, candidates[0].phrase, recurrence, "; ".join(problems) or None)
    deadline, chosen = min(dated, key=lambda pair: pair[0])
    if len({day for day, _ in dated}) > 1:
        listed = ", ".join(f"{' '.join(c.phrase.split())} ({vn_date(day)})" for day, c in dated)
        problems.append(f"Có nhiều thời hạn khác nhau: {listed}")
    return DeadlineFinding(deadline, chosen.phrase, recurrence, "; ".join(problems) or None)


def _recurrence(groups: _Groups) -> str | None:
    if unit := groups.get("unit"):
        return _RECURRENCE_OF_PERIOD.get(unit)
    months = groups["months"] or ""
    return _RECURRENCE_OF_MONTHS.get(_MONTH_COUNT_WORDS.get(months) or int(months))


def _is_recurrence(hit: _Hit, folded: str) -> bool:
    """Whether a recurrence shape really says how often: always, except a bare "hằng quý",
    which must qualify a reporting verb in its clause or stand alone before one
    ("báo cáo ... hằng quý", "Hằng quý, báo cáo"); "kế hoạch ... hằng năm" is an annual plan."""
    if "once" not in hit.groups or hit.groups["once"]:
        return True
    clause_start = max(folded.rfind(mark, 0, hit.start) for mark in _CLAUSE_BREAKS) + 1
    clause_end = _clause_end(folded, hit.end)
    if REPORTING_VERB.search(folded, clause_start, clause_end):
        return True
    stands_alone = folded[clause_start:clause_end].strip(" -*+•\t") == folded[hit.start : hit.end]
    next_clause = (clause_end + 1, _clause_end(folded, clause_end + 1))
    return (
        stands_alone
        and folded.startswith(",", clause_end)
        and REPORTING_VERB.search(folded, *next_clause) is not None
    )


def _clause_end(folded: str, position: int) -> int:
    ends = [found for mark in _CLAUSE_BREAKS if (found := folded.find(mark, position)) >= 0]
    return min(ends, default=len(folded))


def _number(groups: _Groups, name: str) -> int | None:
    text = groups.get(name)
    return int(text) if text else None


def _calendar_day(groups: _Groups, issued_on: date) -> _Reading:
    """The date in the day/month/year groups; without a year, the next such day from the notice."""
    day, month = _number(groups, "day") or 0, _number(groups, "month") or 0
    year = _number(groups, "year")
    if year is None:
        year = issued_on.year + ((month, day) < (issued_on.month, issued_on.day))
    try:
        return _Reading(date(year, month, day))
    except ValueError:
        return _Reading(None, f"Ngày {day:02d}/{month:02d}/{year} không có thật")


def _read_date(groups: _Groups, notice: _Notice) -> _Reading | None:
    if groups["keyword"] is None or (groups["sep"] == "." and groups["year"] is None):
        return None  # a cited document's date, or a decimal number
    reading = _calendar_day(groups, notice.issued_on)
    if reading.deadline is not None and reading.deadline < notice.issued_on:
        issued = vn_date(notice.issued_on)
        problem = f"Thời hạn {vn_date(reading.deadline)} sớm hơn ngày ban hành {issued}"
        return _Reading(reading.deadline, problem)
    return reading


def _read_duration(groups: _Groups, notice: _Notice) -> _Reading | None:
    unit = " ".join((groups["unit"] or "").split())
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
        return _Reading(add_working_days(start, count, notice.holidays))
    if unit == "thang":
        return _Reading(add_months(start, count))
    return _Reading(start + timedelta(days=count * (7 if unit == "tuan" else 1)))


def _lead(groups: _Groups) -> str | None:
    lead = groups.get("lead")
    return " ".join(lead.split()) if lead else None


def _named_year(groups: _Groups, notice: _Notice) -> int | None:
    """The period's year as written; the notice's year for a bare "trong tháng 8" or "cuối năm";
    None for a bare period that no lead word makes a deadline ("báo cáo quý I")."""
    if (year := _number(groups, "year")) is not None:
        return year
    return notice.issued_on.year if _lead(groups) is not None else None


def _period_deadline(groups: _Groups, notice: _Notice, period: Period) -> _Reading | None:
    deadline = day_before(period.first_day) if _lead(groups) == "truoc" else period.last_day
    return _Reading(deadline) if deadline >= notice.issued_on else None


def _read_half_year(groups: _Groups, notice: _Notice) -> _Reading | None:
    if (year := _named_year(groups, notice)) is None:
        return None
    second_half = groups["half"] == "cuoi"
    return _period_deadline(groups, notice, half_year_period(year, second_half=second_half))


def _read_quarter(groups: _Groups, notice: _Notice) -> _Reading | None:
    if (year := _named_year(groups, notice)) is None:
        return None
    quarter = quarter_number(groups["quarter"] or "")
    return _period_deadline(groups, notice, quarter_period(year, quarter))


def _read_month(groups: _Groups, notice: _Notice) -> _Reading | None:
    if (year := _named_year(groups, notice)) is None:
        return None
    month = _number(groups, "month") or 0
    if not 1 <= month <= 12:
        return _Reading(None, f"Tháng {month}/{year} không có thật")
    return _period_deadline(groups, notice, month_period(year, month))


def _read_year(groups: _Groups, notice: _Notice) -> _Reading | None:
    if groups["year"] is None and groups["this"] is None and _lead(groups) in ("den", "truoc"):
        return None  # "đến năm" and "trước năm" need a year
    year = _named_year(groups, notice)
    return None if year is None else _period_deadline(groups, notice, year_period(year))


_DEADLINE_SHAPES: tuple[tuple[Shape, Callable[[_Groups, _Notice], _Reading | None]], ...] = (
    (DURATION, _read_duration),
    (DATE, _read_date),
    *((half_year, _read_half_year) for half_year in HALF_YEARS),
    (QUARTER, _read_quarter),
    (MONTH, _read_month),
    (YEAR, _read_year),
)


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


def fixed_public_holidays(year: int) -> set[date]:
    """Vietnam's solar-calendar public holidays (Bộ luật Lao động 2019, Điều 112): 1/1, 30/4, 1/5
    and 2/9, plus from 2021 one day next to 2/9, taken here as 1/9. The Prime Minister picks that
    day each year and may pick 3/9 instead; the admin enters the actual choice, compensatory days
    (nghỉ bù) and the lunar holidays (Tết, Giỗ Tổ Hùng Vương), which vary by year."""
    holidays = {date(year, 1, 1), date(year, 4, 30), date(year, 5, 1), date(year, 9, 2)}
    if year >= 2021:
        holidays.add(date(year, 9, 1))
    return holidays
