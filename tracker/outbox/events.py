"""Events out: what happens to a task, told to the systems that subscribed a webhook, so
that an agency's own system registers and closes the task without retyping it. A webhook of
an agency hears about the tasks that agency sees (leads or coordinates, or led before a
reassignment); one without an agency hears about every task."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.access import agencies_seeing
from tracker.api.serialize import agency_json, task_json
from tracker.db import utcnow
from tracker.domain.calendar import local_today
from tracker.domain.labels import LabelledEnum
from tracker.domain.status import TaskStatus
from tracker.outbox.models import Channel, OutboxMessage, Webhook
from tracker.reminders.services import claim_reminders, open_tasks
from tracker.tasks.models import Task


class TaskEvent(LabelledEnum):
    ASSIGNED = "task.assigned", "Nhiệm vụ được giao (ban hành, giao lại)"
    CHANGED = "task.changed", "Nhiệm vụ thay đổi (tiến độ, minh chứng, gia hạn, điều chỉnh…)"
    HANDED_IN = "task.handed_in", "Cơ quan báo cáo hoàn thành"
    ACCEPTED = "task.accepted", "Văn phòng xác nhận hoàn thành"
    RETURNED = "task.returned", "Văn phòng trả lại"
    OVERDUE = "task.overdue", "Nhiệm vụ quá hạn"


# The timeline's actions that have an event of their own; any other is a change.
EVENT_OF_ACTION = {
    "task.submitted": TaskEvent.HANDED_IN,
    "task.accepted": TaskEvent.ACCEPTED,
    "task.returned": TaskEvent.RETURNED,
    "task.reassigned": TaskEvent.ASSIGNED,
}
# A task is told overdue when it falls overdue; if the daily job did not run for a few days,
# it catches up this far back.
OVERDUE_CATCH_UP = timedelta(days=7)


def announce(
    session: Session,
    tasks: Iterable[Task],
    event: TaskEvent,
    action: str,
    also_agencies: Collection[int] = (),
) -> list[OutboxMessage]:
    """A delivery to each active webhook that wants the event, for each task it may hear of."""
    now, base_url = utcnow(), current_app.config["BASE_URL"]
    webhooks = [w for w in _active_webhooks(session) if event.value in w.events]
    messages: list[OutboxMessage] = []
    for task in tasks if webhooks else ():
        seeing = agencies_seeing(task) | set(also_agencies)
        hearing = [w for w in webhooks if w.agency_id is None or w.agency_id in seeing]
        if hearing:
            body = _task_body(task, now, base_url)
            messages += [_delivery(webhook, event, action, body, now) for webhook in hearing]
    session.add_all(messages)
    return messages


def announce_action(
    session: Session, task: Task, action: str, before: dict[str, object] | None
) -> list[OutboxMessage]:
    """The event of an action on the task's timeline; a reassignment also goes to the agency
    that led the task until then, so that its system closes it."""
    event = EVENT_OF_ACTION.get(action, TaskEvent.CHANGED)
    previous = (before or {}).get("lead_agency_id")
    also = [previous] if isinstance(previous, int) else []
    return announce(session, [task], event, action, also)


def _active_webhooks(session: Session) -> list[Webhook]:
    return list(session.scalars(select(Webhook).where(Webhook.active.is_(True))))


def _task_body(task: Task, now: datetime, base_url: str) -> dict[str, object]:
    return {
        **task_json(task, local_today(now), web_url=f"{base_url}/nhiem-vu/{task.id}"),
        "notice": {"id": task.notice_id, "number": task.notice.number},
        "coordinating_agencies": [agency_json(a) for a in task.coordinating_agencies],
    }


def _delivery(
    webhook: Webhook, event: TaskEvent, action: str, task: dict[str, object], now: datetime
) -> OutboxMessage:
    return OutboxMessage(
        channel=Channel.WEBHOOK,
        kind=event.value,
        webhook_id=webhook.id,
        address=webhook.url,
        subject=event.label,
        text=action,
        payload={
            "id": uuid.uuid4().hex,
            "event": event.value,
            "action": action,
            "occurred_at": now.isoformat(),
            "task": task,
        },
    )


def announce_overdue(session: Session, today: date) -> int:
    """Tell the webhooks about each task that fell overdue in the last week (once per
    deadline: a new deadline that passes is told again); returns how many tasks."""
    if not any(TaskEvent.OVERDUE.value in w.events for w in _active_webhooks(session)):
        return 0
    window = today - OVERDUE_CATCH_UP
    ids = session.scalars(
        open_tasks(today)
        .with_only_columns(Task.id)
        .where(Task.deadline < today, Task.deadline >= window)
    ).all()
    candidates = session.scalars(select(Task).where(Task.id.in_(ids))).all() if ids else []
    overdue = {t.id: t for t in candidates if t.status(today) is TaskStatus.OVERDUE}
    keys = [(f"task:{t.id}", "overdue_event", str(t.deadline)) for t in overdue.values()]
    claimed = claim_reminders(session, keys)
    told = [overdue[int(subject.split(":")[1])] for subject, _, _ in claimed]
    announce(session, sorted(told, key=lambda t: t.id), TaskEvent.OVERDUE, "task.overdue")
    return len(told)
