"""Reusable task queries. Each takes a Select (already scoped by `tracker.access`) and
returns a Select, so a view can paginate it and a job can stream it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Case, ColumnElement, Select, and_, case, exists, func, or_, select

from tracker.audit.models import Event
from tracker.domain.scorecard import Outcome
from tracker.domain.status import TaskStatus
from tracker.domain.waiting import Waiting
from tracker.extensions import db
from tracker.tasks.models import (
    ExplanationRequest,
    ExtensionRequest,
    ExtensionState,
    Task,
    TaskState,
)


def not_paused(today: date) -> ColumnElement[bool]:
    """Tasks no later document has paused beyond yesterday."""
    return or_(Task.paused_until.is_(None), Task.paused_until < today)


def waiting_predicate(kind: Waiting) -> ColumnElement[bool]:
    """The tasks on which `kind` waits for the office or a leader."""
    if kind is Waiting.SUBMITTED:
        return Task.state == TaskState.SUBMITTED
    if kind is Waiting.DECLINED:
        return Task.state == TaskState.DECLINED
    # the few tasks with a request waiting, found from the requests' side
    if kind is Waiting.EXTENSION:
        return Task.id.in_(
            select(ExtensionRequest.task_id).where(ExtensionRequest.state == ExtensionState.PENDING)
        )
    return Task.id.in_(
        select(ExplanationRequest.task_id).where(
            ExplanationRequest.answered_at.is_not(None),
            ExplanationRequest.reviewed_at.is_(None),
        )
    )


def status_expression(today: date) -> Case[str]:
    """`tracker.domain.status.task_status` as SQL, so lists filter and count in the database.
    A test checks that both agree on every boundary."""
    return case(
        (Task.deadline.is_(None), TaskStatus.ONGOING.value),
        (Task.completed_on < Task.deadline, TaskStatus.EARLY.value),
        (Task.completed_on == Task.deadline, TaskStatus.ON_TIME.value),
        (Task.completed_on > Task.deadline, TaskStatus.LATE.value),
        (and_(Task.deadline < today, not_paused(today)), TaskStatus.OVERDUE.value),
        else_=TaskStatus.WITHIN_DEADLINE.value,
    )


def status_predicate(status: TaskStatus, today: date) -> ColumnElement[bool]:
    """The tasks in `status`, written as plain comparisons that an index on the dates can
    serve (the CASE of `status_expression` would make the database read every task)."""
    match status:
        case TaskStatus.ONGOING:
            return Task.deadline.is_(None)
        case TaskStatus.EARLY:
            return Task.completed_on < Task.deadline
        case TaskStatus.ON_TIME:
            return Task.completed_on == Task.deadline
        case TaskStatus.LATE:
            return Task.completed_on > Task.deadline
        case TaskStatus.OVERDUE:
            return and_(Task.completed_on.is_(None), Task.deadline < today, not_paused(today))
        case TaskStatus.WITHIN_DEADLINE:
            return and_(
                Task.completed_on.is_(None),
                or_(Task.deadline >= today, and_(Task.deadline.is_not(None), ~not_paused(today))),
            )


def original_deadline() -> ColumnElement[date]:
    """The deadline as first assigned; a task without one recorded has only the current one."""
    return func.coalesce(Task.original_deadline, Task.deadline)


def outcome_expression(today: date) -> Case[str]:
    """`tracker.domain.scorecard.scorecard_outcome` as SQL; a test checks that both agree."""
    objective = exists().where(
        ExtensionRequest.task_id == Task.id,
        ExtensionRequest.state == ExtensionState.APPROVED,
        ExtensionRequest.objective_reason.is_(True),
    )
    completed = Task.completed_on.is_not(None)
    original = original_deadline()
    return Case(
        (and_(completed, Task.completed_on <= original), Outcome.ON_TIME.value),
        (and_(completed, objective, Task.completed_on <= Task.deadline), Outcome.EXCUSED.value),
        (completed, Outcome.LATE.value),
        (or_(original >= today, ~not_paused(today)), Outcome.PENDING.value),
        (and_(objective, Task.deadline >= today), Outcome.EXCUSED.value),
        else_=Outcome.OVERDUE.value,
    )


def with_status(tasks: Select[Task], status: TaskStatus, today: date) -> Select[Task]:
    return tasks.where(status_predicate(status, today))


def by_urgency(tasks: Select[Task]) -> Select[Task]:
    """Open tasks with a deadline first (the oldest overdue at the top, then the nearest
    deadline), then open tasks without one, then completed tasks."""
    return tasks.order_by(
        Task.completed_on.is_not(None), Task.deadline.is_(None), Task.deadline, Task.id
    )


def count_by_status(tasks: Select[Task], today: date) -> dict[TaskStatus, int]:
    """How many of the given tasks stand in each status (every status present, zeros too)."""
    scoped = tasks.with_only_columns(status_expression(today).label("status")).subquery()
    rows = select(scoped.c.status, func.count()).group_by(scoped.c.status)
    counts = dict.fromkeys(TaskStatus, 0)
    for status, count in db.session.execute(rows):
        counts[TaskStatus(status)] = count
    return counts


def count_by_notice(tasks: Select[Task], notice_ids: list[int]) -> dict[int, int]:
    """How many of the given tasks each of these notices holds (notices with none are left out)."""
    rows = (
        tasks.where(Task.notice_id.in_(notice_ids))
        .with_only_columns(Task.notice_id, func.count(Task.id))
        .group_by(Task.notice_id)
    )
    return {notice_id: count for notice_id, count in db.session.execute(rows)}


def task_timeline(task: Task) -> Select[Event]:
    """The task's events, oldest first, starting with the publication that assigned it."""
    assigned = and_(Event.notice_id == task.notice_id, Event.action == "notice.published")
    return (
        select(Event)
        .where(or_(Event.task_id == task.id, assigned))
        .order_by(Event.occurred_at, Event.id)
    )
