"""Changing the directory: agencies (with their spellings), their activity, and groups.

Every verb checks first and changes nothing when something is wrong (DirectoryError carries
the Vietnamese messages), writes its audit event, and flushes; the caller commits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.agencies.models import (
    Agency,
    AgencyAlias,
    AgencyChange,
    AgencyChangeKind,
    AgencyGroup,
    AgencyKind,
)
from tracker.agencies.queries import open_tasks_of
from tracker.audit.services import record_event
from tracker.auth.models import User
from tracker.domain.text import fold


class DirectoryError(ValueError):
    """The change would break the directory; `problems` says why, in Vietnamese."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class AgencyFields:
    """What the admin gives for an agency; `aliases` are the spellings besides its names."""

    code: str
    name: str
    short_name: str | None
    kind: AgencyKind
    aliases: tuple[str, ...] = ()
    groups: tuple[AgencyGroup, ...] = field(default=())


def agency_problems(session: Session, fields: AgencyFields, agency: Agency | None) -> list[str]:
    """Codes, names and spellings that another agency already has."""
    others = select(Agency).where(Agency.id != agency.id) if agency else select(Agency)
    problems = []
    taken = session.scalar(others.where(func.lower(Agency.code) == fields.code.lower()))
    if taken is not None:
        problems.append(f"Mã “{fields.code}” đã dùng cho {taken.name}.")
    taken = session.scalar(others.where(Agency.name == fields.name))
    if taken is not None:
        problems.append(f"Tên “{fields.name}” đã dùng cho cơ quan mã {taken.code}.")
    spellings = _unique([fields.name, fields.short_name, *fields.aliases])
    owners = session.execute(
        select(AgencyAlias.name, Agency.name)
        .join(AgencyAlias.agency)
        .where(AgencyAlias.folded.in_([fold(s) for s in spellings]))
        .where(Agency.id != (agency.id if agency else -1))
    ).all()
    problems += [f"Tên gọi “{alias}” đã dùng cho {owner}." for alias, owner in owners]
    return problems


def create_agency(session: Session, fields: AgencyFields, actor: User) -> Agency:
    problems = agency_problems(session, fields, None)
    if problems:
        raise DirectoryError(problems)
    agency = Agency(
        code=fields.code.lower(),
        name=fields.name,
        short_name=fields.short_name,
        kind=fields.kind,
        groups=list(fields.groups),
    )
    _set_spellings(agency, [fields.name, fields.short_name, *fields.aliases])
    session.add(agency)
    session.flush()
    _agency_event(session, agency, actor, "agency.created", after=_snapshot(agency))
    return agency


def update_agency(session: Session, agency: Agency, fields: AgencyFields, actor: User) -> None:
    """Change an agency. A rename keeps the old names as spellings, so that notices written
    before it still find the agency, and enters the directory's history."""
    problems = agency_problems(session, fields, agency)
    if problems:
        raise DirectoryError(problems)
    before = _snapshot(agency)
    kept = [agency.name, agency.short_name] if fields.name != agency.name else []
    if fields.name != agency.name:
        session.add(
            AgencyChange(
                kind=AgencyChangeKind.RENAME,
                agency=agency,
                old_name=agency.name,
                new_name=fields.name,
                actor_id=actor.id,
            )
        )
    agency.code, agency.name, agency.kind = fields.code.lower(), fields.name, fields.kind
    agency.short_name, agency.groups = fields.short_name, list(fields.groups)
    _set_spellings(agency, [fields.name, fields.short_name, *fields.aliases, *kept])
    session.flush()
    _agency_event(session, agency, actor, "agency.updated", before=before, after=_snapshot(agency))


