"""An agency's own list: lead and coordinating tasks apart, filters, most urgent first."""

import re
from collections.abc import Callable
from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.factories import make_notice, make_task
from tests.support.statements import statements_sent
from tracker.auth.models import User
from tracker.extensions import db

Login = Callable[[str], FlaskClient]


def ids(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'href="/nhiem-vu/(\d+)"', page)]


def test_lead_and_coordinating_apart_with_filters(
    app: Flask, login: Login, user: Callable[[str], User]
) -> None:
    notice = make_notice()
    led_soon = make_task(notice, lead="stc", deadline=date(2030, 1, 10))
    led_later = make_task(notice, lead="stc", deadline=date(2030, 6, 30))
    coordinated = make_task(notice, lead="snv", coordinating=("stc",), deadline=date(2030, 3, 1))
    led_later.assignee_id = user("stc").id
    db.session.commit()
    client = login("stc")
    base = f"/?thong_bao={notice.id}"
    assert ids(client.get(base).get_data(as_text=True)) == [
        led_soon.id,
        coordinated.id,
        led_later.id,
    ]
    assert ids(client.get(base + "&vai_tro=chu_tri").get_data(as_text=True)) == [
        led_soon.id,
        led_later.id,
    ]
    assert ids(client.get(base + "&vai_tro=phoi_hop").get_data(as_text=True)) == [coordinated.id]
    ranged = client.get(base + "&han_tu=01/02/2030&han_den=30/06/2030").get_data(as_text=True)
    assert ids(ranged) == [coordinated.id, led_later.id]
    assert ids(client.get(base + "&cua_toi=1").get_data(as_text=True)) == [led_later.id]
    page = client.get(base + "&han_tu=31/02/2030&vai_tro=la").get_data(as_text=True)
    assert len(ids(page)) == 3, "malformed filters are ignored, not an error"


def test_led_and_coordinated_tasks_merge_in_urgency_order(app: Flask, login: Login) -> None:
    notice = make_notice()
    done_led = make_task(
        notice, lead="stc", deadline=date(2030, 1, 1), completed_on=date(2029, 12, 1)
    )
    undated_coordinated = make_task(notice, lead="snv", coordinating=("stc",))
    later_coordinated = make_task(
        notice, lead="snv", coordinating=("stc",), deadline=date(2030, 5, 1)
    )
    soon_led = make_task(notice, lead="stc", deadline=date(2030, 2, 1))
    done_coordinated = make_task(
        notice, lead="snv", coordinating=("stc",), deadline=date(2030, 1, 1)
    )
    undated_led = make_task(notice, lead="stc")
    db.session.flush()
    # changed after their coordinator rows were written, which must follow
    done_coordinated.completed_on = date(2029, 12, 20)
    later_coordinated.deadline = date(2030, 1, 15)
    db.session.commit()
    page = login("stc").get(f"/?thong_bao={notice.id}").get_data(as_text=True)
    expected = [later_coordinated, soon_led, undated_coordinated, undated_led]
    expected += [done_led, done_coordinated]
    assert ids(page) == [task.id for task in expected]


def test_a_list_not_counted_from_the_cells_counts_every_page(
    app: Flask, login: Login, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An agency's list of one notice (which the kept counts cannot answer) merges its led
    and coordinated tasks, reading only a page's worth of each; its count is of all of
    them, so that the first page offers the next."""
    monkeypatch.setitem(app.config, "PAGE_SIZE", 2)
    notice = make_notice()
    for month in (1, 2, 3):
        make_task(notice, lead="stc", deadline=date(2030, month, 1))
        make_task(notice, lead="snv", coordinating=("stc",), deadline=date(2030, month, 2))
    db.session.commit()
    client = login("stc")
    with statements_sent() as statements:
        first = client.get(f"/nhiem-vu/?thong_bao={notice.id}").get_data(as_text=True)
    assert "Trang 1 / 3 (6 mục)" in first
    assert "Trang sau" in first
    listed = [sql for sql in statements if not sql.startswith("SELECT user_account")]
    counted = [sql for sql in listed if re.search(r"\bcount\(\*\)", sql)]
    assert len(counted) == 1 and "ORDER BY" in counted[0], "counted with the page's tasks"
    last = client.get(f"/nhiem-vu/?thong_bao={notice.id}&page=3").get_data(as_text=True)
    assert "Trang 3 / 3 (6 mục)" in last
    assert len(ids(last)) == 2


def test_a_page_past_the_last_shows_the_last(
    app: Flask, login: Login, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An old link to a list that has since shrunk (or a page typed by hand) shows the last
    page, not an empty table that says there are no tasks."""
    monkeypatch.setitem(app.config, "PAGE_SIZE", 2)
    notice = make_notice()
    tasks = [make_task(notice, lead="stc", deadline=date(2030, 1, day)) for day in (1, 2, 3)]
    db.session.commit()
    client = login("stc")
    for address in (f"/nhiem-vu/?thong_bao={notice.id}&page=9", "/nhiem-vu/?page=99999"):
        page = client.get(address).get_data(as_text=True)
        if "thong_bao" in address:
            assert ids(page) == [tasks[2].id]
            assert "Trang 2 / 2 (3 mục)" in page
        assert "Không có nhiệm vụ nào" not in page
        assert "Trang sau" not in page


@pytest.mark.parametrize(
    ("username", "address"),
    [
        ("stc", "/nhiem-vu/"),
        ("lanhdao", "/nhiem-vu/?trang_thai=qua_han"),
        ("lanhdao", "/tong-quan"),
    ],
)
def test_lists_read_no_notice_body_and_join_no_notice(
    app: Flask, login: Login, username: str, address: str
) -> None:
    """A list of fifty tasks shows each one's notice number, not its text (13 KB at the
    median): the bodies are not read. And the notice's state is asked of each listed task
    rather than joined: for a join SQLite reads every notice (`tracker.access.listed_tasks`)."""
    make_task(make_notice(), lead="stc", deadline=date(2020, 1, 10))  # overdue: listed by both
    db.session.commit()
    client = login(username)
    with statements_sent() as statements:
        assert client.get(address).status_code == 200
    assert statements and not any("notice.body" in s or "notice_1.body" in s for s in statements)
    listed = [s for s in statements if "ORDER BY" in s and "task.deadline" in s]
    assert listed and not any(
        re.search(r"\bJOIN notice ON notice.id = task.notice_id", s) for s in listed
    )
