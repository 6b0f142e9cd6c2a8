"""Keeping the counts with the data: every flush that writes tasks, notices or extension
requests moves the counts of the tasks it touched, in the same transaction (counted from the
database just before the flush, and again just after); and before the counts are read on a
new day, the open tasks are filed again for that day.

The daily job (`tracker.jobs.figures`) does the new day's filing at midnight, so that no
reader waits for it; a reader that comes first does it instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from typing import Any

from sqlalchemy import Connection, Row, Select, event, select, update
from sqlalchemy.orm import Session, UOWTransaction

from tracker.db import read_columns
from tracker.figures.cells import (
    CellKey,
    Clock,
    Sums,
    add_to_cells,
    grouped,
    move_to_day,
    net_changes,
    read_cells,
    rebuild,
    summed,
    touching,
    with_totals,
)
from tracker.figures.models import FigureClock
from tracker.notices.models import Notice
from tracker.tasks.models import ExtensionRequest, Task

PENDING = "tracker.figures.pending"
IDS_PER_QUERY = 2_000  # well under SQLite's limit of bound values
# built once: every list and dashboard reads the clock first
_CLOCK = select(FigureClock.day, FigureClock.due_soon_days).where(FigureClock.id == 1)
_CLOCK_LOCKED = _CLOCK.with_for_update()
# The clock as two columns to read with the counts (`read_counts`).
CLOCK_COLUMNS = (
    select(FigureClock.day).where(FigureClock.id == 1).scalar_subquery(),
    select(FigureClock.due_soon_days).where(FigureClock.id == 1).scalar_subquery(),
)


def read_clock(connection: Connection, *, lock: bool = False) -> Clock | None:
    """The day the counts stand for; None while they were never built. With `lock`, the
    clock row is held until the transaction ends (PostgreSQL; SQLite's writers take turns
    anyway): every writer of counts and a new day's filing take it in turn. Writers that
    shared it deadlocked: one that changes tasks over several flushes locks cells flush by
    flush, in an order no statement can sort, and the province's cells are shared by every
    agency's tasks of a month (`tests/figures/test_counts_concurrent.py`)."""
    row = connection.execute(_CLOCK_LOCKED if lock else _CLOCK).first()
    return Clock(row.day, row.due_soon_days) if row is not None and row.day else None


def counts_for(session: Session, day: date, due_soon_days: int) -> Clock:
    """Make the counts stand for `day`, building them if they were never built, and commit
    that; to be called before reading them, with nothing else pending in the session."""
    wanted = Clock(day, due_soon_days)
    if read_clock(session.connection()) == wanted:
        return wanted
    # Others may be filing the day too: the clock row is written to first, which makes them
    # wait their turn, then read again. The read so far is ended first: on SQLite a
    # transaction that has read cannot write once another has written (it fails at once,
    # "database is locked", where a new one waits for the lock).
    session.commit()
    connection = session.connection()
    _hold_clock(connection)
    current = read_clock(connection)  # another reader may have done it meanwhile
    if current is None:
        rebuild(connection, wanted)
    elif current != wanted:
        move_to_day(connection, wanted)
    _set_clock(connection, wanted)
    session.commit()
    return wanted


def read_counts(session: Session, query: Select[Any], day: date, due_soon_days: int) -> Row[Any]:
    """The one row `query` reads of the counts (an aggregate ending with `CLOCK_COLUMNS`),
    the counts first made to stand for `day` if the clock read with them says they did not:
    one round trip where `counts_for` and the read took two, as the day's first reader alone
    finds the clock behind."""
    row = read_columns(session, query).one()
    if not stands_for(row[-2:], day, due_soon_days):
        counts_for(session, day, due_soon_days)
        row = read_columns(session, query).one()
    return row


def stands_for(clock: Sequence[Any], day: date, due_soon_days: int) -> bool:
    """Whether the values of `CLOCK_COLUMNS` read with some counts say they stand for `day`."""
    return Clock(*clock) == Clock(day, due_soon_days)


