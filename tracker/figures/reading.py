"""The dashboard's grouped counts read from the maintained cells instead of the tasks, for the
filters the cells can answer: period (whole months), agency, agency group, kind of document,
status, completed and warning level, and for an agency's own list the tasks it leads, those
it coordinates, or both. A range of deadlines is read as whole months
(`TaskFilters.by_month`), the days at its ends being counted from the tasks by the caller.
Other filters (a notice, what waits, the tasks assigned to me) are counted from the tasks."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from datetime import date
from functools import reduce
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from tracker.agencies.models import group_member_ids
from tracker.db import read_columns, written
from tracker.domain.figure_buckets import Bucket, buckets_with
from tracker.domain.month_split import Range
from tracker.domain.periods import Period
from tracker.domain.status import TaskStatus, WarningLevel
from tracker.figures.cells import EPOCH, Clock
from tracker.figures.models import (
    ALL_MONTHS,
    NO_DEADLINE_MONTH,
    NOT_SCORED,
    OWN_CELL,
    CoordinatedFigure,
    ProvinceFigure,
    TaskFigure,
)
from tracker.figures.upkeep import CLOCK_COLUMNS, read_counts
from tracker.statements import built
from tracker.tasks.filters import COORDINATING, LEAD, TaskFilters

# The scopes of `tracker.access.visibility_key` whose tasks are the counted ones; an agency's
# scope ("agency", its id) sees those it leads or coordinates.
COUNTED_SCOPES = ("all", "published")
AGENCY_SCOPE = "agency"
COMPLETED = (Bucket.EARLY, Bucket.ON_TIME, Bucket.LATE)
Cells = type[TaskFigure] | type[ProvinceFigure] | type[CoordinatedFigure]


# by the bucket's stored value: looked up for each cell read, instead of through the enums
_STATUS_OF_BUCKET = {bucket.value: bucket.status.value for bucket in Bucket}


def scope_counted(scope: Sequence[object]) -> bool:
    """Whether users of this visibility scope see the counted tasks."""
    return scope[0] in COUNTED_SCOPES


def answerable(filters: TaskFilters, scope: Sequence[object]) -> bool:
    """Whether the cells can count these filters (the whole months of their deadlines) for
    users of this visibility scope."""
    return (
        ((scope_counted(scope) and filters.role is None) or scope[0] == AGENCY_SCOPE)
        and filters.notice_id is None
        and not filters.mine
        and filters.waiting is None
    )


def task_count(
    session: Session, filters: TaskFilters, scope: Sequence[object], months: Range, clock: Clock
) -> int:
    """How many counted tasks users of `scope` see pass the filters and fall due in `months`
    (as `agency_rows` has them), as a list counts them, the counts standing for `clock`."""
    query = built(
        ("task count", filters, *scope, months),
        lambda: select(*task_count_columns(filters, scope, months)),
    )
    return int(read_counts(session, query, clock.day, clock.due_soon_days)[0] or 0)


def task_count_columns(
    filters: TaskFilters, scope: Sequence[object], months: Range
) -> tuple[ColumnElement[Any], ...]:
    """`task_count`'s count, then the clock the cells stand for (`CLOCK_COLUMNS`), as
    columns to read in another statement: a list reads them with its page's tasks."""
    sums = [
        _filtered(filters, scope, _due_in(months, cells), cells, seen)
        .with_only_columns(func.coalesce(func.sum(cells.tasks), 0))
        .scalar_subquery()
        for cells, seen in _counted_parts(filters, scope)
    ]
    return (reduce(operator.add, sums), *CLOCK_COLUMNS)


