"""The SQL status expression agrees with the pure status function on every boundary."""

from datetime import date, timedelta

from flask import Flask
from sqlalchemy import select

from tests.factories import make_notice, make_task
from tracker.domain.status import TaskStatus, task_status
from tracker.extensions import db
from tracker.tasks.models import Task
from tracker.tasks.queries import by_urgency, count_by_status, status_expression, with_status

TODAY = date(2024, 6, 15)


def test_sql_and_python_agree(app: Flask) -> None:
    notice = make_notice()
    deadlines = [None, TODAY - timedelta(days=1), TODAY, TODAY + timedelta(days=1)]
    completions = [None, TODAY - timedelta(days=2), TODAY - timedelta(days=1), TODAY]
    for deadline in deadlines:
        for completed_on in completions:
            make_task(notice, deadline=deadline, completed_on=completed_on)
    rows = db.session.execute(
        select(Task.deadline, Task.completed_on, status_expression(TODAY)).where(
            Task.notice_id == notice.id
        )
    ).all()
    assert len(rows) == 16
    for deadline, completed_on, sql_status in rows:
        assert TaskStatus(sql_status) is task_status(deadline, completed_on, TODAY)
    counts = count_by_status(select(Task).where(Task.notice_id == notice.id), TODAY)
    assert sum(counts.values()) == 16
    assert counts[TaskStatus.ONGOING] == 4
    assert counts[TaskStatus.OVERDUE] == 1


def test_each_status_filter_picks_what_the_pure_function_says(app: Flask) -> None:
    notice = make_notice()
    deadlines = [None, TODAY - timedelta(days=1), TODAY, TODAY + timedelta(days=1)]
    completions = [None, TODAY - timedelta(days=2), TODAY - timedelta(days=1), TODAY]
    tasks = [
        make_task(notice, deadline=deadline, completed_on=completed_on)
        for deadline in deadlines
        for completed_on in completions
    ]
    of_notice = select(Task).where(Task.notice_id == notice.id)
    for status in TaskStatus:
        found = {task.id for task in db.session.scalars(with_status(of_notice, status, TODAY))}
        expected = {
            task.id
            for task in tasks
            if task_status(task.deadline, task.completed_on, TODAY) is status
        }
        assert found == expected, status


def test_urgency_order(app: Flask) -> None:
    notice = make_notice()
    done = make_task(notice, deadline=TODAY, completed_on=TODAY)
    ongoing = make_task(notice)
    later = make_task(notice, deadline=TODAY + timedelta(days=9))
    soon = make_task(notice, deadline=TODAY + timedelta(days=1))
    oldest = make_task(notice, deadline=TODAY - timedelta(days=40))
    recent = make_task(notice, deadline=TODAY - timedelta(days=2))
    ordered = db.session.scalars(by_urgency(select(Task).where(Task.notice_id == notice.id)))
    assert [t.id for t in ordered] == [t.id for t in (oldest, recent, soon, later, ongoing, done)]
