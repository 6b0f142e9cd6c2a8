"""Which reminders a task is due today, under the reminder policy. Each reminder has a key
(kind, period) so that a reminder log can keep it from being sent twice; a run that missed a
day still finds what is due, because everything is worked out from dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.domain.periods import period_containing


@dataclass(frozen=True)
class ReminderPolicy:
    """Editable by the admin; the defaults are the product's."""

    days_before: tuple[int, ...] = (7, 1)
    on_overdue_day: bool = True
    weekly_while_overdue: bool = True
    escalate_after_days: int = 14
    digest_without_deadline: bool = True


@dataclass(frozen=True)
class OpenTask:
    """What the reminder rules look at."""

    deadline: date | None


@dataclass(frozen=True)
class Reminder:
    kind: str  # "before", "overdue", "overdue_weekly", "escalation", "digest"
    period: str  # what makes it unique for the task: the deadline, a week, a quarter
    days: int = 0  # days before (positive) or after (negative) the deadline

    @property
    def escalates(self) -> bool:
        return self.kind == "escalation"


def reminders_due(task: OpenTask, today: date, policy: ReminderPolicy) -> list[Reminder]:
    """The reminders an open task is due today (at most one of each kind)."""
    if task.deadline is None:
        if not policy.digest_without_deadline:
            return []
        return [Reminder("digest", period_containing(today, "quarterly").key)]
    return _with_deadline(task.deadline, today, policy)


def _with_deadline(deadline: date, today: date, policy: ReminderPolicy) -> list[Reminder]:
    left = (deadline - today).days
    if left >= 0:
        windows = [n for n in policy.days_before if 0 <= left <= n]
        if not windows:
            return []
        nearest = min(windows)
        return [Reminder("before", f"{deadline.isoformat()}:{nearest}", left)]
    late = -left
    due: list[Reminder] = []
    if policy.weekly_while_overdue and late >= 7:
        due.append(Reminder("overdue_weekly", f"{deadline.isoformat()}:w{late // 7}", left))
    elif policy.on_overdue_day:
        due.append(Reminder("overdue", deadline.isoformat(), left))
    if late >= policy.escalate_after_days:
        due.append(Reminder("escalation", deadline.isoformat(), left))
    return due


def week_key(day: date) -> str:
    """The ISO week of a day, for weekly digests: "2026-W47"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
