"""Settings an administrator can change at run time, stored as JSON under a key."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from tracker.db import Base


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


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
