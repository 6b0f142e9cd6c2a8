"""The database copies each task's place in the lists' order onto its extension and
explanation requests, and keeps it as the task changes (migration 0034's triggers), so that
the lists of what waits on a request read the requests that wait in that order."""

from collections.abc import Callable
from datetime import date, timedelta

from flask import Flask
from sqlalchemy import select

from tests.factories import make_task
from tracker.auth.models import User
from tracker.extensions import db
from tracker.tasks.models import ExplanationRequest, ExtensionRequest, Task

TODAY = date(2024, 6, 15)


def _copies(task: Task) -> list[tuple[int | None, date | None]]:
    db.session.flush()
    return [
        tuple(row)
        for request in (ExtensionRequest, ExplanationRequest)
        for row in db.session.execute(
            select(request.task_urgency_rank, request.task_deadline).where(
                request.task_id == task.id
            )
        )
    ]


def test_a_request_takes_the_task_order_and_follows_it(
    app: Flask, user: Callable[[str], User]
) -> None:
    task = make_task(lead="stc", deadline=TODAY)
    officer, leader = user("stc"), user("lanhdao")
    task.extension_requests.append(
        ExtensionRequest(
            requested_by=officer,
            previous_deadline=TODAY,
            requested_deadline=TODAY + timedelta(days=30),
            reason="Chờ vốn",
        )
    )
    task.explanation_requests.append(
        ExplanationRequest(requested_by=leader, question="Vì sao chậm?", answer_by=TODAY)
    )
    assert _copies(task) == [(0, TODAY), (0, TODAY)]

    task.deadline = TODAY + timedelta(days=30)
    assert _copies(task) == [(0, task.deadline), (0, task.deadline)]

    task.completed_on = TODAY
    assert _copies(task) == [(2, task.deadline), (2, task.deadline)]

    task.deadline = None
    assert _copies(task) == [(3, None), (3, None)]
