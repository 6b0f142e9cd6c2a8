"""POST /notices: a document management system ("VNPT iOffice") sends a notice it registered,
as a file with the number, date and issuer it recorded and its own id of the document. The
notice is read into a draft exactly as on the page Nhập văn bản mới, and, if asked, published
at once when nothing stops it; else it waits for the secretariat's review."""

from __future__ import annotations

from flask import current_app, jsonify, request, url_for
from werkzeug.wrappers import Response

from tracker.access import visible_tasks
from tracker.admin.models import holiday_dates
from tracker.api.blueprint import api_user, blueprint, needs, write_limit
from tracker.api.bodies import day, flag, text, upload
from tracker.api.errors import error_body, json_error
from tracker.api.idempotency import commit_answer, idempotent
from tracker.api.params import only
from tracker.api.scopes import Scope
from tracker.api.serialize import created_notice_json
from tracker.clock import today
from tracker.extensions import db
from tracker.jobs.notifications import send_out_soon
from tracker.notices.metadata import DuplicateSourceError, StatedMetadata
from tracker.notices.models import Notice
from tracker.notices.readers import UnreadableDocumentError, read_document
from tracker.notices.services import (
    DuplicateNoticeError,
    create_draft,
    publication_problems,
    publish,
)
from tracker.tasks.queries import count_by_notice

FIELDS = ("number", "issued_on", "issuer", "source_system", "source_id", "publish")
# The lengths of the notice's columns.
NUMBER_LENGTH = 60
ISSUER_LENGTH = 255
SOURCE_SYSTEM_LENGTH = 80
SOURCE_ID_LENGTH = 120


def stated_metadata() -> StatedMetadata:
    """The form's metadata; the source is required, so that a document sent twice is known."""
    form = request.form
    return StatedMetadata(
        number=text(form, "number", NUMBER_LENGTH, required=False),
        issued_on=day(form, "issued_on", required=False),
        issuer=text(form, "issuer", ISSUER_LENGTH, required=False),
        source_system=text(form, "source_system", SOURCE_SYSTEM_LENGTH, required=True),
        source_id=text(form, "source_id", SOURCE_ID_LENGTH, required=True),
    )


def _duplicate(existing: Notice, message: str) -> Response:
    db.session.rollback()
    response = jsonify(
        {
            **error_body(409, message),
            "notice_id": existing.id,
            "web_url": url_for("notices.notice_detail", notice_id=existing.id, _external=True),
        }
    )
    response.status_code = 409
    return response


@blueprint.post("/notices")
@write_limit
@needs(Scope.NOTICES_WRITE)
@idempotent
def create_notice() -> Response:
    only(request.args)
    only(request.form, *FIELDS)
    only(request.files, "file")
    stated = stated_metadata()
    publish_now = flag(request.form, "publish")
    sent = upload("file")
    file_name = sent.filename or ""
    try:
        body = read_document(file_name, sent.read(), current_app.config["UPLOAD_MAX_BYTES"])
    except UnreadableDocumentError as error:
        return json_error(422, error.message_vi)
    user, session = api_user(), db.session()
    try:
        notice, parsed = create_draft(
            session,
            text=body,
            source_name=file_name,
            author=user,
            today=today(),
            holidays=holiday_dates(session),
            stated=stated,
        )
    except DuplicateSourceError as duplicate:
        return _duplicate(
            duplicate.existing,
            f"Văn bản mã {stated.source_id} của {stated.source_system} đã được gửi trước đây; "
            "không tạo bản trùng.",
        )
    except DuplicateNoticeError as duplicate:
        existing = duplicate.existing
        return _duplicate(
            existing,
            f"Văn bản số {existing.number} năm {existing.issued_year} đã được nhập trước đây; "
            "không tạo bản trùng.",
        )
    problems = publication_problems(session, notice)
    # The scope is held only by those who publish on the web, so asking is enough; a draft
    # with a problem is never published in part, it waits for the review.
    if publish_now and not problems:
        publish(session, notice, user)
    task_count = count_by_notice(visible_tasks(user), [notice.id]).get(notice.id, 0)
    answer = created_notice_json(
        notice, task_count, parsed, [problem.vietnamese for problem in problems]
    )
    published = notice.is_published
    response = commit_answer(answer, 201)
    if published:
        send_out_soon()  # the agencies, by their channels and their systems, as on the web
    return response
