"""Choices for the task forms, read from the directory."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from wtforms import SelectChoice

from tracker.agencies.kept import active_agency_options
from tracker.auth.models import AGENCY_ROLES, User
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeState

if TYPE_CHECKING:
    from tracker.tasks.forms import AmendForm


def agency_choices() -> list[SelectChoice]:
    return [SelectChoice(str(id_), name) for id_, name in active_agency_options(db.session())]


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


def notice_choices_for_amendment() -> list[SelectChoice]:
    """ "Enter a letter", then the latest published notices, newest first."""
    notices = db.session.execute(
        select(Notice.id, Notice.kind, Notice.number, Notice.issued_on)
        .where(Notice.state == NoticeState.PUBLISHED, Notice.number.is_not(None))
        .order_by(Notice.issued_on.desc(), Notice.id.desc())
        .limit(200)
    )
    return [SelectChoice("0", "— Văn bản khác (nhập số, ngày, cơ quan ban hành) —")] + [
        SelectChoice(str(id_), f"{kind.label} số {number} ngày {issued_on:%d/%m/%Y}")
        for id_, kind, number, issued_on in notices
    ]


def fill_amend_choices(form: AmendForm) -> None:
    agencies = agency_choices()
    form.notice_id.choices = notice_choices_for_amendment()
    form.lead_agency_id.choices = agencies
    form.coordinating_ids.choices = agencies
