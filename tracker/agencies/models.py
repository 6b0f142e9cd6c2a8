"""Agencies, their aliases and the groups that notices address together."""

from __future__ import annotations

from sqlalchemy import JSON, Column, ForeignKey, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from tracker.db import Base, str_enum
from tracker.domain.labels import LabelledEnum
from tracker.domain.text import fold


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
