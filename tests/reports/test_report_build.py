"""Building reports from the database: the period's tasks, frozen figures, the command."""

import io
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
from docx import Document
from flask import Flask
from sqlalchemy import select

from tests.factories import make_notice, make_task
from tracker.auth.models import User
from tracker.domain.periods import parse_period
from tracker.extensions import db
from tracker.reports.figures_store import figures_from_json
from tracker.reports.models import Report, ReportState
from tracker.reports.services import build_report, compute_figures, resolve_scope
from tracker.tasks.models import ExplanationRequest, ExtensionRequest, ProgressUpdate


def scene() -> dict[str, object]:
    """Sở Tài chính in Q3/2017: one task done early, one late, one overdue, one carried over
    from Q2 and still open, one due in Q4 (not counted), one without deadline."""
    notice = make_notice(issued_on=date(2017, 4, 1))
    tasks = {
        "early": make_task(
            notice, lead="stc", deadline=date(2017, 9, 30), completed_on=date(2017, 9, 1)
        ),
        "late": make_task(
            notice, lead="stc", deadline=date(2017, 8, 31), completed_on=date(2017, 9, 5)
        ),
        "overdue": make_task(notice, lead="stc", deadline=date(2017, 9, 15)),
        "carried": make_task(notice, lead="stc", deadline=date(2017, 6, 30)),
        "next": make_task(notice, lead="stc", deadline=date(2017, 12, 31)),
        "ongoing": make_task(notice, lead="stc"),
    }
    db.session.commit()
    return tasks


def test_figures_of_a_quarter_for_one_agency(app: Flask) -> None:
    tasks = scene()
    report = build_report(
        db.session(),
        parse_period("2017-Q3"),
        resolve_scope(db.session(), "agency:stc"),
        today=date(2026, 1, 1),
    )
    figures = figures_from_json(report.figures)
    totals = figures.totals
    assert (totals.early, totals.late, totals.overdue, totals.ongoing) == (1, 1, 2, 1)
    assert totals.total == 5  # the task due in Q4 is not counted
    assert figures.items == 5  # kept with the report; unnumbered tasks are an item each
    assert [row.days_overdue for row in figures.overdue] == [92, 15]
    assert report.state is ReportState.READY and report.cut_off == date(2017, 9, 30)
    # in Q2 the carried task was still within its deadline (due on 30/6, the cut-off)
    assert figures.previous_totals is not None and figures.previous_totals.within == 1
    assert tasks


def test_a_report_is_frozen_at_its_cut_off(app: Flask) -> None:
    tasks = scene()
    report = build_report(
        db.session(),
        parse_period("2017-Q3"),
        resolve_scope(db.session(), "agency:stc"),
        today=date(2026, 1, 1),
    )
    db.session.commit()
    overdue = tasks["overdue"]
    overdue.completed_on = date(2017, 9, 10)  # someone rewrites history afterwards
    db.session.commit()
    stored = db.session.get(Report, report.id)
    assert figures_from_json(stored.figures).totals.overdue == 2


def test_the_build_command_writes_each_format(app: Flask, tmp_path: Path) -> None:
    scene()
    runner = app.test_cli_runner()
    for file_format in ("xlsx", "docx", "md"):
        out = tmp_path / f"bao-cao.{file_format}"
        result = runner.invoke(
            args=[
                "reports",
                "build",
                "--period",
                "2017-Q3",
                "--scope",
                "agency:stc",
                "--format",
                file_format,
                "--out",
                str(out),
            ]
        )
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    workbook = openpyxl.load_workbook(io.BytesIO((tmp_path / "bao-cao.xlsx").read_bytes()))
    values = [c for row in workbook.worksheets[0].iter_rows(values_only=True) for c in row if c]
    assert "Sở Tài chính" in values
    text = "\n".join(p.text for p in Document(str(tmp_path / "bao-cao.docx")).paragraphs)
    assert "BÁO CÁO" in text and "Quý III năm 2017" in text
    assert "| Sở Tài chính |" in (tmp_path / "bao-cao.md").read_text("utf-8")
    assert len(db.session.scalars(select(Report)).all()) == 3


