"""The cells of the maintained counts, in SQL: which cell a task falls in on a day, the
counts of any set of tasks grouped by cell, and the whole table built, refreshed for a new day
or checked against the tasks. The definition is written once, here, and used by all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import chain
from typing import Any

from sqlalchemy import (
    Case,
    ColumnElement,
    Connection,
    Date,
    Integer,
    Select,
    and_,
    case,
    cast,
    delete,
    extract,
    func,
    insert,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute

from tracker.db import days_between, insert_for
from tracker.domain.figure_buckets import Bucket, overdue_bounds
from tracker.figures.models import (
    ALL_MONTHS,
    NO_DEADLINE_MONTH,
    NOT_SCORED,
    OWN_CELL,
    CoordinatedFigure,
    ProvinceFigure,
    TaskFigure,
)
from tracker.notices.models import Notice, NoticeState
from tracker.tasks.models import Task, task_coordinators
from tracker.tasks.queries import original_deadline, outcome_expression

EPOCH = date(1970, 1, 1)
KEY_COLUMNS = (
    "coordinator_id",
    "lead_agency_id",
    "assigned_agency_id",
    "notice_kind",
    "due_month",
    "bucket",
    "original_month",
    "outcome",
)
SUM_COLUMNS = ("tasks", "deadline_day_sum", "days_late_sum")
MOVING = [bucket.value for bucket in Bucket if bucket.moves_with_days]

CellKey = tuple[int, int, int, str, int, str, int, str]


@dataclass(frozen=True)
class Sums:
    tasks: int = 0
    deadline_day_sum: int = 0
    days_late_sum: int = 0

    def __add__(self, other: Sums) -> Sums:
        return Sums(*(a + b for a, b in zip(self.values(), other.values(), strict=True)))

    def __neg__(self) -> Sums:
        return Sums(*(-a for a in self.values()))

    def values(self) -> tuple[int, int, int]:
        return (self.tasks, self.deadline_day_sum, self.days_late_sum)

    @property
    def empty(self) -> bool:
        return not any(self.values())


@dataclass(frozen=True)
class Clock:
    """The day the open tasks' buckets stand for, and the "due soon" window."""

    day: date
    due_soon_days: int


def bucket_expression(clock: Clock) -> Case[str]:
    """`tracker.domain.figure_buckets.bucket_of` as SQL."""
    day = clock.day
    return case(
        (Task.deadline.is_(None), Bucket.ONGOING.value),
        (Task.completed_on < Task.deadline, Bucket.EARLY.value),
        (Task.completed_on == Task.deadline, Bucket.ON_TIME.value),
        (Task.completed_on > Task.deadline, Bucket.LATE.value),
        (Task.paused_until >= day, Bucket.PAUSED.value),
        *((Task.deadline < before, bucket.value) for before, bucket in overdue_bounds(day)),
        (Task.deadline <= day + timedelta(days=clock.due_soon_days), Bucket.DUE_SOON.value),
        else_=Bucket.LATER.value,
    )


def counted() -> ColumnElement[bool]:
    """The tasks the figures count: those of published notices that fall due (one-off tasks
    and occurrences, not the series), cancelled ones aside, as `tracker.access.visible_tasks`
    shows them to a leader."""
    return and_(
        Notice.state == NoticeState.PUBLISHED,
        Task.recurrence.is_(None),
        Task.cancelled_on.is_(None),
    )


def grouped(clock: Clock, *where: ColumnElement[bool], by_month: bool = True) -> Select[Any]:
    """The counted tasks that match `where`, grouped by cell: the key columns, then the sums;
    with `by_month` False, the cells of every month's total. Each task is counted in its own
    cell and in a copy of it for each agency that coordinates it."""
    due_month: ColumnElement[Any]
    original_month: ColumnElement[Any]
    outcome: ColumnElement[Any]
    if by_month:
        due_month = _month_of(Task.deadline)
        original_month = _month_of(original_deadline())
        outcome = case((Task.deadline.is_(None), NOT_SCORED), else_=outcome_expression(clock.day))
    else:
        due_month, original_month, outcome = (
            literal(ALL_MONTHS),
            literal(ALL_MONTHS),
            literal(NOT_SCORED),
        )
    is_open = and_(Task.completed_on.is_(None), Task.deadline.is_not(None))
    late = Task.completed_on > Task.deadline
    columns = [
        Task.lead_agency_id.label("lead_agency_id"),
        Task.assigned_agency_id.label("assigned_agency_id"),
        Notice.kind.label("notice_kind"),
        due_month.label("due_month"),
        bucket_expression(clock).label("bucket"),
        original_month.label("original_month"),
        outcome.label("outcome"),
        case((is_open, days_between(Task.deadline, literal(EPOCH, Date))), else_=0).label(
            "deadline_days"
        ),
        case((late, days_between(Task.completed_on, Task.deadline)), else_=0).label("days_late"),
    ]
    own = select(literal(OWN_CELL).label("coordinator_id"), *columns).select_from(Task)
    copies = (
        select(task_coordinators.c.agency_id.label("coordinator_id"), *columns)
        .select_from(Task)
        .join(task_coordinators, task_coordinators.c.task_id == Task.id)
    )
    tasks = union_all(
        *(
            part.join(Notice, Notice.id == Task.notice_id).where(counted(), *where)
            for part in (own, copies)
        )
    ).subquery()
    keys = [tasks.c[name] for name in KEY_COLUMNS]
    return select(
        *keys,
        func.count().label("tasks"),
        func.sum(tasks.c.deadline_days).label("deadline_day_sum"),
        func.sum(tasks.c.days_late).label("days_late_sum"),
    ).group_by(*keys)


