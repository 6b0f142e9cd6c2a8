"""The directory's groups: the agencies a notice addresses together."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response
from wtforms import SelectChoice

from tracker.access import role_required
from tracker.agencies.forms import GroupForm, lines
from tracker.agencies.models import Agency, AgencyGroup
from tracker.agencies.queries import active_agencies, all_groups
from tracker.agencies.services import DirectoryError, GroupFields, save_group
from tracker.auth.models import Role
from tracker.extensions import db

blueprint = Blueprint("agency_groups", __name__, url_prefix="/quan-tri/co-quan/nhom")


@blueprint.route("/")
@role_required(Role.ADMIN)
def group_index() -> str:
    return render_template("agencies/groups.html", groups=db.session.scalars(all_groups()).all())


@blueprint.route("/moi", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def group_new() -> str | Response | tuple[str, int]:
    return _edit(None)


@blueprint.route("/<id:group_id>/sua", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def group_edit(group_id: int) -> str | Response | tuple[str, int]:
    return _edit(db.get_or_404(AgencyGroup, group_id))


def _edit(group: AgencyGroup | None) -> str | Response | tuple[str, int]:
    form = GroupForm(obj=group if group and request.method == "GET" else None)
    form.members.choices = [
        SelectChoice(a.id, a.name) for a in db.session.scalars(active_agencies())
    ]
    if group is not None and request.method == "GET":
        form.aliases.data = "\n".join(group.aliases)
        form.members.data = [member.id for member in group.members]
    problems: list[str] = []
    if form.validate_on_submit():
        members = db.session.scalars(
            select(Agency).where(Agency.id.in_(form.members.data or []))
        ).all()
        # merged agencies stay members (the choices offer active agencies only)
        retired = [member for member in group.members if not member.active] if group else []
        fields = GroupFields(
            code=(form.code.data or "").strip(),
            name=" ".join((form.name.data or "").split()),
            aliases=lines(form.aliases.data),
            members=(*members, *retired),
        )
        try:
            saved = save_group(db.session(), group, fields, current_user)
        except DirectoryError as error:
            db.session.rollback()
            problems = error.problems
        else:
            db.session.commit()
            flash(f"Đã lưu nhóm {saved.name}.", "info")
            return redirect(url_for("agency_groups.group_index"))
    status = 400 if problems or form.errors else 200
    return render_template(
        "agencies/group_form.html", form=form, group=group, problems=problems
    ), status
