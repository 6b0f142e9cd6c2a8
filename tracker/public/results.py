"""The results of a public notice: each task's agency, deadline and status, and completion by
agency. Only these: never an officer, a progress report or a piece of evidence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, selectinload

from tracker.access import public_tasks
from tracker.domain.report_figures import (
    AgencyRow,
    StatusCounts,
    TaskFacts,
    count_statuses,
    figures_by_agency,
)
from tracker.domain.status import TaskStatus
from tracker.tasks.models import Task


@dataclass(frozen=True)
class PublicTask:
    ref: str
    text: str
    agency: str
    deadline: date | None
    status: TaskStatus


@dataclass(frozen=True)
class PublicResults:
    tasks: list[PublicTask]
    totals: StatusCounts
    agencies: list[AgencyRow]


def public_results(session: Session, notice_id: int, today: date) -> PublicResults:
    tasks = session.scalars(
        public_tasks(notice_id).options(selectinload(Task.lead_agency)).order_by(Task.id)
    ).all()
    facts = [
        TaskFacts(
            agency=task.lead_agency.name,
            deadline=task.deadline,
            completed_on=task.completed_on,
            paused_until=task.paused_until,
            task_id=task.id,
        )
        for task in tasks
    ]
    shown = [
        PublicTask(task.ref, task.text, task.lead_agency.name, task.deadline, task.status(today))
        for task in tasks
    ]
    return PublicResults(shown, count_statuses(facts, today), figures_by_agency(facts, today))
