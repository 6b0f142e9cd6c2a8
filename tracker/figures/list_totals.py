"""How many tasks a list holds, counted from the kept cells (`tracker.figures.reading`), with
the days at the ends of a range of deadlines that is not whole months counted from the tasks
(`tracker.domain.month_split`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.access import visibility_key, visible_task_parts
from tracker.auth.models import User
from tracker.domain.month_split import split_by_month
from tracker.figures import reading
from tracker.tasks.filters import TaskFilters


def countable(filters: TaskFilters, user: User) -> bool:
    """Whether `list_total` counts this list from the cells."""
    return reading.answerable(filters, visibility_key(user), by_month=True)


def list_total(
    session: Session, user: User, filters: TaskFilters, today: date, due_soon_days: int
) -> int:
    """How many tasks the user's list holds with these filters (`countable` ones), as
    `tracker.access.visible_task_parts` lists them."""
    scope = visibility_key(user)
    start, end = filters.deadline_range()
    if start is None and end is None:
        return reading.task_count(session, filters, scope)
    split = split_by_month(start, end)
    total = reading.task_count(session, filters, scope, split.months) if split.months else 0
    for low, high in split.days:
        days = replace(filters, period=None, due_from=low, due_to=high)
        for part in visible_task_parts(user, filters.role):
            tasks = days.apply(part, today, user.id, due_soon_days).subquery()
            total += session.scalar(select(func.count()).select_from(tasks)) or 0
    return total
