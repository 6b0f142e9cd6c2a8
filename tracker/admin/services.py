"""The holiday calendar: days off that deadlines counted in working days skip."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from tracker.admin.models import Holiday
from tracker.audit.services import record_event
from tracker.auth.models import User
from tracker.domain.deadlines import fixed_public_holidays

FIXED_HOLIDAY_NAMES = {
    (1, 1): "Tết Dương lịch",
    (4, 30): "Ngày Chiến thắng",
    (5, 1): "Ngày Quốc tế Lao động",
    (9, 1): "Quốc khánh (ngày liền kề)",
    (9, 2): "Quốc khánh",
}


def add_holiday(session: Session, day: date, name: str, actor: User) -> bool:
    """Add a day off; False when the day is in the calendar already."""
    if session.get(Holiday, day) is not None:
        return False
    session.add(Holiday(day=day, name=name.strip()))
    session.flush()
    record_event(
        session,
        actor_id=actor.id,
        action="holiday.added",
        subject_type="holiday",
        subject_id=day.toordinal(),
        after={"day": day.isoformat(), "name": name.strip()},
    )
    return True


def remove_holiday(session: Session, day: date, actor: User) -> bool:
    holiday = session.get(Holiday, day)
    if holiday is None:
        return False
    record_event(
        session,
        actor_id=actor.id,
        action="holiday.removed",
        subject_type="holiday",
        subject_id=day.toordinal(),
        before={"day": day.isoformat(), "name": holiday.name},
    )
    session.delete(holiday)
    session.flush()
    return True


def add_fixed_holidays(session: Session, year: int, actor: User) -> int:
    """Add the fixed-date public holidays of a year; returns how many were new."""
    return sum(
        add_holiday(session, day, FIXED_HOLIDAY_NAMES.get((day.month, day.day), "Ngày lễ"), actor)
        for day in sorted(fixed_public_holidays(year))
    )
