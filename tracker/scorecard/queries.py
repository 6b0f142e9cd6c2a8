"""The scorecard's counts, in two queries whatever the number of tasks: one GROUP BY over the
counts kept with the data (or over the tasks the user may see), one for the agencies' names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from tracker.access import visibility_key, visible_tasks
from tracker.agencies.models import Agency
from tracker.auth.models import User
from tracker.domain.periods import Period
from tracker.domain.scorecard import AgencyCounts, OfficerRow, Outcome
from tracker.figures import reading as maintained
from tracker.figures.upkeep import counts_for
from tracker.notices.models import Notice, NoticeState
from tracker.tasks.models import Task
from tracker.tasks.queries import original_deadline, outcome_expression

_FIELDS = {
    Outcome.ON_TIME: "on_time",
    Outcome.LATE: "late",
    Outcome.OVERDUE: "overdue",
    Outcome.EXCUSED: "excused",
}


def tallies_from_tasks(
    session: Session,
    tasks: Select[Task],
    key: InstrumentedAttribute[Any],
    period: Period,
    today: date,
) -> dict[Any, dict[str, int]]:
    """Per value of `key`, the published tasks due in the period (by the original deadline),
    by outcome; values with nothing due are left out."""
    scoped = (
        tasks.where(
            Notice.state == NoticeState.PUBLISHED,
            original_deadline().between(period.start, period.end),
        )
        .with_only_columns(key.label("key"), outcome_expression(today).label("outcome"))
        .subquery()
    )
    rows = session.execute(
        select(scoped.c.key, scoped.c.outcome, func.count()).group_by(
            scoped.c.key, scoped.c.outcome
        )
    ).all()
    return tallied(rows)


def tallied(rows: Iterable[Sequence[Any]]) -> dict[Any, dict[str, int]]:
    """(key, outcome, count) rows as a tally of each key's outcomes and of what is due."""
    tallies: dict[Any, dict[str, int]] = {}
    for value, outcome, count in rows:
        tally = tallies.setdefault(value, {"due": 0})
        tally["due"] += count
        field = _FIELDS.get(Outcome(outcome))
        if field is not None:
            tally[field] = count
    return tallies


def agency_counts(
    session: Session, user: User, period: Period, today: date, due_soon_days: int
) -> list[AgencyCounts]:
    """Per lead agency, its tasks due in the period, by outcome; read from the counts kept
    with the data (`tracker.figures`) when the user sees the tasks they count."""
    if maintained.scope_counted(visibility_key(user)):
        counts_for(session, today, due_soon_days)
        tallies = tallied(maintained.scorecard_rows(session, period))
    else:
        tallies = tallies_from_tasks(
            session, visible_tasks(user), Task.lead_agency_id, period, today
        )
    names = dict(
        session.execute(select(Agency.id, Agency.name).where(Agency.id.in_(tallies))).all()
    )
    return [
        AgencyCounts(agency_id=agency_id, agency=names[agency_id], **tally)
        for agency_id, tally in tallies.items()
    ]


def officer_counts(session: Session, head: User, period: Period, today: date) -> list[OfficerRow]:
    """Per officer of the head's agency, the tasks it leads that are assigned to them and due
    in the period, by outcome, most due first; tasks assigned to nobody in a row of their own."""
    led = visible_tasks(head).where(Task.lead_agency_id == head.agency_id)
    tallies = tallies_from_tasks(session, led, Task.assignee_id, period, today)
    names = dict(
        session.execute(
            select(User.id, User.full_name).where(User.id.in_([k for k in tallies if k]))
        ).all()
    )
    rows = [
        OfficerRow(names.get(officer_id, "Chưa phân công") if officer_id else "Chưa phân công",
                   AgencyCounts(agency_id=head.agency_id or 0, agency="", **tally))
        for officer_id, tally in tallies.items()
    ]  # fmt: skip
    return sorted(rows, key=lambda row: (row.name == "Chưa phân công", -row.counts.due, row.name))
