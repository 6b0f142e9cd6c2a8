"""The reads of the API. A program reads as the owner of its token, through the same access
layer as the pages: what the owner may not see answers 404, what her role may not read (the
reports, for an agency) answers 403."""

from __future__ import annotations

from typing import Any

from flask import abort, jsonify, request
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from werkzeug.wrappers import Response

from tracker.access import (
    filtered_task_parts,
    get_notice_or_404,
    get_task_or_404,
    visible_notices,
    visible_tasks,
)
from tracker.api.blueprint import api_user, blueprint
from tracker.api.openapi import openapi_document
from tracker.api.params import PAGING, choice, integer, iso_date, only, paging
from tracker.api.serialize import (
    notice_json,
    on_time_rate_json,
    report_detail_json,
    report_json,
    status_counts_json,
    task_detail_json,
    task_json,
)
from tracker.clock import today
from tracker.domain.status import TaskStatus
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeKind
from tracker.params import MAX_ID
from tracker.reports.models import Report
from tracker.reports.views import READERS
from tracker.tasks.filters import TaskFilters
from tracker.tasks.models import Task
from tracker.tasks.queries import by_urgency, count_by_notice, count_by_status

YEARS = (1945, 2100)


def _page_json(page: Pagination, items: list[dict[str, Any]]) -> Response:
    return jsonify(
        {
            "items": items,
            "page": page.page,
            "per_page": page.per_page,
            "total": page.total or 0,
            "pages": page.pages,
        }
    )


def _paginate(query: Any) -> Pagination:
    asked = paging(request.args)
    return db.paginate(query, page=asked.page, per_page=asked.per_page, error_out=False)


@blueprint.get("/openapi.json")
def openapi_json() -> Response:
    """The OpenAPI document; public, so that tools can read it before holding a token."""
    return jsonify(openapi_document())


@blueprint.get("/notices")
def notice_list() -> Response:
    only(request.args, *PAGING, "year", "kind")
    year = integer(request.args, "year", *YEARS)
    kind = choice(request.args, "kind", NoticeKind)
    notices = visible_notices(api_user())
    if year is not None:
        notices = notices.where(Notice.issued_year == year)
    if kind is not None:
        notices = notices.where(Notice.kind == kind)
    page = _paginate(notices.order_by(Notice.issued_on.desc(), Notice.id.desc()))
    counts = count_by_notice(visible_tasks(api_user()), [notice.id for notice in page.items])
    return _page_json(page, [notice_json(notice, counts.get(notice.id, 0)) for notice in page])


@blueprint.get("/notices/<id:notice_id>")
def notice_detail(notice_id: int) -> Response:
    only(request.args)
    notice = get_notice_or_404(api_user(), notice_id)
    tasks = db.session.scalars(
        visible_tasks(api_user())
        .where(Task.notice_id == notice.id)
        .options(selectinload(Task.lead_agency))
        .order_by(Task.id)
    ).all()
    on = today()
    return jsonify(
        {
            **notice_json(notice, len(tasks)),
            "tasks": [task_json(task, on) for task in tasks],
            "statuses": status_counts_json(
                count_by_status(visible_tasks(api_user()).where(Task.notice_id == notice.id), on)
            ),
        }
    )


@blueprint.get("/tasks")
def task_list() -> Response:
    args = request.args
    only(args, *PAGING, "status", "notice_id", "agency_id", "due_from", "due_to")
    user, on = api_user(), today()
    filters = TaskFilters(
        status=choice(args, "status", TaskStatus),
        notice_id=integer(args, "notice_id", 1, MAX_ID),
        due_from=iso_date(args, "due_from"),
        due_to=iso_date(args, "due_to"),
    )
    agency_id = integer(args, "agency_id", 1, MAX_ID)
    parts = filtered_task_parts(user, filters, on)
    if agency_id is not None:
        parts = [part.where(Task.lead_agency_id == agency_id) for part in parts]
    page = _paginate(by_urgency(parts, "lead_agency"))
    return _page_json(page, [task_json(task, on) for task in page])


@blueprint.get("/tasks/<id:task_id>")
def task_detail(task_id: int) -> Response:
    only(request.args)
    task = get_task_or_404(api_user(), task_id)
    return jsonify(task_detail_json(task, today()))


@blueprint.get("/statuses")
def status_list() -> Response:
    only(request.args)
    on = today()
    counts = count_by_status(visible_tasks(api_user()), on)
    return jsonify(
        {
            "date": on.isoformat(),
            "total": sum(counts.values()),
            "items": status_counts_json(counts),
            "on_time_rate": on_time_rate_json(counts),
        }
    )


def _require_report_reader() -> None:
    """The report pages are for the staff and the leaders; an agency's token gets 403."""
    if api_user().role not in READERS:
        abort(403)


@blueprint.get("/reports")
def report_list() -> Response:
    _require_report_reader()
    only(request.args, *PAGING)
    page = _paginate(select(Report).order_by(Report.id.desc()))
    return _page_json(page, [report_json(report) for report in page])


@blueprint.get("/reports/<id:report_id>")
def report_detail(report_id: int) -> Response:
    _require_report_reader()
    only(request.args)
    report = db.get_or_404(Report, report_id)
    return jsonify(report_detail_json(report))