def set_agency_active(session: Session, agency: Agency, active: bool, actor: User) -> None:
    """Deactivate an agency that has no open task left (merge or split it to move them), or
    bring one back into service (it then has no successor)."""
    if agency.active == active:
        return
    if not active:
        still_open = len(session.scalars(open_tasks_of(agency.id)).all())
        if still_open:
            raise DirectoryError(
                [
                    f"{agency.name} còn {still_open} nhiệm vụ chưa hoàn thành: hãy sáp nhập "
                    "hoặc chia tách để chuyển các nhiệm vụ này trước khi ngừng hoạt động."
                ]
            )
    before = _snapshot(agency)
    agency.active = active
    if active:
        agency.successor_id = None
    kind = AgencyChangeKind.REACTIVATE if active else AgencyChangeKind.DEACTIVATE
    session.add(AgencyChange(kind=kind, agency=agency, actor_id=actor.id))
    session.flush()
    action = "agency.reactivated" if active else "agency.deactivated"
    _agency_event(session, agency, actor, action, before=before, after=_snapshot(agency))


@dataclass(frozen=True)
class GroupFields:
    code: str
    name: str
    aliases: tuple[str, ...]
    members: tuple[Agency, ...]


def save_group(
    session: Session, group: AgencyGroup | None, fields: GroupFields, actor: User
) -> AgencyGroup:
    """Create a group (group None) or change one."""
    others = select(AgencyGroup).where(AgencyGroup.id != (group.id if group else -1))
    problems = []
    if session.scalar(others.where(func.lower(AgencyGroup.code) == fields.code.lower())):
        problems.append(f"Mã nhóm “{fields.code}” đã có.")
    if session.scalar(others.where(AgencyGroup.name == fields.name)):
        problems.append(f"Tên nhóm “{fields.name}” đã có.")
    if problems:
        raise DirectoryError(problems)
    before = _group_snapshot(group) if group else None
    if group is None:
        group = AgencyGroup(code=fields.code.lower(), name=fields.name)
        session.add(group)
    group.code, group.name = fields.code.lower(), fields.name
    group.aliases = _unique([a for a in fields.aliases if fold(a) != fold(fields.name)])
    group.members = list(fields.members)
    session.flush()
    record_event(
        session,
        actor_id=actor.id,
        action="agency_group.created" if before is None else "agency_group.updated",
        subject_type="agency_group",
        subject_id=group.id,
        before=before,
        after=_group_snapshot(group),
    )
    return group


def _set_spellings(agency: Agency, names: Sequence[str | None]) -> None:
    """Make the agency's aliases exactly these spellings, keeping the rows of those that stay
    (a row deleted and re-added in one flush would trip the unique folded spelling)."""
    wanted = {fold(name): name for name in _unique(names)}
    agency.aliases = [a for a in agency.aliases if a.folded in wanted]
    present = {alias.folded for alias in agency.aliases}
    agency.aliases += [AgencyAlias(name=n) for f, n in wanted.items() if f not in present]


def _unique(names: Sequence[str | None]) -> list[str]:
    """The names without blanks and without repeats up to case and diacritics."""
    seen: dict[str, str] = {}
    for name in names:
        if name and name.strip():
            seen.setdefault(fold(name), " ".join(name.split()))
    return list(seen.values())


def _snapshot(agency: Agency) -> dict[str, object]:
    return {
        "code": agency.code,
        "name": agency.name,
        "short_name": agency.short_name,
        "kind": agency.kind.value,
        "active": agency.active,
        "successor_id": agency.successor_id,
        "aliases": [alias.name for alias in agency.aliases],
        "groups": [group.code for group in agency.groups],
    }


def _group_snapshot(group: AgencyGroup) -> dict[str, object]:
    return {
        "code": group.code,
        "name": group.name,
        "aliases": list(group.aliases),
        "members": [member.code for member in group.members],
    }


def _agency_event(
    session: Session,
    agency: Agency,
    actor: User,
    action: str,
    *,
    before: dict[str, object] | None = None,
    after: dict[str, object] | None = None,
    note: str | None = None,
) -> None:
    record_event(
        session,
        actor_id=actor.id,
        action=action,
        subject_type="agency",
        subject_id=agency.id,
        before=before,
        after=after,
        note=note,
    )
