"""Task list, task page with its history, and evidence downloads."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request, send_file
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from markupsafe import Markup
from werkzeug.wrappers import Response

from tracker.access import (
    filtered_task_parts,
    get_evidence_or_404,
    get_task_or_404,
    visibility_key,
)
from tracker.agencies.kept import active_agency_options
from tracker.agencies.models import Agency, AgencyGroup
from tracker.cache import remembered
from tracker.clock import today
from tracker.domain.markdown import render_markdown
from tracker.domain.recurrence import OPEN_AHEAD_DAYS
from tracker.domain.waiting import waiting_for
from tracker.extensions import db
from tracker.figures.list_totals import list_counting
from tracker.notices.search_field import NoticeSearch, notice_field_text, read_notice_field
from tracker.params import page_number
from tracker.statements import built
from tracker.tasks import amendments
from tracker.tasks.filters import TaskFilters
from tracker.tasks.listing import read_page
from tracker.tasks.models import Task
from tracker.tasks.occurrences import current_occurrence
from tracker.tasks.panels import action_forms, next_steps
from tracker.tasks.queries import task_timeline
from tracker.tasks.storage import EvidenceStore

blueprint = Blueprint("tasks", __name__, url_prefix="/nhiem-vu")


@blueprint.route("/")
@login_required
def task_list() -> str | Response:
    return render_task_list("Nhiệm vụ")


def render_task_list(heading: str) -> str | Response:
    """Every task the user may see, filtered, the most urgent first. For an agency this is
    its own list: the tasks it leads and those it coordinates, apart or together. The list
    is the same for everyone who sees the same tasks, so it is rendered once per data version
    and kept in the figures cache; only the page around it is the user's own."""
    search = read_notice_field()
    if isinstance(search, Response):
        return search
    filters = TaskFilters.from_args(request.args)
    parts = [
        *visibility_key(current_user),
        filters.as_args(),
        current_user.id if filters.mine else None,
        page_number(request.args),
        request.endpoint,
        heading,
        today().isoformat(),
        search.text if search else None,
    ]
    body = remembered("task-list", parts, lambda: _list_body(filters, heading, search))
    return render_template(
        "tasks/list.html",
        heading=heading,
        body=Markup(body),  # noqa: S704
        notice_search=search,
    )


def _list_body(filters: TaskFilters, heading: str, search: NoticeSearch | None) -> str:
    due_soon_days = current_app.config["DUE_SOON_DAYS"]
    # every value the list's statements are built from (`tracker.statements`)
    key = (
        *visibility_key(current_user),
        filters,
        today(),
        current_user.id if filters.mine else None,
        due_soon_days,
    )
    parts = built(
        ("list parts", *key),
        lambda: filtered_task_parts(current_user, filters, today(), due_soon_days),
    )
    session = db.session()
    total = list_counting(session, current_user, filters, today(), due_soon_days, parts)
    size = current_app.config["PAGE_SIZE"]
    page = read_page(session, parts, total, page_number(request.args), size, key)
    return render_template(
        "tasks/_list_body.html",
        page=page,
        filters=filters,
        notice_text=notice_field_text(filters.notice_id, search),
        agencies=[] if current_user.agency_id else active_agency_options(db.session()),
        waiting_kinds=waiting_for(current_user.role.value),
        heading=heading,
        narrowed=filter_words(filters),
    )


def filter_words(filters: TaskFilters) -> list[str]:
    """The filters that narrow a list, in words: "Kỳ: Quý III năm 2017", "Cơ quan: Sở Nội vụ"."""
    words = [f"Kỳ: {filters.period.label}"] if filters.period else []
    if filters.agency_id is not None:
        agency = db.session.get(Agency, filters.agency_id)
        words.append(f"Cơ quan: {agency.name if agency else filters.agency_id}")
    if filters.group_id is not None:
        group = db.session.get(AgencyGroup, filters.group_id)
        words.append(f"Nhóm cơ quan: {group.name if group else filters.group_id}")
    if filters.kind is not None:
        words.append(f"Loại văn bản: {filters.kind.label}")
    if filters.warning is not None:
        words.append(f"Cảnh báo: {filters.warning.label.lower()}")
    if filters.status is not None:
        words.append(f"Tình trạng: {filters.status.label.lower()}")
    if filters.waiting is not None:
        words.append(f"Chờ xử lý: {filters.waiting.label.lower()}")
    return words


@blueprint.route("/<id:task_id>")
@login_required
def task_detail(task_id: int) -> str:
    """A recurring task opens on its current occurrence, the series above it."""
    task = get_task_or_404(current_user, task_id)
    if task.is_series:
        task = current_occurrence(task) or task
    return render_task_page(task)


def render_task_page(task: Task, kept: FlaskForm | None = None) -> str:
    """The task with its history and the forms of what the user may do now; `kept` is a
    form she posted that is shown again with what she typed (see `action_forms`)."""
    events = db.session.scalars(task_timeline(task)).all()
    panels = action_forms(task, current_user, today(), kept)
    first, more = next_steps(panels, has_evidence=bool(task.evidence))
    progress = [(update, render_markdown(update.body)) for update in task.progress_updates]
    return render_template(
        "tasks/detail.html",
        task=task,
        events=events,
        progress=progress,
        panels=panels,
        first_steps=first,
        more_steps=more,
        # a form sent back with errors is shown open, wherever it sits
        more_open=any(panels[name].errors for name in more),
        series=task if task.is_series else task.series,
        history=amendments.history(db.session(), task),
        open_ahead_days=OPEN_AHEAD_DAYS,
    )


@blueprint.route("/<id:task_id>/minh-chung/<id:evidence_id>")
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
