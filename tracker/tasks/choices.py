"""Choices for the task forms, read from the directory."""

from __future__ import annotations

from sqlalchemy import select
from wtforms import SelectChoice

from tracker.agencies.queries import active_agencies
from tracker.auth.models import AGENCY_ROLES, User
from tracker.extensions import db


def agency_choices() -> list[SelectChoice]:
    return [SelectChoice(str(a.id), a.name) for a in db.session.scalars(active_agencies())]


def officer_choices(head: User) -> list[SelectChoice]:
    """The active officers of the head's agency, and "nobody"."""
    officers = db.session.scalars(
        select(User)
        .where(User.agency_id == head.agency_id, User.active.is_(True), User.role.in_(AGENCY_ROLES))
        .order_by(User.full_name)
    )
    return [SelectChoice("0", "— Chưa phân công —")] + [
        SelectChoice(str(u.id), u.full_name) for u in officers
    ]
