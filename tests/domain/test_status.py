from datetime import UTC, date, datetime

import pytest

from tracker.domain.calendar import local_today
from tracker.domain.status import TaskStatus, WarningLevel, task_status, warning_level

DEADLINE = date(2017, 9, 30)


@pytest.mark.parametrize(
    ("deadline", "completed_on", "today", "expected"),
    [
        (DEADLINE, date(2017, 9, 29), date(2017, 10, 5), TaskStatus.EARLY),
        (DEADLINE, DEADLINE, date(2017, 10, 5), TaskStatus.ON_TIME),
        (DEADLINE, date(2017, 10, 1), date(2017, 10, 5), TaskStatus.LATE),
        # completion is judged by the completion date, not by today
        (DEADLINE, date(2017, 9, 29), date(2017, 9, 1), TaskStatus.EARLY),
        (DEADLINE, None, date(2017, 9, 29), TaskStatus.WITHIN_DEADLINE),
        (DEADLINE, None, DEADLINE, TaskStatus.WITHIN_DEADLINE),
        (DEADLINE, None, date(2017, 10, 1), TaskStatus.OVERDUE),
        (None, None, date(2017, 10, 1), TaskStatus.ONGOING),
        (None, date(2017, 8, 1), date(2017, 10, 1), TaskStatus.ONGOING),
    ],
)
def test_status_at_every_boundary(
    deadline: date | None, completed_on: date | None, today: date, expected: TaskStatus
) -> None:
    assert task_status(deadline, completed_on, today) is expected


def test_labels_are_vietnamese() -> None:
    assert TaskStatus.EARLY.label == "Hoàn thành trước hạn"
    assert TaskStatus.OVERDUE.label == "Quá hạn"
    assert TaskStatus.ONGOING.label == "Thường xuyên"
    assert [s for s in TaskStatus if s.is_completed] == [
        TaskStatus.EARLY,
        TaskStatus.ON_TIME,
        TaskStatus.LATE,
    ]


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        # 16:59:59 UTC is 23:59:59 in Hanoi: still the same day
        (datetime(2017, 9, 30, 16, 59, 59, tzinfo=UTC), date(2017, 9, 30)),
        # 17:00 UTC is midnight in Hanoi: already the next day, though UTC says the 30th
        (datetime(2017, 9, 30, 17, 0, 0, tzinfo=UTC), date(2017, 10, 1)),
    ],
)
def test_today_is_the_date_in_hanoi(instant: datetime, expected: date) -> None:
    assert local_today(instant) == expected


def test_a_task_turns_overdue_at_midnight_in_hanoi_not_utc() -> None:
    before_midnight = local_today(datetime(2017, 9, 30, 16, 59, tzinfo=UTC))
    after_midnight = local_today(datetime(2017, 9, 30, 17, 1, tzinfo=UTC))
    assert task_status(DEADLINE, None, before_midnight) is TaskStatus.WITHIN_DEADLINE
    assert task_status(DEADLINE, None, after_midnight) is TaskStatus.OVERDUE


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        local_today(datetime(2017, 9, 30, 12, 0))


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2017, 9, 26), None),
        (date(2017, 9, 27), WarningLevel.DUE_SOON),
        (DEADLINE, WarningLevel.DUE_SOON),
        (date(2017, 10, 1), WarningLevel.OVERDUE),
        (date(2017, 10, 30), WarningLevel.OVERDUE),
        (date(2017, 10, 31), WarningLevel.OVERDUE_30),
        (date(2017, 11, 30), WarningLevel.OVERDUE_60),
        (date(2018, 1, 29), WarningLevel.OVERDUE_120),
    ],
)
def test_warning_ladder(today: date, expected: WarningLevel | None) -> None:
    assert warning_level(DEADLINE, None, today, due_soon_days=3) is expected


def test_no_warning_for_completed_or_ongoing_tasks() -> None:
    assert warning_level(DEADLINE, date(2017, 10, 3), date(2018, 1, 1), 3) is None
    assert warning_level(None, None, date(2018, 1, 1), 3) is None
