"""What stands against each overdue task of a report at its cut-off: the agency's latest
progress report, its answer to a request for explanation, and an extension it asked for and
is waiting on, in a few words each for the report's overdue list."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.calendar import VIETNAM
from tracker.domain.formatting import vn_date
from tracker.domain.markdown import plain_text
from tracker.domain.report_figures import OverdueRow
from tracker.domain.text import shorten
from tracker.tasks.models import (
    ExplanationRequest,
    ExtensionRequest,
    ProgressUpdate,
)
from tracker.tasks.queries import extension_pending

WORDS = 200  # characters of a progress report or an explanation kept in the list
CHUNK = 500


def with_situations(session: Session, rows: list[OverdueRow], cut_off: date) -> list[OverdueRow]:
    """The rows with their `situation` as it stood at the end of the cut-off day."""
    found = situations(session, [row.task_id for row in rows if row.task_id], cut_off)
    return [replace(row, situation=found.get(row.task_id, "")) for row in rows]


def situations(session: Session, ids: Sequence[int], cut_off: date) -> dict[int, str]:
    """What stands against each task at the end of the cut-off day, for those with any."""
    until = datetime.combine(cut_off + timedelta(days=1), time(), VIETNAM).astimezone(UTC)
    notes: dict[int, list[str]] = {}
    for chunk in _chunks(ids):
        for task_id, note in _progress(session, chunk, until):
            notes.setdefault(task_id, []).append(note)
        for task_id, note in _explanations(session, chunk, until):
            notes.setdefault(task_id, []).append(note)
        for task_id, note in _extensions(session, chunk, until):
            notes.setdefault(task_id, []).append(note)
    return {task_id: "; ".join(found) for task_id, found in notes.items()}


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _progress(session: Session, ids: Sequence[int], until: datetime) -> Iterator[tuple[int, str]]:
    """The latest progress report of each task."""
    latest: dict[int, tuple[int | None, str]] = {}
    for task_id, percent, body in session.execute(
        select(ProgressUpdate.task_id, ProgressUpdate.percent, ProgressUpdate.body)
        .where(ProgressUpdate.task_id.in_(ids), ProgressUpdate.created_at < until)
        .order_by(ProgressUpdate.created_at, ProgressUpdate.id)
    ):
        latest[task_id] = (percent, body)
    for task_id, (percent, body) in latest.items():
        done = f" {percent}%" if percent is not None else ""
        yield task_id, f"Tiến độ{done}: {shorten(plain_text(body), WORDS)}"


def _explanations(
    session: Session, ids: Sequence[int], until: datetime
) -> Iterator[tuple[int, str]]:
    """The latest answer of each task to a request for explanation."""
    latest: dict[int, str] = {}
    for task_id, answer in session.execute(
        select(ExplanationRequest.task_id, ExplanationRequest.answer)
        .where(
            ExplanationRequest.task_id.in_(ids),
            ExplanationRequest.answer.is_not(None),
            ExplanationRequest.answered_at < until,
        )
        .order_by(ExplanationRequest.answered_at, ExplanationRequest.id)
    ):
        latest[task_id] = answer or ""
    for task_id, answer in latest.items():
        yield task_id, f"Giải trình: {shorten(plain_text(answer), WORDS)}"


def _extensions(session: Session, ids: Sequence[int], until: datetime) -> Iterator[tuple[int, str]]:
    """An extension asked for by the cut-off and still waiting for a decision."""
    for task_id, wanted, reason in session.execute(
        select(
            ExtensionRequest.task_id,
            ExtensionRequest.requested_deadline,
            ExtensionRequest.reason,
        ).where(
            ExtensionRequest.task_id.in_(ids),
            extension_pending(),
            ExtensionRequest.created_at < until,
        )
    ):
        yield task_id, f"Đề nghị gia hạn đến {vn_date(wanted)}: {shorten(reason, WORDS)}"
