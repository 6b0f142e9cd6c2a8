"""Writing events. Services call `record_event` for every change they make."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from tracker.audit.models import Event
from tracker.db import utcnow


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
