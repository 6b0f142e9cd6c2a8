from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.support.apps import build_demo_app, settings_for
from tests.support.forms import csrf_token
from tracker.auth.models import User
from tracker.demo.loader import DEMO_PASSWORD


def sign_in(client: FlaskClient, username: str, password: str, next_url: str = "") -> object:
    path = "/dang-nhap" + (f"?next={next_url}" if next_url else "")
    return client.post(
        path,
        data={"username": username, "password": password, "csrf_token": csrf_token(client, path)},
    )


def test_sign_in_and_out(client: FlaskClient) -> None:
    response = sign_in(client, "stc", DEMO_PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "Sở Tài chính" in client.get("/").get_data(as_text=True)

    assert client.get("/dang-xuat").status_code == 405, "signing out is a POST only"
    client.post("/dang-xuat", data={"csrf_token": csrf_token(client, "/")})
    assert client.get("/").status_code == 302


def test_wrong_password_gets_a_vietnamese_message(client: FlaskClient) -> None:
    response = sign_in(client, "stc", "sai-mat-khau")
    assert response.status_code == 401
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_username_is_case_insensitive(client: FlaskClient) -> None:
    assert sign_in(client, "  STC ", DEMO_PASSWORD).status_code == 302


def test_missing_fields_are_named(client: FlaskClient) -> None:
    page = sign_in(client, "", "").get_data(as_text=True)
    assert "Vui lòng nhập tên đăng nhập." in page
    assert "Vui lòng nhập mật khẩu." in page


def test_a_deactivated_user_cannot_sign_in(
    client: FlaskClient, user: Callable[[str], User]
) -> None:
    from tracker.extensions import db

    user("stc").active = False
    db.session.commit()
    assert sign_in(client, "stc", DEMO_PASSWORD).status_code == 401


def test_passwords_are_stored_as_scrypt_hashes(user: Callable[[str], User]) -> None:
    stored = user("stc").password_hash
    assert stored.startswith("scrypt:")
    assert DEMO_PASSWORD not in stored


@pytest.mark.parametrize(
    ("next_url", "location"),
    [("/thong-bao/", "/thong-bao/"), ("https://evil.example/", "/"), ("//evil.example", "/")],
)
def test_next_only_leads_to_this_site(client: FlaskClient, next_url: str, location: str) -> None:
    response = sign_in(client, "stc", DEMO_PASSWORD, next_url)
    assert response.headers["Location"] == location


def test_session_cookie_is_http_only_and_same_site(client: FlaskClient) -> None:
    response = sign_in(client, "stc", DEMO_PASSWORD)
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_pages_forbid_framing_and_foreign_scripts(client: FlaskClient) -> None:
    response = client.get("/dang-nhap")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_forms_without_csrf_token_are_refused(client: FlaskClient) -> None:
    response = client.post("/dang-nhap", data={"username": "stc", "password": DEMO_PASSWORD})
    assert response.status_code == 400
    assert "Biểu mẫu đã hết hạn hoặc không hợp lệ" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_failed_sign_ins_are_rate_limited_in_redis(
    redis_url: str, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the limiter's storage in a real Redis, the 4th failure in a row is refused with
    429, and even the right password is refused until the window passes."""
    import redis

    from tracker.extensions import limiter

    # The extension object is shared by every app of this process: an earlier test whose
    # storage was unreachable leaves it counting in memory, so start from a live storage.
    monkeypatch.setattr(limiter, "_storage_dead", False)
    workdir = tmp_path_factory.mktemp("ratelimit")
    settings = settings_for(f"sqlite:///{workdir / 'db.sqlite3'}", workdir)
    settings.update(RATELIMIT_STORAGE_URI=redis_url, LOGIN_RATE_LIMIT="3 per minute")
    limited_app = build_demo_app(settings)
    client = limited_app.test_client()
    statuses = [sign_in(client, "stc", "sai").status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    page = sign_in(client, "stc", DEMO_PASSWORD)
    assert page.status_code == 429
    assert "thử quá nhiều lần" in page.get_data(as_text=True)
    assert redis.Redis.from_url(redis_url).keys("LIMITS*"), "the counters live in Redis"


def test_sign_in_keeps_working_when_redis_is_down(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The limiter counts in Redis; when Redis cannot be reached it falls back to memory and
    the web keeps serving."""
    from tests.support.services import free_port
    from tracker import create_app
    from tracker.extensions import limiter

    # Flask-Limiter keeps its "storage is dead" flag on the extension object, which every app
    # of this test process shares: put it back afterwards so other tests count in Redis again.
    monkeypatch.setattr(limiter, "_storage_dead", False)

    settings = {
        key: app.config[key]
        for key in ("SQLALCHEMY_DATABASE_URI", "SECRET_KEY", "UPLOAD_FOLDER", "OUTBOX_FOLDER")
    }
    settings.update(TESTING=True, RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{free_port()}/0")
    no_redis = create_app(settings)
    client = no_redis.test_client()
    assert sign_in(client, "stc", DEMO_PASSWORD).status_code == 302
    assert client.get("/").status_code == 200
    with no_redis.app_context():
        from tracker.extensions import db

        db.engine.dispose()
