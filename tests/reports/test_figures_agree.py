"""The report, the dashboard, the scorecard and the API count the same quarter the same way
and state the same on-time rate (`tracker.domain.outcomes`), occurrences included."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date

import time_machine
from flask.testing import FlaskClient

from tests.factories import make_notice, make_series, make_task
from tracker.api.services import issue_token
from tracker.auth.models import User
from tracker.domain.periods import parse_period
from tracker.extensions import db
from tracker.reports.services import compute_figures, resolve_scope
from tracker.tasks.occurrences import open_occurrences

Login = Callable[[str], FlaskClient]
QUARTER = parse_period("2031-Q1")
D = date


def the_quarter() -> int:
    """Sở Xây dựng in Q1 2031: early, on time, late, two overdue, and a quarterly report whose
    Q1 occurrence came in late. Returns the notice's id."""
    notice = make_notice(issued_on=D(2031, 1, 5))
    make_task(notice, "sxd", deadline=D(2031, 2, 10), completed_on=D(2031, 2, 5))
    make_task(notice, "sxd", deadline=D(2031, 3, 1), completed_on=D(2031, 3, 1))
    make_task(notice, "sxd", deadline=D(2031, 2, 20), completed_on=D(2031, 3, 10))
    make_task(notice, "sxd", deadline=D(2031, 3, 15))
    make_task(notice, "sxd", deadline=D(2031, 3, 30))
    series = make_series(notice, D(2031, 3, 20))
    (q1,) = open_occurrences(db.session(), D(2031, 3, 1), [series.id])
    q1.completed_on = q1.submitted_on = D(2031, 3, 25)
    db.session.commit()
    return notice.id


def test_report_dashboard_scorecard_and_api_agree_on_a_quarter(
    login: Login, client: FlaskClient, user: Callable[[str], User]
) -> None:
    notice_id = the_quarter()
    _token, secret = issue_token(db.session(), user("lanhdao"), "Kiểm thử")
    db.session.commit()
    scope = resolve_scope(db.session(), f"notice:{notice_id}")
    report = compute_figures(db.session(), QUARTER, scope, QUARTER.end).totals
    assert (report.early, report.on_time, report.late, report.overdue) == (1, 1, 2, 2)
    assert report.on_time_rate.text == "33,33%"

    with time_machine.travel(D(2031, 4, 5), tick=False):
        leader = login("lanhdao")
        board = leader.get(f"/tong-quan?ky=2031-Q1&thong_bao={notice_id}").get_data(as_text=True)
        card = leader.get("/bang-diem?ky=2031-Q1").get_data(as_text=True)
        api = client.get("/api/v1/statuses", headers={"Authorization": f"Bearer {secret}"})
        statuses = api.get_json()
        everything = leader.get("/tong-quan").get_data(as_text=True)

    shown = dict(re.findall(r'data-status="(\w+)">([\d.]+)<', board))
    assert (shown["truoc_han"], shown["dung_han"], shown["tre_han"], shown["qua_han"]) == (
        "1", "1", "2", "2",
    )  # fmt: skip
    assert re.search(r'data-figure="on-time-rate">33,33%<', board)

    row = re.search(r"<th scope=\"row\">Sở Xây dựng</th>(.*?)</tr>", card, re.S)
    assert row is not None
    cells = [
        html.unescape(c) for c in re.findall(r'<td class="number">(?:<strong>)?([^<]*)', row[1])
    ]
    due, on_time, late, overdue, excused, _pending, rate = cells[:7]
    assert (due, on_time, late, overdue, excused) == ("6", "2", "2", "2", "0")
    assert rate == "33,33%"  # no extension: the original deadline is the deadline in force

    rate = statuses["on_time_rate"]
    whole = re.search(r'data-figure="on-time-rate">([^<]+)<', everything)
    assert whole is not None and rate["label"] == "Tỷ lệ hoàn thành đúng hạn"
    expected = "—" if rate["value"] is None else f"{100 * rate['value']:.2f}%".replace(".", ",")
    assert whole[1] == expected
