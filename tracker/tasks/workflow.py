"""Applying the workflow rules to a task and a user, and the errors the verbs raise."""

from __future__ import annotations

from datetime import date

from tracker.auth.models import User
from tracker.domain.status import TaskStatus
from tracker.domain.workflow import Action, Relation, Situation, allowed
from tracker.tasks.models import ExtensionState, Task


class NotAllowedError(Exception):
    """The user may see the task but not take this action (the web answers 403)."""


class WorkflowError(Exception):
    """The action cannot be taken as asked; `message` says why, in Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConflictError(WorkflowError):
    """Someone else changed the task since the user's page was loaded."""

    def __init__(self) -> None:
        super().__init__(
            "Nhiệm vụ vừa được người khác cập nhật. Trang đã được tải lại với thông tin mới "
            "nhất; vui lòng kiểm tra rồi thực hiện lại."
        )


def relation_of(task: Task, user: User) -> Relation:
    if user.agency_id is None:
        return Relation.NONE
    if task.lead_agency_id == user.agency_id:
        return Relation.LEAD
    if any(agency.id == user.agency_id for agency in task.coordinating_agencies):
        return Relation.COORDINATING
    return Relation.NONE


def situation_of(task: Task, user: User, today: date) -> Situation:
    return Situation(
        role=user.role.value,
        relation=relation_of(task, user),
        state=task.state.value,
        has_deadline=task.deadline is not None,
        overdue=task.status(today) is TaskStatus.OVERDUE,
        extension_pending=any(r.state is ExtensionState.PENDING for r in task.extension_requests),
        explanation_pending=any(r.answer is None for r in task.explanation_requests),
        explanation_to_review=any(r.awaits_review for r in task.explanation_requests),
    )


def permitted_actions(task: Task, user: User, today: date) -> set[Action]:
    if task.is_series or task.cancelled_on is not None:
        return set()  # worked on through its occurrences; or cancelled by a later document
    situation = situation_of(task, user, today)
    return {action for action in Action if allowed(action, situation)}


def require(task: Task, user: User, action: Action, today: date, version: int | None) -> None:
    """Stop unless the user may take the action now, on the version of the task she saw."""
    if version is not None and version != task.version:
        raise ConflictError()
    if task.is_series or task.cancelled_on is not None:
        raise NotAllowedError(action.value)
    if not allowed(action, situation_of(task, user, today)):
        raise NotAllowedError(action.value)
