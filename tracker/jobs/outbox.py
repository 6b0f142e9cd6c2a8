"""Sending the outbox: one job per row, retried with its channel's backoff by RQ, and the
catch-up job for what Redis did not take, what waited for the quiet hours to end, and
retries whose worker died."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rq import Retry
from sqlalchemy import select

from tracker.clock import today as local_today
from tracker.db import utcnow
from tracker.extensions import db
from tracker.jobs.context import job_context
from tracker.jobs.queues import enqueue
from tracker.outbox.delivery import BACKOFF, attempt, due_message_ids, is_due
from tracker.outbox.events import announce_overdue
from tracker.outbox.models import Channel, DeliveryState, OutboxMessage
from tracker.outbox.settings import ChannelSettings

RETRIES = {channel: Retry(max=len(waits), interval=waits) for channel, waits in BACKOFF.items()}


def send_message(message_id: int) -> str:
    """Send one outbox row; safe to run twice. A failure that will be tried again is raised,
    so that RQ retries later."""
    with job_context() as app:
        error = attempt(db.session(), message_id, ChannelSettings.from_config(app.config), utcnow())
    if error is not None:
        raise error
    return "done"


def send_due_messages() -> int:
    """Send, one after the other, every queued row whose time has come."""
    with job_context() as app:
        settings = ChannelSettings.from_config(app.config)
        ids = due_message_ids(db.session(), utcnow())
        for message_id in ids:
            attempt(db.session(), message_id, settings, utcnow())
    return len(ids)


def queue_sending(messages: Iterable[OutboxMessage]) -> int:
    """A job for each row that may go now (rows held for the quiet hours wait for the
    catch-up); returns how many Redis took."""
    now = utcnow()
    ready = [(m.id, m.channel) for m in messages if m.not_before is None or m.not_before <= now]
    return sum(_queue(message_id, channel) for message_id, channel in ready)


def queue_fresh_messages() -> int:
    """A job for each row written since the last call and never tried: the webhooks' events
    of an action, the notifications just sent out."""
    fresh = db.session.scalars(
        select(OutboxMessage).where(
            OutboxMessage.state == DeliveryState.QUEUED,
            OutboxMessage.attempts == 0,
            is_due(utcnow()),
        )
    ).all()
    return queue_sending(fresh)


def announce_overdue_tasks(on: str | None = None) -> int:
    """Tell the webhooks about the tasks that fell overdue (on YYYY-MM-DD; default today)."""
    with job_context():
        day = date.fromisoformat(on) if on else local_today()
        count = announce_overdue(db.session(), day)
        db.session.commit()
        queue_fresh_messages()
        return count


def _queue(message_id: int, channel: Channel) -> bool:
    return enqueue(send_message, message_id, queue="mail", retry=RETRIES[channel])
