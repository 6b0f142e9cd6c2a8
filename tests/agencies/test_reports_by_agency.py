"""After a merge, reports count a task under the agency now responsible for it (the default)
or under the agency the notice assigned it to; reports built before keep their old names."""

from collections.abc import Callable
from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis

from tests.factories import agency, make_notice, make_task
from tests.support.forms import csrf_token
from tests.support.services import free_port
from tracker.agencies.succession import Decision, merge_agencies
from tracker.auth.models import User
from tracker.domain.periods import parse_period
from tracker.extensions import db
from tracker.reports.models import AgencyBasis, Report
from tracker.reports.services import build_report, compute_figures, resolve_scope

OLD, NEW = "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"
PERIOD = parse_period("2030-Q2")
CUT_OFF = date(2030, 6, 30)


def merged_province(user: Callable[[str], User]) -> str:
    """Two tasks of Sở TT&TT due in 2030-Q2, one done before the merge; then the merge.
    Returns the scope of their notice."""
    notice = make_notice(issued_on=date(2030, 1, 5))
    make_task(notice, lead="stttt", deadline=date(2030, 5, 31))
    make_task(notice, lead="stttt", deadline=date(2030, 4, 30), completed_on=date(2030, 4, 2))
    decision = Decision("Quyết định 123/QĐ-UBND ngày 01/03/2030", date(2030, 3, 1))
    merge_agencies(db.session(), [agency("stttt")], agency("skhcn"), decision, user("quantri"))
    return f"notice:{notice.id}"


def totals(basis: AgencyBasis, scope: str = "all") -> dict[str, int]:
    figures = compute_figures(
        db.session(), PERIOD, resolve_scope(db.session(), scope), CUT_OFF, basis
    )
    return {row.agency: row.counts.total for row in figures.agencies}


def test_counting_by_assigned_agency_shows_the_old_one(user: Callable[[str], User]) -> None:
    before = totals(AgencyBasis.RESPONSIBLE)
    notice = merged_province(user)
    assert totals(AgencyBasis.ASSIGNED, notice) == {OLD: 2}
    assert totals(AgencyBasis.RESPONSIBLE, notice) == {OLD: 1, NEW: 1}  # the done task stays
    by_assigned = totals(AgencyBasis.ASSIGNED)
    by_responsible = totals(AgencyBasis.RESPONSIBLE)
    assert by_assigned[OLD] == before[OLD] + 2 and by_assigned[NEW] == before[NEW]
    assert by_responsible[NEW] > before[NEW] and by_responsible[OLD] < by_assigned[OLD]
    assert sum(by_assigned.values()) == sum(by_responsible.values())
    assert totals(AgencyBasis.ASSIGNED, "agency:stttt")[OLD] == by_assigned[OLD]


def test_a_report_built_before_the_merge_keeps_the_old_name(user: Callable[[str], User]) -> None:
    notice = make_notice(issued_on=date(2030, 1, 5))
    make_task(notice, lead="stttt", deadline=date(2030, 5, 31))
    report = build_report(db.session(), PERIOD, resolve_scope(db.session(), "all"), CUT_OFF)
    decision = Decision("Quyết định 123/QĐ-UBND ngày 01/07/2030", date(2030, 7, 1))
    merge_agencies(db.session(), [agency("stttt")], agency("skhcn"), decision, user("quantri"))
    db.session.expire_all()
    frozen = db.session.get(Report, report.id)
    assert OLD in [row["agency"] for row in frozen.figures["agencies"]]


def test_the_report_page_offers_the_choice_and_keeps_it(
    app: Flask,
    login: Callable[[str], FlaskClient],
    user: Callable[[str], User],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(app.extensions, "redis", Redis(port=free_port(), socket_timeout=1))
    scope = merged_province(user)
    db.session.commit()
    client = login("vanphong")
    page = client.get("/bao-cao/").get_data(as_text=True)
    assert "theo cơ quan được giao ban đầu" in page
    assert "theo cơ quan đang chịu trách nhiệm" in page
    data = {"csrf_token": csrf_token(client, "/bao-cao/"), "period": "2030-Q2", "scope": scope}
    reports = {}
    for basis in ("assigned", ""):
        response = client.post("/bao-cao/", data={**data, "basis": basis})
        reports[basis] = db.session.get(Report, int(response.headers["Location"].split("/")[-1]))
    assert reports[""].agency_basis is AgencyBasis.RESPONSIBLE
    assert reports["assigned"].agency_basis is AgencyBasis.ASSIGNED
    assigned_rows = {row["agency"] for row in reports["assigned"].figures["agencies"]}
    responsible_rows = {row["agency"] for row in reports[""].figures["agencies"]}
    assert assigned_rows == {OLD} and responsible_rows == {OLD, NEW}
    assert "(theo cơ quan được giao ban đầu)" in reports["assigned"].figures["scope_label"]
    detail = client.get(f"/bao-cao/{reports['assigned'].id}").get_data(as_text=True)
    assert "theo cơ quan được giao ban đầu" in detail
