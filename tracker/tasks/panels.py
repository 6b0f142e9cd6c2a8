"""The forms a task page offers: only those for actions the user may take now."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from flask_wtf import FlaskForm

from tracker.auth.models import User
from tracker.domain.workflow import Action
from tracker.tasks import forms
from tracker.tasks.choices import agency_choices, fill_amend_choices, officer_choices
from tracker.tasks.models import Task
from tracker.tasks.workflow import permitted_actions

FORMS: dict[Action, type[FlaskForm]] = {
    Action.REPORT_PROGRESS: forms.ProgressForm,
    Action.CONTRIBUTE: forms.ProgressForm,
    Action.ADD_EVIDENCE: forms.FileEvidenceForm,
    Action.SUBMIT: forms.SubmitForm,
    Action.ACCEPT: forms.SubmitForm,
    Action.RETURN: forms.ReasonForm,
    Action.REQUEST_EXTENSION: forms.ExtensionForm,
    Action.DECIDE_EXTENSION: forms.ExtensionDecisionForm,
    Action.DECLINE: forms.ReasonForm,
    Action.REASSIGN: forms.ReassignForm,
    Action.INSIST: forms.InsistForm,
    Action.REQUEST_EXPLANATION: forms.ExplanationRequestForm,
    Action.ANSWER_EXPLANATION: forms.ExplanationAnswerForm,
    Action.REVIEW_EXPLANATION: forms.ExplanationReviewForm,
    Action.ASSIGN_OFFICER: forms.AssignOfficerForm,
    Action.AMEND: forms.AmendForm,
}


def action_forms(
    task: Task, user: User, today: date, kept: FlaskForm | None = None
) -> dict[str, FlaskForm]:
    """Forms keyed by action name, with the task's version and choices filled in.

    `kept` is a form the user posted on an older version of the task: it takes the place of
    the empty form of its kind, with what she typed and the current version, so that she
    can check the task and send it again without typing it anew. (No user is offered two
    actions of one form class at once: those that share one belong to different roles.)"""
    permitted = permitted_actions(task, user, today)
    panels: dict[str, FlaskForm] = {}
    for action in sorted(permitted & FORMS.keys()):
        panels[action.value] = _blank(FORMS[action], task, user, kept)
    if Action.WITHDRAW_EVIDENCE in permitted:  # a small form beside each piece of evidence
        panels["withdraw"] = _blank(forms.SubmitForm, task, user, None)
    if Action.ADD_EVIDENCE in permitted:
        panels["cite"] = _blank(forms.CitationForm, task, user, kept)
    return panels


def _blank(kind: type[FlaskForm], task: Task, user: User, kept: FlaskForm | None) -> FlaskForm:
    form = kept if type(kept) is kind else kind(formdata=None, prefix="")
    if isinstance(form, forms.VersionedForm):
        form.version.data = str(task.version)
    if isinstance(form, forms.ReassignForm):
        form.agency_id.choices = agency_choices()
    if isinstance(form, forms.AmendForm):
        fill_amend_choices(form)
        if form is not kept:
            form.lead_agency_id.data = task.lead_agency_id
            form.coordinating_ids.data = [a.id for a in task.coordinating_agencies]
            form.text.data = task.text
    if isinstance(form, forms.AssignOfficerForm):
        form.officer_id.choices = officer_choices(user)
        if form is not kept:
            form.officer_id.data = task.assignee_id or 0
    return form


# Every panel in the order the page shows it ("cite" goes with "add_evidence"; "withdraw"
# sits beside each piece of evidence).
PANEL_ORDER = (
    "submit", "accept", "return", "report_progress", "contribute", "add_evidence",
    "request_extension", "decide_extension", "decline", "reassign", "insist",
    "request_explanation", "answer_explanation", "review_explanation", "assign_officer", "amend",
)  # fmt: skip
# The first step a user takes on the task, with what belongs with it, by priority.
FIRST_STEPS = (
    ("accept", "return"),
    ("reassign", "insist"),
    ("decide_extension",),
    ("review_explanation",),
    ("answer_explanation",),
    ("submit",),  # once there is evidence to hand in with
    ("report_progress",),
    ("contribute",),
    ("request_explanation",),
    ("assign_officer",),
)


def next_steps(offered: Collection[str], has_evidence: bool) -> tuple[list[str], list[str]]:
    """The panels of the user's next step, and the others (behind "Thao tác khác")."""
    names = [name for name in PANEL_ORDER if name in offered]
    for step in FIRST_STEPS:
        if step[0] in offered and (step[0] != "submit" or has_evidence):
            first = [name for name in step if name in offered]
            return first, [name for name in names if name not in first]
    return [], names
