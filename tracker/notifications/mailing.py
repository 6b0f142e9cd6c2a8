"""Notifications by e-mail, as each user chose: a message for each at once, or one message a
day with all of them. A notification goes out once: `emailed_at` marks it."""

from __future__ import annotations

from dataclasses import dataclass

from flask import render_template
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.auth.models import MailPreference, User
from tracker.db import utcnow
from tracker.domain.text import shorten
from tracker.notifications.models import Notification, OutgoingMail

SUBJECT_CHARS = 150


@dataclass(frozen=True)
class MailedLine:
    message: str
    url: str


def mail_notifications(session: Session, preference: MailPreference, base_url: str) -> list[int]:
    """Queue the e-mail of every notification not yet mailed to the users with the given
    preference (IMMEDIATE: a message each; DAILY: one per user); returns the queued mails."""
    rows = session.execute(
        select(Notification, User)
        .join(User, Notification.user_id == User.id)
        .where(
            Notification.emailed_at.is_(None),
            User.mail_preference == preference,
            User.active.is_(True),
            User.email.is_not(None),
        )
        .order_by(Notification.user_id, Notification.created_at, Notification.id)
    ).all()
    by_user: dict[int, tuple[User, list[Notification]]] = {}
    for notification, user in rows:
        by_user.setdefault(user.id, (user, []))[1].append(notification)
    mail_ids = []
    for user, notifications in by_user.values():
        lines = [MailedLine(n.message, f"{base_url}{n.link or '/tin-moi/'}") for n in notifications]
        batches = [[line] for line in lines] if preference is MailPreference.IMMEDIATE else [lines]
        for batch in batches:
            mail_ids.append(_queue(session, user, batch))
        for notification in notifications:
            notification.emailed_at = utcnow()
    return mail_ids


def _queue(session: Session, user: User, lines: list[MailedLine]) -> int:
    assert user.email is not None  # noqa: S101 - selected with an address
    if len(lines) == 1:
        subject = lines[0].message
    else:
        subject = f"{len(lines)} thông báo mới trong ngày về nhiệm vụ được giao"
    subject = shorten(subject, SUBJECT_CHARS)
    values = {"user": user, "lines": lines}
    mail = OutgoingMail(
        kind="notification",
        recipients=[user.email],
        subject=subject,
        text=render_template("emails/notifications.txt", **values),
        html=render_template("emails/notifications.html", **values),
    )
    session.add(mail)
    session.flush()
    return mail.id
