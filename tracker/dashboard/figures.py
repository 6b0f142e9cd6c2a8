"""The dashboard's counts, read from the counts maintained with the data (`tracker.figures`)
when the filters allow, else in two grouped queries over the tasks in view; kept in the figures
cache until tasks change (`tracker.cache`)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

from sqlalchemy import ColumnElement, Date, Select, and_, case, extract, func, literal, or_, select
from sqlalchemy.sql import Executable

from tracker.agencies.kept import directory_rows
from tracker.agencies.models import Agency
from tracker.cache import remembered
from tracker.db import days_between, read_columns
from tracker.domain.dashboard import (
    DashboardFigures,
    OverdueLine,
    agency_row,
    build_figures,
    trend_periods,
)
from tracker.domain.periods import Period
from tracker.domain.status import WarningLevel
from tracker.extensions import db
from tracker.figures import reading as maintained
from tracker.figures.upkeep import counts_for
from tracker.notices.models import Notice
from tracker.statements import built
from tracker.tasks.filters import TaskFilters, warning_predicate
from tracker.tasks.listing import listed
from tracker.tasks.models import Task
from tracker.tasks.queries import not_paused, status_expression

OVERDUE_LIST_SIZE = 20
OVERDUE_BATCH = 500  # rows read from the cursor at a time
_AGENCY_NAMES = select(Agency.id, Agency.name)


def dashboard_figures(
    visible: Select[Task],
    filters: TaskFilters,
    scope: list[object],
    today: date,
    due_soon_days: int,
    trend_unit: str,
) -> DashboardFigures:
    """Figures of the `visible` tasks that pass `filters`; the trend keeps every filter but
    the period and shows the months or quarters up to the period's end. `scope` is the
    user's visibility key, part of the cache key with the filters, the day and the unit."""
    periods = trend_periods(filters.period.end if filters.period else today, trend_unit)

    def counted() -> dict[str, Any]:
        if maintained.answerable(filters, scope):
            agency_rows, trend_rows = counts_kept(
                visible, filters, scope, today, due_soon_days, periods
            )
        else:
            agency_rows, trend_rows = counts_from_tasks(
                visible, filters, today, due_soon_days, periods
            )
        # every agency's name: one statement the same on every board (sixty rows), where
        # the names of those in the rows took a statement with one value for each
        names = directory_rows(db.session(), _AGENCY_NAMES)
        return {
            "agencies": agency_rows,
            "trend": trend_rows,
            "names": {str(key): name for key, name in names},
        }

    parts = [*scope, filters.as_args(), today.isoformat(), due_soon_days, trend_unit]
    rows = remembered("dashboard-rows", parts, counted)  # rows of one agency each
    return build_figures(
        rows["agencies"],
        rows["trend"],
        {int(key): name for key, name in rows["names"].items()},
        periods,
    )


def counts_kept(
    visible: Select[Task],
    filters: TaskFilters,
    scope: list[object],
    today: date,
    due_soon_days: int,
    periods: list[Period],
) -> tuple[list[list[Any]], list[list[Any]]]:
    """The agency rows and the trend rows read from the kept cells for the whole months of
    the deadlines asked for, and counted from the tasks for the days left at the ends of a
    range that is not whole months (`TaskFilters.by_month`; the dashboard adds up rows of the
    same key)."""
    session = db.session()
    clock = counts_for(session, today, due_soon_days)
    months, days = filters.by_month()
    agency_rows = maintained.agency_rows(session, filters, scope, clock, months) if months else []
    # the trend: every filter but the period, within the trend's own periods
    low, high = replace(filters, period=None).deadline_range()
    first, last = periods[0].start, periods[-1].end
    window = replace(
        filters,
        period=None,
        due_from=max(first, low) if low else first,
        due_to=min(last, high) if high else last,
    )
    trend_months, trend_days = window.by_month()
    trend_rows = maintained.trend_rows(session, window, scope, trend_months) if trend_months else []
    # Days the figures and the trend both count (the usual case: a range of deadlines
    # within the trend's periods) are read from the tasks once, by agency and month.
    for narrowed in days:
        both = narrowed in trend_days
        by_agency = partial(_by_agency, today=today, due_soon_days=due_soon_days, by_month=both)
        shape = ("by agency", both)
        query = _days_counted(visible, narrowed, scope, today, due_soon_days, shape, by_agency)
        rows = _rows(query)
        agency_rows += _agency_rows(rows, by_month=both)
        if both:
            trend_rows += [
                [year, month, status, count] for _, year, month, status, count, *_ in rows
            ]
    trend_shape = ("by month", first, last)
    for narrowed in trend_days:
        if narrowed not in days:
            by_month = partial(_by_month, periods=periods, today=today)
            query = _days_counted(
                visible, narrowed, scope, today, due_soon_days, trend_shape, by_month
            )
            trend_rows += _rows(query)
    return agency_rows, trend_rows


