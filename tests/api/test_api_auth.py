"""Who gets in: only a request with the token of an active user, answered in JSON even when
it is refused, throttled or sent to an address or method the API does not have."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from tests.api.conftest import ApiGet, IssueToken
from tracker.api.models import ApiToken
from tracker.api.services import revoke_token, token_digest
from tracker.auth.models import User
from tracker.extensions import db

UNAUTHORIZED = {
    "status": 401,
    "error": "unauthorized",
    "message": "Thiếu khóa API, khóa không hợp lệ hoặc đã bị thu hồi.",
}


def token_row(secret: str) -> ApiToken:
    token = db.session.scalar(select(ApiToken).where(ApiToken.digest == token_digest(secret)))
    assert token is not None
    return token


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer ", "Basic dmFucGhvbmc6ZGVtbzEyMzQ=", "Bearer not-a-token"],
)
def test_no_valid_token_no_entry(client: FlaskClient, authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = client.get("/api/v1/tasks", headers=headers)
    assert response.status_code == 401
    assert response.json == UNAUTHORIZED
    assert response.headers["WWW-Authenticate"].startswith('Bearer realm="tracker"')


def test_a_revoked_token_or_a_deactivated_user_is_refused(
    api_get: ApiGet, api_token: IssueToken, user: Callable[[str], User]
) -> None:
    revoked, deactivated = api_token("stc"), api_token("snv")
    assert api_get("/api/v1/statuses", secret=revoked).status_code == 200
    revoke_token(db.session(), token_row(revoked), user("stc"))
    user("snv").active = False
    db.session.commit()
    assert api_get("/api/v1/statuses", secret=revoked).json == UNAUTHORIZED
    assert api_get("/api/v1/statuses", secret=deactivated).status_code == 401


def test_a_signed_in_browser_is_not_enough(login: Callable[[str], FlaskClient]) -> None:
    client = login("vanphong")
    assert client.get("/api/v1/tasks").status_code == 401


def test_the_time_of_use_is_noted(api_get: ApiGet, api_token: IssueToken) -> None:
    secret = api_token("lanhdao")
    assert token_row(secret).last_used_at is None
    api_get("/api/v1/statuses", secret=secret)
    db.session.expire_all()
    assert token_row(secret).last_used_at is not None


def test_the_document_is_public(client: FlaskClient) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json
    assert document["openapi"].startswith("3.1")
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert set(document["paths"]) == {
        "/notices",
        "/notices/{notice_id}",
        "/tasks",
        "/tasks/{task_id}",
        "/tasks/{task_id}/progress",
        "/tasks/{task_id}/evidence",
        "/tasks/{task_id}/citations",
        "/tasks/{task_id}/hand-in",
        "/statuses",
        "/reports",
        "/reports/{report_id}",
        "/openapi.json",
    }
    assert set(document["paths"]["/notices"]) == {"get", "post"}


def test_methods_an_address_does_not_take_answer_405(
    api_token: IssueToken, client: FlaskClient
) -> None:
    headers = {"Authorization": f"Bearer {api_token('vanphong')}"}
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/v1/tasks", headers=headers)
        assert response.status_code == 405
        assert response.json["error"] == "method_not_allowed"
        assert "phương thức" in response.json["message"]
        assert "GET" in response.headers["Allow"]
    response = client.get("/api/v1/tasks/1/progress", headers=headers)
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]


def test_a_post_without_csrf_token_is_refused_by_method_not_by_csrf(
    login: Callable[[str], FlaskClient],
) -> None:
    client = login("vanphong")
    response = client.post("/api/v1/statuses", data={"name": "x"})
    assert response.status_code == 405
    assert response.is_json


def test_unknown_addresses_answer_json(api_get: ApiGet) -> None:
    response = api_get("/api/v1/khong-co", "vanphong")
    assert response.status_code == 404
    assert response.json["error"] == "not_found"
    assert api_get("/api/v1/tasks/99999999999", "vanphong").status_code == 404


def test_the_api_is_rate_limited_per_token(
    api_get: ApiGet, api_token: IssueToken, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "API_RATE_LIMIT", "2 per minute")
    first, second = api_token("vanphong"), api_token("vanphong")
    assert api_get("/api/v1/statuses", secret=first).status_code == 200
    assert api_get("/api/v1/statuses", secret=first).status_code == 200
    throttled = api_get("/api/v1/statuses", secret=first)
    assert throttled.status_code == 429
    assert throttled.json["error"] == "too_many_requests"
    assert "Retry-After" in throttled.headers
    assert api_get("/api/v1/statuses", secret=second).status_code == 200
