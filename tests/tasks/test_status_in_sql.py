"""The SQL status expression agrees with the pure status function on every boundary."""

from datetime import date, timedelta

from flask import Flask
from sqlalchemy import select

from tests.factories import make_notice, make_task
from tracker.domain.status import TaskStatus, WarningLevel, task_status, warning_level
from tracker.extensions import db
from tracker.notices.models import Notice
from tracker.tasks.filters import warning_predicate
from tracker.tasks.models import Task
from tracker.tasks.queries import (
    by_urgency,
    count_by_status,
    status_expression,
    status_predicate,
    status_ranges,
)

TODAY = date(2024, 6, 15)


DEADLINES = [None, TODAY - timedelta(days=1), TODAY, TODAY + timedelta(days=1)]
COMPLETIONS = [None, TODAY - timedelta(days=2), TODAY - timedelta(days=1), TODAY]
# A later document may pause a task: until yesterday (over), today, or tomorrow.
PAUSES = [None, TODAY - timedelta(days=1), TODAY, TODAY + timedelta(days=1)]


def every_boundary() -> list[Task]:
    notice = make_notice()
    tasks = []
    for deadline in DEADLINES:
        for completed_on in COMPLETIONS:
            for paused_until in PAUSES:
                task = make_task(notice, deadline=deadline, completed_on=completed_on)
                task.paused_until = paused_until
                tasks.append(task)
    db.session.flush()
    return tasks


def test_sql_and_python_agree(app: Flask) -> None:
    tasks = every_boundary()
    notice_id = tasks[0].notice_id
    rows = db.session.execute(
        select(Task.deadline, Task.completed_on, Task.paused_until, status_expression(TODAY)).where(
            Task.notice_id == notice_id
        )
    ).all()
    assert len(rows) == 64
    for deadline, completed_on, paused_until, sql_status in rows:
        assert TaskStatus(sql_status) is task_status(deadline, completed_on, TODAY, paused_until)
    counts = count_by_status(select(Task).where(Task.notice_id == notice_id), TODAY)
    assert sum(counts.values()) == 64
    assert counts[TaskStatus.ONGOING] == 16
    # overdue: due yesterday, not completed, and not paused through today
    assert counts[TaskStatus.OVERDUE] == 2


def test_each_status_filter_picks_what_the_pure_function_says(app: Flask) -> None:
    tasks = every_boundary()
    of_notice = select(Task).where(Task.notice_id == tasks[0].notice_id)
    for status in TaskStatus:
        found = {
            task.id for task in db.session.scalars(of_notice.where(status_predicate(status, TODAY)))
        }
        expected = {task.id for task in tasks if task.status(TODAY) is status}
        assert found == expected, status


def test_each_status_is_ranges_that_share_no_task(app: Flask) -> None:
    """`status_ranges`, which the lists read apart, keep the status's tasks between them,
    each task once."""
    tasks = every_boundary()
    of_notice = select(Task.id).where(Task.notice_id == tasks[0].notice_id)
    for status in TaskStatus:
        found = [
            task_id
            for condition in status_ranges(status, TODAY)
            for task_id in db.session.scalars(of_notice.where(condition))
        ]
        expected = {task.id for task in tasks if task.status(TODAY) is status}
        assert sorted(found) == sorted(expected), status
    assert len(status_ranges(TaskStatus.WITHIN_DEADLINE, TODAY)) == 2


def test_urgency_order(app: Flask) -> None:
    notice = make_notice()
    done_undated = make_task(notice, completed_on=TODAY)
    done = make_task(notice, deadline=TODAY, completed_on=TODAY)
    done_earlier = make_task(notice, deadline=TODAY - timedelta(days=5), completed_on=TODAY)
    ongoing = make_task(notice)
    later = make_task(notice, deadline=TODAY + timedelta(days=9))
    soon = make_task(notice, deadline=TODAY + timedelta(days=1))
    soon_too = make_task(notice, deadline=TODAY + timedelta(days=1))
    ongoing_too = make_task(notice)
    oldest = make_task(notice, deadline=TODAY - timedelta(days=40))
    recent = make_task(notice, deadline=TODAY - timedelta(days=2))
    expected = [oldest, recent, soon, soon_too, later, ongoing, ongoing_too]
    expected += [done_earlier, done, done_undated]
    assert _in_urgency_order(notice) == [task.id for task in expected]


def test_urgency_order_follows_completion_and_new_deadlines(app: Flask) -> None:
    notice = make_notice()
    first = make_task(notice, deadline=TODAY - timedelta(days=3))
    second = make_task(notice, deadline=TODAY + timedelta(days=3))
    undated = make_task(notice)
    db.session.flush()
    first.completed_on = TODAY
    undated.deadline = TODAY
    db.session.flush()
    assert _in_urgency_order(notice) == [undated.id, second.id, first.id]


def _in_urgency_order(notice: Notice) -> list[int]:
    ordered = db.session.scalars(by_urgency([select(Task).where(Task.notice_id == notice.id)]))
    return [task.id for task in ordered]


def test_the_warning_ladder_in_sql_agrees_with_the_pure_function(app: Flask) -> None:
    notice = make_notice()
    offsets = [-121, -120, -61, -60, -31, -30, -1, 0, 1, 3, 4]
    tasks = []
    for offset in offsets:
        for completed_on in (None, TODAY):
            for paused_until in PAUSES:
                task = make_task(
                    notice, deadline=TODAY + timedelta(days=offset), completed_on=completed_on
                )
                task.paused_until = paused_until
                tasks.append(task)
    db.session.flush()
    of_notice = select(Task.id).where(Task.notice_id == notice.id)
    # a long-overdue level includes the longer ones, as the dashboard counts them
    at_least = {
        WarningLevel.DUE_SOON: {WarningLevel.DUE_SOON},
        WarningLevel.OVERDUE: set(WarningLevel) - {WarningLevel.DUE_SOON},
        WarningLevel.OVERDUE_30: {
            WarningLevel.OVERDUE_30, WarningLevel.OVERDUE_60, WarningLevel.OVERDUE_120
        },
        WarningLevel.OVERDUE_60: {WarningLevel.OVERDUE_60, WarningLevel.OVERDUE_120},
        WarningLevel.OVERDUE_120: {WarningLevel.OVERDUE_120},
    }  # fmt: skip
    for level in WarningLevel:
        found = set(db.session.scalars(of_notice.where(warning_predicate(level, TODAY, 3))))
        expected = {
            t.id
            for t in tasks
            if warning_level(t.deadline, t.completed_on, TODAY, 3, t.paused_until)
            in at_least[level]
        }
        assert found == expected, level
