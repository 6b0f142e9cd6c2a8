"""Every action against every role and state: the workflow table."""

import pytest

from tracker.domain.workflow import Action, Relation, Situation, allowed

ROLES = {
    "lead officer": ("agency_officer", Relation.LEAD),
    "lead head": ("agency_head", Relation.LEAD),
    "coordinating officer": ("agency_officer", Relation.COORDINATING),
    "other agency": ("agency_officer", Relation.NONE),
    "secretariat": ("secretariat", Relation.NONE),
    "leader": ("leader", Relation.NONE),
    "admin": ("admin", Relation.NONE),
}
EVERY = set(ROLES)
LEAD = {"lead officer", "lead head"}
DECIDERS = {"secretariat", "leader"}

# action -> (state, extra facts, who may)
TABLE = [
    (Action.REPORT_PROGRESS, "in_progress", {}, LEAD),
    (Action.REPORT_PROGRESS, "submitted", {}, set()),
    (Action.ADD_EVIDENCE, "in_progress", {}, LEAD),
    (Action.ADD_EVIDENCE, "completed", {}, set()),
    (Action.CONTRIBUTE, "in_progress", {}, {"coordinating officer"}),
    (Action.CONTRIBUTE, "completed", {}, set()),
    (Action.SUBMIT, "in_progress", {}, LEAD),
    (Action.SUBMIT, "submitted", {}, set()),
    (Action.ACCEPT, "submitted", {}, {"secretariat"}),
    (Action.ACCEPT, "in_progress", {}, set()),
    (Action.RETURN, "submitted", {}, {"secretariat"}),
    (Action.RETURN, "completed", {}, set()),
    (Action.REQUEST_EXTENSION, "in_progress", {}, LEAD),
    (Action.REQUEST_EXTENSION, "in_progress", {"extension_pending": True}, set()),
    (Action.REQUEST_EXTENSION, "in_progress", {"has_deadline": False}, set()),
    (
        Action.DECIDE_EXTENSION,
        "in_progress",
        {"extension_pending": True},
        {"secretariat", "leader"},
    ),
    (Action.DECIDE_EXTENSION, "in_progress", {}, set()),
    (Action.DECLINE, "in_progress", {}, LEAD),
    (Action.DECLINE, "declined", {}, set()),
    (Action.REASSIGN, "declined", {}, {"secretariat"}),
    (Action.REASSIGN, "in_progress", {}, set()),
    (Action.INSIST, "declined", {}, {"secretariat"}),
    (Action.REQUEST_EXPLANATION, "in_progress", {"overdue": True}, {"leader"}),
    (Action.REQUEST_EXPLANATION, "in_progress", {}, set()),
    (
        Action.REQUEST_EXPLANATION,
        "in_progress",
        {"overdue": True, "explanation_pending": True},
        set(),
    ),
    (Action.ANSWER_EXPLANATION, "in_progress", {"explanation_pending": True}, LEAD),
    (Action.ANSWER_EXPLANATION, "in_progress", {}, set()),
    (Action.WITHDRAW_EVIDENCE, "in_progress", {}, LEAD | {"coordinating officer"}),
    (Action.WITHDRAW_EVIDENCE, "submitted", {}, LEAD | {"coordinating officer"}),
    (Action.WITHDRAW_EVIDENCE, "completed", {}, set()),
    (
        Action.REVIEW_EXPLANATION,
        "in_progress",
        {"explanation_to_review": True},
        {"secretariat", "leader"},
    ),  # fmt: skip
    (
        Action.REVIEW_EXPLANATION,
        "completed",
        {"explanation_to_review": True},
        {"secretariat", "leader"},
    ),  # fmt: skip
    (Action.REVIEW_EXPLANATION, "in_progress", {}, set()),
    (Action.ASSIGN_OFFICER, "in_progress", {}, {"lead head"}),
    (Action.ASSIGN_OFFICER, "completed", {}, set()),
    (Action.AMEND, "in_progress", {}, {"secretariat", "admin"}),
    (Action.AMEND, "completed", {}, {"secretariat", "admin"}),
]


@pytest.mark.parametrize(("action", "state", "facts", "who"), TABLE)
@pytest.mark.parametrize("role", sorted(ROLES))
def test_workflow_table(
    action: Action, state: str, facts: dict[str, bool], who: set[str], role: str
) -> None:
    role_value, relation = ROLES[role]
    situation = Situation(role=role_value, relation=relation, state=state, **facts)
    assert allowed(action, situation) is (role in who)


def test_every_action_is_in_the_table() -> None:
    assert {row[0] for row in TABLE} == set(Action)
