"""The database flags each task for which an extension request waits for a decision, or an
explanation's answer waits for review (migration 0034's triggers), so that the lists of what
waits read those tasks in the lists' order."""

from collections.abc import Callable
from datetime import UTC, date, datetime

from flask import Flask
from sqlalchemy import select

from tests.factories import make_task
from tracker.auth.models import User
from tracker.extensions import db
from tracker.tasks.models import (
    ExplanationRequest,
    ExtensionRequest,
    ExtensionState,
    Task,
)

TODAY = date(2024, 6, 15)
NOW = datetime(2024, 6, 15, 9, tzinfo=UTC)


def _flags(task: Task) -> tuple[bool, bool]:
    db.session.flush()
    row = db.session.execute(
        select(Task.extension_waiting, Task.explanation_waiting).where(Task.id == task.id)
    ).one()
    return bool(row.extension_waiting), bool(row.explanation_waiting)


def test_a_task_is_flagged_while_an_extension_request_waits(
    app: Flask, user: Callable[[str], User]
) -> None:
    task = make_task(lead="stc", deadline=TODAY)
    officer = user("stc")
    assert _flags(task) == (False, False)

    def request() -> ExtensionRequest:
        made = ExtensionRequest(
            task=task, requested_by_id=officer.id, requested_deadline=TODAY, reason="Chờ vốn"
        )
        db.session.add(made)
        return made

    first, second = request(), request()
    assert _flags(task) == (True, False)
    first.state = ExtensionState.REJECTED
    assert _flags(task) == (True, False)  # the second still waits
    db.session.delete(second)
    assert _flags(task) == (False, False)
    first.state = ExtensionState.PENDING
    assert _flags(task) == (True, False)
    first.state = ExtensionState.APPROVED
    assert _flags(task) == (False, False)


def test_a_task_is_flagged_while_an_explanation_waits_for_review(
    app: Flask, user: Callable[[str], User]
) -> None:
    task = make_task(lead="stc", deadline=TODAY)
    asked = ExplanationRequest(
        task=task, requested_by_id=user("lanhdao").id, question="Vì sao?", answer_by=TODAY
    )
    db.session.add(asked)
    assert _flags(task) == (False, False)  # asked, not yet answered
    asked.answer, asked.answered_at = "Chờ vốn", NOW
    assert _flags(task) == (False, True)
    asked.reviewed_at = NOW
    assert _flags(task) == (False, False)
    asked.reviewed_at = None
    assert _flags(task) == (False, True)
    db.session.delete(asked)
    assert _flags(task) == (False, False)
