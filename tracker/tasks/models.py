"""Tasks and what agencies attach to them: progress, evidence, extension requests."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Column,
    Computed,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, UTCDateTime, str_enum, utcnow
from tracker.domain.labels import LabelledEnum
from tracker.domain.status import TaskStatus, task_status

if TYPE_CHECKING:
    from tracker.agencies.models import Agency
    from tracker.auth.models import User
    from tracker.notices.models import Notice


# Open tasks before completed ones, and within each those with a deadline first: the order
# of `completed_on IS NOT NULL, deadline IS NULL` as one integer an index can hold.
URGENCY_RANK = (
    "CASE WHEN completed_on IS NULL THEN 0 ELSE 2 END"
    " + CASE WHEN deadline IS NULL THEN 1 ELSE 0 END"
)


class TaskState(LabelledEnum):
    """Where a task is in its workflow; the deadline status is computed apart."""

    IN_PROGRESS = "in_progress", "Đang thực hiện"
    SUBMITTED = "submitted", "Chờ xác nhận"
    COMPLETED = "completed", "Đã hoàn thành"
    DECLINED = "declined", "Đơn vị đề nghị giao cơ quan khác"


class Recurrence(LabelledEnum):
    MONTHLY = "monthly", "Định kỳ hằng tháng"
    QUARTERLY = "quarterly", "Định kỳ hằng quý"
    SEMIANNUAL = "semiannual", "Định kỳ 6 tháng"
    ANNUAL = "annual", "Định kỳ hằng năm"
    DATES = "dates", "Vào các ngày cố định hằng năm"


# the few tasks a later document paused, indexed apart (`tracker.tasks.queries.status_ranges`)
PAUSED_SQL = "paused_until IS NOT NULL"


def _falling_due_in(state: TaskState) -> str:
    """The tasks in `state` that fall due (`tracker.access`), as an index's condition."""
    return f"state = '{state.value}' AND recurrence IS NULL AND cancelled_on IS NULL"


# The office's queues of hand-ins and of declines (`tracker.dashboard.queue`), oldest first.
_SUBMITTED_SQL = _falling_due_in(TaskState.SUBMITTED)
_DECLINED_SQL = _falling_due_in(TaskState.DECLINED)

task_coordinators = Table(
    "task_coordinator",
    Base.metadata,
    Column("task_id", ForeignKey("task.id", ondelete="CASCADE"), primary_key=True),
    Column("agency_id", ForeignKey("agency.id"), primary_key=True),
    # The task's urgency_rank and deadline, copied by the database's triggers (migration
    # 0023): an agency's coordinated tasks are read in the lists' order through the index.
    Column("urgency_rank", Integer),
    Column("deadline", Date),
    # The task's notice, copied by the same trigger (migration 0025; a task never changes
    # notice): an agency's notices are read from the index without the tasks.
    Column("notice_id", Integer),
    # The task's state, officer and pause, copied by the same triggers (migration 0033): an
    # agency's coordinated tasks in one state, of one officer or paused come in the lists'
    # order.
    Column("state", String(30)),
    Column("assignee_id", Integer),
    Column("paused_until", Date),
    Index("ix_task_coordinator_agency_urgency", "agency_id", "urgency_rank", "deadline", "task_id"),
    Index(
        "ix_task_coordinator_agency_notice",
        "agency_id",
        "notice_id",
        "urgency_rank",
        "deadline",
        "task_id",
    ),
    Index(
        "ix_task_coordinator_agency_state",
        "agency_id",
        "state",
        "urgency_rank",
        "deadline",
        "task_id",
    ),
    Index(
        "ix_task_coordinator_agency_assignee",
        "agency_id",
        "assignee_id",
        "urgency_rank",
        "deadline",
        "task_id",
    ),
    Index(
        "ix_task_coordinator_agency_paused",
        "agency_id",
        "urgency_rank",
        "deadline",
        "task_id",
        sqlite_where=text(PAUSED_SQL),
        postgresql_where=text(PAUSED_SQL),
    ),
)