def _month_of(day: ColumnElement[Any] | InstrumentedAttribute[Any]) -> ColumnElement[int]:
    """202609 for a day of September 2026; `NO_DEADLINE_MONTH` for none."""
    month = cast(extract("year", day) * 100 + extract("month", day), Integer)
    return func.coalesce(month, NO_DEADLINE_MONTH)


def read_cells(connection: Connection, query: Select[Any]) -> dict[CellKey, Sums]:
    """The rows of `grouped` (or of the table) by key; PostgreSQL gives sums as decimals."""
    return {
        (
            int(row[0]),
            int(row[1]),
            int(row[2]),
            str(row[3]),
            int(row[4]),
            str(row[5]),
            int(row[6]),
            str(row[7]),
        ): Sums(int(row[8]), int(row[9] or 0), int(row[10] or 0))
        for row in connection.execute(query)
    }


def stored_cells(connection: Connection) -> dict[CellKey, Sums]:
    """The table's cells that count something."""
    columns = [TaskFigure.__table__.c[name] for name in (*KEY_COLUMNS, *SUM_COLUMNS)]
    return {
        key: sums
        for key, sums in read_cells(connection, select(*columns)).items()
        if not sums.empty
    }


def add_to_cells(connection: Connection, changes: Mapping[CellKey, Sums]) -> None:
    """Add each change to its cell, making the cell if it is new, then to the cells added up
    from them (`ADDED_UP`); one statement each, the cells in key order (so that two
    transactions lock shared cells in the same order)."""
    rows = [
        dict(zip((*KEY_COLUMNS, *SUM_COLUMNS), (*key, *sums.values()), strict=True))
        for key, sums in sorted(changes.items())
        if not sums.empty
    ]
    if rows:
        _add_rows(connection, TaskFigure, KEY_COLUMNS, SUM_COLUMNS, rows)
    for added_up in ADDED_UP:
        totals = [
            dict(zip((*added_up.key, "tasks"), (*key, tasks), strict=True))
            for key, tasks in sorted(added_up.of(changes).items())
            if tasks
        ]
        if totals:
            _add_rows(connection, added_up.model, added_up.key, ("tasks",), totals)


def _add_rows(
    connection: Connection,
    model: type[TaskFigure] | type[ProvinceFigure] | type[CoordinatedFigure],
    keys: tuple[str, ...],
    sums: tuple[str, ...],
    rows: list[dict[str, Any]],
) -> None:
    statement = insert_for(connection, model).values(rows)
    table = model.__table__
    statement = statement.on_conflict_do_update(
        index_elements=list(keys),
        set_={name: table.c[name] + statement.excluded[name] for name in sums},
    )
    connection.execute(statement)


@dataclass(frozen=True)
class AddedUp:
    """Cells of `TaskFigure` added up in a table of their own (`model`), by the columns of
    `key` (its primary key): those `taken`, and of each the values of `key` (`key_of`)."""

    model: type[ProvinceFigure] | type[CoordinatedFigure]
    key: tuple[str, ...]
    taken: ColumnElement[bool]
    key_of: Callable[[CellKey], tuple[Any, ...] | None]  # None: a cell not taken

    def of(self, cells: Mapping[CellKey, Sums]) -> dict[tuple[Any, ...], int]:
        """The tasks of `cells` added up as `model` keeps them."""
        found: dict[tuple[Any, ...], int] = {}
        for cell, sums in cells.items():
            key = self.key_of(cell)
            if key is not None:
                found[key] = found.get(key, 0) + sums.tasks
        return found

    def add_up(self, connection: Connection, *where: ColumnElement[bool]) -> None:
        """Insert the sums of the cells taken that match `where` (the table's cells of those
        must be empty)."""
        tasks = func.sum(TaskFigure.tasks)
        keys = [TaskFigure.__table__.c[name] for name in self.key]
        added = select(*keys, tasks).where(self.taken, *where).group_by(*keys).having(tasks > 0)
        connection.execute(insert(self.model).from_select([*self.key, "tasks"], added))

    def stored(self, connection: Connection) -> dict[tuple[Any, ...], Sums]:
        """The table's cells that count something, by key."""
        columns = [self.model.__table__.c[name] for name in (*self.key, "tasks")]
        return {
            tuple(row[:-1]): Sums(int(row[-1]))
            for row in connection.execute(select(*columns))
            if row[-1]
        }


def _own_cell_key(cell: CellKey) -> tuple[Any, ...] | None:
    seen_by, _lead, _assigned, kind, month, bucket, *_scored = cell
    return (month, bucket, kind) if seen_by == OWN_CELL else None


