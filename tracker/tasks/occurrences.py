"""The occurrences of recurring tasks: opened ahead of their period by the daily job (and on
publication), each a task of its own that copies its series' assignment and takes its deadline
from the series' rule (`tracker.domain.recurrence`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tracker.domain.calendar import local_today
from tracker.domain.recurrence import RecurrenceRule, RuleError, make_rule, occurrences_open
from tracker.notices.models import Notice, NoticeState
from tracker.tasks.models import Task, TaskState


def series_rule(series: Task) -> RecurrenceRule:
    if series.recurrence is None:
        raise RuleError("Nhiệm vụ không định kỳ.")
    return make_rule(series.recurrence.value, series.deadline, series.recurrence_days)


def series_start(series: Task) -> date:
    """The first deadline the series may have: its own first deadline, else the day its
    notice was published."""
    if series.deadline is not None:
        return series.deadline
    published = series.notice.published_at
    return local_today(published) if published else series.notice.issued_on


def open_occurrences(
    session: Session, today: date, series_ids: Iterable[int] | None = None
) -> list[Task]:
    """Open every occurrence that should be open by `today` and is not yet, for the series of
    published notices (or only those given). Running it again opens nothing twice; a day it
    did not run is caught up the next."""
    query = (
        select(Task)
        .join(Task.notice)
        .where(Task.recurrence.is_not(None), Notice.state == NoticeState.PUBLISHED)
        .options(selectinload(Task.coordinating_agencies), selectinload(Task.notice))
        .order_by(Task.id)
    )
    if series_ids is not None:
        query = query.where(Task.id.in_(list(series_ids)))
    series_list = session.scalars(query).all()
    opened_keys = _opened_keys(session, [series.id for series in series_list])
    opened: list[Task] = []
    for series in series_list:
        try:
            due = occurrences_open(
                series_rule(series), series_start(series), series.recurrence_until, today
            )
        except RuleError:
            continue  # refused at entry; a stored rule that gives no date opens nothing
        keys = opened_keys.get(series.id, set())
        opened += [
            _occurrence(series, o.period.key, o.deadline) for o in due if o.period.key not in keys
        ]
    session.add_all(opened)
    session.flush()
    return opened


def _opened_keys(session: Session, series_ids: list[int]) -> dict[int, set[str]]:
    keys: dict[int, set[str]] = {}
    for chunk_start in range(0, len(series_ids), 500):
        rows = session.execute(
            select(Task.series_id, Task.period_key).where(
                Task.series_id.in_(series_ids[chunk_start : chunk_start + 500])
            )
        )
        for series_id, key in rows:
            if series_id is not None and key is not None:
                keys.setdefault(series_id, set()).add(key)
    return keys


def _occurrence(series: Task, period_key: str, deadline: date) -> Task:
    return Task(
        notice_id=series.notice_id,
        series_id=series.id,
        period_key=period_key,
        ref=series.ref,
        text=series.text,
        lead_agency_id=series.lead_agency_id,
        assigned_agency_id=series.assigned_agency_id,
        group_label=series.group_label,
        assignee_id=series.assignee_id,
        coordinating_agencies=list(series.coordinating_agencies),
        deadline=deadline,
        original_deadline=deadline,
        deadline_text=series.deadline_text,
        state=TaskState.IN_PROGRESS,
    )


def moving_with(task: Task) -> list[Task]:
    """The task and, for an occurrence of a recurring task, its series and the occurrences
    not yet handed in: who leads or carries out a recurring task is decided for all of them,
    so that the next periods open for the same agency and officer."""
    series = task.series if task.series is not None else (task if task.is_series else None)
    if series is None:
        return [task]
    waiting = (TaskState.IN_PROGRESS, TaskState.DECLINED)
    others = [o for o in series.occurrences if o.state in waiting and o is not task]
    return [task, series, *others] if task is not series else [series, *others]


def current_occurrence(series: Task) -> Task | None:
    """The occurrence to work on: the earliest not yet completed, else the latest."""
    occurrences = series.occurrences
    waiting = [o for o in occurrences if o.state is not TaskState.COMPLETED]
    if waiting:
        return waiting[0]
    return occurrences[-1] if occurrences else None