class Task(Base):
    """One instruction of a notice, led by one agency."""

    __tablename__ = "task"
    __table_args__ = (
        Index("ix_task_state_deadline", "state", "deadline"),
        # Open and overdue lists: completed_on IS NULL and a deadline range, notice visible.
        Index("ix_task_open_deadline", "completed_on", "deadline", "notice_id"),
        # The task lists' order (`tracker.tasks.queries.by_urgency`), whole and after the
        # columns that scope a list, so that a page reads its own rows and stops there.
        Index("ix_task_urgency", "urgency_rank", "deadline", "id"),
        Index("ix_task_lead_agency_urgency", "lead_agency_id", "urgency_rank", "deadline", "id"),
        Index("ix_task_notice_urgency", "notice_id", "urgency_rank", "deadline", "id"),
        # Whether an agency leads a task of a notice (`tracker.access.visible_notices`), and
        # the tasks it leads in one notice, in the lists' order.
        Index(
            "ix_task_lead_agency_notice",
            "lead_agency_id",
            "notice_id",
            "urgency_rank",
            "deadline",
            "id",
        ),
        Index(
            "ix_task_lead_agency_state_urgency",
            "lead_agency_id",
            "state",
            "urgency_rank",
            "deadline",
            "id",
        ),
        # the tasks an agency handed to one officer ("Chỉ việc giao cho tôi")
        Index(
            "ix_task_lead_agency_assignee",
            "lead_agency_id",
            "assignee_id",
            "urgency_rank",
            "deadline",
            "id",
        ),
        Index(
            "ix_task_paused_urgency",
            "urgency_rank",
            "deadline",
            "id",
            sqlite_where=text(PAUSED_SQL),
            postgresql_where=text(PAUSED_SQL),
        ),
        # The office's queues of hand-ins and of declines, oldest first, and the lists of
        # them, in the lists' order, each read from an index of its own, which also counts
        # them for the menu (they replace `ix_task_state_urgency`, whose other states no list
        # asks for). Each leads with the state it holds: SQLite costs a search by it from its
        # statistics, where it would cost a whole scan of a partial index as one of the table.
        *(
            Index(name, "state", *columns, sqlite_where=text(where), postgresql_where=text(where))
            for name, columns, where in (
                ("ix_task_submitted_since", ("submitted_on", "id"), _SUBMITTED_SQL),
                ("ix_task_submitted_urgency", ("urgency_rank", "deadline", "id"), _SUBMITTED_SQL),
                ("ix_task_declined_since", ("updated_at", "id"), _DECLINED_SQL),
                ("ix_task_declined_urgency", ("urgency_rank", "deadline", "id"), _DECLINED_SQL),
            )
        ),
        UniqueConstraint("series_id", "period_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"))
    ref: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text)
    lead_agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    # The agency the notice named; lead_agency_id moves on when agencies merge or split.
    assigned_agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    # The group the notice addressed, as written; tasks split from one group item share it.
    group_label: Mapped[str | None] = mapped_column(String(255))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    deadline: Mapped[date | None] = mapped_column(Date)
    original_deadline: Mapped[date | None] = mapped_column(Date)
    deadline_text: Mapped[str | None] = mapped_column(String(255))
    # A recurring task is a series: it holds the rule and is never due itself; each period's
    # occurrence is a task of its own (series_id, period_key) with its deadline and workflow.
    recurrence: Mapped[Recurrence | None] = mapped_column(str_enum(Recurrence))
    recurrence_days: Mapped[str | None] = mapped_column(String(200))  # "15/06, 15/12"
    recurrence_until: Mapped[date | None] = mapped_column(Date)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), index=True
    )
    period_key: Mapped[str | None] = mapped_column(String(24))
    # Set by a later document (or a correction): a cancelled task leaves the figures from
    # that day; a paused one does not become overdue until the day after the pause.
    cancelled_on: Mapped[date | None] = mapped_column(Date)
    paused_until: Mapped[date | None] = mapped_column(Date)
    state: Mapped[TaskState] = mapped_column(str_enum(TaskState), default=TaskState.IN_PROGRESS)
    submitted_on: Mapped[date | None] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date)
    # Kept by the database: 0 open with a deadline, 1 open without, 2 completed with a
    # deadline, 3 completed without, the lists' first sort key (see URGENCY_RANK).
    urgency_rank: Mapped[int] = mapped_column(Computed(URGENCY_RANK, persisted=True))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}

    notice: Mapped[Notice] = relationship(back_populates="tasks")
    series: Mapped[Task | None] = relationship(remote_side=[id], back_populates="occurrences")
    occurrences: Mapped[list[Task]] = relationship(
        back_populates="series", order_by="Task.deadline", passive_deletes=True
    )
    lead_agency: Mapped[Agency] = relationship(foreign_keys=[lead_agency_id])
    assigned_agency: Mapped[Agency] = relationship(foreign_keys=[assigned_agency_id])
    assignee: Mapped[User | None] = relationship()
    coordinating_agencies: Mapped[list[Agency]] = relationship(
        secondary=task_coordinators, order_by="Agency.name"
    )
    progress_updates: Mapped[list[ProgressUpdate]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="ProgressUpdate.created_at"
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="Evidence.created_at"
    )
    extension_requests: Mapped[list[ExtensionRequest]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="ExtensionRequest.created_at"
    )
    explanation_requests: Mapped[list[ExplanationRequest]] = relationship(
        back_populates="task",
        cascade="all, delete-orphan",
        order_by="ExplanationRequest.created_at",
    )
    changes: Mapped[list[TaskChange]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="TaskChange.id"
    )

    @property
    def is_series(self) -> bool:
        """A recurring task's rule, whose occurrences are the tasks that fall due."""
        return self.recurrence is not None

    def status(self, today: date) -> TaskStatus:
        return task_status(self.deadline, self.completed_on, today, self.paused_until)

    def __repr__(self) -> str:
        return f"<Task {self.id} {self.ref}>"