def _counted_parts(
    filters: TaskFilters, scope: Sequence[object]
) -> list[tuple[Cells, ColumnElement[bool] | None]]:
    """The cells `task_count` adds up, in parts, and which of them each part takes: the
    province's, or the parts users of `scope` see (`_seen_parts`). Each part an agency sees
    is summed apart: PostgreSQL read the two parts of an agency's own list joined by OR as a
    bitmap over the table, where each alone is a range of one index, read without the table
    (0.1 ms less for the benchmark's agency). The tasks an agency coordinates and another
    leads are read added up over the lead agencies (`CoordinatedFigure`), unless the list
    asks for a lead agency or a group."""
    if _whole_province(filters, scope):
        return [(ProvinceFigure, None)]
    by_lead = filters.agency_id is not None or filters.group_id is not None
    if scope[0] == AGENCY_SCOPE and filters.role is None and not by_lead:
        leads, _coordinated = _seen_parts(scope, None)
        added_up = CoordinatedFigure.coordinator_id == _agency_of(scope)
        return [(TaskFigure, leads), (CoordinatedFigure, added_up)]
    return [(TaskFigure, seen) for seen in _seen_parts(scope, filters.role)]


def agency_rows(
    session: Session,
    filters: TaskFilters,
    scope: Sequence[object],
    clock: Clock,
    months: Range,
) -> list[list[int]]:
    """The agency rows of `tracker.domain.dashboard.build_figures` (one per agency), as
    `tracker.dashboard.figures` counts them from the tasks, of the tasks due in `months`
    (the first days of the first and last month, None on an open side; (None, None): any)."""
    flipped = _reads_totals(session, months)
    query = built(
        ("agency rows", filters, *scope, months, flipped),
        lambda: _agency_rows_query(filters, scope, months, flipped),
    )
    today = (clock.day - EPOCH).days
    found = []
    for agency_id, late_days, overdue_deadline_days, *counts in read_columns(session, query):
        numbers = [int(count or 0) for count in counts]
        # days late: fixed for tasks completed late; for overdue ones, today against each
        # deadline (`TaskFigure.deadline_day_sum`)
        overdue = numbers[_OVERDUE_COLUMN]
        late = int(late_days or 0) + overdue * today - int(overdue_deadline_days or 0)
        found.append([agency_id, late, *numbers])
    return found


def _agency_rows_query(
    filters: TaskFilters, scope: Sequence[object], months: Range, flipped: bool
) -> Select[Any]:
    """The cells of `agency_rows` summed by agency: the days late of the tasks completed
    late, the deadlines of the overdue ones, the tasks in each status and at each warning
    level; `flipped`: read as every month's totals less the months outside
    (`_reads_totals`)."""
    due, sign = _totals_less_outside(months) if flipped else (_due_in(months), literal(1))

    def summed(column: InstrumentedAttribute[int], buckets: list[Bucket]) -> ColumnElement[Any]:
        values = [written(bucket.value) for bucket in buckets]
        return func.sum(sign * column).filter(TaskFigure.bucket.in_(values))

    tasks_by_status = [summed(TaskFigure.tasks, buckets) for buckets in _STATUS_BUCKETS]
    query: Select[Any] = _filtered(filters, scope, due).with_only_columns(
        TaskFigure.lead_agency_id,
        summed(TaskFigure.days_late_sum, [Bucket.LATE]),
        summed(TaskFigure.deadline_day_sum, _STATUS_BUCKETS[_OVERDUE_COLUMN]),
        *tasks_by_status,
        *(summed(TaskFigure.tasks, buckets) for buckets in _LEVEL_BUCKETS),
    )
    total = func.sum(sign * TaskFigure.tasks)
    return query.group_by(TaskFigure.lead_agency_id).having(total > 0)


# the buckets of each status and of each warning level, in order, and the overdue status's
_STATUS_BUCKETS = [[b for b in Bucket if b.status is status] for status in TaskStatus]
_LEVEL_BUCKETS = [[b for b in Bucket if level in b.warnings] for level in WarningLevel]
_OVERDUE_COLUMN = list(TaskStatus).index(TaskStatus.OVERDUE)


