"""How many tasks a list holds, counted from the kept cells (`tracker.figures.reading`), with
the days at the ends of a range of deadlines that is not whole months counted from the tasks
(`TaskFilters.by_month`)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from tracker.access import visibility_key, visible_task_parts
from tracker.auth.models import User
from tracker.figures import reading
from tracker.figures.cells import Clock
from tracker.tasks.filters import TaskFilters
from tracker.tasks.listing import count_parts


def countable(filters: TaskFilters, user: User) -> bool:
    """Whether `list_total` counts this list from the cells."""
    return reading.answerable(filters, visibility_key(user))


def list_total(
    session: Session, user: User, filters: TaskFilters, today: date, due_soon_days: int
) -> int:
    """How many tasks the user's list holds with these filters (`countable` ones), as
    `tracker.access.visible_task_parts` lists them."""
    months, days = filters.by_month()
    scope = visibility_key(user)
    clock = Clock(today, due_soon_days)
    total = reading.task_count(session, filters, scope, months, clock) if months else 0
    for narrowed in days:
        parts = visible_task_parts(user, filters.role)
        total += count_parts(
            session, [narrowed.apply(part, today, user.id, due_soon_days) for part in parts]
        )
    return total
