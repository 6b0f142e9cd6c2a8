"""The meeting brief: a leader's notices (signed or directed) or all, the overdue and soon-due
tasks by agency with their situations, at most a page an agency, on the page and in Word."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from flask import Flask
from flask.testing import FlaskClient

from tests.factories import make_notice, make_task
from tests.support.forms import csrf_token
from tracker.auth.models import Role, User
from tracker.clock import today
from tracker.domain.meeting_brief import LINES_PER_AGENCY, BriefTask, arrange_brief
from tracker.domain.notice_leaders import signed_by
from tracker.extensions import db
from tracker.tasks.models import ProgressUpdate

Login = Callable[[str], FlaskClient]
DAY = date(2026, 12, 7)


def task(agency: str, deadline: date, task_id: int) -> BriefTask:
    return BriefTask(agency, "1/TB", "1", f"Việc {task_id}", deadline, task_id)


def test_agencies_most_overdue_first_and_a_page_each_at_most() -> None:
    tasks = [task("Sở Xây dựng", DAY - timedelta(days=n), n) for n in range(1, 10)]
    tasks += [
        task("Sở Tài chính", DAY - timedelta(days=40), 100),
        task("Sở Tài chính", DAY + timedelta(days=3), 101),
        task("Sở Y tế", DAY, 102),
        task("Sở Y tế", DAY + timedelta(days=8), 103),  # beyond the week: not in the brief
    ]
    brief = arrange_brief(tasks, DAY, 7, None)
    assert [a.agency for a in brief.agencies] == ["Sở Xây dựng", "Sở Tài chính", "Sở Y tế"]
    builders = brief.agencies[0]
    assert (builders.overdue, builders.due_soon, builders.not_listed) == (9, 0, 4)
    assert len(builders.lines) == LINES_PER_AGENCY
    assert [line.days for line in builders.lines] == [9, 8, 7, 6, 5]  # longest overdue first
    finance = brief.agencies[1]
    assert [line.when for line in finance.lines] == ["Quá hạn 40 ngày", "Còn 3 ngày"]
    assert [line.when for line in brief.agencies[2].lines] == ["Đến hạn hôm nay"]
    assert brief.summary == (
        "3 cơ quan có 10 nhiệm vụ quá hạn và 2 nhiệm vụ đến hạn trong 7 ngày tới."
    )


def test_a_signature_names_the_leader_by_whole_words() -> None:
    leader = "Trần Văn Hùng - Phó Chủ tịch UBND tỉnh"
    assert signed_by("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Hùng", leader)
    assert signed_by("TRAN VAN HUNG", leader)  # a signature typed without accents
    assert not signed_by("Trần Văn Hùng Anh", "Văn Hùng Anh Tuấn")
    assert not signed_by("Trần Văn Hưng", leader)
    assert not signed_by(None, leader)


def scene() -> User:
    """A second vice-chair; a notice she signed (9 overdue tasks of Sở Xây dựng, one of
    Sở Tài chính with progress), one she was named to direct (a task due in 3 days), one
    signed and directed by somebody else."""
    leader = User(
        username="pct.hoa",
        full_name="Phạm Thị Hoa - Phó Chủ tịch UBND tỉnh",
        role=Role.LEADER,
        password_hash="x",
    )
    db.session.add(leader)
    now = today()
    signed = make_notice(issued_on=now - timedelta(days=90))
    signed.signer = "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Phạm Thị Hoa"
    for days in range(1, 10):
        make_task(signed, lead="sxd", deadline=now - timedelta(days=days))
    slow = make_task(signed, lead="stc", deadline=now - timedelta(days=30))
    directed = make_notice(issued_on=now - timedelta(days=10))
    directed.signer = "Ngô Xuân Lộc"
    directed.directing_leader = leader
    make_task(directed, lead="syt", deadline=now + timedelta(days=3))
    other = make_notice(issued_on=now - timedelta(days=10))
    other.signer = "Phạm Thị Hoa"
    other.directing_leader = db.session.query(User).filter_by(username="lanhdao").one()
    make_task(other, lead="snv", deadline=now - timedelta(days=2))
    db.session.flush()
    officer = db.session.query(User).filter_by(username="stc").one()
    slow.progress_updates.append(
        ProgressUpdate(
            author=officer, agency_id=officer.agency_id, percent=60, body="Đã **trình** UBND"
        )
    )
    db.session.commit()
    return leader


def test_the_brief_of_one_leader_in_word_a_page_an_agency(app: Flask, login: Login) -> None:
    leader = scene()
    client = login("vanphong")
    response = client.get(f"/bao-cao/hop-giao-ban.docx?lanh-dao={leader.id}&ngay=7")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.data))
    texts = [p.text for p in document.paragraphs]
    assert texts[1] == (
        "NHIỆM VỤ QUÁ HẠN, SẮP ĐẾN HẠN PHỤC VỤ HỌP GIAO BAN (VĂN BẢN DO PHẠM THỊ HOA, PHÓ CHỦ "
        "TỊCH UBND TỈNH CHỈ ĐẠO)"
    )
    headings = [t for t in texts if t[:2] in ("1.", "2.", "3.", "4.")]
    assert headings == [
        "1. Sở Xây dựng: quá hạn 9, sắp đến hạn 0",
        "2. Sở Tài chính: quá hạn 1, sắp đến hạn 0",
        "3. Sở Y tế: quá hạn 0, sắp đến hạn 1",
    ]  # Sở Nội vụ's task belongs to a notice another leader directs
    assert "Còn 4 nhiệm vụ khác của cơ quan chưa in trong trang này" in " ".join(texts)
    breaks = document.element.body.findall(f".//{qn('w:br')}[@{qn('w:type')}='page']")
    assert len(breaks) == 2  # each agency after the first starts a page
    tables = document.tables
    assert [len(t.rows) - 1 for t in tables] == [LINES_PER_AGENCY, 1, 1]
    finance = [cell.text for cell in tables[1].rows[1].cells]
    assert finance[4] == "Quá hạn 30 ngày"
    assert finance[5] == "Tiến độ 60%: Đã trình UBND"  # plain words, no Markdown marks


def test_the_print_page_for_all_and_who_may_see_it(app: Flask, login: Login) -> None:
    scene()
    client = login("vanphong")
    page = client.get("/bao-cao/hop-giao-ban").get_data(as_text=True)
    assert "Sở Nội vụ" in page and "Sở Y tế" in page and "data-print" in page
    assert page.count('class="brief-agency"') >= 4


def test_agency_officers_do_not_get_the_brief(app: Flask, login: Login) -> None:
    officer = login("stc")
    assert officer.get("/bao-cao/hop-giao-ban").status_code == 403
    assert officer.get("/bao-cao/hop-giao-ban.docx").status_code == 403


def test_the_secretariat_names_the_directing_leader_and_marks_a_notice(
    app: Flask, login: Login
) -> None:
    notice = make_notice(issued_on=today() - timedelta(days=5))
    notice.signer = "Ngô Xuân Lộc"
    db.session.commit()
    leader = db.session.query(User).filter_by(username="lanhdao").one()
    client = login("vanphong")
    page = f"/thong-bao/{notice.id}"
    assert "<dt>Lãnh đạo chỉ đạo</dt>" not in client.get(page).get_data(as_text=True)  # no match
    response = client.post(
        f"{page}/theo-doi",
        data={
            "csrf_token": csrf_token(client, page),
            "directing_leader": str(leader.id),
            "reported_apart": "y",
        },
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    assert "Đã lưu cách theo dõi văn bản." in html and leader.full_name in html
    db.session.expire_all()
    assert notice.directing_leader_id == leader.id and notice.reported_apart
    response = client.post(
        f"{page}/theo-doi",
        data={"csrf_token": csrf_token(client, page), "directing_leader": "999999"},
        follow_redirects=True,
    )
    assert "Không lưu được" in response.get_data(as_text=True)
    db.session.expire_all()
    assert notice.directing_leader_id == leader.id  # unchanged


def test_the_brief_command_writes_a_leaders_brief(app: Flask, tmp_path: Path) -> None:
    scene()
    out = tmp_path / "hop-giao-ban.docx"
    runner = app.test_cli_runner()
    result = runner.invoke(args=["reports", "brief", "--leader", "pct.hoa", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 cơ quan có 10 nhiệm vụ quá hạn và 1 nhiệm vụ đến hạn trong 7 ngày tới." in (
        result.output
    )
    assert len(Document(str(out)).tables) == 3
    refused = runner.invoke(args=["reports", "brief", "--leader", "stc", "--out", str(out)])
    assert refused.exit_code != 0 and "no active leader" in refused.output
