"""Events of the audit log. Rows are only ever inserted: the mapper refuses updates and deletes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, event, text
from sqlalchemy.orm import Mapped, Mapper, mapped_column, relationship

from tracker.db import Base, UTCDateTime, utcnow

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from tracker.auth.models import User


NOTICE_PUBLISHED = "notice.published"  # the event that assigns a notice's tasks
PUBLISHED_SQL = f"action = '{NOTICE_PUBLISHED}'"


class Event(Base):
    __tablename__ = "event"
    __table_args__ = (
        Index("ix_event_task_id_occurred_at", "task_id", "occurred_at"),
        # A task's timeline starts with its notice's publication: found by this small index
        # of the publications alone (`tracker.tasks.queries.task_timeline`).
        Index(
            "ix_event_publication",
            "notice_id",
            sqlite_where=text(PUBLISHED_SQL),
            postgresql_where=text(PUBLISHED_SQL),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    action: Mapped[str] = mapped_column(String(60))
    subject_type: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[int]
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("notice.id", ondelete="SET NULL"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id", ondelete="SET NULL"))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)

    actor: Mapped[User | None] = relationship()


class AuditLogAppendOnlyError(RuntimeError):
    """Raised when code tries to change or delete an event."""


@event.listens_for(Event, "before_update")
@event.listens_for(Event, "before_delete")
def _refuse_changes(_mapper: Mapper[Event], _connection: Connection, target: Event) -> None:
    raise AuditLogAppendOnlyError(f"event {target.id} cannot be changed or deleted")
