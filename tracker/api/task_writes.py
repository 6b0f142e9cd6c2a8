"""What an agency's own system writes on the agency's tasks: progress reports, evidence files,
cited documents, and the hand-in. Each goes through the verb the task page calls, as the
token's owner, so the workflow and the agency are checked as on the web: a task the owner may
not see answers 404, an action her agency may not take 403, a refusal of the workflow 422 with
its Vietnamese reason. The optional `version` is the task's as the program last read it: an
older one answers 409, nothing saved."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flask import request
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.wrappers import Response

from tracker.access import get_task_or_404
from tracker.api.blueprint import api_user, blueprint, needs, write_limit
from tracker.api.bodies import day, integer, json_object, one_of, text, upload
from tracker.api.errors import json_error
from tracker.api.idempotency import commit_answer, idempotent
from tracker.api.params import integer as form_integer
from tracker.api.params import only
from tracker.api.scopes import Scope
from tracker.api.serialize import task_detail_json
from tracker.auth.models import User
from tracker.clock import today
from tracker.extensions import db
from tracker.jobs.notifications import send_out_soon
from tracker.params import MAX_ID
from tracker.tasks import services
from tracker.tasks.forms import (
    CITATION_ISSUER_LENGTH,
    CITATION_KINDS,
    CITATION_NUMBER_LENGTH,
    PROGRESS_BODY_LENGTH,
)
from tracker.tasks.models import Task
from tracker.tasks.uploads import attach_file
from tracker.tasks.workflow import ConflictError, NotAllowedError, WorkflowError

STALE = "Nhiệm vụ đã thay đổi sau phiên bản (version) bạn gửi; hãy đọc lại nhiệm vụ rồi gửi lại."
NOT_ALLOWED = (
    "Tài khoản của khóa này không được thực hiện thao tác này trên nhiệm vụ, ở trạng thái "
    "hiện tại của nhiệm vụ."
)
Verb = Callable[[Task, User], object]


def _version(data: Mapping[str, Any]) -> int | None:
    return integer(data, "version", 1, MAX_ID)


def _write(task_id: int, verb: Verb) -> Response:
    """Run the verb on the task as the token's owner, commit, and answer with the task."""
    user = api_user()
    task = get_task_or_404(user, task_id)
    try:
        verb(task, user)
        db.session.flush()
        response = commit_answer(task_detail_json(task, today()), 200)
    except (ConflictError, StaleDataError):  # stale version, or a write between ours
        db.session.rollback()
        return json_error(409, STALE)
    except NotAllowedError:
        db.session.rollback()
        return json_error(403, NOT_ALLOWED)
    except WorkflowError as error:
        db.session.rollback()
        return json_error(422, error.message)
    send_out_soon()
    return response


@blueprint.post("/tasks/<id:task_id>/progress")
@write_limit
@needs(Scope.TASKS_WRITE)
@idempotent
def report_progress(task_id: int) -> Response:
    only(request.args)
    data = json_object()
    only(data, "body", "percent", "version")
    body = text(data, "body", PROGRESS_BODY_LENGTH, required=True) or ""
    percent, version = integer(data, "percent", 0, 100), _version(data)
    return _write(
        task_id,
        lambda task, user: services.report_progress(
            db.session(), task, user, body, percent, today=today(), version=version
        ),
    )


@blueprint.post("/tasks/<id:task_id>/evidence")
@write_limit
@needs(Scope.TASKS_WRITE)
@idempotent
def add_evidence(task_id: int) -> Response:
    only(request.args)
    only(request.form, "version")
    only(request.files, "file")
    version = form_integer(request.form, "version", 1, MAX_ID)
    sent = upload("file")
    file_name, content = sent.filename or "", sent.read()
    return _write(
        task_id,
        lambda task, user: attach_file(task, user, file_name, content, version=version),
    )


@blueprint.post("/tasks/<id:task_id>/citations")
@write_limit
@needs(Scope.TASKS_WRITE)
@idempotent
def add_citation(task_id: int) -> Response:
    only(request.args)
    data = json_object()
    only(data, "kind", "number", "signed_on", "issuer", "version")
    kind = one_of(data, "kind", CITATION_KINDS)
    number = text(data, "number", CITATION_NUMBER_LENGTH, required=True) or ""
    signed_on = day(data, "signed_on", required=True)
    assert signed_on is not None  # noqa: S101 - required above
    issuer = text(data, "issuer", CITATION_ISSUER_LENGTH, required=False) or ""
    version = _version(data)
    return _write(
        task_id,
        lambda task, user: services.add_citation(
            db.session(),
            task,
            user,
            kind=kind,
            number=number,
            signed_on=signed_on,
            issuer=issuer,
            today=today(),
            version=version,
        ),
    )


@blueprint.post("/tasks/<id:task_id>/hand-in")
@write_limit
@needs(Scope.TASKS_WRITE)
@idempotent
def hand_in(task_id: int) -> Response:
    only(request.args)
    data = json_object()
    only(data, "version")
    version = _version(data)
    return _write(
        task_id,
        lambda task, user: services.submit(
            db.session(), task, user, today=today(), version=version
        ),
    )
