"""Loading an agency directory (agencies, aliases, groups) from its JSON description."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from tracker.agencies.models import Agency, AgencyAlias, AgencyGroup, AgencyKind
from tracker.domain.text import fold


def load_directory(session: Session, description: dict[str, Any]) -> dict[str, Agency]:
    """Create the agencies (with every spelling as an alias) and the groups; returns the
    agencies by code."""
    agencies: dict[str, Agency] = {}
    for entry in description["agencies"]:
        agency = Agency(
            code=entry["code"],
            name=entry["name"],
            short_name=entry.get("short_name"),
            kind=AgencyKind(entry["kind"]),
        )
        for alias in _unique_folded([entry["name"], entry.get("short_name"), *entry["aliases"]]):
            agency.aliases.append(AgencyAlias(name=alias))
        session.add(agency)
        agencies[agency.code] = agency
    for entry in description["groups"]:
        kinds = {AgencyKind(kind) for kind in entry.get("member_kinds", [])}
        codes = set(entry.get("members", []))
        members = [a for a in agencies.values() if a.kind in kinds or a.code in codes]
        session.add(
            AgencyGroup(
                code=entry["code"], name=entry["name"], aliases=entry["aliases"], members=members
            )
        )
    session.flush()
    return agencies


def _unique_folded(names: list[str | None]) -> list[str]:
    seen: set[str] = set()
    unique: list[str] = []
    for name in names:
        if name and fold(name) not in seen:
            seen.add(fold(name))
            unique.append(name)
    return unique
