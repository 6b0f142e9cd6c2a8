"""Headers that keep pages private: HTTPS only in production, and nothing a signed-in user
reads or downloads left in a browser's or a proxy's cache."""

from collections.abc import Callable
from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis

from tests.factories import make_file_evidence, make_notice, make_task
from tests.support.forms import csrf_token
from tests.support.services import free_port
from tracker.auth.models import User
from tracker.extensions import db
from tracker.tasks.storage import EvidenceStore

Login = Callable[[str], FlaskClient]
HSTS = "max-age=31536000; includeSubDomains"


def test_production_asks_browsers_for_https_only(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "TRACKER_ENV", "production")
    assert client.get("/dang-nhap").headers["Strict-Transport-Security"] == HSTS
    static = client.get("/static/css/tracker.css")
    assert static.headers["Strict-Transport-Security"] == HSTS
    static.close()


def test_development_does_not(client: FlaskClient) -> None:
    assert "Strict-Transport-Security" not in client.get("/dang-nhap").headers


@pytest.mark.parametrize(
    ("username", "url"),
    [("lanhdao", "/"), ("stc", "/nhiem-vu/"), ("quantri", "/quan-tri/co-quan/")],
)
def test_signed_in_pages_are_not_stored(login: Login, username: str, url: str) -> None:
    response = login(username).get(url)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("username", "url"),
    [
        ("lanhdao", "/tong-quan.xlsx"),
        ("lanhdao", "/bang-diem.xlsx"),
        ("quantri", "/quan-tri/co-quan/xuat-csv"),
    ],
)
def test_exports_are_not_stored(login: Login, username: str, url: str) -> None:
    response = login(username).get(url)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["Cache-Control"] == "no-store"


def test_report_files_are_not_stored(
    app: Flask, login: Login, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.extensions, "redis", Redis(port=free_port(), socket_timeout=1))
    client = login("vanphong")
    response = client.post(
        "/bao-cao/",
        data={"csrf_token": csrf_token(client, "/bao-cao/"), "period": "2026", "scope": "all"},
    )
    report = response.headers["Location"]
    for file_format in ("xlsx", "docx"):
        download = client.get(f"{report}/tai-ve.{file_format}")
        assert download.status_code == 200
        assert download.headers["Cache-Control"] == "no-store"


def test_evidence_files_are_not_stored(
    app: Flask, login: Login, user: Callable[[str], User]
) -> None:
    task = make_task(make_notice(), lead="stc", deadline=date(2024, 6, 30))
    sha256 = EvidenceStore(app.config["UPLOAD_FOLDER"]).save(b"%PDF")
    evidence = make_file_evidence(task, user("stc").id, sha256)
    db.session.commit()
    response = login("stc").get(f"/nhiem-vu/{task.id}/minh-chung/{evidence.id}")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    response.close()


def test_the_sign_in_page_and_static_files_may_be_cached(client: FlaskClient) -> None:
    assert "no-store" not in client.get("/dang-nhap").headers.get("Cache-Control", "")
    static = client.get("/static/css/tracker.css")
    assert static.status_code == 200
    assert "no-store" not in static.headers.get("Cache-Control", "")
    static.close()
