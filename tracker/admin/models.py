"""Settings an administrator can change at run time, stored as JSON under a key."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ScalarSelect, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from tracker.db import Base


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


def setting_value(key: str) -> ScalarSelect[Any]:
    """The stored value (NULL when never written), to be read with other values at once."""
    return select(Setting.value).where(Setting.key == key).scalar_subquery()


def read_setting(session: Session, key: str) -> Any:
    """The stored value, or None when the setting was never written."""
    setting = session.get(Setting, key)
    return None if setting is None else setting.value


def write_setting(session: Session, key: str, value: Any) -> None:
    setting = session.get(Setting, key)
    if setting is None:
        session.add(Setting(key=key, value=value))
    else:
        setting.value = value


class Holiday(Base):
    """A public holiday (or a compensatory day off): not a working day for deadlines counted
    in working days."""

    __tablename__ = "holiday"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))


def holiday_dates(session: Session) -> set[date]:
    """Every day off in the calendar, for deadlines counted in working days."""
    return set(session.scalars(select(Holiday.day)))
