"""Later documents change published tasks: a deadline moved, a task paused or cancelled, a
mistake corrected; each a version of the task with its document, seen by the agency, and
counted in the figures from its date (frozen reports untouched)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from flask.testing import FlaskClient
from sqlalchemy import func, select

from tests.factories import make_notice, make_series, make_task
from tests.support.forms import csrf_token
from tracker.auth.models import User
from tracker.clock import today
from tracker.domain.periods import parse_period
from tracker.domain.status import TaskStatus
from tracker.extensions import db
from tracker.notices.services import create_draft
from tracker.notifications.models import Notification
from tracker.reports.figures_store import figures_from_json
from tracker.reports.services import build_report, compute_figures, resolve_scope
from tracker.tasks.amendments import ChangeRequest, DocumentEntry, amend
from tracker.tasks.models import Amendment, ChangeKind, Task, TaskChange
from tracker.tasks.occurrences import open_occurrences

Login = Callable[[str], FlaskClient]
LETTER = DocumentEntry(number="1650/UBND-KGVX", issued_on=date(2026, 11, 20), issuer="UBND tỉnh")


def post_amendment(client: FlaskClient, task: Task, **fields: object) -> object:
    page = f"/nhiem-vu/{task.id}"
    data = {"csrf_token": csrf_token(client, page), "version": str(task.version), **fields}
    return client.post(f"{page}/dieu-chinh", data=data)


def sign_out(client: FlaskClient) -> None:
    client.post("/dang-xuat", data={"csrf_token": csrf_token(client, "/")})


def test_a_letter_moves_a_deadline_and_the_agency_sees_it_with_the_letter(
    login: Login, user: Callable[[str], User]
) -> None:
    task = make_task(make_notice(), "sxd", deadline=today() + timedelta(days=3))
    db.session.commit()
    unread = db.session.scalar(select(func.count()).select_from(Notification))
    new_deadline = today() + timedelta(days=40)
    secretary = login("vanphong")
    response = post_amendment(
        secretary,
        task,
        kind="deadline",
        notice_id="0",
        number="1650/UBND-KGVX",
        issued_on=today().strftime("%d/%m/%Y"),
        issuer="UBND tỉnh",
        deadline=new_deadline.strftime("%d/%m/%Y"),
    )
    assert response.status_code == 302
    db.session.refresh(task)
    assert task.deadline == new_deadline and task.original_deadline == today() + timedelta(days=3)
    (change,) = task.changes
    assert change.kind is ChangeKind.DEADLINE and change.amendment.number == "1650/UBND-KGVX"
    assert db.session.scalar(select(func.count()).select_from(Notification)) > unread
    sign_out(secretary)
    page = login("sxd").get(f"/nhiem-vu/{task.id}").get_data(as_text=True)
    assert "Lịch sử điều chỉnh" in page
    assert f"Theo Văn bản số 1650/UBND-KGVX ngày {today():%d/%m/%Y} của UBND tỉnh" in page
    assert f"thành {new_deadline:%d/%m/%Y}" in page


def test_a_correction_needs_a_reason_and_a_letter_needs_all_its_parts(login: Login) -> None:
    task = make_task(make_notice(), "sxd", deadline=today() + timedelta(days=3))
    db.session.commit()
    client = login("vanphong")
    documents = db.session.scalar(select(func.count()).select_from(Amendment))
    no_reason = post_amendment(client, task, kind="text", notice_id="0", text="Sửa lại.")
    assert no_reason.status_code == 422
    assert "cần nêu lý do" in no_reason.get_data(as_text=True)
    half = post_amendment(client, task, kind="text", notice_id="0", number="12/UBND", text="X.")
    assert "Hãy ghi đủ số, ngày và cơ quan ban hành" in half.get_data(as_text=True)
    db.session.refresh(task)
    assert task.text == "Nhiệm vụ kiểm thử" and task.changes == []
    assert db.session.scalar(select(func.count()).select_from(Amendment)) == documents
    fixed = post_amendment(
        client, task, kind="text", notice_id="0", text="Nhiệm vụ đã sửa.", reason="Sai chính tả"
    )
    assert fixed.status_code == 302
    db.session.refresh(task)
    assert task.text == "Nhiệm vụ đã sửa." and task.changes[0].amendment is None
    sign_out(client)
    agency_client = login("sxd")
    refused = post_amendment(agency_client, task, kind="text", text="Y.", reason="Z")
    assert refused.status_code == 403


def test_an_amended_deadline_leaves_a_frozen_report_as_it_was(
    app: object, user: Callable[[str], User]
) -> None:
    notice = make_notice(issued_on=date(2030, 1, 5))
    task = make_task(notice, "sxd", deadline=date(2030, 2, 10))
    quarter = parse_period("2030-Q1")
    scope = resolve_scope(db.session(), f"notice:{notice.id}")
    report = build_report(db.session(), quarter, scope, date(2030, 4, 1))
    frozen = dict(report.figures)
    amend(
        db.session(),
        task,
        user("vanphong"),
        ChangeRequest(ChangeKind.DEADLINE, deadline=date(2030, 5, 15)),
        LETTER,
        today=date(2030, 4, 2),
        version=task.version,
    )
    db.session.refresh(report)
    assert report.figures == frozen
    assert figures_from_json(report.figures).totals.overdue == 1
    assert compute_figures(db.session(), quarter, scope, quarter.end).totals.total == 0


def test_a_cancelled_task_leaves_the_figures_from_its_date(
    app: object, user: Callable[[str], User]
) -> None:
    notice = make_notice(issued_on=date(2030, 1, 5))
    task = make_task(notice, "sxd", deadline=date(2030, 2, 10))
    letter = DocumentEntry(number="77/UBND-TH", issued_on=date(2030, 3, 1), issuer="UBND tỉnh")
    amend(
        db.session(),
        task,
        user("vanphong"),
        ChangeRequest(ChangeKind.CANCEL),
        letter,
        today=date(2030, 3, 2),
        version=task.version,
    )
    assert task.cancelled_on == date(2030, 3, 1)
    scope = resolve_scope(db.session(), f"notice:{notice.id}")
    before = compute_figures(db.session(), parse_period("2030-02"), scope, date(2030, 2, 28))
    after = compute_figures(db.session(), parse_period("2030-Q1"), scope, date(2030, 3, 31))
    assert (before.totals.overdue, before.totals.cancelled) == (1, 0)
    assert (after.totals.total, after.totals.overdue, after.totals.cancelled) == (0, 0, 1)
    listed = db.session.scalars(select(Task.id).where(Task.notice_id == notice.id)).all()
    assert listed == [task.id]  # kept, apart: the lists and the dashboard no longer count it


def test_a_paused_task_is_not_overdue_while_paused(
    app: object, user: Callable[[str], User]
) -> None:
    task = make_task(make_notice(), "sxd", deadline=today() - timedelta(days=5))
    assert task.status(today()) is TaskStatus.OVERDUE
    amend(
        db.session(),
        task,
        user("vanphong"),
        ChangeRequest(ChangeKind.PAUSE, paused_until=today() + timedelta(days=10)),
        LETTER,
        today=today(),
        version=task.version,
    )
    assert task.status(today()) is TaskStatus.WITHIN_DEADLINE
    assert task.status(today() + timedelta(days=11)) is TaskStatus.OVERDUE


def test_cancelling_an_occurrence_ends_its_series(app: object, user: Callable[[str], User]) -> None:
    notice = make_notice(issued_on=date(2030, 11, 2))
    series = make_series(notice, date(2030, 12, 20))
    q4, q1 = open_occurrences(db.session(), date(2030, 12, 25), [series.id])
    letter = DocumentEntry(number="9/UBND-TH", issued_on=date(2031, 1, 10), issuer="UBND tỉnh")
    changes = amend(
        db.session(),
        q1,
        user("vanphong"),
        ChangeRequest(ChangeKind.CANCEL),
        letter,
        today=date(2031, 1, 12),
        version=q1.version,
    )
    assert {change.task_id for change in changes} == {q1.id, series.id, q4.id}
    assert series.recurrence_until == date(2031, 1, 10)
    assert open_occurrences(db.session(), date(2031, 12, 31), [series.id]) == []
    ids = [series.id, q4.id, q1.id]
    changed = select(func.count()).select_from(TaskChange).where(TaskChange.task_id.in_(ids))
    assert db.session.scalar(changed) == 3


def test_the_review_screen_proposes_the_earlier_notice_and_its_items(
    login: Login, user: Callable[[str], User]
) -> None:
    text = "\n\n".join(
        [
            "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG",
            "Số: 1777/UBND-KGVX",
            f"Đắk Nông, ngày {today():%d} tháng {today():%m} năm {today():%Y}",
            "V/v điều chỉnh nhiệm vụ chuyển đổi số",
            "Điều chỉnh thời hạn tại mục 2 Công văn số 1520/UBND-KGVX của UBND tỉnh; bãi bỏ "
            "Nghị quyết số 71/NQ-CP.",
            "1. Giao Sở TT&TT hoàn thành kết nối hệ thống trước ngày 30/12/2026.",
            "KT. CHỦ TỊCH",
        ]
    )
    draft, _ = create_draft(
        db.session(), text=text, source_name=None, author=user("vanphong"), today=today(),
        holidays=(),
    )  # fmt: skip
    db.session.commit()
    page = login("vanphong").get(f"/thong-bao/{draft.id}/xem-xet").get_data(as_text=True)
    section = page.split('id="h-earlier"', 1)[1].split("</section>", 1)[0]
    assert "Sửa đổi, bổ sung" in section and "Công văn số 1520/UBND-KGVX</a>, mục 2" in section
    assert "Hoàn thành kết nối hệ thống quản lý văn bản" in section  # as a sentence
    assert "71/NQ-CP" not in section  # a law the system does not hold is not proposed
