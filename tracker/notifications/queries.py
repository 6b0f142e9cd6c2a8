"""Notification look-ups: a user only ever sees her own."""

from __future__ import annotations

from sqlalchemy import ScalarSelect, Select, SQLColumnExpression, func, select

from tracker.notifications.models import Notification


def notifications_of(user_id: int) -> Select[Notification]:
    return (
        select(Notification)
        .where(Notification.user_id == user_id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )


def unread_count(user_id: int | SQLColumnExpression[int]) -> ScalarSelect[int]:
    """How many of the user's messages are unread, to be read with other values at once
    (`user_id` may be a parameter, given when the statement runs)."""
    return (
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .scalar_subquery()
    )