def test_the_build_command_refuses_unknown_periods_and_scopes(app: Flask, tmp_path: Path) -> None:
    runner = app.test_cli_runner()
    for period, scope in (("2017-Q5", "all"), ("2017-Q3", "agency:none"), ("2017-Q3", "x")):
        result = runner.invoke(
            args=[
                "reports",
                "build",
                "--period",
                period,
                "--scope",
                scope,
                "--out",
                str(tmp_path / "r.xlsx"),
            ]
        )
        assert result.exit_code != 0
        assert "Invalid value" in result.output


def test_an_agency_merged_in_the_middle_of_the_period(app: Flask) -> None:
    """Sở Thông tin và Truyền thông merges into Sở Khoa học và Công nghệ in August: its open
    tasks move to the successor, so the quarter's report counts them under the successor,
    while the task completed before the merger stays with the old agency."""
    from tests.factories import agency

    notice = make_notice(issued_on=date(2017, 4, 1))
    done = make_task(
        notice, lead="stttt", deadline=date(2017, 7, 31), completed_on=date(2017, 7, 20)
    )
    moved = make_task(notice, lead="stttt", deadline=date(2017, 9, 15))
    old, successor = agency("stttt"), agency("skhcn")
    old.successor_id, old.active = successor.id, False
    moved.lead_agency_id = successor.id
    db.session.commit()
    report = build_report(
        db.session(),
        parse_period("2017-Q3"),
        resolve_scope(db.session(), "all"),
        today=date(2026, 1, 1),
    )
    rows = {row.agency: row.counts for row in figures_from_json(report.figures).agencies}
    assert rows["Sở Thông tin và Truyền thông"].early == 1
    assert rows["Sở Khoa học và Công nghệ"].overdue == 1
    assert done.id != moved.id


def test_the_overdue_list_says_where_each_task_stands_grouped_by_agency(
    app: Flask, user: Callable[[str], User]
) -> None:
    notice = make_notice(issued_on=date(2030, 1, 5))
    late = make_task(notice, "sxd", deadline=date(2030, 2, 10))
    later = make_task(notice, "sxd", deadline=date(2030, 3, 1))
    other = make_task(notice, "sct", deadline=date(2030, 1, 20))
    officer, leader = user("sxd"), user("lanhdao")
    at = datetime(2030, 3, 20, 3, tzinfo=UTC)
    db.session.add_all(
        [
            ProgressUpdate(task=late, author=officer, agency_id=officer.agency_id,
                           body="Đã lấy ý kiến các sở.", percent=40, created_at=at),
            ExtensionRequest(task=late, requested_by_id=officer.id,
                             requested_deadline=date(2030, 5, 30), reason="Chờ ý kiến bộ",
                             created_at=at),
            ExplanationRequest(task=later, requested_by_id=leader.id,
                               question="Vì sao chậm?", answer_by=date(2030, 3, 25),
                               answer="Thiếu kinh phí.", answered_at=at,
                               answered_by_id=officer.id),
            ProgressUpdate(task=other, author=officer, agency_id=officer.agency_id,
                           body="Báo cáo sau ngày chốt.", percent=90,
                           created_at=datetime(2030, 4, 5, tzinfo=UTC)),
        ]
    )  # fmt: skip
    db.session.flush()
    scope = resolve_scope(db.session(), f"notice:{notice.id}")
    rows = compute_figures(db.session(), parse_period("2030-Q1"), scope, date(2030, 3, 31)).overdue
    assert [(row.agency, row.task_id) for row in rows] == [
        ("Sở Công Thương", other.id),
        ("Sở Xây dựng", late.id),  # 49 days overdue, first in its agency
        ("Sở Xây dựng", later.id),
    ]
    assert rows[0].situation == ""  # a report written after the cut-off is not known then
    assert rows[1].situation == (
        "Tiến độ 40%: Đã lấy ý kiến các sở.; Đề nghị gia hạn đến 30/05/2030: Chờ ý kiến bộ"
    )
    assert rows[2].situation == "Giải trình: Thiếu kinh phí."
