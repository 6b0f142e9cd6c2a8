"""Agencies, their aliases and the groups that notices address together."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    ForeignKey,
    Select,
    String,
    Table,
    UniqueConstraint,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from tracker.db import Base, UTCDateTime, str_enum, utcnow
from tracker.domain.labels import LabelledEnum
from tracker.domain.text import fold

if TYPE_CHECKING:
    from tracker.auth.models import User


class AgencyKind(LabelledEnum):
    DEPARTMENT = "department", "Sở, ban, ngành"
    PROVINCIAL_OFFICE = "provincial_office", "Văn phòng UBND"
    INSPECTORATE = "inspectorate", "Thanh tra"
    CENTRAL = "central", "Cơ quan Trung ương trên địa bàn"
    DISTRICT = "district", "UBND cấp huyện"
    COMMUNE = "commune", "UBND cấp xã"
    OTHER = "other", "Khác"


group_members = Table(
    "agency_group_member",
    Base.metadata,
    Column("group_id", ForeignKey("agency_group.id", ondelete="CASCADE"), primary_key=True),
    Column("agency_id", ForeignKey("agency.id", ondelete="CASCADE"), primary_key=True),
)


def group_member_ids(group_id: int) -> Select[tuple[int]]:
    """The ids of the agencies in a group, as a subquery for an IN."""
    return select(group_members.c.agency_id).where(group_members.c.group_id == group_id)


class Agency(Base):
    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(80))
    kind: Mapped[AgencyKind] = mapped_column(str_enum(AgencyKind))
    active: Mapped[bool] = mapped_column(default=True)
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))

    successor: Mapped[Agency | None] = relationship(remote_side=[id])
    aliases: Mapped[list[AgencyAlias]] = relationship(
        back_populates="agency", cascade="all, delete-orphan", order_by="AgencyAlias.name"
    )
    groups: Mapped[list[AgencyGroup]] = relationship(
        secondary=group_members, back_populates="members"
    )

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    def __repr__(self) -> str:
        return f"<Agency {self.code}>"


class AgencyAlias(Base):
    """Another way notices write an agency's name: "Sở TT&TT", "Sở TTTT"."""

    __tablename__ = "agency_alias"
    __table_args__ = (UniqueConstraint("folded"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    folded: Mapped[str] = mapped_column(String(255))

    agency: Mapped[Agency] = relationship(back_populates="aliases")

    @validates("name")
    def _fold_name(self, _key: str, name: str) -> str:
        self.folded = fold(name)
        return name


class AgencyGroup(Base):
    """Agencies a notice addresses together ("Các Sở, Ban, ngành")."""

    __tablename__ = "agency_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    # Other spellings of the group, e.g. "Thủ trưởng các Sở, Ban, ngành".
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)

    members: Mapped[list[Agency]] = relationship(
        secondary=group_members, back_populates="groups", order_by="Agency.name"
    )

    def __repr__(self) -> str:
        return f"<AgencyGroup {self.code}>"


class AgencyChangeKind(LabelledEnum):
    MERGE = "merge", "Sáp nhập"
    SPLIT = "split", "Chia tách"
    RENAME = "rename", "Đổi tên"
    DEACTIVATE = "deactivate", "Ngừng hoạt động"
    REACTIVATE = "reactivate", "Hoạt động trở lại"


change_targets = Table(
    "agency_change_target",
    Base.metadata,
    Column("change_id", ForeignKey("agency_change.id", ondelete="CASCADE"), primary_key=True),
    Column("agency_id", ForeignKey("agency.id"), primary_key=True),
)


class AgencyChange(Base):
    """One change in the directory's history: an agency merged into a successor, split between
    several, renamed, deactivated or reactivated, with the document that decided it."""

    __tablename__ = "agency_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[AgencyChangeKind] = mapped_column(str_enum(AgencyChangeKind))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    legal_basis: Mapped[str | None] = mapped_column(String(255))
    effective_on: Mapped[date | None] = mapped_column(Date)
    # A rename keeps both names; the agency row itself only knows the new one.
    old_name: Mapped[str | None] = mapped_column(String(255))
    new_name: Mapped[str | None] = mapped_column(String(255))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    agency: Mapped[Agency] = relationship(foreign_keys=[agency_id])
    targets: Mapped[list[Agency]] = relationship(secondary=change_targets, order_by="Agency.name")
    actor: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<AgencyChange {self.kind.value} {self.agency_id}>"


class DirectoryStamp(Base):
    """One row whose stamp the database itself draws anew, at random, with every change to
    the agencies, their aliases, the groups or their members (triggers of migration 0031):
    a process keeps the directory's rows it shows on every page while the stamp stays
    (`tracker.agencies.kept`). Random, not counted up: two databases (a test's, restored)
    at the same stamp hold the same directory."""

    __tablename__ = "directory_stamp"

    id: Mapped[int] = mapped_column(primary_key=True)
    stamp: Mapped[int] = mapped_column(BigInteger)
