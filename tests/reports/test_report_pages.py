"""Reports on the web: built in the background by a real RQ worker on a real Redis, or at once
when Redis is down; read and downloaded by the staff only."""

import re
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis
from rq import Queue, SimpleWorker

from tests.support.forms import csrf_token
from tests.support.services import free_port
from tracker.extensions import db
from tracker.reports.models import Report, ReportState

Login = Callable[[str], FlaskClient]


def ask(client: FlaskClient, period: str, scope: str = "all") -> object:
    return client.post(
        "/bao-cao/",
        data={"csrf_token": csrf_token(client, "/bao-cao/"), "period": period, "scope": scope},
    )


def test_a_report_is_built_by_the_worker_and_downloaded(
    app: Flask, login: Login, redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    connection = Redis.from_url(redis_url)
    monkeypatch.setitem(app.extensions, "redis", connection)
    client = login("vanphong")
    response = ask(client, "2026-Q4", "agency:stc")
    report_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert db.session.get(Report, report_id).state is ReportState.BUILDING
    assert "Đang lập báo cáo" in client.get(response.headers["Location"]).get_data(as_text=True)

    SimpleWorker([Queue("reports", connection=connection)], connection=connection).work(burst=True)
    db.session.expire_all()
    assert db.session.get(Report, report_id).state is ReportState.READY
    page = client.get(f"/bao-cao/{report_id}").get_data(as_text=True)
    assert (
        "Tình hình thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao Quý IV năm 2026" in page
    )
    download = client.get(f"/bao-cao/{report_id}/tai-ve.xlsx")
    assert download.status_code == 200
    assert download.headers["Content-Disposition"].endswith('.xlsx"')
    assert download.data[:2] == b"PK"


def test_without_redis_the_report_is_built_at_once(
    app: Flask, login: Login, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.extensions, "redis", Redis(port=free_port(), socket_timeout=1))
    client = login("lanhdao")
    response = ask(client, "2026")
    report_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert db.session.get(Report, report_id).state is ReportState.READY


def test_the_period_is_typed_in_words_and_listed_by_its_name(
    app: Flask, login: Login, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.extensions, "redis", Redis(port=free_port(), socket_timeout=1))
    client = login("vanphong")
    form = client.get("/bao-cao/").get_data(as_text=True)
    assert re.search(r'name="period" value="Quý (I|II|III|IV)/\d{4}"', form)
    response = ask(client, "6 tháng đầu năm 2026")
    report = db.session.get(Report, int(response.headers["Location"].rsplit("/", 1)[1]))
    assert report.period_key == "2026-H1"
    assert "6 tháng đầu năm 2026</a>" in client.get("/bao-cao/").get_data(as_text=True)
    quarter = ask(client, "Quý IV/2026")
    quarter_id = int(quarter.headers["Location"].rsplit("/", 1)[1])
    assert db.session.get(Report, quarter_id).period_key == "2026-Q4"
    assert "Quý IV năm 2026</a>" in client.get("/bao-cao/").get_data(as_text=True)


def test_bad_periods_and_agencies(login: Login) -> None:
    client = login("vanphong")
    page = client.get(ask(client, "2026-Q7").headers["Location"]).get_data(as_text=True)
    assert "Kỳ báo cáo không hợp lệ" in page
    client.post("/dang-xuat", data={"csrf_token": csrf_token(client, "/")})
    assert login("stc").get("/bao-cao/").status_code == 403


def test_a_report_for_one_notice(app: Flask, login: Login, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import select

    from tracker.notices.models import Notice

    monkeypatch.setitem(app.extensions, "redis", Redis(port=free_port(), socket_timeout=1))
    notice = db.session.scalar(select(Notice).where(Notice.number == "1520/UBND-KGVX"))
    client = login("vanphong")
    assert f'value="notice:{notice.id}"' in client.get("/bao-cao/").get_data(as_text=True)
    response = ask(client, "2026-Q4", f"notice:{notice.id}")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Công văn số 1520/UBND-KGVX" in page


def test_the_two_way_form_downloads_beside_the_report(
    app: Flask, login: Login, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.extensions, "redis", Redis(port=free_port(), socket_timeout=1))
    client = login("lanhdao")
    response = ask(client, "Quý IV/2026")
    report_id = int(response.headers["Location"].rsplit("/", 1)[1])
    page = client.get(f"/bao-cao/{report_id}").get_data(as_text=True)
    assert f"/bao-cao/{report_id}/mau-hai-chieu.xlsx" in page
    download = client.get(f"/bao-cao/{report_id}/mau-hai-chieu.xlsx")
    assert download.status_code == 200 and download.data[:2] == b"PK"
    assert 'filename="mau-hai-chieu-2026-Q4-all.xlsx"' in download.headers["Content-Disposition"]
    assert client.get("/bao-cao/999999/mau-hai-chieu.xlsx").status_code == 404
