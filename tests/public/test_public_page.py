"""The public results page: what the secretariat makes public, read without signing in, with
agencies, deadlines and statuses and nothing of officers, progress or evidence; an Atom feed."""

from __future__ import annotations

from collections.abc import Callable
from xml.etree import ElementTree

import pytest
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis
from sqlalchemy import select

from tests.support.forms import csrf_token
from tests.support.statements import statements_sent
from tests.tasks.test_decisions_seen import login_as
from tracker.auth.models import User
from tracker.extensions import db
from tracker.notices.models import Notice
from tracker.tasks.models import Evidence, ProgressUpdate, Task

Login = Callable[[str], FlaskClient]
ATOM = "{http://www.w3.org/2005/Atom}"


def make_public(login: Login, notice: Notice) -> None:
    client = login("vanphong")
    page = f"/thong-bao/{notice.id}"
    client.post(
        f"{page}/theo-doi",
        data={"csrf_token": csrf_token(client, page), "directing_leader": "0", "public": "y"},
    )
    db.session.expire_all()
    assert notice.public


def test_a_public_notice_shows_its_results_and_nothing_private(app: Flask, login: Login) -> None:
    notice = db.session.scalar(select(Notice).where(Notice.number == "473/TB-VPUBND"))
    private = db.session.scalar(select(Notice).where(Notice.number == "1520/UBND-KGVX"))
    anonymous = app.test_client()
    assert anonymous.get(f"/cong-khai/{notice.id}").status_code == 404  # not public yet
    make_public(login, notice)

    response = anonymous.get(f"/cong-khai/{notice.id}")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=300"
    page = response.get_data(as_text=True)
    tasks = db.session.scalars(select(Task).where(Task.notice_id == notice.id)).all()
    assert any(task.lead_agency.name in page for task in tasks)
    assert "Theo cơ quan chủ trì" in page and "Quá hạn" in page
    # nothing of the people or the work behind the figures
    officers = db.session.scalars(select(User.full_name)).all()
    progress = db.session.scalars(
        select(ProgressUpdate.body).join(Task).where(Task.notice_id == notice.id)
    ).all()
    files = db.session.scalars(
        select(Evidence.file_name).join(Task).where(Task.notice_id == notice.id)
    ).all()
    assert progress and files  # the demo has both on this notice
    for secret in [*officers, *(p[:40] for p in progress), *(f for f in files if f)]:
        assert secret not in page, secret
    assert "Đăng xuất" not in page

    listed = anonymous.get("/cong-khai/").get_data(as_text=True)
    assert f"/cong-khai/{notice.id}" in listed and f"/cong-khai/{private.id}" not in listed
    assert anonymous.get(f"/cong-khai/{private.id}").status_code == 404


def test_the_atom_feed_lists_the_public_notices(app: Flask, login: Login) -> None:
    notice = db.session.scalar(select(Notice).where(Notice.number == "473/TB-VPUBND"))
    make_public(login, notice)
    response = app.test_client().get("/cong-khai/ket-qua.atom")
    assert response.mimetype == "application/atom+xml"
    feed = ElementTree.fromstring(response.data)  # noqa: S314 - the app's own feed
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    assert entries[0].findtext(f"{ATOM}title", "").startswith("Thông báo 473/TB-VPUBND")
    assert f"/cong-khai/{notice.id}" in entries[0].findtext(f"{ATOM}id", "")
    assert "nhiệm vụ, đã hoàn thành" in entries[0].findtext(f"{ATOM}summary", "")


def test_a_signed_in_readers_page_is_not_kept_by_proxies(app: Flask, login: Login) -> None:
    notice = db.session.scalar(select(Notice).where(Notice.number == "473/TB-VPUBND"))
    make_public(login, notice)
    response = login_as(app, "lanhdao").get(f"/cong-khai/{notice.id}")
    assert "public" not in response.headers["Cache-Control"]


def test_the_public_page_is_served_from_the_figures_cache(
    app: Flask, login: Login, redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    notice = db.session.scalar(select(Notice).where(Notice.number == "473/TB-VPUBND"))
    make_public(login, notice)
    monkeypatch.setitem(app.extensions, "redis", Redis.from_url(redis_url))
    monkeypatch.setitem(app.config, "CACHE_SECONDS", 600)
    anonymous = app.test_client()
    first = anonymous.get(f"/cong-khai/{notice.id}").get_data(as_text=True)
    with statements_sent() as statements:
        again = anonymous.get(f"/cong-khai/{notice.id}").get_data(as_text=True)
    assert again == first
    assert not [s for s in statements if "FROM task" in s]  # no task read the second time
