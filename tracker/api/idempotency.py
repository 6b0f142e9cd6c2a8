"""Idempotency keys: a program that sends a write again with the same `Idempotency-Key` (after
a timeout, say) gets the first answer again, marked `Idempotent-Replayed: true`, and nothing
is done twice; the same key on another request is refused (422).

A success is kept in the same transaction as the change it answers, so that one is never
committed without the other; a refusal (4xx but 429) is kept after the fact. Nothing is kept
for a rate limit or a server error: sending again is then the right thing to do. Two copies
of one request sent at once both act, but only one commits: the unique (token, key) stops the
second, which gives the first one's answer instead. Answers are kept 24 hours (see
`idempotency_store`)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import g, jsonify, request
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from tracker.api.blueprint import api_token, blueprint
from tracker.api.errors import json_error
from tracker.api.idempotency_store import (
    PendingKey,
    keep_answer,
    keeps,
    stored_answer,
)
from tracker.api.models import IdempotentAnswer
from tracker.db import utcnow
from tracker.extensions import db

KEY_HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
MAX_KEY_LENGTH = 255
# Printable ASCII, without spaces at either end (a header loses them on the way).
_KEY_CHARACTERS = r"[!-~]([ -~]{0,253}[!-~])?"
KEY_PATTERN = f"^{_KEY_CHARACTERS}$"  # as the OpenAPI document writes it
_KEY = re.compile(_KEY_CHARACTERS, re.ASCII)
View = TypeVar("View", bound=Callable[..., Any])


def request_fingerprint() -> str:
    """SHA-256 of the method, the path and the body. A multipart body counts by its fields
    and its files' names and contents, not its bytes: a client sends the same form with a new
    random boundary each time."""
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    if request.mimetype == "multipart/form-data":
        parts: list[list[str]] = [["field", k, v] for k, v in request.form.items(multi=True)]
        for name, sent in request.files.items(multi=True):
            content = sent.stream.read()
            sent.stream.seek(0)
            parts.append(["file", name, sent.filename or "", hashlib.sha256(content).hexdigest()])
        digest.update(json.dumps(sorted(parts), ensure_ascii=False).encode())
    else:
        digest.update(request.get_data(cache=True))
    return digest.hexdigest()


def _replay(answer: IdempotentAnswer, fingerprint: str) -> Response:
    if answer.fingerprint != fingerprint:
        return json_error(
            422,
            f"Khóa {KEY_HEADER} này đã được dùng cho một yêu cầu khác; mỗi yêu cầu mới cần "
            "một khóa mới.",
        )
    response = jsonify(answer.body)
    response.status_code = answer.status
    response.headers[REPLAYED_HEADER] = "true"
    return response


def idempotent(view: View) -> View:
    """Honour the request's Idempotency-Key, if it has one: replay the answer kept under it,
    or note it so that `commit_answer` and `keep_refusal` keep this request's answer."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        key = request.headers.get(KEY_HEADER)
        if key is None:
            return view(*args, **kwargs)
        if not _KEY.fullmatch(key):
            return json_error(
                400,
                f"Tiêu đề {KEY_HEADER} phải gồm 1 đến {MAX_KEY_LENGTH} ký tự ASCII in được, "
                "không có khoảng trắng ở đầu hay cuối.",
            )
        fingerprint = request_fingerprint()
        token_id = api_token().id
        answer = stored_answer(db.session(), token_id, key, utcnow())
        if answer is not None:
            return _replay(answer, fingerprint)
        g.pending_key = PendingKey(token_id, key, fingerprint)
        return view(*args, **kwargs)

    return cast(View, wrapped)


def commit_answer(body: dict[str, Any], status: int) -> Response:
    """Commit the write with its answer kept under the request's key, and answer."""
    pending: PendingKey | None = g.get("pending_key")
    if pending is not None:
        keep_answer(db.session(), pending, status, body)
    # Any other failure of the commit leaves the key pending, for `keep_refusal` to keep the
    # refusal the view makes of it.
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        if pending is None:
            raise
        g.pop("pending_key")
        return _answer_of_twin(pending)
    g.pop("pending_key", None)
    response = jsonify(body)
    response.status_code = status
    return response


def _answer_of_twin(pending: PendingKey) -> Response:
    """Another copy of this request committed first: its answer, or, if it is not there to
    read, a request to try again."""
    answer = stored_answer(db.session(), pending.token_id, pending.key, utcnow())
    if answer is not None:
        return _replay(answer, pending.fingerprint)
    return json_error(
        409, "Một yêu cầu khác với cùng khóa đang được xử lý; vui lòng thử lại sau ít giây."
    )


@blueprint.after_request
def keep_refusal(response: Response) -> Response:
    """Keep a refusal under the request's key; nothing of the refused write is kept."""
    pending: PendingKey | None = g.pop("pending_key", None)
    if pending is None or response.status_code < 400 or not keeps(response.status_code):
        return response
    body = response.get_json(silent=True)
    if not isinstance(body, dict):
        return response
    db.session.rollback()
    keep_answer(db.session(), pending, response.status_code, body)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()  # a copy of the request kept its answer first
    return response
