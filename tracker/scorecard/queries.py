"""The scorecard's counts, in two queries whatever the number of tasks: one GROUP BY over
the tasks the user may see, one for the agencies' names."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Case, ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from tracker.access import visible_tasks
from tracker.agencies.models import Agency
from tracker.auth.models import User
from tracker.domain.periods import Period
from tracker.domain.scorecard import AgencyCounts, Outcome
from tracker.notices.models import Notice, NoticeState
from tracker.tasks.models import ExtensionRequest, ExtensionState, Task
from tracker.tasks.queries import not_paused


def original_deadline() -> ColumnElement[date]:
    """The deadline as first assigned; a task without one recorded has only the current one."""
    return func.coalesce(Task.original_deadline, Task.deadline)


_FIELDS = {
    Outcome.ON_TIME: "on_time",
    Outcome.LATE: "late",
    Outcome.OVERDUE: "overdue",
    Outcome.EXCUSED: "excused",
}


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


def agency_counts(session: Session, user: User, period: Period, today: date) -> list[AgencyCounts]:
    """Per lead agency, its published tasks due in the period (by the original deadline), by
    outcome; agencies with nothing due are left out."""
    scoped = (
        visible_tasks(user)
        .where(
            Notice.state == NoticeState.PUBLISHED,
            original_deadline().between(period.start, period.end),
        )
        .with_only_columns(
            Task.lead_agency_id.label("agency_id"), outcome_expression(today).label("outcome")
        )
        .subquery()
    )
    rows = session.execute(
        select(scoped.c.agency_id, scoped.c.outcome, func.count()).group_by(
            scoped.c.agency_id, scoped.c.outcome
        )
    ).all()
    tallies: dict[int, dict[str, int]] = {}
    for agency_id, value, count in rows:
        tally = tallies.setdefault(agency_id, {"due": 0})
        tally["due"] += count
        field = _FIELDS.get(Outcome(value))
        if field is not None:
            tally[field] = count
    names = dict(
        session.execute(select(Agency.id, Agency.name).where(Agency.id.in_(tallies))).all()
    )
    return [
        AgencyCounts(agency_id=agency_id, agency=names[agency_id], **tally)
        for agency_id, tally in tallies.items()
    ]
