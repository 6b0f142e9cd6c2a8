"""Merging agencies into a successor and splitting one between several.

The agency that goes becomes inactive with its successor recorded; its open tasks move to the
successor(s) as lead and as coordinator, each with an event naming the legal basis; completed
tasks, past events and frozen reports keep the old agency. The verbs flush, never commit, and
return the ids of the tasks they moved (the caller reindexes them for search)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.agencies.models import Agency, AgencyChange, AgencyChangeKind
from tracker.agencies.queries import open_tasks_of
from tracker.audit.services import record_event, record_task_event
from tracker.auth.models import User
from tracker.domain.agency_succession import SuccessionError, creates_cycle, split_plan
from tracker.tasks.models import Task


@dataclass(frozen=True)
class Decision:
    """The document that decided the change and the day it takes effect."""

    legal_basis: str  # "Quyết định 123/QĐ-UBND ngày 01/03/2025"
    effective_on: date


def merge_agencies(
    session: Session, merged: Sequence[Agency], successor: Agency, decision: Decision, actor: User
) -> list[int]:
    """Merge each agency of `merged` into `successor`; returns the ids of the moved tasks."""
    if not merged:
        raise SuccessionError("Chọn ít nhất một cơ quan để sáp nhập.")
    if not successor.active:
        raise SuccessionError(f"{successor.name} đã ngừng hoạt động, không thể kế thừa.")
    if successor in merged:
        raise SuccessionError("Cơ quan kế thừa không thể là cơ quan bị sáp nhập.")
    for agency in merged:
        _check_open(agency)
    moved: list[int] = []
    for agency in merged:
        change = _close(session, agency, AgencyChangeKind.MERGE, [successor], decision, actor)
        tasks = session.scalars(open_tasks_of(agency.id)).all()
        for task in tasks:
            _move(session, task, agency, successor, change, actor)
        moved += [task.id for task in tasks]
    return moved


def split_agency(
    session: Session,
    agency: Agency,
    successors: Sequence[Agency],
    default: Agency,
    overrides: Mapping[int, int],
    decision: Decision,
    actor: User,
) -> list[int]:
    """Split `agency` between `successors`: each open task goes to `default` unless
    `overrides` (task id -> agency id) names another successor for it. The split agency's
    names lead to `default` in notices written afterwards."""
    _check_open(agency)
    if agency in successors:
        raise SuccessionError("Cơ quan bị chia tách không thể là cơ quan kế thừa.")
    if any(not successor.active for successor in successors):
        raise SuccessionError("Các cơ quan kế thừa phải đang hoạt động.")
    tasks = session.scalars(open_tasks_of(agency.id)).all()
    plan = split_plan(
        [task.id for task in tasks], {s.id for s in successors}, default.id, overrides
    )
    by_id = {successor.id: successor for successor in successors}
    change = _close(session, agency, AgencyChangeKind.SPLIT, successors, decision, actor)
    agency.successor = default
    for task in tasks:
        _move(session, task, agency, by_id[plan[task.id]], change, actor)
    return [task.id for task in tasks]


def _check_open(agency: Agency) -> None:
    if not agency.active:
        raise SuccessionError(f"{agency.name} đã ngừng hoạt động.")


def _close(
    session: Session,
    agency: Agency,
    kind: AgencyChangeKind,
    successors: Sequence[Agency],
    decision: Decision,
    actor: User,
) -> AgencyChange:
    """Deactivate the agency, point it at its (first) successor and record the change."""
    successor_of = {i: s for i, s in session.execute(select(Agency.id, Agency.successor_id))}
    if creates_cycle(agency.id, successors[0].id, successor_of):
        raise SuccessionError(f"{successors[0].name} đã là cơ quan tiền thân của {agency.name}.")
    agency.active, agency.successor = False, successors[0]
    change = AgencyChange(
        kind=kind,
        agency=agency,
        targets=list(successors),
        legal_basis=decision.legal_basis,
        effective_on=decision.effective_on,
        actor_id=actor.id,
    )
    session.add(change)
    session.flush()
    record_event(
        session,
        actor_id=actor.id,
        action="agency.merged" if kind is AgencyChangeKind.MERGE else "agency.split",
        subject_type="agency",
        subject_id=agency.id,
        after={
            "successors": [successor.code for successor in successors],
            "legal_basis": decision.legal_basis,
            "effective_on": decision.effective_on.isoformat(),
        },
        note=decision.legal_basis,
    )
    return change


def _move(
    session: Session,
    task: Task,
    old: Agency,
    new: Agency,
    change: AgencyChange,
    actor: User,
) -> None:
    """Hand the old agency's part in an open task to the new one, without listing an agency
    twice (as lead and coordinator, or as coordinator twice)."""
    old_lead_id = task.lead_agency_id
    old_coordinator_ids = [a.id for a in task.coordinating_agencies]
    if task.lead_agency_id == old.id:
        task.lead_agency = new
        task.assignee = None  # an officer of the old agency
    coordinators = [a for a in task.coordinating_agencies if a.id != old.id]
    if old.id in old_coordinator_ids and new not in coordinators:
        coordinators.append(new)
    task.coordinating_agencies = [a for a in coordinators if a is not task.lead_agency]
    action = "task.agency_merged" if change.kind is AgencyChangeKind.MERGE else "task.agency_split"
    record_task_event(
        session,
        task,
        actor.id,
        action,
        before={"lead_agency_id": old_lead_id, "coordinating_ids": old_coordinator_ids},
        after={
            "lead_agency_id": task.lead_agency.id,
            "coordinating_ids": [a.id for a in task.coordinating_agencies],
            "legal_basis": change.legal_basis,
        },
        note=f"{old.name} → {new.name}, theo {change.legal_basis}",
    )
