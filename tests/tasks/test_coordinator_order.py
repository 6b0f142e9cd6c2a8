"""The database copies each task's place in the lists' order onto its coordinators' rows, so
that an agency's coordinated tasks are read in that order (migration 0023's triggers), the
task's notice, so that an agency's notices are read from an index (0025), and its state and
officer and pause, so that its lists of one state, one officer or the paused tasks are read in
that order too (0033)."""

from datetime import date, timedelta

from flask import Flask
from sqlalchemy import select

from tests.factories import agency, make_task
from tracker.auth.models import User
from tracker.extensions import db
from tracker.tasks.models import Task, TaskState, task_coordinators

TODAY = date(2024, 6, 15)


def _copies(task: Task) -> set[tuple[int, int, date | None]]:
    db.session.flush()
    rows = db.session.execute(
        select(
            task_coordinators.c.agency_id,
            task_coordinators.c.urgency_rank,
            task_coordinators.c.deadline,
        ).where(task_coordinators.c.task_id == task.id)
    )
    return {tuple(row) for row in rows}


def test_a_coordinator_row_takes_the_task_order_and_follows_it(app: Flask) -> None:
    task = make_task(lead="stc", coordinating=("snv",), deadline=TODAY)
    snv, sxd = agency("snv").id, agency("sxd").id
    assert _copies(task) == {(snv, 0, TODAY)}

    task.deadline = TODAY + timedelta(days=10)
    assert _copies(task) == {(snv, 0, task.deadline)}

    task.coordinating_agencies.append(agency("sxd"))
    task.completed_on = TODAY
    assert _copies(task) == {
        (snv, 2, TODAY + timedelta(days=10)),
        (sxd, 2, TODAY + timedelta(days=10)),
    }

    task.deadline = None
    assert _copies(task) == {(snv, 3, None), (sxd, 3, None)}


def test_a_coordinator_row_takes_the_task_notice(app: Flask) -> None:
    task = make_task(lead="stc", coordinating=("snv",), deadline=TODAY)
    task.coordinating_agencies.append(agency("sxd"))
    db.session.flush()
    notices = db.session.scalars(
        select(task_coordinators.c.notice_id).where(task_coordinators.c.task_id == task.id)
    )
    assert list(notices) == [task.notice_id, task.notice_id]


def test_a_coordinator_row_takes_the_task_state_officer_and_pause_and_follows_them(
    app: Flask,
) -> None:
    task = make_task(lead="stc", coordinating=("snv",), deadline=TODAY)
    officer = db.session.scalars(select(User).where(User.agency_id == agency("stc").id)).first()
    assert officer is not None
    copies = task_coordinators.c

    def copied() -> tuple[str, int | None, date | None]:
        db.session.flush()
        row = db.session.execute(
            select(copies.state, copies.assignee_id, copies.paused_until).where(
                copies.task_id == task.id
            )
        ).one()
        return row.state, row.assignee_id, row.paused_until

    assert copied() == (TaskState.IN_PROGRESS.value, None, None)
    task.assignee_id = officer.id
    task.state = TaskState.SUBMITTED
    task.paused_until = TODAY + timedelta(days=30)
    assert copied() == (TaskState.SUBMITTED.value, officer.id, TODAY + timedelta(days=30))
    task.assignee_id = None
    task.state = TaskState.DECLINED
    task.paused_until = None
    assert copied() == (TaskState.DECLINED.value, None, None)
