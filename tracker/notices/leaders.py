"""The leaders the notices belong to, for the meeting brief and the notice page."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.auth.models import Role, User
from tracker.domain.notice_leaders import signed_by
from tracker.notices.models import Notice, NoticeState


def active_leaders(session: Session) -> Sequence[User]:
    return session.scalars(
        select(User).where(User.role == Role.LEADER, User.active.is_(True)).order_by(User.id)
    ).all()


def leader_of(notice: Notice, leaders: Sequence[User]) -> User | None:
    """The leader named to direct the notice, or else the leader who signed it."""
    if notice.directing_leader is not None:
        return notice.directing_leader
    return next((leader for leader in leaders if signed_by(notice.signer, leader.full_name)), None)


def notice_ids_of(session: Session, leader: User) -> list[int]:
    """The published notices the leader directs or signed (and nobody else was named for)."""
    rows = session.execute(
        select(Notice.id, Notice.signer, Notice.directing_leader_id).where(
            Notice.state == NoticeState.PUBLISHED
        )
    )
    return [
        notice_id
        for notice_id, signer, directing in rows
        if directing == leader.id or (directing is None and signed_by(signer, leader.full_name))
    ]
