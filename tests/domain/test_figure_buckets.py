"""A task's bucket says the same status and warning level as the status rules, on every day
around each boundary (due soon, overdue, 30/60/120 days, a pause ending)."""

from datetime import date, timedelta

import pytest

from tracker.domain.figure_buckets import Bucket, bucket_of, buckets_with
from tracker.domain.status import TaskStatus, WarningLevel, task_status, warning_level

TODAY = date(2026, 12, 5)
OFFSETS = [-400, -121, -120, -119, -61, -60, -59, -31, -30, -29, -1, 0, 1, 2, 3, 4, 30]
PAUSES = [None, TODAY - timedelta(days=1), TODAY, TODAY + timedelta(days=5)]


@pytest.mark.parametrize("due_soon_days", [0, 3, 7])
def test_bucket_agrees_with_status_and_warning(due_soon_days: int) -> None:
    for offset in OFFSETS:
        deadline = TODAY + timedelta(days=offset)
        for completed_on in (
            None,
            deadline - timedelta(days=2),
            deadline,
            deadline + timedelta(days=9),
        ):
            for paused_until in PAUSES:
                bucket = bucket_of(deadline, completed_on, paused_until, TODAY, due_soon_days)
                status = task_status(deadline, completed_on, TODAY, paused_until)
                level = warning_level(deadline, completed_on, TODAY, due_soon_days, paused_until)
                assert bucket.status is status, (offset, completed_on, paused_until)
                # the dashboard's ladder counts a task at its level and every level below it
                assert (level in bucket.warnings) if level else not bucket.warnings
                if level is not None:
                    assert max(bucket.warnings, key=list(WarningLevel).index) is level


def test_tasks_without_deadline_are_ongoing_whatever_else() -> None:
    assert bucket_of(None, None, None, TODAY, 3) is Bucket.ONGOING
    assert bucket_of(None, TODAY, TODAY, TODAY, 3) is Bucket.ONGOING


def test_only_open_tasks_with_a_deadline_move_with_the_days() -> None:
    moving = {bucket for bucket in Bucket if bucket.moves_with_days}
    assert {b.status for b in moving} == {TaskStatus.WITHIN_DEADLINE, TaskStatus.OVERDUE}
    assert Bucket.ONGOING not in moving


def test_buckets_of_a_status_and_a_warning() -> None:
    assert buckets_with(TaskStatus.OVERDUE, WarningLevel.OVERDUE_60) == [
        Bucket.OVERDUE_60,
        Bucket.OVERDUE_120,
    ]
    assert buckets_with(TaskStatus.WITHIN_DEADLINE, WarningLevel.OVERDUE) == []
    assert buckets_with(None, WarningLevel.DUE_SOON) == [Bucket.DUE_SOON]
