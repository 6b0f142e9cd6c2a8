"""A draft the secretariat will not publish is deleted, with a line in the log; a published
notice is never deleted this way, and agencies cannot delete anything."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from tests.factories import make_notice
from tests.support.forms import csrf_token
from tracker.audit.models import Event
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeState

Login = Callable[[str], FlaskClient]


def delete(client: FlaskClient, notice_id: int) -> object:
    return client.post(f"/thong-bao/{notice_id}/xoa", data={"csrf_token": csrf_token(client, "/")})


def test_the_secretariat_deletes_a_draft_and_the_log_keeps_its_name(
    app: Flask, login: Login
) -> None:
    draft = make_notice(state=NoticeState.DRAFT)
    published = make_notice()
    db.session.commit()
    client = login("vanphong")
    review = client.get(f"/thong-bao/{draft.id}/xem-xet").get_data(as_text=True)
    assert "Xóa hẳn bản nháp" in review
    response = client.post(
        f"/thong-bao/{draft.id}/xoa",
        data={"csrf_token": csrf_token(client, f"/thong-bao/{draft.id}/xem-xet")},
        follow_redirects=True,
    )
    assert f"Đã xóa bản nháp Thông báo {draft.number}." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Notice, draft.id) is None
    logged = db.session.scalar(select(Event).where(Event.action == "notice.draft_deleted"))
    assert logged is not None and logged.after["number"] == draft.number
    assert delete(client, published.id).status_code == 404
    assert db.session.get(Notice, published.id) is not None


def test_agencies_cannot_delete_drafts(app: Flask, login: Login) -> None:
    draft = make_notice(state=NoticeState.DRAFT)
    db.session.commit()
    assert delete(login("stc"), draft.id).status_code == 403
    assert db.session.get(Notice, draft.id) is not None
