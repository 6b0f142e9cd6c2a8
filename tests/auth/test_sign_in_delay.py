"""Wrong passwords slow the next try for that account from that address only, with a wait
that grows, which an admin can clear; the address is the proxy's word only when trusted."""

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
import time_machine
from flask import Flask, request
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from tests.support.forms import csrf_token
from tracker import create_app
from tracker.audit.models import Event
from tracker.auth.models import User
from tracker.demo.loader import DEMO_PASSWORD
from tracker.extensions import db

FindUser = Callable[[str], User]
Login = Callable[[str], FlaskClient]
START = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)


def try_sign_in(
    client: FlaskClient, password: str, address: str, username: str = "stc"
) -> TestResponse:
    data = {"username": username, "password": password}
    data["csrf_token"] = csrf_token(client, "/dang-nhap")
    return client.post("/dang-nhap", data=data, environ_base={"REMOTE_ADDR": address})


def attempt(client: FlaskClient, password: str, address: str, username: str = "stc") -> int:
    response = try_sign_in(client, password, address, username)
    if response.status_code == 302:
        client.delete_cookie("session")  # signed in: forget it, to try again
    return response.status_code


def test_wrong_passwords_from_one_address_do_not_slow_another(client: FlaskClient) -> None:
    statuses = [attempt(client, "sai", "10.1.0.1") for _ in range(10)]
    assert statuses[:5] == [401] * 5
    assert 429 in statuses, "from the guessing address, the account now waits"
    assert attempt(client, DEMO_PASSWORD, "10.1.0.1") == 429
    assert attempt(client, DEMO_PASSWORD, "10.1.0.2") == 302


def test_the_wait_grows_with_each_wrong_password(client: FlaskClient) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        assert [attempt(client, "sai", "10.2.0.1") for _ in range(5)] == [401] * 5
        refused = try_sign_in(client, DEMO_PASSWORD, "10.2.0.1")
        assert refused.status_code == 429
        page = refused.get_data(as_text=True)
        assert "Vui lòng thử lại sau 1 giây (từ 10:00:01)" in page, "the time in Vietnam"
        traveller.shift(1)
        assert attempt(client, "sai", "10.2.0.1") == 401
        traveller.shift(1)
        assert attempt(client, DEMO_PASSWORD, "10.2.0.1") == 429, "now two seconds"
        traveller.shift(1)
        assert attempt(client, "sai", "10.2.0.1") == 401
        traveller.shift(3)
        assert attempt(client, DEMO_PASSWORD, "10.2.0.1") == 429, "now four seconds"
        traveller.shift(1)
        assert attempt(client, DEMO_PASSWORD, "10.2.0.1") == 302
        assert attempt(client, "sai", "10.2.0.1") == 401, "a success starts the count again"


def test_an_unknown_username_is_slowed_alike(client: FlaskClient) -> None:
    statuses = [attempt(client, "sai", "10.4.0.1", username="khong-co") for _ in range(6)]
    assert statuses == [401] * 5 + [429]


def test_the_admin_clears_the_wait(app: Flask, login: Login, user: FindUser) -> None:
    holder = app.test_client()
    with time_machine.travel(START, tick=False):
        statuses = [attempt(holder, "sai", "10.3.0.1") for _ in range(7)]
        assert statuses == [401] * 5 + [429] * 2, "a refused try is not counted"
        admin = login("quantri")
        page = f"/quan-tri/nguoi-dung/{user('stc').id}"
        assert "Đã nhập sai mật khẩu 5 lần" in admin.get(page).get_data(as_text=True)
        token = csrf_token(admin, page)
        response = admin.post(f"{page}/mo-khoa-dang-nhap", data={"csrf_token": token})
        assert response.status_code == 302
        assert attempt(holder, DEMO_PASSWORD, "10.3.0.1") == 302
    event = db.session.scalar(select(Event).where(Event.action == "user.sign_in_unlocked"))
    assert event is not None and event.subject_id == user("stc").id
    assert event.before == {"failed_sign_ins": 5}


@pytest.mark.parametrize(("proxies", "seen"), [(0, "10.9.0.1"), (1, "203.0.113.7")])
def test_the_forwarded_address_is_believed_only_from_trusted_proxies(
    app: Flask, proxies: int, seen: str
) -> None:
    settings = {
        key: app.config[key]
        for key in ("SQLALCHEMY_DATABASE_URI", "SECRET_KEY", "UPLOAD_FOLDER", "OUTBOX_FOLDER")
    }
    settings.update(TESTING=True, RATELIMIT_STORAGE_URI="memory://", TRUSTED_PROXIES=proxies)
    proxied = create_app(settings)
    proxied.add_url_rule("/dia-chi", "address", lambda: request.remote_addr or "")
    response = proxied.test_client().get(
        "/dia-chi",
        headers={"X-Forwarded-For": "203.0.113.7"},
        environ_base={"REMOTE_ADDR": "10.9.0.1"},
    )
    assert response.get_data(as_text=True) == seen
    with proxied.app_context():
        db.engine.dispose()