class ProgressUpdate(Base):
    """A progress report written by the agency, in Markdown."""

    __tablename__ = "progress_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    body: Mapped[str] = mapped_column(Text)
    percent: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    task: Mapped[Task] = relationship(back_populates="progress_updates")
    author: Mapped[User] = relationship()
    agency: Mapped[Agency] = relationship()


class Evidence(Base):
    """Proof of the work: an uploaded file (stored by its SHA-256) or a cited document."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    file_name: Mapped[str | None] = mapped_column(String(255))
    sha256: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[int | None]
    content_type: Mapped[str | None] = mapped_column(String(120))
    cited_kind: Mapped[str | None] = mapped_column(String(60))
    cited_number: Mapped[str | None] = mapped_column(String(60))
    cited_date: Mapped[date | None] = mapped_column(Date)
    cited_issuer: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    task: Mapped[Task] = relationship(back_populates="evidence")
    uploaded_by: Mapped[User] = relationship()

    @property
    def is_file(self) -> bool:
        return self.sha256 is not None


class ExtensionState(LabelledEnum):
    PENDING = "pending", "Chờ quyết định"
    APPROVED = "approved", "Đã chấp thuận"
    REJECTED = "rejected", "Không chấp thuận"


PENDING_SQL = f"state = '{ExtensionState.PENDING.value}'"
AWAITS_REVIEW_SQL = "answered_at IS NOT NULL AND reviewed_at IS NULL"
# A request's copy of its task's place in the lists' order (`Task.urgency_rank`), by which
# the lists of what waits for a decision read the requests that wait in that order.
REQUEST_ORDER = ("task_urgency_rank", "task_deadline", "task_id")


class ExtensionRequest(Base):
    """An agency's request for a later deadline, and the decision on it."""

    __tablename__ = "extension_request"
    __table_args__ = (
        # the requests waiting for a decision, for the menu's count and the list of their
        # tasks, in the lists' order
        Index(
            "ix_extension_request_pending_order",
            *REQUEST_ORDER,
            sqlite_where=text(PENDING_SQL),
            postgresql_where=text(PENDING_SQL),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    # the task's urgency_rank and deadline, copied by the database's triggers (migration 0034)
    task_urgency_rank: Mapped[int | None] = mapped_column(Integer)
    task_deadline: Mapped[date | None] = mapped_column(Date)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    previous_deadline: Mapped[date | None] = mapped_column(Date)
    requested_deadline: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    # the requests waiting for a decision are found, on every page's menu, among the years
    # of decided ones, by a partial index of them alone (`tracker.tasks.queries.extension_pending`)
    state: Mapped[ExtensionState] = mapped_column(
        str_enum(ExtensionState), default=ExtensionState.PENDING
    )
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_note: Mapped[str | None] = mapped_column(Text)
    approving_document: Mapped[str | None] = mapped_column(String(120))
    objective_reason: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    task: Mapped[Task] = relationship(back_populates="extension_requests")
    requested_by: Mapped[User] = relationship(foreign_keys=[requested_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class ExplanationRequest(Base):
    """A leader asks the agency to explain an overdue task (yêu cầu giải trình)."""

    __tablename__ = "explanation_request"
    __table_args__ = (
        # the answers waiting for review, for the menu's count and the list of their tasks,
        # in the lists' order
        Index(
            "ix_explanation_request_waiting_order",
            *REQUEST_ORDER,
            sqlite_where=text(AWAITS_REVIEW_SQL),
            postgresql_where=text(AWAITS_REVIEW_SQL),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    # the task's urgency_rank and deadline, copied by the database's triggers (migration 0034)
    task_urgency_rank: Mapped[int | None] = mapped_column(Integer)
    task_deadline: Mapped[date | None] = mapped_column(Date)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    question: Mapped[str] = mapped_column(Text)
    answer_by: Mapped[date] = mapped_column(Date)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The office or a leader has read the answer: it no longer waits in their queue.
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # the board's latest explanations are read newest first from it
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    task: Mapped[Task] = relationship(back_populates="explanation_requests")
    requested_by: Mapped[User] = relationship(foreign_keys=[requested_by_id])
    answered_by: Mapped[User | None] = relationship(foreign_keys=[answered_by_id])
    reviewed_by: Mapped[User | None] = relationship(foreign_keys=[reviewed_by_id])

    @property
    def awaits_review(self) -> bool:
        return self.answer is not None and self.reviewed_at is None


class ChangeKind(LabelledEnum):
    """What a later document, or a correction, did to a published task."""

    DEADLINE = "deadline", "Điều chỉnh thời hạn"
    LEAD = "lead", "Đổi cơ quan chủ trì"
    COORDINATORS = "coordinators", "Đổi cơ quan phối hợp"
    TEXT = "text", "Sửa nội dung"
    PAUSE = "pause", "Tạm dừng thực hiện"
    CANCEL = "cancel", "Hủy, dừng thực hiện"
    REPLACE = "replace", "Thay thế bằng nhiệm vụ khác"


class Amendment(Base):
    """A later document that changes published tasks: a notice in the system, or a letter
    entered by its number, date and issuer."""

    __tablename__ = "amendment"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int | None] = mapped_column(
        ForeignKey("notice.id", ondelete="SET NULL"), index=True
    )
    number: Mapped[str] = mapped_column(String(60))
    issued_on: Mapped[date] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(String(255))
    summary: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    notice: Mapped[Notice | None] = relationship()
    changes: Mapped[list[TaskChange]] = relationship(
        back_populates="amendment", order_by="TaskChange.id"
    )

    @property
    def title(self) -> str:
        """ "Công văn số 1650/UBND-KGVX ngày 01/12/2026 của UBND tỉnh"."""
        return f"Văn bản số {self.number} ngày {self.issued_on:%d/%m/%Y} của {self.issuer}"


class TaskChange(Base):
    """One version of a task: what changed, from what to what, by which document (none for
    a correction, which states a reason)."""

    __tablename__ = "task_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    amendment_id: Mapped[int | None] = mapped_column(
        ForeignKey("amendment.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[ChangeKind] = mapped_column(str_enum(ChangeKind))
    before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reason: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    task: Mapped[Task] = relationship(back_populates="changes")
    amendment: Mapped[Amendment | None] = relationship(back_populates="changes")
    actor: Mapped[User | None] = relationship()
