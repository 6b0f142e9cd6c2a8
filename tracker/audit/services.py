"""Writing events. Services call `record_event` for every change they make."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from tracker.audit.models import Event
from tracker.db import utcnow
from tracker.outbox.events import announce_action

if TYPE_CHECKING:
    from tracker.notices.models import Notice
    from tracker.tasks.models import Task


def record_event(
    session: Session,
    *,
    actor_id: int | None,
    action: str,
    subject_type: str,
    subject_id: int,
    notice_id: int | None = None,
    task_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str | None = None,
    occurred_at: datetime | None = None,
) -> Event:
    """Add one event to the session (the caller commits). `occurred_at` defaults to now."""
    audit_event = Event(
        occurred_at=occurred_at or utcnow(),
        actor_id=actor_id,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        notice_id=notice_id,
        task_id=task_id,
        before=before,
        after=after,
        note=note,
    )
    session.add(audit_event)
    return audit_event


def record_notice_event(
    session: Session,
    notice: Notice,
    actor_id: int | None,
    action: str,
    after: dict[str, Any],
    *,
    note: str | None = None,
    occurred_at: datetime | None = None,
) -> Event:
    """An event about a notice as a whole (entered, reviewed, published)."""
    return record_event(
        session,
        actor_id=actor_id,
        action=action,
        subject_type="notice",
        subject_id=notice.id,
        notice_id=notice.id,
        after=after,
        note=note,
        occurred_at=occurred_at,
    )


def record_task_event(
    session: Session,
    task: Task,
    actor_id: int | None,
    action: str,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str | None = None,
    occurred_at: datetime | None = None,
) -> Event:
    """An event on a task's timeline, told to the webhooks that want it; the task is flushed
    first so that it has its id."""
    session.flush()
    announce_action(session, task, action, before)
    return record_event(
        session,
        actor_id=actor_id,
        action=action,
        subject_type="task",
        subject_id=task.id,
        notice_id=task.notice_id,
        task_id=task.id,
        before=before,
        after=after,
        note=note,
        occurred_at=occurred_at,
    )
