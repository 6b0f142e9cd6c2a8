"""The directory's admin pages: the list of agencies, an agency with its history, adding and
editing one, taking one out of service and back."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select
from werkzeug.wrappers import Response
from wtforms import SelectChoice

from tracker.access import role_required
from tracker.agencies.forms import AgencyForm, lines
from tracker.agencies.models import Agency, AgencyGroup, AgencyKind
from tracker.agencies.queries import agency_history, agency_list, all_groups, open_tasks_of
from tracker.agencies.services import (
    AgencyFields,
    DirectoryError,
    create_agency,
    set_agency_active,
    update_agency,
)
from tracker.auth.models import Role
from tracker.domain.text import fold
from tracker.extensions import db

blueprint = Blueprint("agencies", __name__, url_prefix="/quan-tri/co-quan")

ACTIVITY = {"": None, "1": True, "0": False}


@blueprint.route("/")
@role_required(Role.ADMIN)
def agency_index() -> str:
    kind = request.args.get("kind", "")
    activity = request.args.get("active", "1")
    search = request.args.get("q", "")
    agencies = db.session.scalars(
        agency_list(kind if kind in set(AgencyKind) else None, ACTIVITY.get(activity, True), search)
    ).all()
    return render_template(
        "agencies/list.html",
        agencies=agencies,
        kinds=list(AgencyKind),
        kind=kind,
        activity=activity,
        search=search,
    )


@blueprint.route("/<id:agency_id>")
@role_required(Role.ADMIN)
def agency_detail(agency_id: int) -> str:
    agency = db.get_or_404(Agency, agency_id)
    open_count = db.session.scalar(
        select(func.count()).select_from(open_tasks_of(agency.id).subquery())
    )
    return render_template(
        "agencies/detail.html",
        agency=agency,
        other_names=_other_names(agency),
        history=db.session.scalars(agency_history(agency.id)).all(),
        open_count=open_count,
    )


@blueprint.route("/moi", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def agency_new() -> str | Response | tuple[str, int]:
    form = _with_groups(AgencyForm())
    if form.validate_on_submit():
        try:
            agency = create_agency(db.session(), _fields(form), current_user)
        except DirectoryError as error:
            db.session.rollback()
            return _form_page(form, None, error.problems)
        db.session.commit()
        flash(f"Đã thêm {agency.name}.", "info")
        return redirect(url_for("agencies.agency_detail", agency_id=agency.id))
    return _form_page(form, None, [])


@blueprint.route("/<id:agency_id>/sua", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def agency_edit(agency_id: int) -> str | Response | tuple[str, int]:
    agency = db.get_or_404(Agency, agency_id)
    form = _with_groups(AgencyForm(obj=agency if request.method == "GET" else None))
    if request.method == "GET":
        form.groups.data = [group.id for group in agency.groups]
        form.aliases.data = "\n".join(_other_names(agency))
    if form.validate_on_submit():
        try:
            update_agency(db.session(), agency, _fields(form), current_user)
        except DirectoryError as error:
            db.session.rollback()
            return _form_page(form, db.session.get(Agency, agency_id), error.problems)
        db.session.commit()
        flash("Đã lưu thông tin cơ quan.", "info")
        return redirect(url_for("agencies.agency_detail", agency_id=agency.id))
    return _form_page(form, agency, [])


@blueprint.route("/<id:agency_id>/ngung-hoat-dong", methods=["POST"])
@role_required(Role.ADMIN)
def agency_deactivate(agency_id: int) -> Response:
    return _set_active(agency_id, active=False)


@blueprint.route("/<id:agency_id>/hoat-dong-lai", methods=["POST"])
@role_required(Role.ADMIN)
def agency_reactivate(agency_id: int) -> Response:
    return _set_active(agency_id, active=True)


def _set_active(agency_id: int, *, active: bool) -> Response:
    agency = db.get_or_404(Agency, agency_id)
    try:
        set_agency_active(db.session(), agency, active, current_user)
    except DirectoryError as error:
        db.session.rollback()
        for problem in error.problems:
            flash(problem, "error")
    else:
        db.session.commit()
        flash("Cơ quan đã hoạt động trở lại." if active else "Cơ quan đã ngừng hoạt động.", "info")
    return redirect(url_for("agencies.agency_detail", agency_id=agency_id))


def _with_groups(form: AgencyForm) -> AgencyForm:
    form.groups.choices = [SelectChoice(g.id, g.name) for g in db.session.scalars(all_groups())]
    return form


def _fields(form: AgencyForm) -> AgencyFields:
    group_ids = form.groups.data or []
    groups = db.session.scalars(select(AgencyGroup).where(AgencyGroup.id.in_(group_ids))).all()
    return AgencyFields(
        code=(form.code.data or "").strip(),
        name=" ".join((form.name.data or "").split()),
        short_name=(form.short_name.data or "").strip() or None,
        kind=AgencyKind(form.kind.data),
        aliases=lines(form.aliases.data),
        groups=tuple(groups),
    )


def _other_names(agency: Agency) -> list[str]:
    """The agency's spellings besides its name and short name."""
    own = {fold(agency.name), fold(agency.short_name or "")}
    return [alias.name for alias in agency.aliases if alias.folded not in own]


def _form_page(form: AgencyForm, agency: Agency | None, problems: list[str]) -> tuple[str, int]:
    status = 400 if problems or form.errors else 200
    page = render_template("agencies/form.html", form=form, agency=agency, problems=problems)
    return page, status
