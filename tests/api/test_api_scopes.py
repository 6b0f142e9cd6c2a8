"""Scopes: a token does what its owner ticked when she made it, among what her role allows,
and nothing more; reading needs `read`, each kind of write its own scope."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from tests.api.conftest import ApiGet, ApiPost, IssueToken
from tests.api.test_api_token_page import PAGE, create, tokens_of
from tests.factories import make_task
from tracker.api.services import issue_token
from tracker.audit.models import Event
from tracker.auth.models import Role, User
from tracker.extensions import db

Login = Callable[[str], FlaskClient]


@pytest.mark.parametrize(
    ("username", "offered"),
    [
        ("vanphong", ["read", "notices:write"]),
        ("quantri", ["read", "notices:write"]),  # an administrator may enter notices too
        ("stc", ["read", "tasks:write"]),
        ("snv.lanhdao", ["read", "tasks:write"]),
        ("lanhdao", ["read"]),
    ],
)
def test_the_page_offers_the_scopes_of_the_role(
    login: Login, username: str, offered: list[str]
) -> None:
    page = login(username).get(PAGE).get_data(as_text=True)
    shown = [
        scope for scope in ("read", "notices:write", "tasks:write") if f'value="{scope}"' in page
    ]
    assert shown == offered


def test_the_owner_ticks_scopes_and_the_list_and_the_log_show_them(
    login: Login, user: Callable[[str], User]
) -> None:
    client = login("stc")
    status, _page = create(client, "Phần mềm một cửa của Sở", ("read", "tasks:write"))
    assert status == 200
    [token] = tokens_of(user("stc"))
    assert token.scopes == ["read", "tasks:write"]
    listing = client.get(PAGE).get_data(as_text=True)
    assert "Cập nhật nhiệm vụ của cơ quan mình" in listing
    event = db.session.scalar(select(Event).where(Event.action == "api_token.created"))
    assert event is not None and event.after is not None
    assert event.after["scopes"] == ["read", "tasks:write"]


@pytest.mark.parametrize(
    ("username", "scopes", "message"),
    [
        ("stc", ("read", "notices:write"), "không được cấp quyền “Nhập văn bản mới"),
        ("vanphong", ("tasks:write",), "không được cấp quyền “Cập nhật nhiệm vụ"),
        ("lanhdao", ("read", "tasks:write"), "Vai trò Lãnh đạo UBND tỉnh không được cấp quyền"),
        ("lanhdao", ("read", "admin"), "không được cấp quyền “admin”"),
        ("lanhdao", (), "Vui lòng chọn ít nhất một quyền"),
    ],
)
def test_a_scope_the_role_may_not_hold_is_refused_and_nothing_saved(
    login: Login, user: Callable[[str], User], username: str, scopes: tuple[str, ...], message: str
) -> None:
    status, page = create(login(username), "Khóa không hợp lệ", scopes)
    assert status == 400
    assert message in page
    assert tokens_of(user(username)) == []


def test_the_service_refuses_a_scope_beyond_the_role(user: Callable[[str], User]) -> None:
    with pytest.raises(ValueError, match="may not hold"):
        issue_token(db.session(), user("lanhdao"), "x", ("read", "notices:write"))


def test_a_read_only_token_cannot_write(api_token: IssueToken, api_post: ApiPost) -> None:
    task = make_task(lead="stc")
    db.session.commit()
    response = api_post(f"/tasks/{task.id}/progress", api_token("stc"), json={"body": "Đã làm."})
    assert response.status_code == 403
    assert response.json == {
        "status": 403,
        "error": "forbidden",
        "message": "Khóa API này không có quyền “Cập nhật nhiệm vụ của cơ quan mình "
        "(tasks:write)”.",
    }
    notices = api_post("/notices", api_token("vanphong"), data={})
    assert notices.status_code == 403
    assert "notices:write" in notices.json["message"]


def test_a_write_only_token_cannot_read(api_token: IssueToken, api_get: ApiGet) -> None:
    response = api_get("/api/v1/tasks", secret=api_token("stc", "tasks:write"))
    assert response.status_code == 403
    assert "(read)" in response.json["message"]


def test_a_scope_lapses_when_the_owner_changes_role(
    api_token: IssueToken, api_post: ApiPost, user: Callable[[str], User]
) -> None:
    task = make_task(lead="stc")
    secret = api_token("stc", "read", "tasks:write")
    user("stc").role = Role.LEADER
    db.session.commit()
    response = api_post(f"/tasks/{task.id}/hand-in", secret)
    assert response.status_code == 403
    assert "tasks:write" in response.json["message"]