def _days_counted(
    visible: Select[Task],
    narrowed: TaskFilters,
    scope: list[object],
    today: date,
    due_soon_days: int,
    shape: Hashable,
    count: Callable[[Select[Task]], Select[*tuple[Any, ...]]],
) -> Select[*tuple[Any, ...]]:
    """The statement `count` makes of the `visible` tasks due on the days `narrowed` keeps
    (the ends of a range that is not whole months), built once per process for the same
    scope, days and day (`tracker.statements`): building it and working out its cache key
    took longer than PostgreSQL takes to run it. `shape` names `count` with every other value
    it writes into the statement (by agency, by month or not; by month, the trend's bounds)."""
    key = ("dashboard days", shape, *scope, narrowed, today, due_soon_days)
    return built(key, lambda: count(narrowed.apply(visible, today, 0, due_soon_days)))


def counts_from_tasks(
    visible: Select[Task],
    filters: TaskFilters,
    today: date,
    due_soon_days: int,
    periods: list[Period],
) -> tuple[list[list[Any]], list[list[Any]]]:
    """The agency rows and the trend rows counted from the tasks themselves, for the filters
    the maintained counts cannot answer (and to check them against)."""
    tasks = filters.apply(visible, today, 0, due_soon_days)
    any_period = replace(filters, period=None).apply(visible, today, 0, due_soon_days)
    return (
        _agency_rows(_rows(_by_agency(tasks, today, due_soon_days, by_month=False))),
        _rows(_by_month(any_period, periods, today)),
    )


def _by_agency(
    tasks: Select[Task], today: date, due_soon_days: int, by_month: bool
) -> Select[*tuple[Any, ...]]:
    """The `tasks` counted by agency and status (and by month of their deadline, `by_month`)
    in one pass: with 100,000 of them, reading them once costs a third of reading them three
    times. Each row: the agency, (year, month,) status, and the sums of `_agency_figures`."""
    status, sums = _agency_figures(today, due_soon_days)
    months = [extract("year", Task.deadline), extract("month", Task.deadline)] if by_month else []
    keys = [Task.lead_agency_id, *months, status]
    return tasks.with_only_columns(*keys, *sums).group_by(*keys)


def _agency_rows(rows: list[list[Any]], by_month: bool = False) -> list[list[Any]]:
    """The agency rows (`tracker.domain.dashboard.agency_row`) of the rows `_by_agency`
    counted, one per agency and status (and month, `by_month`: the dashboard adds up rows of
    the same key)."""
    if by_month:  # the agency, the year and the month, then the same columns as without
        rows = [[row[0], *row[3:]] for row in rows]
    return [
        agency_row(agency, status, count, late, levels)
        for agency, status, count, late, *levels in rows
    ]


def _agency_figures(
    today: date, due_soon_days: int
) -> tuple[ColumnElement[str], list[ColumnElement[Any]]]:
    """The status of each task, and what `_agency_rows` adds up for each agency and status:
    the count, the days late, the count at each warning level."""
    status = status_expression(today).label("status")
    finished_or_today = func.coalesce(Task.completed_on, literal(today, Date))
    late = and_(
        finished_or_today > Task.deadline,
        or_(Task.completed_on.is_not(None), not_paused(today)),  # a paused task is not late
    )
    days_late = case((late, days_between(finished_or_today, Task.deadline)))
    sums: list[ColumnElement[Any]] = [
        func.count(),
        func.sum(days_late),
        *(
            func.count().filter(warning_predicate(level, today, due_soon_days))
            for level in WarningLevel
        ),
    ]
    return status, sums


def _by_month(tasks: Select[Task], periods: list[Period], today: date) -> Select[*tuple[Any, ...]]:
    """(year, month, status, count) of the tasks due within the trend's periods."""
    year, month = extract("year", Task.deadline), extract("month", Task.deadline)
    status = status_expression(today)
    return (
        tasks.with_only_columns(year, month, status, func.count())
        .where(and_(Task.deadline >= periods[0].start, Task.deadline <= periods[-1].end))
        .group_by(year, month, status)
    )


def _rows(query: Executable) -> list[list[Any]]:
    """Rows as lists of plain values: PostgreSQL gives EXTRACT and SUM as decimals."""
    return [
        [int(value) if isinstance(value, Decimal) else value for value in row]
        for row in read_columns(db.session(), query)
    ]


def oldest_overdue(
    overdue: Select[Task], limit: int = OVERDUE_LIST_SIZE
) -> Select[*tuple[Any, ...]]:
    """The `overdue` tasks (`TaskFilters.overdue`) overdue longest, as a list reads them
    (`tracker.tasks.listing.read_listed`)."""
    return listed(_oldest_first(overdue, limit))


def overdue_lines(overdue: Select[Task], today: date, limit: int) -> Iterator[OverdueLine]:
    """The same tasks as `oldest_overdue`, as many as `limit`, as the workbook lists them:
    only the columns it shows, read in batches (a server-side cursor on PostgreSQL), so
    that a long list is never held whole."""
    query = (
        _oldest_first(overdue, limit)
        .join(Agency, Agency.id == Task.lead_agency_id)
        .join(Notice, Notice.id == Task.notice_id)
        .with_only_columns(Task.text, Agency.name, Notice.kind, Notice.number, Task.deadline)
        .execution_options(yield_per=OVERDUE_BATCH)
    )
    for text, agency, kind, number, deadline in db.session.execute(query):
        notice = f"{kind.label} {number or ''}".strip()
        yield OverdueLine(text, agency, notice, deadline or today)  # overdue: it has one


def _oldest_first(overdue: Select[Task], limit: int) -> Select[Task]:
    return overdue.order_by(Task.deadline, Task.id).limit(limit)
