"""Loading an agency directory (agencies, aliases, groups) from its JSON description."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from tracker.agencies.models import Agency, AgencyAlias, AgencyGroup, AgencyKind
from tracker.domain.directory import find_known_names
from tracker.domain.text import fold


@dataclass
class Directory:
    """The loaded directory, with the look-ups a loader needs."""

    agencies: dict[str, Agency] = field(default_factory=dict)
    agency_by_folded_name: dict[str, Agency] = field(default_factory=dict)
    group_by_name: dict[str, AgencyGroup] = field(default_factory=dict)
    group_name_by_alias: dict[str, str] = field(default_factory=dict)

    def agency(self, name: str) -> Agency | None:
        return self.agency_by_folded_name.get(fold(name))

    def group_members(self, name: str) -> list[Agency]:
        """Members of every group named in `name` (which may join several with ";")."""
        members: list[Agency] = []
        for group_name in find_known_names(name, self.group_name_by_alias):
            members += [m for m in self.group_by_name[group_name].members if m not in members]
        return members


def load_directory(session: Session, description: dict[str, Any]) -> Directory:
    directory = Directory()
    for entry in description["agencies"]:
        agency = Agency(
            code=entry["code"],
            name=entry["name"],
            short_name=entry.get("short_name"),
            kind=AgencyKind(entry["kind"]),
        )
        for alias in _unique_folded([entry["name"], entry.get("short_name"), *entry["aliases"]]):
            agency.aliases.append(AgencyAlias(name=alias))
            directory.agency_by_folded_name[fold(alias)] = agency
        session.add(agency)
        directory.agencies[agency.code] = agency
    for entry in description["groups"]:
        kinds = {AgencyKind(kind) for kind in entry.get("member_kinds", [])}
        codes = set(entry.get("members", []))
        members = [a for a in directory.agencies.values() if a.kind in kinds or a.code in codes]
        group = AgencyGroup(
            code=entry["code"], name=entry["name"], aliases=entry["aliases"], members=members
        )
        session.add(group)
        directory.group_by_name[group.name] = group
        for alias in [group.name, *group.aliases]:
            directory.group_name_by_alias[alias] = group.name
    session.flush()
    return directory


def _unique_folded(names: list[str | None]) -> list[str]:
    seen: set[str] = set()
    unique: list[str] = []
    for name in names:
        if name and fold(name) not in seen:
            seen.add(fold(name))
            unique.append(name)
    return unique
