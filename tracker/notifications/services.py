"""In-app notifications."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.auth.models import AGENCY_ROLES, User
from tracker.notifications.models import Notification


def notify_agencies(
    session: Session, agency_messages: Iterable[tuple[int, str]], kind: str, link: str
) -> int:
    """One notification per active user of each agency; returns how many were written."""
    messages = dict(agency_messages)
    users = session.scalars(
        select(User).where(
            User.agency_id.in_(messages), User.active.is_(True), User.role.in_(AGENCY_ROLES)
        )
    )
    written = 0
    for user in users:
        assert user.agency_id is not None  # noqa: S101 - filtered above
        session.add(
            Notification(user_id=user.id, kind=kind, message=messages[user.agency_id], link=link)
        )
        written += 1
    return written


def notify_users(
    session: Session, users: Iterable[User], message: str, kind: str, link: str
) -> int:
    """One notification to each of the given users."""
    written = 0
    for user in users:
        session.add(Notification(user_id=user.id, kind=kind, message=message, link=link))
        written += 1
    return written
