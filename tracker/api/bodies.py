"""Bodies of the writes, read as strictly as the query parameters (`tracker.api.params`): a
JSON object or a multipart form, each field checked for its type and bounds; what is wrong is
told in Vietnamese (400)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from flask import request
from werkzeug.datastructures import FileStorage

from tracker.api.errors import BadParameterError
from tracker.api.params import iso_date

FLAGS = {"true": True, "false": False}


def json_object() -> dict[str, Any]:
    """The body as a JSON object; no body at all is an empty object."""
    if not request.get_data(cache=True):
        return {}
    body = request.get_json(silent=True) if request.is_json else None
    if not isinstance(body, dict):
        raise BadParameterError(
            "Nội dung yêu cầu phải là một đối tượng JSON (Content-Type: application/json)."
        )
    return body


def text(data: Mapping[str, Any], name: str, max_length: int, *, required: bool) -> str | None:
    """A string with at least one visible character, of at most `max_length` characters,
    returned without the spaces around it."""
    raw = data.get(name)
    if raw is None:
        if required:
            raise BadParameterError(f"Thiếu trường “{name}”.")
        return None
    if not isinstance(raw, str) or not raw.strip() or len(raw) > max_length:
        raise BadParameterError(
            f"Trường “{name}” phải là một chuỗi ký tự không rỗng, tối đa {max_length} ký tự."
        )
    return raw.strip()


def one_of(data: Mapping[str, Any], name: str, choices: tuple[str, ...]) -> str:
    """A required string among `choices`, as written there."""
    raw = data.get(name)
    if raw not in choices:
        accepted = ", ".join(choices)
        raise BadParameterError(
            f"Trường “{name}” không hợp lệ; các giá trị được chấp nhận: {accepted}."
        )
    return str(raw)


def integer(data: Mapping[str, Any], name: str, minimum: int, maximum: int) -> int | None:
    """An optional JSON integer within the bounds: not a string nor a boolean, but 60.0 is 60
    (JSON, like JSON Schema, knows only numbers)."""
    raw = data.get(name)
    if raw is None:
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if not isinstance(raw, int) or isinstance(raw, bool) or not minimum <= raw <= maximum:
        raise BadParameterError(f"Trường “{name}” phải là số nguyên từ {minimum} đến {maximum}.")
    return raw


def day(data: Mapping[str, Any], name: str, *, required: bool) -> date | None:
    """A date written YYYY-MM-DD."""
    raw = data.get(name)
    if raw is None:
        if required:
            raise BadParameterError(f"Thiếu trường “{name}”.")
        return None
    if not isinstance(raw, str):
        raw = repr(raw)  # refused below with the same message as a malformed string
    return iso_date({name: raw}, name)


def flag(data: Mapping[str, str], name: str) -> bool:
    """An optional form field `true` or `false`; false when absent."""
    raw = data.get(name)
    if raw is None:
        return False
    if raw not in FLAGS:
        raise BadParameterError(f"Trường “{name}” phải là true hoặc false.")
    return FLAGS[raw]


def upload(name: str) -> FileStorage:
    """The file sent in the multipart field `name`."""
    sent = request.files.get(name)
    if sent is None or not sent.filename:
        raise BadParameterError(
            f"Thiếu tệp “{name}”: gửi tệp trong trường “{name}” của biểu mẫu multipart/form-data."
        )
    return sent
