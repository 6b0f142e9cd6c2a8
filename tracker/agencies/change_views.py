"""Merging agencies into a successor and splitting one between several, on the web.

The verbs return the ids of the tasks they moved (`moved` below): once committed, those tasks
name another agency, which whatever indexes tasks by agency must learn."""

from __future__ import annotations

from collections.abc import Sequence

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response
from wtforms import SelectChoice

from tracker.access import role_required
from tracker.agencies.forms import DecisionForm, MergeForm, SplitForm
from tracker.agencies.models import Agency
from tracker.agencies.queries import active_agencies, open_tasks_of
from tracker.agencies.succession import Decision, merge_agencies, split_agency
from tracker.auth.models import Role
from tracker.domain.agency_succession import SuccessionError, legal_basis_text
from tracker.extensions import db
from tracker.params import query_id

blueprint = Blueprint("agency_changes", __name__, url_prefix="/quan-tri/co-quan")


@blueprint.route("/sap-nhap", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def merge() -> str | Response | tuple[str, int]:
    form = MergeForm()
    choices = _active_choices()
    form.merged.choices, form.successor.choices = choices, choices
    merged_id = query_id(request.args, "from")
    if request.method == "GET" and merged_id is not None:
        form.merged.data = [merged_id]
    problems: list[str] = []
    if form.validate_on_submit():
        try:
            decision = _decision(form)
            merged = _agencies(form.merged.data or [])
            successor = db.get_or_404(Agency, form.successor.data)
            moved = merge_agencies(db.session(), merged, successor, decision, current_user)
        except SuccessionError as error:
            db.session.rollback()
            problems = [str(error)]
        else:
            db.session.commit()
            flash(f"Đã sáp nhập vào {successor.name}; chuyển {len(moved)} nhiệm vụ.", "info")
            return redirect(url_for("agencies.agency_detail", agency_id=successor.id))
    status = 400 if problems or form.errors else 200
    return render_template("agencies/merge.html", form=form, problems=problems), status


@blueprint.route("/<id:agency_id>/chia-tach", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def split(agency_id: int) -> str | Response | tuple[str, int]:
    agency = db.get_or_404(Agency, agency_id)
    form = SplitForm()
    choices = [c for c in _active_choices() if c.value != agency.id]
    form.successors.choices, form.default.choices = choices, choices
    tasks = db.session.scalars(open_tasks_of(agency.id)).all()
    overrides = _overrides([task.id for task in tasks])
    problems: list[str] = []
    if form.validate_on_submit():
        try:
            decision = _decision(form)
            successors = _agencies(form.successors.data or [])
            default = db.get_or_404(Agency, form.default.data)
            moved = split_agency(
                db.session(), agency, successors, default, overrides, decision, current_user
            )
        except SuccessionError as error:
            db.session.rollback()
            problems = [str(error)]
        else:
            db.session.commit()
            flash(f"Đã chia tách {agency.name}; chuyển {len(moved)} nhiệm vụ.", "info")
            return redirect(url_for("agencies.agency_detail", agency_id=agency.id))
    status = 400 if problems or form.errors else 200
    return render_template(
        "agencies/split.html",
        form=form,
        agency=db.session.get(Agency, agency_id),
        tasks=tasks,
        choices=choices,
        overrides=overrides,
        problems=problems,
    ), status


def _active_choices() -> list[SelectChoice]:
    return [SelectChoice(a.id, a.name) for a in db.session.scalars(active_agencies())]


def _agencies(ids: Sequence[int]) -> list[Agency]:
    return list(db.session.scalars(select(Agency).where(Agency.id.in_(ids)).order_by(Agency.id)))


def _decision(form: DecisionForm) -> Decision:
    assert form.basis_date.data and form.effective_on.data  # noqa: S101 - validated
    basis = legal_basis_text(form.basis_document.data or "", form.basis_date.data)
    return Decision(legal_basis=basis, effective_on=form.effective_on.data)


def _overrides(task_ids: Sequence[int]) -> dict[int, int]:
    """The successor chosen for each task ("task-<id>" = agency id; blank = the default)."""
    chosen = {task_id: request.form.get(f"task-{task_id}", "") for task_id in task_ids}
    return {task_id: int(value) for task_id, value in chosen.items() if value.isdigit()}
