"""Notifications by e-mail, as jobs: those who want them at once, and the daily digest."""

from __future__ import annotations

from tracker.auth.models import MailPreference
from tracker.extensions import db
from tracker.jobs.context import job_context
from tracker.jobs.mail import send_queued_mail
from tracker.jobs.queues import MAIL_RETRY, enqueue
from tracker.notifications.mailing import mail_notifications


def mail_new_notifications() -> int:
    """Mail each new notification to the users who want them at once; returns the number
    of messages queued (those Redis could not take are sent by the catch-up job)."""
    return _mail(MailPreference.IMMEDIATE)


def mail_daily_notifications() -> int:
    """The day's notifications in one message to each user who chose the daily digest."""
    return _mail(MailPreference.DAILY)


def _mail(preference: MailPreference) -> int:
    with job_context() as app:
        mail_ids = mail_notifications(db.session(), preference, app.config["BASE_URL"])
        db.session.commit()
    for mail_id in mail_ids:
        enqueue(send_queued_mail, mail_id, queue="mail", retry=MAIL_RETRY)
    return len(mail_ids)