def trend_rows(
    session: Session, filters: TaskFilters, scope: Sequence[object], months: Range
) -> list[list[Any]]:
    """(year, month, status, count) of the tasks due in `months` (as `agency_rows` has them),
    every other filter kept. Read from the province's cells when they can say it."""
    cells = _cells_for_trend(filters, scope, months)
    query = built(
        ("trend rows", filters, *scope, months),
        lambda: (
            _filtered(filters, scope, _due_in(months, cells), cells)
            .with_only_columns(cells.due_month, cells.bucket, func.sum(cells.tasks))
            .group_by(cells.due_month, cells.bucket)
            .having(func.sum(cells.tasks) > 0)
        ),
    )
    return [
        [month // 100, month % 100, _STATUS_OF_BUCKET[bucket], int(tasks)]
        for month, bucket, tasks in read_columns(session, query)
    ]


def scorecard_rows(session: Session, period: Period) -> list[tuple[int, str, int]]:
    """(agency, outcome, count) of the tasks whose deadline as first assigned falls in the
    period (of whole months), as `tracker.scorecard.queries` counts them from the tasks."""
    months = _month(period.start), _month(period.end)
    total = func.sum(TaskFigure.tasks)
    query = (
        select(TaskFigure.lead_agency_id, TaskFigure.outcome, total)
        .where(
            TaskFigure.coordinator_id == written(OWN_CELL),
            TaskFigure.original_month.between(*months),
            TaskFigure.outcome != NOT_SCORED,
        )
        .group_by(TaskFigure.lead_agency_id, TaskFigure.outcome)
        .having(total > 0)
    )
    return [
        (int(agency), str(outcome), int(count)) for agency, outcome, count in session.execute(query)
    ]


def _whole_province(filters: TaskFilters, scope: Sequence[object]) -> bool:
    """Whether the province's cells (every agency's added up) can count what users of
    `scope` see with these filters: they see every counted task and ask for no agency or
    group."""
    return scope_counted(scope) and filters.agency_id is None and filters.group_id is None


def _cells_for_trend(filters: TaskFilters, scope: Sequence[object], months: Range) -> Cells:
    """The province's cells when they can count it (`_whole_province`) and the months are
    bounded on both sides; else the agencies' cells."""
    bounded = None not in months
    return ProvinceFigure if _whole_province(filters, scope) and bounded else TaskFigure


def _filtered(
    filters: TaskFilters,
    scope: Sequence[object],
    due: list[ColumnElement[bool]],
    cells: Cells = TaskFigure,
    seen: ColumnElement[bool] | None = None,
) -> Select[Any]:
    """The cells that pass the filters and `due`, among those users of `scope` see (or
    those `seen` names, one of the `_seen_parts`)."""
    if seen is None and cells is not ProvinceFigure:
        seen = _seen_in(scope, filters.role)
    conditions = [*due] if seen is None else [seen, *due]
    buckets = _buckets(filters)
    if buckets is not None:
        conditions.append(cells.bucket.in_([written(bucket.value) for bucket in buckets]))
    if filters.agency_id is not None:
        conditions.append(TaskFigure.lead_agency_id == filters.agency_id)
    if filters.group_id is not None:
        members = group_member_ids(filters.group_id)
        conditions.append(TaskFigure.lead_agency_id.in_(members))
    if filters.kind is not None:
        conditions.append(cells.notice_kind == filters.kind.value)
    return select(cells).where(*conditions)


def _due_in(months: Range, cells: Cells = TaskFigure) -> list[ColumnElement[bool]]:
    """The cells of the tasks due in `months`; every month's totals for (None, None)."""
    low, high = months
    if low is None and high is None:
        return [cells.due_month == written(ALL_MONTHS)]
    return [
        cells.due_month >= _month(low) if low else cells.due_month > written(NO_DEADLINE_MONTH),
        *([cells.due_month <= _month(high)] if high else []),
    ]


# the first and last months in which tasks fall due
_DATED_MONTHS = select(func.min(TaskFigure.due_month), func.max(TaskFigure.due_month)).where(
    TaskFigure.coordinator_id == written(OWN_CELL),
    TaskFigure.due_month > written(NO_DEADLINE_MONTH),
)


def _reads_totals(session: Session, months: Range) -> bool:
    """For months open on one side ("from March 2025 on"): whether the months with tasks on
    the other side are fewer, so that the cells are best read as every month's totals less
    those of the other side (`_totals_less_outside`)."""
    low, high = months
    if (low is None) == (high is None):
        return False
    earliest, latest = read_columns(session, _DATED_MONTHS).one()
    if earliest is None or latest is None:
        return False
    if low is not None:
        inside = _months_between(_month(low), latest)
        outside = _months_between(earliest, _month(low))
    elif high is not None:
        inside = _months_between(earliest, _month(high))
        outside = _months_between(_month(high), latest)
    return outside < inside


def _totals_less_outside(months: Range) -> tuple[list[ColumnElement[bool]], ColumnElement[Any]]:
    """For months open on one side: the cells of every month's totals and, to take away
    (the sign of each cell), those of the months on the other side and of the tasks without
    a deadline."""
    low, high = months
    other: ColumnElement[bool]
    if low is not None:
        other = TaskFigure.due_month.between(written(NO_DEADLINE_MONTH), _month(low) - 1)
    elif high is not None:
        other = or_(
            TaskFigure.due_month == written(NO_DEADLINE_MONTH), TaskFigure.due_month > _month(high)
        )
    totals = TaskFigure.due_month == written(ALL_MONTHS)
    return [or_(totals, other)], case((totals, 1), else_=-1)


def _months_between(first: int, last: int) -> int:
    """How many months from `first` to `last` (as 202609), 0 if none."""
    return max(0, (last // 100 - first // 100) * 12 + last % 100 - first % 100 + 1)


def _seen_in(scope: Sequence[object], role: str | None) -> ColumnElement[bool]:
    """The cells of the tasks users of `scope` see (`_seen_parts`)."""
    return or_(*_seen_parts(scope, role))


def _seen_parts(scope: Sequence[object], role: str | None) -> list[ColumnElement[bool]]:
    """The cells of the tasks users of `scope` see, in parts that share no cell: the own
    cells; for an agency, the own cells of the tasks it leads and its copies of those it
    coordinates but does not lead, or either alone (`role`), as
    `tracker.access.filtered_task_parts` lists them."""
    if scope[0] != AGENCY_SCOPE:
        return [TaskFigure.coordinator_id == written(OWN_CELL)]
    agency = _agency_of(scope)
    leads = and_(
        TaskFigure.coordinator_id == written(OWN_CELL), TaskFigure.lead_agency_id == agency
    )
    coordinates = TaskFigure.coordinator_id == agency
    if role == LEAD:
        return [leads]
    if role == COORDINATING:
        return [coordinates]
    return [leads, and_(coordinates, TaskFigure.lead_agency_id != agency)]


def _agency_of(scope: Sequence[object]) -> ColumnElement[int]:
    """The agency of an agency's scope, written into the SQL: given as a parameter,
    PostgreSQL planned the agency's count again on every request (its plan for any agency
    looked dearer than one for this)."""
    agency_id = scope[1]
    assert isinstance(agency_id, int)  # noqa: S101 - `visibility_key`'s agency scope
    return written(agency_id)


def _buckets(filters: TaskFilters) -> list[Bucket] | None:
    """The buckets the status, completed and warning filters keep; None: all of them."""
    if filters.status is None and filters.warning is None and not filters.completed:
        return None
    kept = buckets_with(filters.status, filters.warning)
    return [bucket for bucket in kept if bucket in COMPLETED] if filters.completed else kept


def _month(day: date) -> int:
    return day.year * 100 + day.month
