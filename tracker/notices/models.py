"""Notices (Thông báo kết luận, Chỉ thị, Công văn ...) as entered by the secretariat."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, WriteOnlyMapped, mapped_column, relationship, validates

from tracker.db import Base, UTCDateTime, str_enum, utcnow
from tracker.domain.labels import LabelledEnum

if TYPE_CHECKING:
    from tracker.auth.models import User
    from tracker.notices.drafts import DraftSkippedItem, DraftTask
    from tracker.tasks.models import Task


class NoticeKind(LabelledEnum):
    NOTICE = "thong_bao", "Thông báo"
    DIRECTIVE = "chi_thi", "Chỉ thị"
    LETTER = "cong_van", "Công văn"
    PLAN = "ke_hoach", "Kế hoạch"
    DECISION = "quyet_dinh", "Quyết định"


class NoticeState(LabelledEnum):
    DRAFT = "draft", "Bản nháp"
    PUBLISHED = "published", "Đã ban hành"


class Notice(Base):
    """A document whose instructions are tracked. Document numbers restart every 1 January,
    so a notice is unique by its number (which carries the issuer's code) and its year."""

    __tablename__ = "notice"
    __table_args__ = (
        UniqueConstraint("number", "issued_year"),
        # Null in either column (a notice entered on the web) takes no part in it.
        UniqueConstraint("source_system", "source_id"),
        Index("ix_notice_state_issued_on", "state", "issued_on"),
        # the office's drafts, newest first, on its home page
        Index("ix_notice_state_created_at", "state", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # None while a draft's number could not be read; required to publish.
    number: Mapped[str | None] = mapped_column(String(60))
    issued_on: Mapped[date] = mapped_column(Date)
    issued_year: Mapped[int]
    place: Mapped[str | None] = mapped_column(String(120))
    signer: Mapped[str | None] = mapped_column(String(160))
    # The body that issued it ("UBND tỉnh Đắk Nông"), when the sending system states it.
    issuer: Mapped[str | None] = mapped_column(String(255))
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[NoticeKind] = mapped_column(str_enum(NoticeKind))
    # The file the notice was read from, or None when pasted.
    source_name: Mapped[str | None] = mapped_column(String(255))
    # The document management system that sent it through the API ("VNPT iOffice") and the
    # document's id there: the same document sent twice makes one notice.
    source_system: Mapped[str | None] = mapped_column(String(80))
    source_id: Mapped[str | None] = mapped_column(String(120))
    state: Mapped[NoticeState] = mapped_column(str_enum(NoticeState), default=NoticeState.DRAFT)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Marked by the secretariat: the period reports give the notice a section of its own.
    reported_apart: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Marked by the secretariat: its results are on the public page, for anyone to read.
    public: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The leader who directs the notice's follow-up when it is not (only) its signer.
    directing_leader_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    # The whole text, 13 KB at the median and up to 50 KB: read only when asked for, so that a
    # list of fifty tasks with their notice's number does not read fifty bodies; and the last
    # column, so that SQLite reads the others without walking its overflow pages (0027).
    body: Mapped[str] = mapped_column(Text, default="", deferred=True)

    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    directing_leader: Mapped[User | None] = relationship(foreign_keys=[directing_leader_id])
    tasks: WriteOnlyMapped[Task] = relationship(
        back_populates="notice", cascade="all, delete-orphan", passive_deletes=True
    )
    draft_tasks: Mapped[list[DraftTask]] = relationship(
        back_populates="notice", cascade="all, delete-orphan", order_by="DraftTask.position"
    )
    draft_skipped: Mapped[list[DraftSkippedItem]] = relationship(
        back_populates="notice",
        cascade="all, delete-orphan",
        order_by="DraftSkippedItem.position",
    )

    @validates("issued_on")
    def _keep_year(self, _key: str, issued_on: date) -> date:
        self.issued_year = issued_on.year
        return issued_on

    @property
    def is_published(self) -> bool:
        return self.state is NoticeState.PUBLISHED

    @property
    def pending_skipped(self) -> list[DraftSkippedItem]:
        """Skipped passages the reviewer has not yet taken up or set aside."""
        return [item for item in self.draft_skipped if item.pending]

    def __repr__(self) -> str:
        return f"<Notice {self.number} {self.issued_on}>"
