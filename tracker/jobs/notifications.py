"""Notifications out of the app, as jobs: those who want them at once, and the daily digest."""

from __future__ import annotations

from tracker.auth.models import NotifyRhythm
from tracker.db import utcnow
from tracker.extensions import db
from tracker.jobs.context import job_context
from tracker.jobs.outbox import queue_fresh_messages
from tracker.jobs.queues import enqueue
from tracker.notifications.sending import send_out_notifications
from tracker.outbox.settings import ChannelSettings


def send_new_notifications() -> int:
    """Send out each new notification to the users who want them at once; returns the
    number of outbox rows written (those Redis could not take go with the catch-up job)."""
    return _send_out(NotifyRhythm.IMMEDIATE)


def send_out_soon() -> None:
    """After a change made in a request: the notifications and the webhooks' events it
    wrote go out from a worker, not in the request."""
    enqueue(send_new_notifications, queue="mail")


def send_daily_notifications() -> int:
    """The day's notifications in one message by each channel of the users who chose the
    daily digest."""
    return _send_out(NotifyRhythm.DAILY)


def _send_out(rhythm: NotifyRhythm) -> int:
    with job_context() as app:
        settings = ChannelSettings.from_config(app.config)
        messages = send_out_notifications(db.session(), rhythm, settings, utcnow())
        db.session.commit()
        # with the webhooks' events of the action that called this job
        queue_fresh_messages()
        return len(messages)