def _coordinated_key(cell: CellKey) -> tuple[Any, ...] | None:
    seen_by, lead, _assigned, kind, month, bucket, *_scored = cell
    return (seen_by, month, bucket, kind) if seen_by not in (OWN_CELL, lead) else None


# The province: every agency's own cells. The coordinated: each agency's copies of the tasks
# it coordinates and another leads (an agency's list shows a task it leads once, as led).
ADDED_UP = (
    AddedUp(
        ProvinceFigure,
        ("due_month", "bucket", "notice_kind"),
        TaskFigure.coordinator_id == OWN_CELL,
        _own_cell_key,
    ),
    AddedUp(
        CoordinatedFigure,
        ("coordinator_id", "due_month", "bucket", "notice_kind"),
        and_(
            TaskFigure.coordinator_id != OWN_CELL,
            TaskFigure.lead_agency_id != TaskFigure.coordinator_id,
        ),
        _coordinated_key,
    ),
)


def fill(connection: Connection, clock: Clock, *where: ColumnElement[bool]) -> None:
    """Insert the cells, months and totals, of the counted tasks that match `where` (their
    cells must be empty)."""
    for by_month in (True, False):
        connection.execute(
            insert(TaskFigure).from_select(
                [*KEY_COLUMNS, *SUM_COLUMNS], grouped(clock, *where, by_month=by_month)
            )
        )


def rebuild(connection: Connection, clock: Clock) -> None:
    """Every cell counted again from the tasks."""
    connection.execute(delete(TaskFigure))
    for added_up in ADDED_UP:
        connection.execute(delete(added_up.model))
    fill(connection, clock)
    for added_up in ADDED_UP:
        added_up.add_up(connection)


def move_to_day(connection: Connection, clock: Clock) -> None:
    """The open tasks with a deadline filed again for a new day (or "due soon" window): time
    alone moves them (trong hạn → quá hạn, the 30/60/120-day ladder, a pause ending)."""
    emptied = TaskFigure.tasks == 0  # cells whose last task moved away, cleared once a day
    connection.execute(delete(TaskFigure).where(or_(TaskFigure.bucket.in_(MOVING), emptied)))
    fill(connection, clock, Task.completed_on.is_(None), Task.deadline.is_not(None))
    for added_up in ADDED_UP:
        model = added_up.model
        connection.execute(delete(model).where(or_(model.bucket.in_(MOVING), model.tasks == 0)))
        added_up.add_up(connection, TaskFigure.bucket.in_(MOVING))


def differences(connection: Connection, clock: Clock) -> list[tuple[tuple[Any, ...], Sums, Sums]]:
    """Each cell whose stored counts differ from the tasks: (key, stored, counted); the
    agencies' cells, then those added up from them (their tasks alone)."""
    stored = stored_cells(connection)
    actual = with_totals(read_cells(connection, grouped(clock)))
    found = _unequal(stored, actual)
    for added_up in ADDED_UP:
        counted = {key: Sums(tasks) for key, tasks in added_up.of(actual).items() if tasks}
        found += _unequal(added_up.stored(connection), counted)
    return found


def _unequal(
    stored: Mapping[Any, Sums], actual: Mapping[Any, Sums]
) -> list[tuple[tuple[Any, ...], Sums, Sums]]:
    return [
        (key, stored.get(key, Sums()), actual.get(key, Sums()))
        for key in sorted(stored.keys() | actual.keys())
        if stored.get(key, Sums()) != actual.get(key, Sums())
    ]


def with_totals(cells: Mapping[CellKey, Sums]) -> dict[CellKey, Sums]:
    """The cells of months, and the cells of every month's total they add up to."""
    totals = (
        ((seen_by, lead, assigned, kind, ALL_MONTHS, bucket, ALL_MONTHS, NOT_SCORED), sums)
        for (
            seen_by,
            lead,
            assigned,
            kind,
            _month,
            bucket,
            _original,
            _outcome,
        ), sums in cells.items()
    )
    return summed(chain(cells.items(), totals))


def net_changes(
    before: Mapping[CellKey, Sums], after: Mapping[CellKey, Sums]
) -> dict[CellKey, Sums]:
    """What to add to each cell when tasks counted `before` now count `after`."""
    taken = ((key, -sums) for key, sums in before.items())
    changes = summed(chain(after.items(), taken))
    return {key: sums for key, sums in changes.items() if not sums.empty}


def summed(pairs: Iterable[tuple[CellKey, Sums]]) -> dict[CellKey, Sums]:
    """The sums of each cell that appears in `pairs`, added up."""
    found: dict[CellKey, Sums] = {}
    for key, sums in pairs:
        found[key] = found.get(key, Sums()) + sums
    return found


def touching(task_ids: Iterable[int], notice_ids: Iterable[int]) -> ColumnElement[bool]:
    """The tasks a change may move: the tasks themselves, a series' occurrences (which the
    database deletes with it) and every task of a changed notice."""
    tasks, notices = list(task_ids), list(notice_ids)
    return or_(Task.id.in_(tasks), Task.series_id.in_(tasks), Task.notice_id.in_(notices))
