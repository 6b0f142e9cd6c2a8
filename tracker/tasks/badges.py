"""The badges that say where a task stands and its deadline cell, as lists and task pages
show them: worked out and written once per task here, not piece by piece by template macros
(a list page shows fifty, and a Jinja macro call costs more than writing the cell)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from html import escape
from typing import NamedTuple

from markupsafe import Markup

from tracker.domain.formatting import vn_date
from tracker.domain.status import TaskStatus, WarningLevel, is_paused, task_status, warning_level
from tracker.tasks.listing import ListedTask
from tracker.tasks.models import Task, TaskState

Shown = Task | ListedTask  # a task as its page loads it, or as a list reads it


class Badge(NamedTuple):
    kind: str  # the CSS class's suffix: badge-<kind>
    label: str


def task_badges(task: Shown, today: date, due_soon_days: int) -> list[Badge]:
    """Cancelled or recurring alone; otherwise the pause, the status, a hand-in waiting for
    confirmation, a completed recurring occurrence, and the warning beyond "quá hạn" (which
    the status already says)."""
    if task.cancelled_on:
        return [Badge("cancelled", "Đã hủy/dừng thực hiện")]
    if task.recurrence:
        return [Badge("recurring", task.recurrence.label)]
    badges = []
    if is_paused(task.paused_until, today):
        badges.append(Badge("paused", f"Tạm dừng đến {vn_date(task.paused_until)}"))
    status = task_status(task.deadline, task.completed_on, today, task.paused_until)
    badges.append(Badge(status.value, status.label))
    if task.state is TaskState.SUBMITTED:
        badges.append(Badge("submitted", "Chờ xác nhận"))
    if status is TaskStatus.ONGOING and task.state is TaskState.COMPLETED:
        badges.append(Badge("completed", "Đã hoàn thành"))
    warning = warning_level(
        task.deadline, task.completed_on, today, due_soon_days, task.paused_until
    )
    if warning is not None and warning is not WarningLevel.OVERDUE:
        badges.append(Badge(warning.value, warning.label))
    return badges


def badges_html(badges: list[Badge]) -> Markup:
    """The badges as spans, a space apart."""
    return Markup(" ".join(map(_span, badges)))  # noqa: S704 - every value escaped


@lru_cache(maxsize=4096)
def escaped(value: str) -> str:
    """`value` escaped for HTML, once per process: for the short values a list's lines
    repeat (agencies, kinds of document, numbers, deadline words)."""
    return escape(value)


@lru_cache(maxsize=1024)
def _span(badge: Badge) -> str:
    """One badge as a span, written once: a list of fifty tasks shows the same few."""
    return f'<span class="badge badge-{escape(badge.kind)}">{escape(badge.label)}</span>'


def deadline_html(task: Shown) -> Markup:
    """The deadline (or "by period" for a recurring task, "none"), and the words of the
    notice that set it."""
    if task.recurrence:
        shown = "<span>Hạn theo từng kỳ</span>"
    elif task.deadline:
        shown = f'<span class="nowrap">{vn_date(task.deadline)}</span>'
    else:
        return Markup('<span class="muted">Không có hạn</span>')
    if task.deadline_text:
        shown += f'<br><small class="muted">“{escaped(task.deadline_text)}”</small>'
    return Markup(shown)  # noqa: S704 - the deadline's words escaped
