"""The latest explanations asked of agencies about overdue tasks, as the leaders' board lists
them: read as columns with their task in one statement, the lead agency named from the
directory each process keeps, so that the uncached board pays one short statement for
them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from tracker.agencies.kept import agency_short_names
from tracker.db import read_columns
from tracker.tasks.models import ExplanationRequest, Task


@dataclass(frozen=True, slots=True)
class ExplanationLine:
    """One explanation asked: of which task, of which lead agency, answered or by when."""

    task_id: int
    task_text: str
    answer: str | None
    answer_by: date
    agency_name: str  # the lead agency's short name, else its name


_SHOWN_TASK = aliased(Task, name="shown_task")


def latest_explanations(visible: Select[Task], shown: int) -> Select[*tuple[Any, ...]]:
    """The `shown` latest explanations asked about the `visible` tasks, newest first: read in
    that order from the index of when each was asked, each checked against the visible tasks
    (not the other way round: a province has far more tasks than explanation requests)."""
    asked_of_visible = visible.where(Task.id == ExplanationRequest.task_id)
    return (
        select(
            ExplanationRequest.task_id,
            _SHOWN_TASK.text,
            ExplanationRequest.answer,
            ExplanationRequest.answer_by,
            _SHOWN_TASK.lead_agency_id,
        )
        .join(_SHOWN_TASK, _SHOWN_TASK.id == ExplanationRequest.task_id)
        .where(asked_of_visible.with_only_columns(Task.id).exists())
        .order_by(ExplanationRequest.created_at.desc())
        .limit(shown)
    )


def read_explanation_lines(
    session: Session, statement: Select[*tuple[Any, ...]]
) -> list[ExplanationLine]:
    """The rows of `latest_explanations` as lines, their lead agencies named."""
    rows = read_columns(session, statement).all()
    names = agency_short_names(session, (row.lead_agency_id for row in rows))
    return [
        ExplanationLine(
            task_id=row.task_id,
            task_text=row.text,
            answer=row.answer,
            answer_by=row.answer_by,
            agency_name=names[row.lead_agency_id],
        )
        for row in rows
    ]
