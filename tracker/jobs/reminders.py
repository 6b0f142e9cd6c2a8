"""The daily reminder pass and the weekly leaders' digest, as jobs."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from tracker.clock import today as local_today
from tracker.db import utcnow
from tracker.extensions import db
from tracker.jobs.context import job_context
from tracker.jobs.outbox import queue_sending
from tracker.outbox.models import OutboxMessage
from tracker.outbox.settings import ChannelSettings
from tracker.reminders.policy import load_policy
from tracker.reminders.services import PassSummary, run_leader_digest, run_reminder_pass


def _queue_messages(summary: PassSummary) -> dict[str, int]:
    messages = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.id.in_(summary.message_ids))
    ).all()
    return {
        "reminders": summary.reminders,
        "recipients": summary.recipients,
        "messages": len(summary.message_ids),
        "queued": queue_sending(messages),
    }


def run_reminders(on: str | None = None) -> dict[str, int]:
    """A reminder pass for `on` (YYYY-MM-DD; default today in Vietnam). Running it twice
    sends nothing twice: the reminder log keeps each reminder to one claim."""
    with job_context() as app:
        day = date.fromisoformat(on) if on else local_today()
        settings = ChannelSettings.from_config(app.config)
        summary = run_reminder_pass(
            db.session(), day, load_policy(db.session()), settings, utcnow()
        )
        db.session.commit()
        return _queue_messages(summary)


def run_leader_digests(on: str | None = None) -> dict[str, int]:
    with job_context() as app:
        day = date.fromisoformat(on) if on else local_today()
        settings = ChannelSettings.from_config(app.config)
        summary = run_leader_digest(db.session(), day, settings, utcnow())
        db.session.commit()
        return _queue_messages(summary)
