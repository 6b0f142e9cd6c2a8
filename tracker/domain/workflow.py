"""Who may do what to a task, and when: the life of a task as one table (DESIGN.md, "The
life of a task"). Plain values in, a yes or no out; the services enforce it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Action(StrEnum):
    REPORT_PROGRESS = "report_progress"
    ADD_EVIDENCE = "add_evidence"
    WITHDRAW_EVIDENCE = "withdraw_evidence"
    CONTRIBUTE = "contribute"
    SUBMIT = "submit"
    ACCEPT = "accept"
    RETURN = "return"
    REQUEST_EXTENSION = "request_extension"
    DECIDE_EXTENSION = "decide_extension"
    DECLINE = "decline"
    REASSIGN = "reassign"
    INSIST = "insist"
    REQUEST_EXPLANATION = "request_explanation"
    ANSWER_EXPLANATION = "answer_explanation"
    REVIEW_EXPLANATION = "review_explanation"
    ASSIGN_OFFICER = "assign_officer"
    AMEND = "amend"


class Relation(StrEnum):
    """How the acting user's agency stands to the task."""

    LEAD = "lead"
    COORDINATING = "coordinating"
    NONE = "none"


@dataclass(frozen=True)
class Situation:
    """What the rules look at: the user's role and relation, and the task's state."""

    role: str  # tracker.auth.models.Role value
    relation: Relation
    state: str  # tracker.tasks.models.TaskState value
    has_deadline: bool = True
    overdue: bool = False
    extension_pending: bool = False
    explanation_pending: bool = False
    explanation_to_review: bool = False  # answered, not yet read by the office or a leader


AGENCY_ROLES = {"agency_officer", "agency_head"}
OPEN = {"in_progress"}
NOT_DONE = {"in_progress", "submitted", "declined"}


def allowed(action: Action, situation: Situation) -> bool:
    """Whether the user may take the action on the task now."""
    rule = _RULES[action]
    return rule(situation)


def _lead(s: Situation) -> bool:
    return s.role in AGENCY_ROLES and s.relation is Relation.LEAD


_RULES = {
    Action.REPORT_PROGRESS: lambda s: _lead(s) and s.state in OPEN,
    Action.ADD_EVIDENCE: lambda s: _lead(s) and s.state in OPEN,
    # before the office accepts the work; one's own agency's evidence (the service checks)
    Action.WITHDRAW_EVIDENCE: lambda s: (
        s.role in AGENCY_ROLES and s.relation is not Relation.NONE and s.state in NOT_DONE
    ),
    Action.CONTRIBUTE: lambda s: (
        s.role in AGENCY_ROLES and s.relation is Relation.COORDINATING and s.state in NOT_DONE
    ),
    Action.SUBMIT: lambda s: _lead(s) and s.state in OPEN,
    Action.ACCEPT: lambda s: s.role == "secretariat" and s.state == "submitted",
    Action.RETURN: lambda s: s.role == "secretariat" and s.state == "submitted",
    Action.REQUEST_EXTENSION: lambda s: (
        _lead(s) and s.state in OPEN and s.has_deadline and not s.extension_pending
    ),
    Action.DECIDE_EXTENSION: lambda s: s.role in {"secretariat", "leader"} and s.extension_pending,
    Action.DECLINE: lambda s: _lead(s) and s.state in OPEN,
    Action.REASSIGN: lambda s: s.role == "secretariat" and s.state == "declined",
    Action.INSIST: lambda s: s.role == "secretariat" and s.state == "declined",
    Action.REQUEST_EXPLANATION: lambda s: (
        s.role == "leader" and s.overdue and s.state in NOT_DONE and not s.explanation_pending
    ),
    Action.ANSWER_EXPLANATION: lambda s: _lead(s) and s.explanation_pending,
    Action.REVIEW_EXPLANATION: lambda s: (
        s.role in {"secretariat", "leader"} and s.explanation_to_review
    ),
    Action.ASSIGN_OFFICER: lambda s: (
        s.role == "agency_head" and s.relation is Relation.LEAD and s.state in NOT_DONE
    ),
    # by a later document, or a correction with a reason
    Action.AMEND: lambda s: s.role in {"secretariat", "admin"},
}
