"""Directory look-ups shared by the notice parser and the forms."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from tracker.agencies.models import Agency, AgencyGroup
from tracker.domain.agency_names import NameDirectory


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


@dataclass(frozen=True)
class DirectoryIds:
    """Agency ids by the canonical names the parser gives, read in two queries."""

    agency_ids: dict[str, int]
    group_member_ids: dict[str, list[int]]

    def ids_for(self, names: list[str]) -> list[int]:
        """Ids for names of agencies or groups (a group stands for its active members)."""
        ids: list[int] = []
        for name in names:
            found = self.group_member_ids.get(name)
            if found is None:
                found = [self.agency_ids[name]] if name in self.agency_ids else []
            ids += [i for i in found if i not in ids]
        return ids


def directory_ids(session: Session) -> DirectoryIds:
    agencies = session.execute(select(Agency.name, Agency.id)).all()
    groups = session.scalars(all_groups()).all()
    return DirectoryIds(
        agency_ids={name: agency_id for name, agency_id in agencies},
        group_member_ids={g.name: [m.id for m in g.members if m.active] for g in groups},
    )
