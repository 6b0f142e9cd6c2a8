"""Built reports, frozen at their cut-off date: the figures are stored when the report is
built, so it reads the same next year whatever happens to the tasks afterwards."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, UTCDateTime, str_enum, utcnow
from tracker.domain.labels import LabelledEnum


class ReportState(StrEnum):
    BUILDING = "building"
    READY = "ready"
    FAILED = "failed"


class AgencyBasis(LabelledEnum):
    """Which agency a report counts a task under once agencies have merged or split."""

    RESPONSIBLE = "responsible", "Theo cơ quan đang chịu trách nhiệm"
    ASSIGNED = "assigned", "Theo cơ quan được giao ban đầu"


class Report(Base):
    __tablename__ = "report"
    __table_args__ = (Index("ix_report_period_key_scope", "period_key", "scope"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period_key: Mapped[str] = mapped_column(String(40))
    scope: Mapped[str] = mapped_column(String(60))  # "all", "notice:12", "agency:stc", "group:x"
    cut_off: Mapped[date] = mapped_column(Date)
    agency_basis: Mapped[AgencyBasis] = mapped_column(
        str_enum(AgencyBasis), default=AgencyBasis.RESPONSIBLE, server_default="responsible"
    )
    state: Mapped[ReportState] = mapped_column(str_enum(ReportState), default=ReportState.BUILDING)
    progress: Mapped[int] = mapped_column(default=0)
    job_id: Mapped[str | None] = mapped_column(String(64))
    figures: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    built_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    built_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The narrative sections ("Phương hướng, nhiệm vụ kỳ tới" ...), drafted from the figures
    # and edited by the secretariat until the report is frozen; then they never change.
    narrative: Mapped[dict[str, str] | None] = mapped_column(JSON)
    frozen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    frozen_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    @property
    def frozen(self) -> bool:
        return self.frozen_at is not None
