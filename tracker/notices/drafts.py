"""The proposed split of a notice under review: one row per item, edited by the secretariat
and turned into tasks when the notice is published; and the passages that read like an
instruction but gave no task, for the secretariat to take up or set aside."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, str_enum
from tracker.domain.labels import LabelledEnum
from tracker.domain.skipped_items import SkipReason
from tracker.tasks.models import Recurrence

if TYPE_CHECKING:
    from tracker.agencies.models import Agency
    from tracker.notices.models import Notice


class DraftTask(Base):
    """One item of a proposed split. The assignee is an agency (`agency_id`), a group of
    agencies (`member_ids`, shown as `assignee_label`), or a name the directory does not
    know yet (`unknown_name`), which the reviewer maps to an agency."""

    __tablename__ = "draft_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    ref: Mapped[str] = mapped_column(String(40), default="")
    assignee_label: Mapped[str] = mapped_column(String(255), default="")
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))
    member_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    unknown_name: Mapped[str | None] = mapped_column(String(255))
    coordinating_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    text: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date | None] = mapped_column(Date)
    deadline_text: Mapped[str | None] = mapped_column(String(255))
    recurrence: Mapped[Recurrence | None] = mapped_column(str_enum(Recurrence))
    recurrence_days: Mapped[str | None] = mapped_column(String(200))
    recurrence_until: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[list[str]] = mapped_column(JSON, default=list)
    edited: Mapped[bool] = mapped_column(default=False)

    notice: Mapped[Notice] = relationship(back_populates="draft_tasks")
    agency: Mapped[Agency | None] = relationship()

    @property
    def is_group(self) -> bool:
        return self.agency_id is None and bool(self.member_ids)

    @property
    def unsure(self) -> bool:
        return bool(self.notes) or self.unknown_name is not None


class SkipDecision(LabelledEnum):
    """What the reviewer made of a skipped passage; none yet while it waits for her."""

    TASK = "task", "Đã tạo nhiệm vụ"
    NOT_TASK = "not_task", "Không phải nhiệm vụ"


class DraftSkippedItem(Base):
    """A passage of the notice with an instruction cue that the parser turned into no task,
    with the parser's reason. The reviewer makes it a task (`draft_task_id` is the item made
    from it) or says it is none; parsing again keeps those decisions."""

    __tablename__ = "draft_skipped_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    ref: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text)
    reason: Mapped[SkipReason] = mapped_column(str_enum(SkipReason))
    decision: Mapped[SkipDecision | None] = mapped_column(str_enum(SkipDecision))
    draft_task_id: Mapped[int | None] = mapped_column(
        ForeignKey("draft_task.id", ondelete="SET NULL")
    )

    notice: Mapped[Notice] = relationship(back_populates="draft_skipped")

    @property
    def pending(self) -> bool:
        """Waiting for the reviewer: not decided yet, or made a task that she removed since
        (the database clears `draft_task_id`), so that the passage is not lost."""
        return self.decision is None or (
            self.decision is SkipDecision.TASK and self.draft_task_id is None
        )