def rebuild_counts(session: Session, day: date, due_soon_days: int) -> None:
    """Every cell counted again from the tasks, for `day` (not committed)."""
    connection = session.connection()
    read_clock(connection, lock=True)
    rebuild(connection, Clock(day, due_soon_days))
    _set_clock(connection, Clock(day, due_soon_days))


def _hold_clock(connection: Connection) -> None:
    """The clock row locked for this transaction, on both databases."""
    connection.execute(update(FigureClock).where(FigureClock.id == 1).values(day=FigureClock.day))


def _set_clock(connection: Connection, clock: Clock) -> None:
    connection.execute(
        update(FigureClock)
        .where(FigureClock.id == 1)
        .values(day=clock.day, due_soon_days=clock.due_soon_days)
    )


@dataclass
class _Pending:
    """What a flush is about to change, counted before it."""

    clock: Clock
    before: dict[CellKey, Sums]
    new_tasks: list[Task]
    task_ids: set[int] = field(default_factory=set)
    notice_ids: set[int] = field(default_factory=set)


def init_upkeep() -> None:
    """Watch every session of the process (once, however many apps a process builds)."""
    if not event.contains(Session, "before_flush", _count_before):
        event.listen(Session, "before_flush", _count_before)
        event.listen(Session, "after_flush", _count_after)


def _count_before(session: Session, _flush: UOWTransaction, _objects: object) -> None:
    session.info.pop(PENDING, None)
    changed = list(chain(session.dirty, session.deleted))
    new_tasks = [obj for obj in session.new if isinstance(obj, Task)]
    task_ids = {obj.id for obj in changed if isinstance(obj, Task) and obj.id is not None}
    # an approved extension with an objective reason excuses a delay on the scorecard
    task_ids |= {
        obj.task_id or obj.task.id
        for obj in chain(changed, session.new)
        if isinstance(obj, ExtensionRequest) and (obj.task_id or obj.task.id)
    }
    notice_ids = {obj.id for obj in changed if isinstance(obj, Notice) and obj.id is not None}
    if not (new_tasks or task_ids or notice_ids):
        return
    connection = session.connection()
    clock = read_clock(connection, lock=True)  # held until commit: see read_clock
    if clock is None:
        return  # never built: the first reading builds them whole
    before = _cells(connection, clock, task_ids, notice_ids)
    session.info[PENDING] = _Pending(clock, before, new_tasks, task_ids, notice_ids)


def _count_after(session: Session, _flush: UOWTransaction) -> None:
    pending: _Pending | None = session.info.pop(PENDING, None)
    if pending is None:
        return
    connection = session.connection()
    task_ids = pending.task_ids | {task.id for task in pending.new_tasks}
    after = _cells(connection, pending.clock, task_ids, pending.notice_ids)
    add_to_cells(connection, with_totals(net_changes(pending.before, after)))


def _cells(
    connection: Connection, clock: Clock, task_ids: set[int], notice_ids: set[int]
) -> dict[CellKey, Sums]:
    """The cells of the given tasks (and of every task of the given notices)."""
    if len(task_ids) + len(notice_ids) <= IDS_PER_QUERY:
        return read_cells(connection, grouped(clock, touching(task_ids, notice_ids)))
    # A large flush (a year of occurrences opened at once): the tasks are found first, in
    # slices, then counted in slices, each task once.
    found: set[int] = set()
    for slice_of_tasks in _slices(task_ids):
        found.update(connection.scalars(select(Task.id).where(touching(slice_of_tasks, ()))))
    for slice_of_notices in _slices(notice_ids):
        found.update(connection.scalars(select(Task.id).where(touching((), slice_of_notices))))
    return summed(
        pair
        for slice_of_found in _slices(found)
        for pair in read_cells(connection, grouped(clock, Task.id.in_(slice_of_found))).items()
    )


def _slices(ids: Iterable[int]) -> Iterator[list[int]]:
    remaining = iter(sorted(ids))
    while chunk := list(islice(remaining, IDS_PER_QUERY)):
        yield chunk
