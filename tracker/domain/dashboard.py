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


def build_figures(
    agency_rows: Iterable[Sequence[Any]],
    trend_rows: Iterable[Sequence[Any]],
    names: dict[int, str],
    trend_periods: Sequence[Period],
) -> DashboardFigures:
    """Figures from the grouped counts: `agency_rows` are (agency id, status, count, days
    late, then the count of each warning level in order) for each agency and status,
    `trend_rows` (year, month, status, count) of tasks due within `trend_periods`."""
    by_agency: dict[int, dict[TaskStatus, int]] = {}
    late: dict[int, int] = {}
    counts = empty_counts()
    ladder = dict.fromkeys(LEVELS, 0)
    for agency, status, count, days_late, *levels in agency_rows:
        agency_id, task_status = int(agency), STATUS_OF_VALUE[status]
        if agency_id not in by_agency:  # not setdefault: its default is made for every row
            by_agency[agency_id] = empty_counts()
        by_agency[agency_id][task_status] += int(count)
        late[agency_id] = late.get(agency_id, 0) + int(days_late or 0)
        counts[task_status] += int(count)
        for level, number in zip(LEVELS, levels, strict=True):
            ladder[level] += int(number)
    agencies = [
        AgencyLine(agency_id, names[agency_id], agency_counts, late[agency_id])
        for agency_id, agency_counts in by_agency.items()
    ]
    return DashboardFigures(
        counts=counts,
        ladder=ladder,
        agencies=rank_agencies(agencies, "ty_le"),
        trend=_trend(trend_rows, trend_periods),
    )


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
