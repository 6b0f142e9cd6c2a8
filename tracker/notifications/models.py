"""Notifications shown in the app, and the log of reminders already sent."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, UTCDateTime, utcnow


class Notification(Base):
    __tablename__ = "notification"
    __table_args__ = (Index("ix_notification_user_id_read_at", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When it went out of the app by the user's channels, alone or in the day's digest (or
    # when it was decided it never would); reminders send themselves.
    sent_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReminderLog(Base):
    """One row per reminder claimed: the unique key (subject, kind, period) makes a second
    claim of the same reminder fail, however many runs or workers try. The subject is
    "task:<id>" for a task's reminders, "user:<id>" for a person's digest."""

    __tablename__ = "reminder_log"
    __table_args__ = (UniqueConstraint("subject", "kind", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(40))
    period: Mapped[str] = mapped_column(String(40))
    # the run that claimed it: after a bulk insert that skips existing keys, the rows with
    # this run's id are exactly the reminders this run must send
    run_id: Mapped[str] = mapped_column(String(32), index=True)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
