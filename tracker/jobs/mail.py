"""Sending queued e-mail: one job per message, retried with backoff by RQ."""

from __future__ import annotations

from sqlalchemy import select

from tracker.db import utcnow
from tracker.extensions import db
from tracker.jobs.context import job_context
from tracker.mail.message import OutgoingMail as Mail
from tracker.mail.transport import MailDeliveryError, SmtpSettings, send_mail
from tracker.notifications.models import MailState, OutgoingMail

MAX_ATTEMPTS = 5


def send_queued_mail(mail_id: int) -> str:
    """Send one queued message; safe to run twice (a sent message is not sent again). A
    failure is recorded and raised again, so that RQ retries later."""
    with job_context() as app:
        mail = db.session.get(OutgoingMail, mail_id)
        if mail is None or mail.state is MailState.SENT:
            return "nothing to send"
        mail.attempts += 1
        try:
            send_mail(
                SmtpSettings.from_config(app.config),
                Mail(
                    to=tuple(mail.recipients), subject=mail.subject, text=mail.text, html=mail.html
                ),
            )
        except MailDeliveryError as error:
            mail.last_error = str(error)
            if mail.attempts >= MAX_ATTEMPTS:
                mail.state = MailState.FAILED
            db.session.commit()
            raise
        mail.state, mail.sent_at, mail.last_error = MailState.SENT, utcnow(), None
        db.session.commit()
        return "sent"


def send_pending_mail() -> int:
    """Send what is still queued (Redis was down, or a worker died): the catch-up job."""
    with job_context():
        pending = db.session.scalars(
            select(OutgoingMail.id).where(OutgoingMail.state == MailState.QUEUED)
        ).all()
    sent = 0
    for mail_id in pending:
        try:
            send_queued_mail(mail_id)
            sent += 1
        except MailDeliveryError:
            continue
    return sent
