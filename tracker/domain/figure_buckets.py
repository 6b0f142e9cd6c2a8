"""Where a task stands on a given day, as the maintained counts file it: one bucket per task
that says both its status (`tracker.domain.status.task_status`) and its rung on the warning
ladder (`warning_level`). Completed tasks and tasks without a deadline never change bucket;
open tasks with a deadline move as days pass, so their buckets are worked out again each day.
"""

from __future__ import annotations

from datetime import date, timedelta

from tracker.domain.labels import LabelledEnum
from tracker.domain.status import LONG_OVERDUE_STEPS, TaskStatus, WarningLevel, is_paused


class Bucket(LabelledEnum):
    EARLY = "truoc_han", "Hoàn thành trước hạn"
    ON_TIME = "dung_han", "Hoàn thành đúng hạn"
    LATE = "tre_han", "Hoàn thành trễ hạn"
    ONGOING = "thuong_xuyen", "Thường xuyên"
    PAUSED = "tam_dung", "Tạm dừng"
    LATER = "trong_han", "Trong hạn, chưa đến gần hạn"
    DUE_SOON = "sap_den_han", "Sắp đến hạn"
    OVERDUE = "qua_han", "Quá hạn đến 30 ngày"
    OVERDUE_30 = "qua_han_30", "Quá hạn trên 30 đến 60 ngày"
    OVERDUE_60 = "qua_han_60", "Quá hạn trên 60 đến 120 ngày"
    OVERDUE_120 = "qua_han_120", "Quá hạn trên 120 ngày"

    @property
    def status(self) -> TaskStatus:
        return _STATUS.get(self, TaskStatus.OVERDUE)

    @property
    def moves_with_days(self) -> bool:
        """Open tasks with a deadline: their bucket depends on the day."""
        return self not in _FIXED

    @property
    def warnings(self) -> tuple[WarningLevel, ...]:
        """The warning levels the task counts in; the long-overdue levels include the longer
        ones, as `tracker.tasks.filters.warning_predicate` selects them."""
        return _WARNINGS.get(self, ())


_FIXED = frozenset({Bucket.EARLY, Bucket.ON_TIME, Bucket.LATE, Bucket.ONGOING})
_STATUS = {
    Bucket.EARLY: TaskStatus.EARLY,
    Bucket.ON_TIME: TaskStatus.ON_TIME,
    Bucket.LATE: TaskStatus.LATE,
    Bucket.ONGOING: TaskStatus.ONGOING,
    Bucket.PAUSED: TaskStatus.WITHIN_DEADLINE,
    Bucket.LATER: TaskStatus.WITHIN_DEADLINE,
    Bucket.DUE_SOON: TaskStatus.WITHIN_DEADLINE,
}
_OVERDUE_BUCKETS = {
    WarningLevel.OVERDUE_120: Bucket.OVERDUE_120,
    WarningLevel.OVERDUE_60: Bucket.OVERDUE_60,
    WarningLevel.OVERDUE_30: Bucket.OVERDUE_30,
}
_WARNINGS: dict[Bucket, tuple[WarningLevel, ...]] = {
    Bucket.DUE_SOON: (WarningLevel.DUE_SOON,),
    Bucket.OVERDUE: (WarningLevel.OVERDUE,),
    Bucket.OVERDUE_30: (WarningLevel.OVERDUE, WarningLevel.OVERDUE_30),
    Bucket.OVERDUE_60: (WarningLevel.OVERDUE, WarningLevel.OVERDUE_30, WarningLevel.OVERDUE_60),
    Bucket.OVERDUE_120: tuple(WarningLevel)[1:],
}


def overdue_bounds(day: date) -> list[tuple[date, Bucket]]:
    """The overdue buckets, longest first, each with the deadline before which a task is in
    it on `day` (over 120 days: a deadline before `day` - 120)."""
    steps = [
        (day - timedelta(days=days), _OVERDUE_BUCKETS[level]) for days, level in LONG_OVERDUE_STEPS
    ]
    return [*steps, (day, Bucket.OVERDUE)]


def buckets_with(status: TaskStatus | None, warning: WarningLevel | None) -> list[Bucket]:
    """The buckets whose tasks are in `status` and at `warning` (either may be None: any)."""
    return [
        bucket
        for bucket in Bucket
        if (status is None or bucket.status is status)
        and (warning is None or warning in bucket.warnings)
    ]


def bucket_of(
    deadline: date | None,
    completed_on: date | None,
    paused_until: date | None,
    day: date,
    due_soon_days: int,
) -> Bucket:
    """The task's bucket on `day`; `tracker.figures.cells.bucket_expression` is the same in SQL
    and a test checks that both agree."""
    if deadline is None:
        return Bucket.ONGOING
    if completed_on is not None:
        if completed_on < deadline:
            return Bucket.EARLY
        return Bucket.ON_TIME if completed_on == deadline else Bucket.LATE
    if is_paused(paused_until, day):
        return Bucket.PAUSED
    for before, bucket in overdue_bounds(day):
        if deadline < before:
            return bucket
    return Bucket.DUE_SOON if deadline <= day + timedelta(days=due_soon_days) else Bucket.LATER
