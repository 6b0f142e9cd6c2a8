"""Task list, task page with its history, and evidence downloads."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request, send_file
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from tracker.access import get_evidence_or_404, get_task_or_404, visible_notices, visible_tasks
from tracker.clock import today
from tracker.domain.markdown import render_markdown
from tracker.domain.status import TaskStatus
from tracker.extensions import db
from tracker.notices.models import Notice
from tracker.tasks.models import Task
from tracker.tasks.panels import action_forms
from tracker.tasks.queries import by_urgency, task_timeline, with_status
from tracker.tasks.storage import EvidenceStore

blueprint = Blueprint("tasks", __name__, url_prefix="/nhiem-vu")


@blueprint.route("/")
@login_required
def task_list() -> str:
    tasks = visible_tasks(current_user)
    status = _status_argument(request.args.get("trang_thai", ""))
    if status is not None:
        tasks = with_status(tasks, status, today())
    notice_id = request.args.get("thong_bao", type=int)
    if notice_id is not None:
        tasks = tasks.where(Task.notice_id == notice_id)
    page = db.paginate(by_urgency(tasks), per_page=current_app.config["PAGE_SIZE"], error_out=False)
    notices = db.session.scalars(
        visible_notices(current_user).order_by(Notice.issued_on.desc()).limit(200)
    ).all()
    return render_template(
        "tasks/list.html", page=page, status=status, notice_id=notice_id, notices=notices
    )


def _status_argument(value: str) -> TaskStatus | None:
    """The status filter from the query string; an unknown value means no filter."""
    try:
        return TaskStatus(value)
    except ValueError:
        return None


@blueprint.route("/<int:task_id>")
@login_required
def task_detail(task_id: int) -> str:
    task = get_task_or_404(current_user, task_id)
    events = db.session.scalars(task_timeline(task)).all()
    progress = [(update, render_markdown(update.body)) for update in task.progress_updates]
    return render_template(
        "tasks/detail.html",
        task=task,
        events=events,
        progress=progress,
        panels=action_forms(task, current_user, today()),
    )


@blueprint.route("/<int:task_id>/minh-chung/<int:evidence_id>")
@login_required
def evidence_download(task_id: int, evidence_id: int) -> Response:
    evidence = get_evidence_or_404(current_user, task_id, evidence_id)
    if evidence.sha256 is None:
        abort(404)
    path = EvidenceStore(current_app.config["UPLOAD_FOLDER"]).path_for(evidence.sha256)
    if not path.is_file():
        abort(404)
    return send_file(
        path,
        mimetype=evidence.content_type or "application/octet-stream",
        as_attachment=True,
        download_name=evidence.file_name or "minh-chung",
        max_age=0,
    )
