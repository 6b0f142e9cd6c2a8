"""Task status, computed from dates only (DESIGN.md, "Status")."""

from __future__ import annotations

from datetime import date

from tracker.domain.labels import LabelledEnum


class TaskStatus(LabelledEnum):
    """The six statuses a report counts; never typed by hand."""

    EARLY = "truoc_han", "Hoàn thành trước hạn"
    ON_TIME = "dung_han", "Hoàn thành đúng hạn"
    LATE = "tre_han", "Hoàn thành trễ hạn"
    WITHIN_DEADLINE = "trong_han", "Trong hạn"
    OVERDUE = "qua_han", "Quá hạn"
    ONGOING = "thuong_xuyen", "Thường xuyên"

    @property
    def is_completed(self) -> bool:
        return self in (TaskStatus.EARLY, TaskStatus.ON_TIME, TaskStatus.LATE)


def is_paused(paused_until: date | None, today: date) -> bool:
    """Whether a pause decided by a later document (until that day, included) holds today."""
    return paused_until is not None and paused_until >= today


def task_status(
    deadline: date | None,
    completed_on: date | None,
    today: date,
    paused_until: date | None = None,
) -> TaskStatus:
    """Status of a task from its deadline, its completion date and today's local date.

    `completed_on` is the date the agency submitted the work that the secretariat accepted.
    A task paused by a later document (`paused_until` today or later) is not overdue.
    """
    if deadline is None:
        return TaskStatus.ONGOING
    if completed_on is not None:
        if completed_on < deadline:
            return TaskStatus.EARLY
        if completed_on == deadline:
            return TaskStatus.ON_TIME
        return TaskStatus.LATE
    if today > deadline and not is_paused(paused_until, today):
        return TaskStatus.OVERDUE
    return TaskStatus.WITHIN_DEADLINE


class WarningLevel(LabelledEnum):
    """The warning ladder on open tasks with a deadline."""

    DUE_SOON = "sap_den_han", "Sắp đến hạn"
    OVERDUE = "qua_han", "Quá hạn"
    OVERDUE_30 = "qua_han_30", "Quá hạn trên 30 ngày"
    OVERDUE_60 = "qua_han_60", "Quá hạn trên 60 ngày"
    OVERDUE_120 = "qua_han_120", "Quá hạn trên 120 ngày"


LONG_OVERDUE_STEPS = (
    (120, WarningLevel.OVERDUE_120),
    (60, WarningLevel.OVERDUE_60),
    (30, WarningLevel.OVERDUE_30),
)


def warning_level(
    deadline: date | None,
    completed_on: date | None,
    today: date,
    due_soon_days: int,
    paused_until: date | None = None,
) -> WarningLevel | None:
    """Where an open task stands on the warning ladder, or None when nothing is pressing (a
    paused task included)."""
    if deadline is None or completed_on is not None:
        return None
    if is_paused(paused_until, today):
        return None
    days_late = (today - deadline).days
    if days_late <= 0:
        return WarningLevel.DUE_SOON if -days_late <= due_soon_days else None
    for threshold, level in LONG_OVERDUE_STEPS:
        if days_late > threshold:
            return level
    return WarningLevel.OVERDUE
