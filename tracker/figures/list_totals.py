"""How many tasks a list holds, counted from the kept cells (`tracker.figures.reading`), with
the days at the ends of a range of deadlines that is not whole months counted from the tasks
(`TaskFilters.by_month`); or, for the filters the cells cannot answer, from the tasks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

from tracker.access import filtered_task_parts, visibility_key
from tracker.auth.models import User
from tracker.figures import reading
from tracker.figures.cells import Clock
from tracker.figures.upkeep import stands_for
from tracker.tasks.filters import TaskFilters
from tracker.tasks.listing import ListTotal, count_parts, parts_count
from tracker.tasks.models import Task


def countable(filters: TaskFilters, user: User) -> bool:
    """Whether `list_total` counts this list from the cells."""
    return reading.answerable(filters, visibility_key(user))


def list_counting(
    session: Session,
    user: User,
    filters: TaskFilters,
    today: date,
    due_soon_days: int,
    parts: Sequence[Select[Task]],
) -> ListTotal:
    """How the user's list with these filters (`parts`: `tracker.access.filtered_task_parts`,
    filtered) is counted: from the cells when they can say it, in one statement unless a
    range of deadlines cuts months; else from the tasks."""
    if not countable(filters, user):
        return ListTotal(
            lambda: (parts_count(parts).scalar_subquery(),),
            lambda values: int(values[0]),
            lambda: count_parts(session, parts),
        )
    months, days = filters.by_month()

    def counted(values: Sequence[Any]) -> int | None:
        current = stands_for(values[1:], today, due_soon_days)
        return int(values[0] or 0) if current else None

    return ListTotal(
        (lambda: reading.task_count_columns(filters, visibility_key(user), months))
        if months and not days
        else None,
        counted,
        lambda: list_total(session, user, filters, today, due_soon_days),
    )


def list_total(
    session: Session, user: User, filters: TaskFilters, today: date, due_soon_days: int
) -> int:
    """How many tasks the user's list holds with these filters (`countable` ones), as
    `tracker.access.filtered_task_parts` lists them."""
    months, days = filters.by_month()
    scope = visibility_key(user)
    clock = Clock(today, due_soon_days)
    total = reading.task_count(session, filters, scope, months, clock) if months else 0
    for narrowed in days:
        parts = filtered_task_parts(user, narrowed, today, due_soon_days)
        total += count_parts(session, parts)
    return total
