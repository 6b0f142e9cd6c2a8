"""The forms a task page offers: only those for actions the user may take now."""

from __future__ import annotations

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
    for action in sorted(permitted):
        panels[action.value] = _blank(FORMS[action], task, user, kept)
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
