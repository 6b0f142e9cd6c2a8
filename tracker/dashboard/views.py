"""Home pages: what each role needs first when signing in."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user, login_required
from markupsafe import Markup
from werkzeug.wrappers import Response

from tracker.access import visibility_key, visible_notices
from tracker.auth.models import Role
from tracker.cache import remembered
from tracker.dashboard.leadership import render_dashboard
from tracker.dashboard.queue import drafts_to_publish, work_queue
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeState
from tracker.tasks.views import render_task_list

blueprint = Blueprint("dashboard", __name__)

HOME_LIST_SIZE = 20


@blueprint.route("/")
@login_required
def home() -> str | Response:
    if current_user.role.is_agency_role:
        return _agency_home()
    if current_user.role is Role.LEADER:
        return _leader_home()
    return _secretariat_home()


def _agency_home() -> str | Response:
    return render_task_list(f"Nhiệm vụ của {current_user.agency.name}")


def _leader_home() -> str | Response:
    """The dashboard, under the counts of what waits for the leader's own decision."""
    return render_dashboard(work_queue(current_user, listed=0))


def _secretariat_home() -> str:
    """What waits for the office, its drafts and the latest notices: the same for everyone
    who sees the same notices and decides the same things, so rendered once per data version
    and kept in the figures cache, as the leaders' dashboard is."""
    parts = [current_user.role.value, *visibility_key(current_user)]
    body = remembered("office-home", parts, _office_home)
    return render_template("dashboard/secretariat.html", body=Markup(body))  # noqa: S704


def _office_home() -> str:
    drafts = db.session.scalars(
        drafts_to_publish(current_user).order_by(Notice.created_at.desc())
    ).all()
    recent = db.session.scalars(
        visible_notices(current_user)
        .where(Notice.state == NoticeState.PUBLISHED)
        .order_by(Notice.issued_on.desc())
        .limit(HOME_LIST_SIZE)
    ).all()
    return render_template(
        "dashboard/_office_home.html", drafts=drafts, recent=recent, queue=work_queue(current_user)
    )
