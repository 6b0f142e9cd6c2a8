"""The database copies each task's place in the lists' order onto its coordinators' rows, so
that an agency's coordinated tasks are read in that order (migration 0023's triggers), and the
task's notice, so that an agency's notices are read from an index (0025)."""

from datetime import date, timedelta

from flask import Flask
from sqlalchemy import select

from tests.factories import agency, make_task
from tracker.extensions import db
from tracker.tasks.models import Task, task_coordinators

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
