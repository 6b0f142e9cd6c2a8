"""A session ends for good: signing out, a password change or reset, locking and "sign out
everywhere" refuse every session and "remember me" cookie issued before them."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.support.forms import csrf_token
from tracker.auth.models import User
from tracker.config import settings_from_env
from tracker.demo.loader import DEMO_PASSWORD

Login = Callable[[str], FlaskClient]
FindUser = Callable[[str], User]
USERS = "/quan-tri/nguoi-dung"


def sign_in(client: FlaskClient, username: str, *, remember: bool = False) -> None:
    data = {"username": username, "password": DEMO_PASSWORD}
    if remember:
        data["remember"] = "y"
    data["csrf_token"] = csrf_token(client, "/dang-nhap")
    assert client.post("/dang-nhap", data=data).status_code == 302


def post(client: FlaskClient, path: str, **fields: str) -> int:
    token = csrf_token(client, "/doi-mat-khau")
    return client.post(path, data={"csrf_token": token, **fields}).status_code


def with_cookie(app: Flask, name: str, value: str) -> FlaskClient:
    """A browser holding nothing but this one cookie, copied from another."""
    other = app.test_client()
    other.set_cookie(name, value)
    return other


def signed_in(client: FlaskClient) -> bool:
    """The own-password page opens to anyone signed in, even one who must change it."""
    return client.get("/doi-mat-khau").status_code == 200


def cookie(client: FlaskClient, name: str) -> str:
    found = client.get_cookie(name)
    assert found is not None, f"the {name} cookie is set"
    return found.value


def test_a_copied_session_cookie_is_refused_after_sign_out(app: Flask, login: Login) -> None:
    client = login("stc")
    copied = cookie(client, "session")
    assert signed_in(with_cookie(app, "session", copied))
    post(client, "/dang-xuat")
    assert not signed_in(with_cookie(app, "session", copied))


def test_a_remember_cookie_signs_in_until_sign_out(app: Flask, client: FlaskClient) -> None:
    sign_in(client, "stc", remember=True)
    remembered = cookie(client, "remember_token")
    assert signed_in(with_cookie(app, "remember_token", remembered))
    post(client, "/dang-xuat")
    assert not signed_in(with_cookie(app, "remember_token", remembered))


def test_a_password_change_ends_other_sessions_but_not_this_one(
    app: Flask, client: FlaskClient
) -> None:
    sign_in(client, "stc", remember=True)
    remembered = cookie(client, "remember_token")
    copied = cookie(client, "session")
    new = "mat-khau-moi-1"
    status = post(client, "/doi-mat-khau", current=DEMO_PASSWORD, new=new, repeat=new)
    assert status == 302
    assert signed_in(client), "the device that changed the password stays signed in"
    assert not signed_in(with_cookie(app, "remember_token", remembered))
    assert not signed_in(with_cookie(app, "session", copied))
    assert signed_in(with_cookie(app, "remember_token", cookie(client, "remember_token")))


def test_sign_out_everywhere_ends_every_session(app: Flask, client: FlaskClient) -> None:
    sign_in(client, "stc", remember=True)
    remembered = cookie(client, "remember_token")
    page = client.get("/doi-mat-khau").get_data(as_text=True)
    assert "Đăng xuất khỏi mọi thiết bị" in page
    assert client.post("/dang-xuat-moi-thiet-bi").status_code == 400, "CSRF token required"
    assert post(client, "/dang-xuat-moi-thiet-bi") == 302
    assert not signed_in(client)
    assert not signed_in(with_cookie(app, "remember_token", remembered))


@pytest.mark.parametrize("actions", [["dat-lai-mat-khau"], ["khoa", "mo-khoa"]])
def test_an_admin_reset_or_lock_ends_the_users_sessions(
    app: Flask, login: Login, user: FindUser, actions: list[str]
) -> None:
    holder = app.test_client()
    sign_in(holder, "stc", remember=True)
    remembered = cookie(holder, "remember_token")
    admin = login("quantri")
    for action in actions:
        assert post(admin, f"{USERS}/{user('stc').id}/{action}") in (200, 302)
    assert not signed_in(holder)
    assert not signed_in(with_cookie(app, "remember_token", remembered))


def test_sign_in_starts_a_fresh_session(client: FlaskClient) -> None:
    """Nothing put in the session before sign-in (by the user, or planted by someone else)
    survives it, the CSRF token included."""
    client.get("/dang-nhap")
    with client.session_transaction() as session:
        session["planted"] = "x"
        before = dict(session)
    sign_in(client, "stc")
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session.get("csrf_token") != before.get("csrf_token")


def test_remember_me_lasts_fourteen_days_unless_configured() -> None:
    assert settings_from_env({})["REMEMBER_COOKIE_DURATION"] == timedelta(days=14)
    configured = settings_from_env({"REMEMBER_DAYS": "3"})
    assert configured["REMEMBER_COOKIE_DURATION"] == timedelta(days=3)
