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
  A recurring task without a date of its own has no deadline and no phrase; one that names its
  days ("trước ngày 20 hằng tháng", "15/6 và 15/12 hằng năm", "ngày 15 của tháng cuối quý",
  "tháng 12 hằng năm") has the first such day on or after the notice as its deadline.
- "đến năm 2030" three or more years after the notice is a target ("phấn đấu đến năm 2030
  đạt ..."), not a time limit; "tầm nhìn đến năm 2050", "những tháng cuối năm" and start dates
  ("từ ngày 01/01/2026", "bắt đầu từ tháng 7/2025") are never deadlines.
- a span between two periods ends with the second ("Quý IV/2025 - Quý II/2026", "trong năm
  2025 - 2026"); a text that is only a date or a year (a table's time cell) is that deadline.
- "vào ngày 19/12/2025" dates the event the work must be ready for; in the past, a meeting held.
- receipt of the notice itself ("kể từ ngày nhận Kế hoạch này") counts from its date; a time
  limit counted from another event ("kể từ ngày nhận được hồ sơ", "ngay sau khi có ý kiến ...")
  or from Tết gives no deadline and a note asking the reviewer to enter it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date

from tracker.domain.deadline_readings import (
    MONTH_COUNT_WORDS,
    Groups,
    IssuedNotice,
    Reading,
    ignore,
    read_date,
    read_duration,
    read_event,
    read_half_year,
    read_lunar_new_year,
    read_month,
    read_monthly_day,
    read_quarter,
    read_quarterly_day,
    read_week,
    read_whole_date,
    read_whole_year,
    read_year,
    read_yearly_days,
    read_yearly_month,
)
from tracker.domain.formatting import vn_date
from tracker.domain.vietnamese_dates import (
    DATE,
    DURATION,
    EVENTS,
    HALF_YEARS,
    IGNORED,
    LUNAR_NEW_YEAR,
    MONTH,
    MONTH_RANGE,
    MONTHLY_DAY,
    QUARTER,
    QUARTER_RANGE,
    QUARTERLY_DAY,
    RECURRENCES,
    REPORTING_VERB,
    SPANS,
    STARTS,
    WEEK,
    WHOLE_DATE,
    WHOLE_YEAR,
    YEAR,
    YEAR_RANGE,
    YEARLY_DAYS,
    YEARLY_MONTH,
    FoldedText,
    Shape,
)


@dataclass(frozen=True)
class DeadlineFinding:
    """What the text of one task says about when it is due."""

    deadline: date | None  # None without a deadline phrase, or when the date is impossible
    phrase: str | None  # the deadline phrase exactly as written in the text
    recurrence: str | None  # "monthly", "quarterly", "semiannual", "annual", "dates" or None
    problem: str | None  # a note in Vietnamese for the secretariat when the reading is doubtful
    recurrence_days: str | None = None  # the days of the year a schedule names: "15/03, 30/09"


_CLAUSE_BREAKS = ",.;:!?()\n"
_RECURRENCE_OF_PERIOD = {"thang": "monthly", "quy": "quarterly", "nam": "annual"}
_RECURRENCE_OF_MONTHS = {1: "monthly", 3: "quarterly", 6: "semiannual", 12: "annual"}


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    groups: Groups


@dataclass(frozen=True)
class _Shapes:
    """What one step of the reading does with its shapes' occurrences."""

    shapes: tuple[Shape, ...]
    read: Callable[[Groups, IssuedNotice], Reading | None]


@dataclass(frozen=True)
class _Candidate:
    start: int
    phrase: str
    reading: Reading


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
    earliest one and a problem, except that a recurrence naming its days ("trước ngày 20 hằng
    tháng") gives its first day; an impossible date gives no deadline, its phrase and a problem;
    a time limit counted from an event gives no deadline and a note for the reviewer.
    """
    scan = _Scan(FoldedText(text))
    notice = IssuedNotice(issued_on, frozenset(holidays))
    candidates = _candidates(scan, notice, _BEFORE_IGNORED)
    for _ignored in scan.hits(IGNORED, *SPANS):
        pass
    candidates += _candidates(scan, notice, _DATED_RECURRENCES)
    recurrences = [
        (hit.start, recurrence)
        for hit in scan.hits(*RECURRENCES)
        if _is_recurrence(hit, scan.text.folded) and (recurrence := _recurrence(hit.groups))
    ]
    recurrences += [(c.start, c.reading.recurrence) for c in candidates if c.reading.recurrence]
    candidates += _candidates(scan, notice, _DEADLINE_SHAPES)
    first_recurrence = min(recurrences)[1] if recurrences else None
    return _finding(sorted(candidates, key=lambda candidate: candidate.start), first_recurrence)


def _candidates(scan: _Scan, notice: IssuedNotice, steps: tuple[_Shapes, ...]) -> list[_Candidate]:
    return [
        _Candidate(hit.start, scan.text.quote(hit.start, hit.end), reading)
        for step in steps
        for hit in scan.hits(*step.shapes)
        if (reading := step.read(hit.groups, notice)) is not None
    ]


def _finding(candidates: list[_Candidate], recurrence: str | None) -> DeadlineFinding:
    if not candidates:
        return DeadlineFinding(None, None, recurrence, None)
    dated = [(c.reading.deadline, c) for c in candidates if c.reading.deadline is not None]
    if not dated:
        notes = [note for candidate in candidates if (note := _problem(candidate))]
        return DeadlineFinding(None, candidates[0].phrase, recurrence, "; ".join(notes) or None)
    # an event is only worth a note when nothing else dates the task
    problems = [note for c in candidates if (note := c.reading.problem) and not c.reading.event]
    own = [pair for pair in dated if recurrence and pair[1].reading.recurrence == recurrence]
    deadline, chosen = min(own or dated, key=lambda pair: pair[0])
    if len({day for day, _ in dated}) > 1:
        listed = ", ".join(f"{' '.join(c.phrase.split())} ({vn_date(day)})" for day, c in dated)
        problems.append(f"Có nhiều thời hạn khác nhau: {listed}")
    days = chosen.reading.days if own else None
    return DeadlineFinding(deadline, chosen.phrase, recurrence, "; ".join(problems) or None, days)


def _problem(candidate: _Candidate) -> str | None:
    if candidate.reading.event is None:
        return candidate.reading.problem
    return f"{candidate.reading.event} ({' '.join(candidate.phrase.split())}): cần nhập tay"


def _recurrence(groups: Groups) -> str | None:
    if unit := groups.get("unit"):
        return _RECURRENCE_OF_PERIOD.get(unit)
    months = groups["months"] or ""
    return _RECURRENCE_OF_MONTHS.get(MONTH_COUNT_WORDS.get(months) or int(months))


def _is_recurrence(hit: _Hit, folded: str) -> bool:
    """Whether a recurrence shape really says how often: always, except a bare "hằng quý",
    which must qualify a reporting verb in its clause, stand alone before one ("báo cáo ... hằng
    quý", "Hằng quý, báo cáo") or open a sentence ("Hằng năm, căn cứ ..., xây dựng dự toán");
    "kế hoạch ... hằng năm" is an annual plan."""
    if "once" not in hit.groups or hit.groups["once"]:
        return True
    clause_start = max(folded.rfind(mark, 0, hit.start) for mark in _CLAUSE_BREAKS) + 1
    clause_end = _clause_end(folded, hit.end)
    if REPORTING_VERB.search(folded, clause_start, clause_end):
        return True
    stands_alone = folded[clause_start:clause_end].strip(" -*+•\t") == folded[hit.start : hit.end]
    if not (stands_alone and folded.startswith(",", clause_end)):
        return False
    # "Hằng năm, căn cứ ..., xây dựng dự toán": opening its sentence, it governs all of it
    opens_sentence = clause_start == 0 or folded[clause_start - 1] in ".:;!?\n"
    next_clause = (clause_end + 1, _clause_end(folded, clause_end + 1))
    return opens_sentence or REPORTING_VERB.search(folded, *next_clause) is not None


def _clause_end(folded: str, position: int) -> int:
    ends = [found for mark in _CLAUSE_BREAKS if (found := folded.find(mark, position)) >= 0]
    return min(ends, default=len(folded))


# Read before the year ranges are claimed as names ("Năm 2025 - 2026" in a time column).
_BEFORE_IGNORED = (
    _Shapes((QUARTER_RANGE,), read_quarter),
    _Shapes((MONTH_RANGE,), read_month),
    _Shapes((YEAR_RANGE,), read_year),
)
_DATED_RECURRENCES = (
    _Shapes((MONTHLY_DAY,), read_monthly_day),
    _Shapes((QUARTERLY_DAY,), read_quarterly_day),
    _Shapes((YEARLY_DAYS,), read_yearly_days),
    _Shapes((YEARLY_MONTH,), read_yearly_month),
)
_DEADLINE_SHAPES = (
    _Shapes((WHOLE_DATE,), read_whole_date),
    _Shapes((WHOLE_YEAR,), read_whole_year),
    _Shapes((DURATION,), read_duration),
    _Shapes(STARTS, ignore),
    _Shapes((DATE,), read_date),
    _Shapes(EVENTS, read_event),
    _Shapes((LUNAR_NEW_YEAR,), read_lunar_new_year),
    _Shapes((WEEK,), read_week),
    _Shapes(HALF_YEARS, read_half_year),
    _Shapes((QUARTER,), read_quarter),
    _Shapes((MONTH,), read_month),
    _Shapes((YEAR,), read_year),
)


def fixed_public_holidays(year: int) -> set[date]:
    """Vietnam's solar-calendar public holidays (Bộ luật Lao động 2019, Điều 112): 1/1, 30/4, 1/5
    and 2/9, plus from 2021 one day next to 2/9, taken here as 1/9. The Prime Minister picks that
    day each year and may pick 3/9 instead; the admin enters the actual choice, compensatory days
    (nghỉ bù) and the lunar holidays (Tết, Giỗ Tổ Hùng Vương), which vary by year."""
    holidays = {date(year, 1, 1), date(year, 4, 30), date(year, 5, 1), date(year, 9, 2)}
    if year >= 2021:
        holidays.add(date(year, 9, 1))
    return holidays
