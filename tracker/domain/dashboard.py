"""The leadership dashboard's figures, assembled from a few grouped counts: totals by status,
the warning ladder, a line per agency and a trend over months or quarters."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tracker.domain.outcomes import OnTimeRate, on_time_rate
from tracker.domain.periods import Period
from tracker.domain.scorecard import recent_periods
from tracker.domain.status import TaskStatus, WarningLevel

TREND_UNITS = {"quy": ("quarterly", 8), "thang": ("monthly", 12)}
RANKINGS = ("ty_le", "qua_han", "tre_tb")
ON_TIME = (TaskStatus.EARLY, TaskStatus.ON_TIME)


STATUSES, LEVELS = tuple(TaskStatus), tuple(WarningLevel)


def empty_counts() -> dict[TaskStatus, int]:
    return dict.fromkeys(STATUSES, 0)


@dataclass(frozen=True)
class AgencyLine:
    """One agency's tasks in view. "Days late" adds up, over its tasks completed late and
    those still overdue, how many days each is or was past its deadline."""

    agency_id: int
    name: str
    counts: dict[TaskStatus, int] = field(default_factory=empty_counts)
    days_late: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def on_time(self) -> int:
        return sum(self.counts[status] for status in ON_TIME)

    @property
    def late_or_overdue(self) -> int:
        return self.counts[TaskStatus.LATE] + self.counts[TaskStatus.OVERDUE]

    @property
    def assessed(self) -> int:
        """Tasks whose result against the deadline is known: completed, or overdue."""
        return self.on_time + self.late_or_overdue

    @property
    def on_time_rate(self) -> OnTimeRate:
        """The province's on-time rate (`tracker.domain.outcomes`)."""
        return on_time_rate(
            self.on_time, self.counts[TaskStatus.LATE], self.counts[TaskStatus.OVERDUE]
        )

    @property
    def average_days_late(self) -> float | None:
        return self.days_late / self.late_or_overdue if self.late_or_overdue else None


@dataclass(frozen=True)
class OverdueLine:
    """An overdue task as the dashboard's workbook lists it."""

    text: str
    agency: str
    notice: str  # its kind and number: "Thông báo 473/TB-VPUBND"
    deadline: date


@dataclass(frozen=True)
class TrendPoint:
    period: Period
    counts: dict[TaskStatus, int]


@dataclass(frozen=True)
class DashboardFigures:
    counts: dict[TaskStatus, int]
    ladder: dict[WarningLevel, int]
    agencies: list[AgencyLine]
    trend: list[TrendPoint]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def completed(self) -> int:
        return sum(count for status, count in self.counts.items() if status.is_completed)

    @property
    def on_time_rate(self) -> OnTimeRate:
        """The province's on-time rate of the tasks in view (`tracker.domain.outcomes`)."""
        on_time = self.counts[TaskStatus.EARLY] + self.counts[TaskStatus.ON_TIME]
        return on_time_rate(on_time, self.counts[TaskStatus.LATE], self.counts[TaskStatus.OVERDUE])

    def share(self, status: TaskStatus) -> tuple[int, int]:
        """The status's count and what it is a share of: completed tasks for the completed
        statuses, tasks with a deadline for the others."""
        if status.is_completed:
            return self.counts[status], self.completed
        return self.counts[status], self.total - self.counts[TaskStatus.ONGOING]


STATUS_OF_VALUE = {status.value: status for status in TaskStatus}  # read for every row
STATUS_INDEX = {status.value: index for index, status in enumerate(STATUSES)}
ROW_WIDTH = 2 + len(STATUSES) + len(LEVELS)  # see `agency_row`


def agency_row(
    agency_id: int, status: str, count: int, days_late: int | None, levels: Sequence[int]
) -> list[int]:
    """The agency row (`build_figures`) of an agency's `count` tasks in one status (its
    value), `levels` being how many of them are at each warning level, in order."""
    row = [agency_id, days_late or 0, *([0] * len(STATUSES)), *levels]
    row[2 + STATUS_INDEX[status]] = count
    return row


def build_figures(
    agency_rows: Iterable[Sequence[Any]],
    trend_rows: Iterable[Sequence[Any]],
    names: dict[int, str],
    trend_periods: Sequence[Period],
) -> DashboardFigures:
    """Figures from the grouped counts: `agency_rows` are (agency id, days late, the count
    in each status, then at each warning level, in order), rows of the same agency adding
    up (`agency_row`); `trend_rows` (year, month, status, count) of tasks due within
    `trend_periods`."""
    by_agency: dict[int, list[int]] = {}
    for agency, *numbers in agency_rows:
        agency_id = int(agency)
        sums = by_agency.get(agency_id)
        if sums is None:
            by_agency[agency_id] = [int(number) for number in numbers]
        else:
            for index, number in enumerate(numbers):
                sums[index] += int(number)
    totals = [sum(column) for column in zip(*by_agency.values(), strict=True)]
    totals = totals or [0] * (ROW_WIDTH - 1)
    agencies = [
        AgencyLine(agency_id, names[agency_id], _by_status(sums), sums[0])
        for agency_id, sums in by_agency.items()
    ]
    return DashboardFigures(
        counts=_by_status(totals),
        ladder=dict(zip(LEVELS, totals[1 + len(STATUSES) :], strict=True)),
        agencies=rank_agencies(agencies, "ty_le"),
        trend=_trend(trend_rows, trend_periods),
    )


def _by_status(sums: list[int]) -> dict[TaskStatus, int]:
    return dict(zip(STATUSES, sums[1 : 1 + len(STATUSES)], strict=True))


def _trend(rows: Iterable[Sequence[Any]], periods: Sequence[Period]) -> list[TrendPoint]:
    points = [TrendPoint(period, empty_counts()) for period in periods]
    for year, month, status, count in rows:
        day = date(int(year), int(month), 1)
        for point in points:
            if point.period.start <= day <= point.period.end:
                point.counts[STATUS_OF_VALUE[status]] += int(count)
    return points


def trend_periods(end: date, unit: str) -> list[Period]:
    """The months or quarters of the trend, oldest first, the last one holding `end`."""
    kind, count = TREND_UNITS.get(unit, TREND_UNITS["quy"])
    return recent_periods(end, kind, count)[::-1]


def rank_agencies(lines: Iterable[AgencyLine], order: str) -> list[AgencyLine]:
    """Agencies best first by on-time rate ("ty_le"), or those lagging most first by overdue
    tasks ("qua_han") or by average days late ("tre_tb"); ties by name."""
    if order == "qua_han":
        return sorted(lines, key=lambda a: (-a.counts[TaskStatus.OVERDUE], a.name))
    if order == "tre_tb":
        return sorted(lines, key=lambda a: (-(a.average_days_late or 0), a.name))
    return sorted(lines, key=lambda a: (-(a.on_time_rate.value or 0), -a.assessed, a.name))
