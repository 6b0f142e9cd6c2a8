"""Notice list and notice page with its tasks grouped by agency."""

from __future__ import annotations

from collections.abc import Sequence

from flask import (
    Blueprint,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required
from sqlalchemy.orm import selectinload
from werkzeug.wrappers import Response
from wtforms import SelectChoice

from tracker.access import (
    get_notice_or_404,
    role_required,
    visible_notice_items,
    visible_notices,
)
from tracker.auth.models import Role, User
from tracker.domain.markdown import render_markdown
from tracker.extensions import db
from tracker.notices.forms import FollowUpForm
from tracker.notices.grouping import group_by_lead_agency
from tracker.notices.leaders import active_leaders, leader_of
from tracker.notices.lookup import suggested_notices
from tracker.notices.models import Notice
from tracker.params import page_number
from tracker.tasks.models import Task
from tracker.tasks.queries import count_by_notice

blueprint = Blueprint("notices", __name__, url_prefix="/thong-bao")
FOLLOWERS = (Role.SECRETARIAT, Role.ADMIN)


@blueprint.route("/")
@login_required
def notice_list() -> str:
    page = db.paginate(
        visible_notices(current_user).order_by(Notice.issued_on.desc(), Notice.id.desc()),
        page=page_number(request.args),
        per_page=current_app.config["PAGE_SIZE"],
        error_out=False,
    )
    task_counts = count_by_notice(
        visible_notice_items(current_user), [notice.id for notice in page.items]
    )
    return render_template("notices/list.html", page=page, task_counts=task_counts)


@blueprint.route("/goi-y")
@login_required
def suggestions() -> Response:
    """The latest notices whose number contains ?q=, for the filter forms' "Văn bản" field."""
    found = suggested_notices(db.session(), current_user, request.args.get("q", ""))
    return jsonify(notices=[choice.label for choice in found])


@blueprint.route("/<id:notice_id>")
@login_required
def notice_detail(notice_id: int) -> str:
    notice = get_notice_or_404(current_user, notice_id)
    tasks = db.session.scalars(
        visible_notice_items(current_user)
        .where(Task.notice_id == notice.id)
        .options(selectinload(Task.lead_agency), selectinload(Task.coordinating_agencies))
        .order_by(Task.id)
    ).all()
    leaders = active_leaders(db.session())
    follow_up = None
    if notice.is_published and current_user.role in FOLLOWERS:
        follow_up = _follow_up_form(leaders, notice)
    return render_template(
        "notices/detail.html",
        notice=notice,
        body_html=render_markdown(notice.body),
        groups=group_by_lead_agency(tasks),
        leader=leader_of(notice, leaders),
        follow_up=follow_up,
    )


@blueprint.route("/<id:notice_id>/theo-doi", methods=["POST"])
@role_required(*FOLLOWERS)
def follow_up(notice_id: int) -> Response:
    """Name the leader who directs the notice and mark it for a report section of its own."""
    notice = get_notice_or_404(current_user, notice_id)
    form = _follow_up_form(active_leaders(db.session()), notice)
    if not notice.is_published or not form.validate_on_submit():
        flash("Không lưu được: chọn lại lãnh đạo chỉ đạo trong danh sách.", "error")
        return redirect(url_for("notices.notice_detail", notice_id=notice_id))
    notice.directing_leader_id = form.directing_leader.data or None
    notice.reported_apart = form.reported_apart.data
    notice.public = form.public.data
    db.session.commit()
    flash("Đã lưu cách theo dõi văn bản.", "success")
    return redirect(url_for("notices.notice_detail", notice_id=notice_id))


def _follow_up_form(leaders: Sequence[User], notice: Notice) -> FollowUpForm:
    form = FollowUpForm(
        data={
            "directing_leader": notice.directing_leader_id or 0,
            "reported_apart": notice.reported_apart,
            "public": notice.public,
        }
    )
    form.directing_leader.choices = [SelectChoice(0, "Theo người ký văn bản")] + [
        SelectChoice(leader.id, leader.full_name) for leader in leaders
    ]
    return form
