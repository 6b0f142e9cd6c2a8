"""A report's narrative: drafted from its figures, edited by the secretariat, frozen with the
report; and the figures it is drafted from (carried over, newly assigned, followed notices,
due next period)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from docx import Document
from flask import Flask
from flask.testing import FlaskClient

from tests.factories import make_notice, make_task
from tests.support.forms import csrf_token
from tracker.domain.periods import parse_period
from tracker.domain.report_figures import (
    AgencyRow,
    Intake,
    OverdueRow,
    ReportFigures,
    StatusCounts,
)
from tracker.domain.report_narrative import draft_narrative, narrative_for
from tracker.extensions import db
from tracker.notices.models import Notice
from tracker.reports.figures_store import figures_from_json
from tracker.reports.models import Report
from tracker.reports.services import build_report, resolve_scope
from tracker.reports.wording import intake_sentence

Login = Callable[[str], FlaskClient]


def overdue(agency: str, situation: str = "") -> OverdueRow:
    return OverdueRow(agency, "1/TB", "1", "Việc", date(2026, 9, 1), 20, situation=situation)


def quarter(
    totals: StatusCounts, agencies: list[AgencyRow], rows: list[OverdueRow]
) -> ReportFigures:
    return ReportFigures(
        title="Tình hình",
        period_label="Quý III năm 2026",
        start=date(2026, 7, 1),
        end=date(2026, 9, 30),
        scope_label="toàn tỉnh",
        totals=totals,
        agencies=agencies,
        overdue=rows,
        upcoming=4,
        next_period_label="Quý IV năm 2026",
    )


def test_the_draft_states_each_fact_of_the_figures_and_nothing_else() -> None:
    figures = quarter(
        StatusCounts(early=1, on_time=2, late=1, within=3, overdue=3, ongoing=2),
        [
            AgencyRow("Sở Tài chính", StatusCounts(overdue=1, on_time=2)),
            AgencyRow("Sở Xây dựng", StatusCounts(overdue=2, late=1)),
        ],
        [
            overdue("Sở Xây dựng", "Giải trình: chờ vốn"),
            overdue("Sở Xây dựng"),
            overdue("Sở Tài chính"),
        ],
    )
    draft = draft_narrative(figures)
    assert draft["opening"].endswith("Quý III năm 2026 (phạm vi: toàn tỉnh) như sau:")
    shortcomings = draft["shortcomings"].splitlines()
    assert shortcomings == [
        "Còn 3 nhiệm vụ quá hạn chưa hoàn thành (30,00% số nhiệm vụ có thời hạn), tại "
        "Sở Xây dựng (2 nhiệm vụ), Sở Tài chính (1 nhiệm vụ).",  # the most overdue first
        "Có 1 nhiệm vụ hoàn thành nhưng trễ hạn.",
        "2 nhiệm vụ quá hạn chưa có báo cáo tiến độ, giải trình hoặc đề nghị gia hạn của cơ "
        "quan được giao.",
        "Nguyên nhân chậm trễ theo báo cáo, giải trình của các cơ quan được nêu tại danh sách "
        "nhiệm vụ quá hạn.",
    ]
    directions = draft["directions"].splitlines()
    assert "Tiếp tục đôn đốc các cơ quan hoàn thành 3 nhiệm vụ quá hạn." in directions
    assert "Trong Quý IV năm 2026 có 4 nhiệm vụ đến hạn đã được giao." in directions
    assert "Theo dõi việc thực hiện 2 nhiệm vụ thường xuyên." in directions
    assert len(draft["proposals"].splitlines()) == 2


def test_a_clean_period_is_drafted_as_clean() -> None:
    figures = quarter(
        StatusCounts(on_time=2), [AgencyRow("Sở Tài chính", StatusCounts(on_time=2))], []
    )
    draft = draft_narrative(figures)
    assert draft["shortcomings"] == "Trong kỳ, không có nhiệm vụ quá hạn hoặc hoàn thành trễ hạn."
    assert "quá hạn" not in draft["directions"]
    assert draft["proposals"].startswith("Đề nghị các cơ quan tiếp tục")
    # a report stored before narratives existed gets the draft; an edited section is kept
    assert narrative_for(None, figures) == draft
    assert narrative_for({"proposals": "Không"}, figures)["proposals"] == "Không"


def scene() -> int:
    """Q3/2017 for Sở Tài chính: three tasks of a notice of April (one carried over from Q2),
    two of a notice of August that the secretariat follows apart, one due in Q4."""
    april = make_notice(issued_on=date(2017, 4, 1))
    make_task(april, lead="stc", deadline=date(2017, 6, 30))  # carried over, overdue
    make_task(april, lead="stc", deadline=date(2017, 9, 1), completed_on=date(2017, 8, 1))
    make_task(april, lead="stc", deadline=date(2017, 12, 15))  # due next quarter
    august = make_notice(issued_on=date(2017, 8, 10))
    august.reported_apart = True
    make_task(august, lead="stc", deadline=date(2017, 9, 20), completed_on=date(2017, 9, 25))
    make_task(august, lead="stc")
    db.session.commit()
    return august.id


def test_the_figures_tell_carried_over_from_newly_assigned_and_the_followed_notices(
    app: Flask,
) -> None:
    august = scene()
    report = build_report(
        db.session(), parse_period("Quý III/2017"), resolve_scope(db.session(), "agency:stc"),
        today=date(2026, 1, 1),
    )  # fmt: skip
    figures = figures_from_json(report.figures)
    assert figures.totals.total == 4
    assert (figures.intake.carried_over, figures.intake.newly_assigned) == (2, 2)
    assert figures.upcoming == 1 and figures.next_period_label == "Quý IV năm 2017"
    [section] = figures.notices
    followed = db.session.get(Notice, august)
    assert section.heading == f"Thông báo số {followed.number} ngày 10/08/2017"
    assert (section.counts.late, section.counts.ongoing, section.counts.total) == (1, 1, 2)
    assert report.narrative == draft_narrative(figures)


def build(client: FlaskClient) -> int:
    response = client.post(
        "/bao-cao/",
        data={
            "csrf_token": csrf_token(client, "/bao-cao/"),
            "period": "Quý III/2017",
            "scope": "agency:stc",
        },
    )
    return int(response.headers["Location"].rsplit("/", 1)[1])


def docx_text(client: FlaskClient, report_id: int) -> str:
    download = client.get(f"/bao-cao/{report_id}/tai-ve.docx")
    assert download.status_code == 200
    return "\n".join(p.text for p in Document(io.BytesIO(download.data)).paragraphs)


def test_the_secretariat_edits_the_narrative_freezes_it_and_the_file_keeps_it(
    app: Flask, login: Login
) -> None:
    scene()
    client = login("vanphong")
    report_id = build(client)
    page = f"/bao-cao/{report_id}"
    assert "DỰ THẢO" in docx_text(client, report_id)
    edited = "Tập trung hoàn thành dứt điểm nhiệm vụ quá hạn.\n\nRà soát các nhiệm vụ Quý IV."
    response = client.post(
        page,
        data={"csrf_token": csrf_token(client, page), "directions": edited, "action": "save"},
        follow_redirects=True,
    )
    assert "Đã lưu nội dung báo cáo." in response.get_data(as_text=True)
    response = client.post(
        page,
        data={
            "csrf_token": csrf_token(client, page),
            "proposals": "Đề nghị bố trí vốn cho Sở Tài chính.",
            "action": "freeze",
        },
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    assert "Đã chốt báo cáo." in html and "Báo cáo đã chốt lúc" in html
    assert 'name="directions"' not in html  # no form once frozen

    text = docx_text(client, report_id)
    assert "DỰ THẢO" not in text
    assert "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI\nTập trung hoàn thành dứt điểm nhiệm vụ quá hạn.\n" \
        "Rà soát các nhiệm vụ Quý IV.\nVII. KIẾN NGHỊ, ĐỀ XUẤT\nĐề nghị bố trí vốn cho Sở Tài " \
        "chính." in text  # fmt: skip
    assert "Thực hiện nhiệm vụ theo dõi, đôn đốc" in text  # the opening was left as drafted

    # frozen: a further edit is refused and changes nothing
    response = client.post(
        page,
        data={"csrf_token": csrf_token(client, page), "directions": "Khác", "action": "save"},
        follow_redirects=True,
    )
    assert "Báo cáo đã chốt, không sửa được nữa." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Report, report_id).narrative["directions"].startswith("Tập trung")


def test_a_section_too_long_is_refused_and_nothing_is_saved(app: Flask, login: Login) -> None:
    scene()
    client = login("vanphong")
    report_id = build(client)
    page = f"/bao-cao/{report_id}"
    response = client.post(
        page,
        data={
            "csrf_token": csrf_token(client, page),
            "opening": "Mở đầu mới",
            "directions": "x" * 20_001,
            "action": "freeze",
        },
        follow_redirects=True,
    )
    assert "dài quá 20.000 ký tự" in response.get_data(as_text=True)
    db.session.expire_all()
    report = db.session.get(Report, report_id)
    assert not report.frozen and report.narrative["opening"].startswith("Thực hiện nhiệm vụ")


def test_leaders_read_the_report_but_do_not_edit_it(app: Flask, login: Login) -> None:
    scene()
    period, scope = parse_period("Quý III/2017"), resolve_scope(db.session(), "agency:stc")
    report_id = build_report(db.session(), period, scope, today=date(2026, 1, 1)).id
    db.session.commit()
    leader = login("lanhdao")
    page = f"/bao-cao/{report_id}"
    html = leader.get(page).get_data(as_text=True)
    assert "Phương hướng, nhiệm vụ kỳ tới" in html and 'name="directions"' not in html
    response = leader.post(
        page, data={"csrf_token": csrf_token(leader, page), "directions": "x", "action": "save"}
    )
    assert response.status_code == 403


def test_the_intake_sentence_names_only_what_there_is() -> None:
    figures = quarter(StatusCounts(on_time=2, within=1), [], [])
    assert intake_sentence(replace(figures, intake=Intake(3, 0))) == (
        "Cả 3 nhiệm vụ đều là nhiệm vụ chuyển tiếp từ kỳ trước."
    )
    assert intake_sentence(replace(figures, intake=Intake(1, 2))) == (
        "Trong 3 nhiệm vụ, có 1 nhiệm vụ chuyển tiếp từ kỳ trước (33,33%) và 2 nhiệm vụ được "
        "giao mới trong kỳ (66,67%)."
    )
    assert intake_sentence(figures) is None  # a report frozen before it was counted


def test_the_build_command_freezes_on_request(app: Flask, tmp_path: Path) -> None:
    scene()
    runner = app.test_cli_runner()
    texts = {}
    for flag in ([], ["--freeze"]):
        out = tmp_path / f"r{len(flag)}.docx"
        args = ["reports", "build", "--period", "Quý III/2017", "--format", "docx", "--out"]
        result = runner.invoke(args=[*args, str(out), *flag])
        assert result.exit_code == 0, result.output
        texts[bool(flag)] = [p.text for p in Document(str(out)).paragraphs]
    assert "DỰ THẢO" in texts[False] and "DỰ THẢO" not in texts[True]
    reports = db.session.query(Report).order_by(Report.id).all()[-2:]
    assert [report.frozen for report in reports] == [False, True]
