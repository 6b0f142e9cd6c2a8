"""A list's tasks as the list shows them: each task's own columns with its notice's number
and its lead agency's name, read as plain rows rather than as ORM objects. Loading a page of
fifty tasks with their notices and agencies as objects took 2.2 ms of an agency's list's
7.4 in-process, as rows 1.0; a list needs neither their other columns nor their
relationships. The agency's name comes from the directory the process keeps
(`tracker.agencies.kept`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, union_all
from sqlalchemy.orm import Session

from tracker.agencies.kept import agency_short_names
from tracker.db import read_columns
from tracker.notices.models import Notice, NoticeKind
from tracker.params import PageNumbers, page_count
from tracker.statements import built
from tracker.tasks.models import Recurrence, Task, TaskState
from tracker.tasks.queries import by_urgency, merges_order_keys


@dataclass(frozen=True, slots=True)
class ListedTask:
    """One line of a list: what it shows and what its badges are worked out from."""

    id: int
    text: str
    ref: str
    period_key: str | None
    deadline: date | None
    deadline_text: str | None
    recurrence: Recurrence | None
    cancelled_on: date | None
    paused_until: date | None
    state: TaskState
    completed_on: date | None
    notice_kind: NoticeKind
    notice_number: str | None
    agency_name: str  # the lead agency's short name, else its name


_NOTICE = Notice.__table__.c


def _shown(notice_kind: ColumnElement[Any], notice_number: ColumnElement[Any]) -> tuple[Any, ...]:
    """The columns of a `ListedTask`, its notice's kind and number read as given."""
    return (
        Task.id,
        Task.text,
        Task.ref,
        Task.period_key,
        Task.deadline,
        Task.deadline_text,
        Task.recurrence,
        Task.cancelled_on,
        Task.paused_until,
        Task.state,
        Task.completed_on,
        notice_kind,
        notice_number,
        Task.lead_agency_id,  # named from the directory each process keeps
    )


# The notice's columns are subqueries of the listed task (by key), which the database works
# out for the rows it returns alone. Joined, they let it read and sort every task that
# passes the filters before the LIMIT. A page of merged parts (`by_urgency`) is read by id
# after its order keys were found and cut to the page: there the notice is joined, one
# lookup per row instead of one per column (0.1 ms less for an agency's list on PostgreSQL).
_SHOWN = _shown(
    select(_NOTICE.kind).where(_NOTICE.id == Task.notice_id).scalar_subquery(),
    select(_NOTICE.number).where(_NOTICE.id == Task.notice_id).scalar_subquery(),
)
_PAGE_NOTICE = Notice.__table__.alias("page_notice")
_SHOWN_JOINED = _shown(_PAGE_NOTICE.c.kind, _PAGE_NOTICE.c.number)

_WIDTH = len(_SHOWN)
_LEAD = _WIDTH - 1  # where the lead agency's id is


def page_of(parts: Sequence[Select[Task]], number: int, size: int) -> Select[*tuple[Any, ...]]:
    """Page `number` (from 1) of `size` tasks of the parts, in `by_urgency`'s order, as the
    rows of `ListedTask`s."""
    page = by_urgency(parts, first=number * size).limit(size).offset((number - 1) * size)
    if not merges_order_keys(parts):
        return listed(page)
    joined = page.outerjoin(_PAGE_NOTICE, _PAGE_NOTICE.c.id == Task.notice_id)
    return joined.with_only_columns(*_SHOWN_JOINED)


def listed(tasks: Select[Task]) -> Select[*tuple[Any, ...]]:
    """The `tasks` as the rows of `ListedTask`s."""
    return tasks.with_only_columns(*_SHOWN)


def read_listed(session: Session, rows: Select[*tuple[Any, ...]]) -> list[ListedTask]:
    """The `rows` (`listed` tasks, a page of them, in their order) as `ListedTask`s."""
    return as_listed(session, read_columns(session, rows))


def as_listed(session: Session, rows: Iterable[Sequence[Any]]) -> list[ListedTask]:
    """Rows that begin with the `listed` columns as `ListedTask`s, their leads named."""
    read = list(rows)
    names = agency_short_names(session, (row[_LEAD] for row in read))
    return [ListedTask(*(*row[:_LEAD], names[row[_LEAD]])) for row in read]


@dataclass(frozen=True)
class TaskPage(PageNumbers):
    """One page of a list."""

    items: list[ListedTask]
    page: int
    per_page: int
    total: int


@dataclass(frozen=True)
class ListTotal:
    """How a list's total is read. When one statement counts it, `columns` builds the
    columns that read it with the page's tasks (the count first, then what else its reader
    needs), and `counted` makes the total of their values, or None when they may not be
    trusted (counts kept for another day). `apart` counts it by itself."""

    columns: Callable[[], tuple[ColumnElement[Any], ...]] | None
    counted: Callable[[Sequence[Any]], int | None]
    apart: Callable[[], int]


def read_page(
    session: Session,
    parts: Sequence[Select[Task]],
    total: ListTotal,
    requested: int,
    size: int,
    key: tuple[object, ...],
) -> TaskPage:
    """Page `requested` of the parts' tasks and the list's total, read in one statement when
    one counts it (a statement less on every list); a page past the last (an old link to a
    list that has since shrunk) shows the last. `key` holds every value the parts and the
    total's columns are built from (`tracker.statements`)."""
    columns = total.columns
    if columns is not None:
        statement = built(
            ("list page with its total", *key, requested, size),
            lambda: page_of(parts, requested, size).add_columns(*columns()),
        )
        rows = read_columns(session, statement).all()
        if rows or requested == 1:
            count = total.counted(rows[0][_WIDTH:]) if rows else 0
            tasks = as_listed(session, rows)
            return TaskPage(tasks, requested, size, total.apart() if count is None else count)
    count = total.apart()
    number = min(requested, page_count(count, size))
    statement = built(("list page", *key, number, size), lambda: page_of(parts, number, size))
    return TaskPage(read_listed(session, statement), number, size, count)


def count_parts(session: Session, parts: Sequence[Select[Task]]) -> int:
    """How many tasks the parts (`tracker.access.filtered_task_parts`) hold."""
    return int(session.scalar(parts_count(parts)) or 0)


def parts_count(parts: Sequence[Select[Task]]) -> Select[int]:
    """The count of `count_parts`: each part counted from its own ids (for a coordinated
    part, those of the coordinator rows)."""
    ids = [part.with_only_columns(part.selected_columns["id"]) for part in parts]
    counted = (union_all(*ids) if len(ids) > 1 else ids[0]).subquery()
    return select(func.count()).select_from(counted)
