"""Errors of the API as JSON bodies, with a Vietnamese message, for programs and the people who
write them."""

from __future__ import annotations

from flask import jsonify, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

API_PREFIX = "/api/"

MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    401: "Thiếu khóa API, khóa không hợp lệ hoặc đã bị thu hồi.",
    403: "Tài khoản của khóa này không có quyền xem nội dung này.",
    404: "Không tìm thấy hoặc bạn không có quyền xem nội dung này.",
    405: "Địa chỉ này không hỗ trợ phương thức đã dùng (xem mô tả OpenAPI).",
    409: "Yêu cầu xung đột với dữ liệu hiện có.",
    413: "Yêu cầu quá lớn.",
    422: "Yêu cầu hợp lệ nhưng không thực hiện được.",
    429: "Quá nhiều yêu cầu. Vui lòng đợi ít phút rồi thử lại.",
    500: "Đã có lỗi xảy ra. Vui lòng thử lại sau.",
}
CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "unprocessable",
    429: "too_many_requests",
    500: "server_error",
}


class BadParameterError(ValueError):
    """A query parameter the API cannot read; its message is shown to the caller."""


def is_api_request() -> bool:
    """Whether the current request is addressed to the API (matched or not by a route)."""
    return request.path.startswith(API_PREFIX)


def error_body(status: int, message: str | None = None) -> dict[str, object]:
    """The error body every API response shares: a machine code and a Vietnamese message."""
    return {"status": status, "error": CODES[status], "message": message or MESSAGES[status]}


def json_error(status: int, message: str | None = None) -> Response:
    """An error answer with the shared body."""
    response = jsonify(error_body(status, message))
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="tracker", error="invalid_token"'
    return response


def http_error(error: HTTPException) -> Response:
    """An HTTP error raised anywhere under the API prefix (an unknown address, a method the
    address does not take, a rate limit, a failure) as a JSON body; the Allow header of a 405
    is kept."""
    status = error.code if error.code in MESSAGES else 500
    response = json_error(status)
    allow = dict(error.get_headers()).get("Allow")
    if allow:
        response.headers["Allow"] = allow
    return response
