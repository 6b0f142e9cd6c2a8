"""The daily reminder pass and the weekly leaders' digest, as jobs."""

from __future__ import annotations

from datetime import date

from tracker.clock import today as local_today
from tracker.extensions import db
from tracker.jobs.context import job_context
from tracker.jobs.mail import send_queued_mail
from tracker.jobs.queues import MAIL_RETRY, enqueue
from tracker.reminders.policy import load_policy
from tracker.reminders.services import PassSummary, run_leader_digest, run_reminder_pass


def _queue_mail(summary: PassSummary) -> dict[str, int]:
    queued = sum(
        enqueue(send_queued_mail, mail_id, queue="mail", retry=MAIL_RETRY)
        for mail_id in summary.mail_ids
    )
    return {
        "reminders": summary.reminders,
        "recipients": summary.recipients,
        "mails": len(summary.mail_ids),
        "queued": queued,
    }


def run_reminders(on: str | None = None) -> dict[str, int]:
    """A reminder pass for `on` (YYYY-MM-DD; default today in Vietnam). Running it twice
    sends nothing twice: the reminder log keeps each reminder to one claim."""
    with job_context() as app:
        day = date.fromisoformat(on) if on else local_today()
        summary = run_reminder_pass(
            db.session(), day, load_policy(db.session()), app.config["BASE_URL"]
        )
        db.session.commit()
        return _queue_mail(summary)


def run_leader_digests(on: str | None = None) -> dict[str, int]:
    with job_context() as app:
        day = date.fromisoformat(on) if on else local_today()
        summary = run_leader_digest(db.session(), day, app.config["BASE_URL"])
        db.session.commit()
        return _queue_mail(summary)
