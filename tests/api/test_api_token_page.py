"""The account page of API tokens: a token is shown once, stored only as a digest, listed by
its prefix, and revoked by its owner alone."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from flask.testing import FlaskClient
from sqlalchemy import select

from tests.support.forms import csrf_token
from tracker.api.models import ApiToken
from tracker.audit.models import Event
from tracker.auth.models import User
from tracker.extensions import db

Login = Callable[[str], FlaskClient]
PAGE = "/tai-khoan/khoa-api"
SECRET = re.compile(r'id="new-token"[^>]*value="([^"]+)"')


def create(client: FlaskClient, name: str, scopes: tuple[str, ...] = ("read",)) -> tuple[int, str]:
    response = client.post(
        PAGE,
        data={"csrf_token": csrf_token(client, PAGE), "name": name, "scopes": list(scopes)},
    )
    return response.status_code, response.get_data(as_text=True)


def sign_out(client: FlaskClient) -> None:
    client.post("/dang-xuat", data={"csrf_token": csrf_token(client, PAGE)})


def tokens_of(user: User) -> list[ApiToken]:
    return list(db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)))


def test_a_token_is_shown_once_and_stored_as_a_digest(
    login: Login, user: Callable[[str], User]
) -> None:
    client = login("stc")
    assert "Bạn chưa tạo khóa API nào." in client.get(PAGE).get_data(as_text=True)

    status, page = create(client, "  Phần mềm tổng hợp của Sở  ")
    assert status == 200
    match = SECRET.search(page)
    assert match, page
    secret = match.group(1)
    assert "chỉ hiển thị một lần" in page
    [token] = tokens_of(user("stc"))
    assert token.name == "Phần mềm tổng hợp của Sở"
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert token.prefix == secret[:8]
    assert secret not in (token.name, token.digest, token.prefix)
    event = db.session.scalar(select(Event).where(Event.action == "api_token.created"))
    assert event is not None and event.subject_id == token.id
    assert event.actor_id == user("stc").id
    assert secret not in str(event.after)

    listing = client.get(PAGE)
    assert listing.headers["Cache-Control"] == "no-store"
    text = listing.get_data(as_text=True)
    assert secret not in text
    assert f"{token.prefix}…" in text
    assert "Chưa dùng" in text

    used = client.get("/api/v1/statuses", headers={"Authorization": f"Bearer {secret}"})
    assert used.status_code == 200
    assert "Chưa dùng" not in client.get(PAGE).get_data(as_text=True)


def test_a_token_needs_a_name(login: Login, user: Callable[[str], User]) -> None:
    client = login("lanhdao")
    status, page = create(client, "   ")
    assert status == 400
    assert "Vui lòng đặt tên cho khóa" in page
    status, page = create(client, "x" * 81)
    assert status == 400
    assert "không quá 80 ký tự" in page
    assert tokens_of(user("lanhdao")) == []


def test_the_form_needs_its_csrf_token(login: Login, user: Callable[[str], User]) -> None:
    client = login("stc")
    assert client.post(PAGE, data={"name": "Không có mã CSRF"}).status_code == 400
    assert tokens_of(user("stc")) == []


def test_the_owner_revokes_a_token_and_it_stops_working(
    login: Login, user: Callable[[str], User]
) -> None:
    client = login("stc")
    _status, page = create(client, "Bảng tin")
    match = SECRET.search(page)
    assert match
    secret = match.group(1)
    [token] = tokens_of(user("stc"))

    response = client.post(
        f"{PAGE}/{token.id}/thu-hoi", data={"csrf_token": csrf_token(client, PAGE)}
    )
    assert response.status_code == 302
    db.session.refresh(token)
    assert token.revoked_at is not None
    assert "Đã thu hồi khóa “Bảng tin”" in client.get(PAGE).get_data(as_text=True)
    event = db.session.scalar(select(Event).where(Event.action == "api_token.revoked"))
    assert event is not None and event.subject_id == token.id
    refused = client.get("/api/v1/statuses", headers={"Authorization": f"Bearer {secret}"})
    assert refused.status_code == 401


def test_another_users_token_cannot_be_revoked(
    client: FlaskClient, login: Login, user: Callable[[str], User]
) -> None:
    login("stc")
    _status, _page = create(client, "Của Sở Tài chính")
    [token] = tokens_of(user("stc"))
    sign_out(client)
    login("snv")
    response = client.post(
        f"{PAGE}/{token.id}/thu-hoi", data={"csrf_token": csrf_token(client, PAGE)}
    )
    assert response.status_code == 404
    db.session.refresh(token)
    assert token.revoked_at is None
    assert "Của Sở Tài chính" not in client.get(PAGE).get_data(as_text=True)


def test_every_user_reaches_the_page_from_the_header(client: FlaskClient, login: Login) -> None:
    assert client.get(PAGE).status_code == 302  # to the sign-in page
    for username in ("quantri", "lanhdao", "snv.lanhdao"):
        home = login(username).get("/").get_data(as_text=True)
        assert f'href="{PAGE}"' in home
        sign_out(client)
