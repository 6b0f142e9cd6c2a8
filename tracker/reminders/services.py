"""The reminder pass: work out from the database what is due today, claim each reminder in
the log (so that a second run or a second worker sends nothing twice), and write one message
per recipient, in the app and by the channels each chose (e-mail, Zalo, SMS)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from tracker.auth.models import Role, User
from tracker.db import insert_for
from tracker.domain.recurrence import occurrence_label
from tracker.domain.reminders import OpenTask, Reminder, ReminderPolicy, reminders_due, week_key
from tracker.notices.models import Notice, NoticeState
from tracker.notifications.models import Notification, ReminderLog
from tracker.outbox.compose import Content, queue_to_user
from tracker.outbox.settings import ChannelSettings
from tracker.reminders.messages import (
    DueItem,
    MailContent,
    leader_digest_mail,
    reminder_mail,
)
from tracker.tasks.models import Task, TaskState
from tracker.tasks.queries import not_paused

BATCH = 2000


@dataclass
class PassSummary:
    reminders: int = 0
    recipients: int = 0
    message_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class _Row:
    task_id: int
    agency_id: int
    item: DueItem


def open_tasks(today: date) -> Select[int, int, date | None, str, str, str | None, str | None]:
    """Open tasks of published notices, as plain rows (a pass reads every one); a recurring
    task is reminded through its occurrences, each with its own deadline; cancelled and
    paused tasks are not reminded."""
    return (
        select(
            Task.id,
            Task.lead_agency_id,
            Task.deadline,
            Task.text,
            Task.ref,
            Notice.number,
            Task.period_key,
        )
        .join(Task.notice)
        .where(
            Notice.state == NoticeState.PUBLISHED,
            Task.state == TaskState.IN_PROGRESS,
            Task.recurrence.is_(None),
            Task.cancelled_on.is_(None),
            not_paused(today),
        )
        .order_by(Task.id)
    )


def run_reminder_pass(
    session: Session, today: date, policy: ReminderPolicy, settings: ChannelSettings, now: datetime
) -> PassSummary:
    due: list[tuple[_Row, Reminder]] = []
    rows = session.execute(open_tasks(today))
    for task_id, agency_id, deadline, text, ref, number, period in rows:
        for reminder in reminders_due(OpenTask(deadline), today, policy):
            label = occurrence_label(period) if period else None
            item = DueItem(task_id, text, ref, number or "", deadline, reminder, label)
            due.append((_Row(task_id, agency_id, item), reminder))
    claimed = claim_reminders(
        session, [(f"task:{row.task_id}", r.kind, r.period) for row, r in due]
    )
    mine = [(row, r) for row, r in due if (f"task:{row.task_id}", r.kind, r.period) in claimed]
    return _write_messages(session, mine, settings, now)


def claim_reminders(
    session: Session, keys: Sequence[tuple[str, str, str]]
) -> set[tuple[str, str, str]]:
    """Insert the keys not yet in the log; return those this run inserted."""
    if not keys:
        return set()
    run_id = uuid.uuid4().hex
    rows = [{"subject": s, "kind": k, "period": p, "run_id": run_id} for s, k, p in set(keys)]
    for start in range(0, len(rows), BATCH):
        session.execute(
            insert_for(session, ReminderLog).on_conflict_do_nothing(
                index_elements=["subject", "kind", "period"]
            ),
            rows[start : start + BATCH],
        )
    claimed = session.execute(
        select(ReminderLog.subject, ReminderLog.kind, ReminderLog.period).where(
            ReminderLog.run_id == run_id
        )
    )
    return {(s, k, p) for s, k, p in claimed}


def _recipients(session: Session, agency_ids: Iterable[int]) -> dict[int, list[User]]:
    users = session.scalars(
        select(User).where(
            User.agency_id.in_(set(agency_ids)),
            User.active.is_(True),
            User.role.in_([Role.AGENCY_OFFICER, Role.AGENCY_HEAD]),
        )
    )
    by_agency: dict[int, list[User]] = defaultdict(list)
    for user in users:
        assert user.agency_id is not None  # noqa: S101 - agency roles have one
        by_agency[user.agency_id].append(user)
    return by_agency


def _write_messages(
    session: Session, claimed: list[tuple[_Row, Reminder]], settings: ChannelSettings, now: datetime
) -> PassSummary:
    """One in-app notification per user, and one message by each channel she chose."""
    agency_users = _recipients(session, {row.agency_id for row, _ in claimed})
    secretariat = session.scalars(
        select(User).where(User.role == Role.SECRETARIAT, User.active.is_(True))
    ).all()
    per_user: dict[int, tuple[User, list[DueItem]]] = {}
    for row, reminder in claimed:
        users = agency_users.get(row.agency_id, [])
        if reminder.escalates:
            users = [u for u in users if u.role is Role.AGENCY_HEAD] + list(secretariat)
        for user in users:
            per_user.setdefault(user.id, (user, []))[1].append(row.item)
    summary = PassSummary(reminders=len(claimed), recipients=len(per_user))
    for user, items in per_user.values():
        mail = reminder_mail(user, items, settings.base_url)
        _deliver(session, user, mail, "reminder", "/nhiem-vu/", summary, settings, now)
    return summary


def _deliver(
    session: Session,
    user: User,
    mail: MailContent,
    kind: str,
    link: str,
    summary: PassSummary,
    settings: ChannelSettings,
    now: datetime,
) -> None:
    """The message in the user's inbox, and queued by each of her channels."""
    # sent out here, in the reminder's own words: never again with the decisions
    session.add(
        Notification(user_id=user.id, kind=kind, message=mail.subject, link=link, sent_out_at=now)
    )
    content = Content(
        kind=kind,
        subject=mail.subject,
        text=mail.text,
        html=mail.html,
        line=mail.subject,
        link=f"{settings.base_url}{link}",
    )
    summary.message_ids += [m.id for m in queue_to_user(session, user, content, settings, now)]


def run_leader_digest(
    session: Session, today: date, settings: ChannelSettings, now: datetime
) -> PassSummary:
    """Once a week, each leader gets the province's overdue tasks by agency, oldest first."""
    leaders = session.scalars(select(User).where(User.role == Role.LEADER, User.active.is_(True)))
    week = week_key(today)
    summary = PassSummary()
    mail: MailContent | None = None
    for leader in leaders:
        if not claim_reminders(session, [(f"user:{leader.id}", "leader_digest", week)]):
            continue
        mail = mail or leader_digest_mail(session, today, settings.base_url)
        _deliver(session, leader, mail, "leader_digest", "/", summary, settings, now)
        summary.recipients += 1
    return summary
