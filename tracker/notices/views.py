"""Notice list and notice page with its tasks grouped by agency."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from flask_login import current_user, login_required
from sqlalchemy.orm import selectinload

from tracker.access import get_notice_or_404, visible_notice_items, visible_notices
from tracker.domain.markdown import render_markdown
from tracker.extensions import db
from tracker.notices.grouping import group_by_lead_agency
from tracker.notices.models import Notice
from tracker.params import page_number
from tracker.tasks.models import Task
from tracker.tasks.queries import count_by_notice

blueprint = Blueprint("notices", __name__, url_prefix="/thong-bao")


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
    return render_template(
        "notices/detail.html",
        notice=notice,
        body_html=render_markdown(notice.body),
        groups=group_by_lead_agency(tasks),
    )
