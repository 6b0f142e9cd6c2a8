"""Directory look-ups shared by the notice parser and the forms."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from tracker.agencies.models import Agency, AgencyAlias, AgencyGroup
from tracker.domain.agency_names import NameDirectory
from tracker.domain.text import fold


def active_agencies() -> Select[Agency]:
    return select(Agency).where(Agency.active.is_(True)).order_by(Agency.name)


def all_groups() -> Select[AgencyGroup]:
    return select(AgencyGroup).options(selectinload(AgencyGroup.members)).order_by(AgencyGroup.name)


def name_directory(session: Session) -> NameDirectory:
    """The active agencies and the groups, with all their spellings, for the parser."""
    agencies = session.scalars(active_agencies().options(selectinload(Agency.aliases))).all()
    groups = session.scalars(all_groups()).all()
    return NameDirectory(
        agency_aliases={
            agency.name: [agency.short_name or agency.name, *(a.name for a in agency.aliases)]
            for agency in agencies
        },
        group_aliases={group.name: list(group.aliases) for group in groups},
        group_members={
            group.name: [member.name for member in group.members if member.active]
            for group in groups
        },
    )


def agency_by_name(session: Session, name: str) -> Agency | None:
    """The agency with this name, short name or alias, ignoring case and diacritics."""
    folded = fold(name)
    alias = session.scalar(select(AgencyAlias).where(AgencyAlias.folded == folded))
    if alias is not None:
        return alias.agency
    return session.scalar(select(Agency).where(Agency.name == name))


def group_by_name(session: Session, name: str) -> AgencyGroup | None:
    return session.scalar(all_groups().where(AgencyGroup.name == name))
