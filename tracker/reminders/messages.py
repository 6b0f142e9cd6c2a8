"""The words of reminders: one message per person listing all that person's tasks, as plain
text and HTML (templates/emails)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from flask import render_template
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.agencies.models import Agency
from tracker.auth.models import User
from tracker.domain.reminders import Reminder
from tracker.domain.status import TaskStatus
from tracker.notices.models import Notice, NoticeState
from tracker.tasks.models import Task, TaskState
from tracker.tasks.queries import status_expression

KIND_HEADINGS = {
    "before": "Sắp đến hạn",
    "overdue": "Đã quá hạn",
    "overdue_weekly": "Vẫn quá hạn",
    "escalation": "Quá hạn kéo dài, cần lãnh đạo cơ quan chỉ đạo",
    "digest": "Nhiệm vụ thường xuyên",
}


@dataclass(frozen=True)
class DueItem:
    task_id: int
    text: str
    ref: str
    notice: str
    deadline: date | None
    reminder: Reminder
    period: str | None = None  # what an occurrence of a recurring task reports on


@dataclass(frozen=True)
class MailContent:
    subject: str
    text: str
    html: str


def reminder_mail(user: User, items: list[DueItem], base_url: str) -> MailContent:
    groups: dict[str, list[DueItem]] = defaultdict(list)
    for item in items:
        groups[item.reminder.kind].append(item)
    ordered = [(KIND_HEADINGS[kind], groups[kind]) for kind in KIND_HEADINGS if kind in groups]
    late = sum(
        len(v) for k, v in groups.items() if k in ("overdue", "overdue_weekly", "escalation")
    )
    subject = f"Nhắc việc: {len(items)} nhiệm vụ cần chú ý" + (
        f", {late} nhiệm vụ quá hạn" if late else ""
    )
    values = {"user": user, "groups": ordered, "base_url": base_url.rstrip("/"), "subject": subject}
    return MailContent(
        subject=subject,
        text=render_template("emails/reminder.txt", **values),
        html=render_template("emails/reminder.html", **values),
    )


def leader_digest_mail(session: Session, today: date, base_url: str) -> MailContent:
    """The province's overdue tasks by agency, the oldest first."""
    rows = session.execute(
        select(Agency.name, Task.id, Task.text, Task.deadline, Notice.number)
        .join(Task.lead_agency)
        .join(Task.notice)
        .where(
            Notice.state == NoticeState.PUBLISHED,
            Task.state != TaskState.COMPLETED,
            Task.recurrence.is_(None),  # a recurring task is overdue through its occurrences
            Task.cancelled_on.is_(None),
            status_expression(today) == TaskStatus.OVERDUE.value,
        )
        .order_by(Task.deadline, Task.id)
    ).all()
    by_agency: dict[str, list[tuple[int, str, date, str, int]]] = defaultdict(list)
    for agency, task_id, text, deadline, number in rows:
        assert deadline is not None  # noqa: S101 - overdue tasks have one
        by_agency[agency].append((task_id, text, deadline, number or "", (today - deadline).days))
    subject = f"Tổng hợp tuần: {len(rows)} nhiệm vụ quá hạn của {len(by_agency)} cơ quan"
    values = {
        "agencies": sorted(by_agency.items(), key=lambda kv: -kv[1][0][4]),
        "base_url": base_url.rstrip("/"),
        "subject": subject,
        "today": today,
    }
    return MailContent(
        subject=subject,
        text=render_template("emails/leader_digest.txt", **values),
        html=render_template("emails/leader_digest.html", **values),
    )
