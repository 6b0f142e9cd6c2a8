"""The year on the scorecard, and an agency head's view of the agency's tasks per officer."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import time_machine
from flask.testing import FlaskClient

from tests.factories import make_notice, make_task
from tests.support.forms import csrf_token
from tracker.auth.models import User
from tracker.extensions import db

Login = Callable[[str], FlaskClient]


def rows_of(page: str) -> dict[str, list[str]]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    found = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [
            re.sub(r"<[^>]+>", "", c).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        found[cells[0]] = cells[1:]
    return found


def test_the_head_sees_the_agency_s_tasks_per_officer_by_quarter_and_by_year(
    login: Login, user: Callable[[str], User]
) -> None:
    officer = user("snv")
    notice = make_notice(issued_on=date(2019, 3, 1))
    on_time = make_task(notice, "snv", deadline=date(2019, 4, 30), completed_on=date(2019, 4, 20))
    late = make_task(notice, "snv", deadline=date(2019, 5, 31), completed_on=date(2019, 6, 10))
    later = make_task(notice, "snv", deadline=date(2019, 11, 30), completed_on=date(2019, 11, 30))
    for task in (on_time, late, later):
        task.assignee = officer
    make_task(notice, "snv", deadline=date(2019, 6, 15))  # nobody assigned, overdue
    make_task(notice, "stc", deadline=date(2019, 5, 1)).assignee = user("stc")  # another agency
    db.session.commit()
    with time_machine.travel(date(2020, 1, 10), tick=False):
        head = login("snv.lanhdao")
        page = head.get("/co-quan/can-bo?ky=Quý II/2019").get_data(as_text=True)
        quarter = rows_of(page)
        year = rows_of(head.get("/co-quan/can-bo?ky=2019").get_data(as_text=True))
    assert quarter == {
        officer.full_name: ["2", "1", "1", "0", "0", "0", "50,00%"],
        "Chưa phân công": ["1", "0", "0", "1", "0", "0", "0,00%"],
    }
    assert year[officer.full_name] == ["3", "2", "1", "0", "0", "0", "66,67%"]
    assert "Được giao, đến hạn trong kỳ" in page and "Tỷ lệ đúng hạn theo hạn ban đầu" in page
    assert "Chuyên viên Sở Tài chính" not in year


def test_officers_may_not_see_the_view_and_the_scorecard_takes_a_year(login: Login) -> None:
    officer = login("snv")
    assert officer.get("/co-quan/can-bo").status_code == 403
    officer.post("/dang-xuat", data={"csrf_token": csrf_token(officer, "/")})
    page = login("lanhdao").get("/bang-diem?ky=2019").get_data(as_text=True)
    assert "Bảng điểm thực hiện nhiệm vụ năm 2019" in page
    assert '<option value="2019"' in page or "Theo năm" in page
