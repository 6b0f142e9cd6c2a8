"""The directory in and out of a CSV file (format: tracker/domain/agency_csv.py).

An import creates or updates agencies by code, through the same verbs as the forms. It is all
or nothing: every row is checked first and nothing is saved when any row is wrong. It never
moves tasks: a successor can be given for a new agency (to load an old directory), but an
existing agency's successor changes only by a merge or split with its legal basis."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tracker.agencies.models import Agency, AgencyGroup, AgencyKind
from tracker.agencies.queries import open_tasks_of
from tracker.agencies.services import (
    AgencyFields,
    DirectoryError,
    agency_problems,
    create_agency,
    set_agency_active,
    update_agency,
)
from tracker.auth.models import User
from tracker.domain.agency_csv import AgencyRecord, read_agency_csv, write_agency_csv
from tracker.domain.text import fold

KIND_LABELS = {kind.value: kind.label for kind in AgencyKind}


def export_csv(session: Session) -> bytes:
    """Every agency, active or not, ordered by name."""
    agencies = session.scalars(
        select(Agency)
        .options(
            selectinload(Agency.aliases),
            selectinload(Agency.groups),
            selectinload(Agency.successor),
        )
        .order_by(Agency.name)
    ).all()
    return write_agency_csv((_record(agency) for agency in agencies), KIND_LABELS)


def _record(agency: Agency) -> AgencyRecord:
    names = {fold(agency.name), fold(agency.short_name or "")}
    return AgencyRecord(
        code=agency.code,
        name=agency.name,
        short_name=agency.short_name,
        kind=agency.kind.value,
        active=agency.active,
        groups=tuple(group.code for group in agency.groups),
        aliases=tuple(alias.name for alias in agency.aliases if alias.folded not in names),
        successor_code=agency.successor.code if agency.successor else None,
    )


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int


def import_csv(session: Session, data: bytes, actor: User) -> ImportSummary:
    """Create or update the agencies of the file; DirectoryError with line-numbered messages
    when anything is wrong, before anything is changed."""
    records, errors = read_agency_csv(data, KIND_LABELS)
    if errors:
        raise DirectoryError(errors)
    existing = {a.code: a for a in session.scalars(select(Agency))}
    groups = {g.code: g for g in session.scalars(select(AgencyGroup))}
    codes_in_file = {record.code for _, record in records}
    for line, record in records:
        agency = existing.get(record.code)
        problems = agency_problems(session, _fields(record, groups), agency)
        problems += _link_problems(record, agency, groups, set(existing) | codes_in_file)
        if agency is not None and agency.active and not record.active:
            problems += _open_task_problems(session, agency)
        errors += [f"Dòng {line}: {problem}" for problem in problems]
    if errors:
        raise DirectoryError(errors)
    created = updated = 0
    for _, record in records:
        agency = existing.get(record.code)
        if agency is None:
            agency = create_agency(session, _fields(record, groups), actor)
            existing[agency.code] = agency
            created += 1
        else:
            update_agency(session, agency, _fields(record, groups), actor)
            updated += 1
    for _, record in records:
        agency = existing[record.code]
        if record.successor_code and agency.successor is None:
            agency.successor, agency.active = existing[record.successor_code], False
        set_agency_active(session, agency, record.active, actor)
    return ImportSummary(created, updated)


def _open_task_problems(session: Session, agency: Agency) -> list[str]:
    still_open = len(session.scalars(open_tasks_of(agency.id)).all())
    if not still_open:
        return []
    return [f"{agency.name} còn {still_open} nhiệm vụ chưa hoàn thành, chưa thể ngừng hoạt động."]


def _fields(record: AgencyRecord, groups: dict[str, AgencyGroup]) -> AgencyFields:
    return AgencyFields(
        code=record.code,
        name=record.name,
        short_name=record.short_name,
        kind=AgencyKind(record.kind),
        aliases=record.aliases,
        groups=tuple(groups[code] for code in record.groups if code in groups),
    )


def _link_problems(
    record: AgencyRecord, agency: Agency | None, groups: dict[str, AgencyGroup], codes: set[str]
) -> list[str]:
    problems = [f"không có nhóm mã “{code}”." for code in record.groups if code not in groups]
    successor = record.successor_code
    if successor is None:
        return problems
    if successor == record.code or successor not in codes:
        problems.append(f"không có cơ quan kế thừa mã “{successor}”.")
    elif agency is not None and (agency.successor is None or agency.successor.code != successor):
        problems.append(
            "muốn đổi cơ quan kế thừa của cơ quan đã có, hãy dùng chức năng sáp nhập "
            "hoặc chia tách (có căn cứ pháp lý)."
        )
    if record.active:
        problems.append("cơ quan đã có cơ quan kế thừa thì không thể đang hoạt động.")
    return problems
