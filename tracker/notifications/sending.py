"""Notifications out of the app, by the channels each user chose and at her rhythm: a
message for each at once, or one a day with all of them. A notification goes out once:
`sent_out_at` marks it, also when the user chose no channel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import render_template
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.auth.models import NotifyRhythm, User
from tracker.notifications.models import Notification
from tracker.outbox.compose import Content, queue_to_user
from tracker.outbox.models import OutboxMessage
from tracker.outbox.settings import ChannelSettings


@dataclass(frozen=True)
class NotifiedLine:
    message: str
    url: str


def send_out_notifications(
    session: Session, rhythm: NotifyRhythm, settings: ChannelSettings, now: datetime
) -> list[OutboxMessage]:
    """Queue every notification not yet sent out, of the active users with this rhythm;
    returns the outbox rows written."""
    rows = session.execute(
        select(Notification, User)
        .join(User, Notification.user_id == User.id)
        .where(
            Notification.sent_out_at.is_(None),
            User.notify_rhythm == rhythm,
            User.active.is_(True),
        )
        .order_by(Notification.user_id, Notification.created_at, Notification.id)
    ).all()
    by_user: dict[int, tuple[User, list[Notification]]] = {}
    for notification, user in rows:
        by_user.setdefault(user.id, (user, []))[1].append(notification)
    queued: list[OutboxMessage] = []
    for user, notifications in by_user.values():
        lines = [
            NotifiedLine(n.message, f"{settings.base_url}{n.link or '/tin-moi/'}")
            for n in notifications
        ]
        batches = [[line] for line in lines] if rhythm is NotifyRhythm.IMMEDIATE else [lines]
        for batch in batches:
            queued += queue_to_user(session, user, _content(user, batch, settings), settings, now)
        for notification in notifications:
            notification.sent_out_at = now
    return queued


def _content(user: User, lines: list[NotifiedLine], settings: ChannelSettings) -> Content:
    if len(lines) == 1:
        subject = line = lines[0].message
        link = lines[0].url
    else:
        subject = f"{len(lines)} thông báo mới trong ngày về nhiệm vụ được giao"
        line = f"Bạn có {len(lines)} thông báo mới về nhiệm vụ được giao."
        link = f"{settings.base_url}/tin-moi/"
    values = {"user": user, "lines": lines}
    return Content(
        kind="notification",
        subject=subject,
        text=render_template("emails/notifications.txt", **values),
        html=render_template("emails/notifications.html", **values),
        line=line,
        link=link,
    )
