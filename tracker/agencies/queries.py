"""Directory look-ups shared by the notice parser and the forms."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.orm import Session, selectinload

from tracker.agencies.models import Agency, AgencyAlias, AgencyChange, AgencyGroup, change_targets
from tracker.domain.agency_catalogue import national_catalogue
from tracker.domain.agency_names import NameDirectory
from tracker.domain.agency_succession import current_holder
from tracker.domain.text import fold
from tracker.tasks.models import Task, TaskState, task_coordinators


def active_agencies() -> Select[Agency]:
    return select(Agency).where(Agency.active.is_(True)).order_by(Agency.name)


def all_groups() -> Select[AgencyGroup]:
    return select(AgencyGroup).options(selectinload(AgencyGroup.members)).order_by(AgencyGroup.name)


def name_directory(session: Session) -> NameDirectory:
    """The active agencies and the groups, with all their spellings, for the parser, over the
    national catalogue of bodies (ministries, departments, state groups ...) for the names the
    province's directory does not hold. The names of merged agencies are spellings of the
    agency that holds their work today."""
    agencies = session.scalars(select(Agency).options(selectinload(Agency.aliases))).all()
    groups = session.scalars(all_groups()).all()
    by_id = {agency.id: agency for agency in agencies}
    successor_of = {agency.id: agency.successor_id for agency in agencies}
    active = {agency.id for agency in agencies if agency.active}
    agency_aliases: dict[str, list[str]] = {
        by_id[i].name: [by_id[i].short_name or by_id[i].name] for i in sorted(active)
    }
    for agency in agencies:
        holder = current_holder(agency.id, successor_of, active)
        if holder is None:
            continue
        spellings = agency_aliases[by_id[holder].name]
        if holder != agency.id:
            spellings += [agency.name, *filter(None, [agency.short_name])]
        spellings += [alias.name for alias in agency.aliases]
    province = NameDirectory(
        agency_aliases=agency_aliases,
        group_aliases={group.name: list(group.aliases) for group in groups},
        group_members={
            group.name: [member.name for member in group.members if member.active]
            for group in groups
        },
    )
    return province.with_catalogue(national_catalogue())


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


def open_tasks_of(agency_id: int) -> Select[Task]:
    """The tasks not yet completed that the agency leads or coordinates."""
    coordinates = exists().where(
        task_coordinators.c.task_id == Task.id, task_coordinators.c.agency_id == agency_id
    )
    return (
        select(Task)
        .where(Task.state != TaskState.COMPLETED)
        .where(or_(Task.lead_agency_id == agency_id, coordinates))
        .order_by(Task.notice_id, Task.id)
    )


def agency_history(agency_id: int) -> Select[AgencyChange]:
    """The changes of the directory that concern the agency, as the one changed or as a
    successor, newest first."""
    as_target = exists().where(
        change_targets.c.change_id == AgencyChange.id, change_targets.c.agency_id == agency_id
    )
    return (
        select(AgencyChange)
        .where(or_(AgencyChange.agency_id == agency_id, as_target))
        .options(selectinload(AgencyChange.targets), selectinload(AgencyChange.agency))
        .order_by(AgencyChange.created_at.desc(), AgencyChange.id.desc())
    )


def agency_list(kind: str | None, active: bool | None, search: str) -> Select[Agency]:
    """Agencies by name, narrowed by kind, activity and a name, code or alias (any case,
    with or without diacritics)."""
    query = select(Agency).options(selectinload(Agency.successor)).order_by(Agency.name)
    if kind:
        query = query.where(Agency.kind == kind)
    if active is not None:
        query = query.where(Agency.active.is_(active))
    if search.strip():
        spelled = exists().where(
            AgencyAlias.agency_id == Agency.id,
            AgencyAlias.folded.contains(fold(search), autoescape=True),
        )
        query = query.where(or_(spelled, Agency.code == search.strip().lower()))
    return query
