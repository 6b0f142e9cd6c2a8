"""Agencies working a task through the web: progress, evidence, submission, acceptance or
return, extensions, declining, explanations, assignment; and who may do what."""

import io
from collections.abc import Callable
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.test import TestResponse

from tests.factories import agency, make_notice, make_task
from tests.support import files
from tests.support.forms import csrf_token
from tracker.audit.models import Event
from tracker.auth.models import User
from tracker.clock import today
from tracker.domain.status import TaskStatus
from tracker.extensions import db
from tracker.notifications.models import Notification
from tracker.tasks.models import Evidence, ExtensionState, Task, TaskState

Login = Callable[[str], FlaskClient]
PDF = files.pdf()


@pytest.fixture
def task(app: Flask) -> Task:
    """A task of Sở Tài chính, coordinated by Sở Nội vụ, due in ten days."""
    made = make_task(
        make_notice(), lead="stc", coordinating=("snv",), deadline=today() + timedelta(days=10)
    )
    db.session.commit()
    return made


def act(client: FlaskClient, task: Task, path: str, **data: object) -> TestResponse:
    """Post an action as from the task page loaded just now: with the task's current version
    unless another is given (None: a form without one)."""
    page = f"/nhiem-vu/{task.id}"
    data.setdefault("csrf_token", csrf_token(client, page))
    data.setdefault("version", str(current_version(task)))
    posted = {key: value for key, value in data.items() if value is not None}
    return client.post(f"{page}/{path}", data=posted, content_type="multipart/form-data")


def current_version(task: Task) -> int:
    return db.session.scalar(
        select(Task.version).where(Task.id == task.id).execution_options(populate_existing=True)
    )


def fresh(task: Task) -> Task:
    db.session.expire_all()
    return db.session.get(Task, task.id)


def events(task: Task) -> list[str]:
    return list(
        db.session.scalars(select(Event.action).where(Event.task_id == task.id).order_by(Event.id))
    )


def test_report_evidence_submit_accept(login: Login, task: Task) -> None:
    officer = login("stc")
    act(
        officer,
        task,
        "tien-do",
        body="Đã **hoàn thiện** dự thảo.<script>x()</script>",
        percent="60",
        version=str(task.version),
        files=(io.BytesIO(PDF), "../../etc/Kế hoạch.pdf"),
    )
    act(
        officer,
        task,
        "van-ban",
        kind="Quyết định",
        number="1118/QĐ-UBND",
        signed_on="03/06/2020",
        issuer="UBND tỉnh",
    )
    response = act(officer, task, "bao-cao-hoan-thanh", version=str(fresh(task).version))
    assert response.status_code == 302
    task = fresh(task)
    assert (task.state, task.submitted_on) == (TaskState.SUBMITTED, today())
    names = {e.file_name for e in task.evidence}
    assert names == {"Kế hoạch.pdf", None}
    page = officer.get(f"/nhiem-vu/{task.id}").get_data(as_text=True)
    assert "<strong>hoàn thiện</strong>" in page and "<script>x()" not in page
    assert "Quyết định số 1118/QĐ-UBND ngày 03/06/2020" in page

    officer.post("/dang-xuat", data={"csrf_token": csrf_token(officer, "/")})
    secretary = login("vanphong")
    act(secretary, task, "xac-nhan", version=str(task.version))
    task = fresh(task)
    assert task.state is TaskState.COMPLETED and task.completed_on == today()
    assert task.status(today()) is TaskStatus.EARLY
    page = secretary.get(f"/nhiem-vu/{task.id}").get_data(as_text=True)
    assert "Hoàn thành trước hạn" in page
    assert events(task) == [
        "task.progress_reported",
        "task.evidence_added",
        "task.evidence_added",
        "task.submitted",
        "task.accepted",
    ]


def test_submission_needs_evidence_and_a_double_click_submits_once(
    login: Login, task: Task
) -> None:
    officer = login("stc")
    response = act(officer, task, "bao-cao-hoan-thanh", version=str(task.version))
    page = officer.get(response.headers["Location"]).get_data(as_text=True)
    assert "Cần có minh chứng trước khi báo cáo hoàn thành" in page
    assert fresh(task).state is TaskState.IN_PROGRESS
    act(
        officer,
        task,
        "van-ban",
        kind="Báo cáo",
        number="12/BC-STC",
        signed_on="01/02/2024",
        issuer="",
    )
    version = str(fresh(task).version)
    first = act(officer, task, "bao-cao-hoan-thanh", version=version)
    second = act(officer, task, "bao-cao-hoan-thanh", version=version)
    assert (first.status_code, second.status_code) == (302, 409)
    assert events(task).count("task.submitted") == 1


def test_a_stale_page_does_not_overwrite_a_newer_change(login: Login, task: Task) -> None:
    officer = login("stc")
    stale = str(task.version)
    act(officer, task, "tien-do", body="Báo cáo thứ nhất", version=stale)
    response = act(officer, task, "tien-do", body="Báo cáo từ trang cũ", version=stale)
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Nhiệm vụ vừa được người khác cập nhật" in page
    assert "Báo cáo từ trang cũ</textarea>" in page  # what she typed, ready to send again
    assert f'name="version" type="hidden" value="{fresh(task).version}"' in page
    assert [u.body for u in fresh(task).progress_updates] == ["Báo cáo thứ nhất"]
    assert "Báo cáo thứ nhất" in page  # the task as it is now


def test_return_with_a_reason_notifies_the_agency(login: Login, task: Task) -> None:
    task.state, task.submitted_on = TaskState.SUBMITTED, today()
    db.session.commit()
    secretary = login("vanphong")
    before = db.session.scalar(select(func.count()).select_from(Notification))
    act(secretary, task, "tra-lai", reason="Thiếu quyết định phê duyệt", version=str(task.version))
    task = fresh(task)
    assert (task.state, task.submitted_on) == (TaskState.IN_PROGRESS, None)
    assert db.session.scalar(select(func.count()).select_from(Notification)) > before
    message = db.session.scalars(
        select(Notification.message).order_by(Notification.id.desc())
    ).first()
    assert "Thiếu quyết định phê duyệt" in message


def test_extension_keeps_the_original_deadline(login: Login, task: Task) -> None:
    officer = login("stc")
    original = task.deadline
    new = original + timedelta(days=30)
    act(
        officer,
        task,
        "gia-han",
        new_deadline=new.strftime("%d/%m/%Y"),
        reason="Chờ ý kiến Bộ Tài chính",
        version=str(task.version),
    )
    officer.post("/dang-xuat", data={"csrf_token": csrf_token(officer, "/")})
    leader = login("lanhdao")
    act(
        leader,
        task,
        "gia-han/quyet-dinh",
        decision="approve",
        approving_document="55/UBND-TH",
        objective_reason="y",
        note="",
    )
    task = fresh(task)
    assert (task.deadline, task.original_deadline) == (new, original)
    (request,) = task.extension_requests
    assert request.state is ExtensionState.APPROVED and request.objective_reason
    assert request.approving_document == "55/UBND-TH"
    page = leader.get(f"/nhiem-vu/{task.id}").get_data(as_text=True)
    assert f"Hạn ban đầu: {original.strftime('%d/%m/%Y')}" in page
    assert "Lý do khách quan" in page


def test_decline_then_reassign_keeps_the_history(login: Login, task: Task) -> None:
    officer = login("stc")
    act(officer, task, "tu-choi", reason="Thuộc thẩm quyền Sở Nội vụ", version=str(task.version))
    assert fresh(task).state is TaskState.DECLINED
    officer.post("/dang-xuat", data={"csrf_token": csrf_token(officer, "/")})
    secretary = login("vanphong")
    home_affairs = agency("snv")
    act(
        secretary,
        task,
        "giao-lai",
        agency_id=str(home_affairs.id),
        note="",
        version=str(fresh(task).version),
    )
    task = fresh(task)
    assert (task.lead_agency_id, task.state) == (home_affairs.id, TaskState.IN_PROGRESS)
    reassigned = db.session.scalar(
        select(Event).where(Event.task_id == task.id, Event.action == "task.reassigned")
    )
    assert reassigned.before == {"lead_agency_id": agency("stc").id}
    secretary.post("/dang-xuat", data={"csrf_token": csrf_token(secretary, "/")})
    assert login("stc").get(f"/nhiem-vu/{task.id}").status_code == 404


def test_a_declined_group_task_is_not_reassigned_to_a_member_holding_the_same_item(
    login: Login,
) -> None:
    # "Các sở, ban, ngành" at item 3: one task each for Sở Tài chính and Sở Nội vụ.
    notice = make_notice()
    declined, held = (make_task(notice, lead=code) for code in ("stc", "snv"))
    for group_task in (declined, held):
        group_task.ref, group_task.group_label = "3", "Các sở, ban, ngành"
    declined.state = TaskState.DECLINED
    db.session.commit()
    secretary = login("vanphong")
    response = act(
        secretary,
        declined,
        "giao-lai",
        agency_id=str(agency("snv").id),
        note="",
        version=str(declined.version),
    )
    page = secretary.get(response.headers["Location"]).get_data(as_text=True)
    assert (
        f"{agency('snv').name} đã được giao chính nhiệm vụ này (mục 3 của cùng văn bản); "
        "giao lại sẽ tạo một nhiệm vụ trùng."
    ) in page
    declined = fresh(declined)
    assert (declined.lead_agency_id, declined.state) == (agency("stc").id, TaskState.DECLINED)
    assert "task.reassigned" not in events(declined)
    # Another department of the group that holds no such item may take it.
    act(
        secretary,
        declined,
        "giao-lai",
        agency_id=str(agency("syt").id),
        note="",
        version=str(declined.version),
    )
    assert fresh(declined).lead_agency_id == agency("syt").id


def test_leader_asks_an_explanation_and_the_agency_answers(login: Login, task: Task) -> None:
    task.deadline = today() - timedelta(days=5)
    db.session.commit()
    leader = login("lanhdao")
    act(
        leader,
        task,
        "giai-trinh",
        question="Vì sao chậm?",
        answer_by=(today() + timedelta(days=3)).strftime("%d/%m/%Y"),
    )
    leader.post("/dang-xuat", data={"csrf_token": csrf_token(leader, "/")})
    officer = login("stc")
    act(officer, task, "tra-loi-giai-trinh", answer="Chờ kết quả thẩm định giá.")
    page = officer.get(f"/nhiem-vu/{task.id}").get_data(as_text=True)
    assert "Vì sao chậm?" in page and "Chờ kết quả thẩm định giá." in page
    officer.post("/dang-xuat", data={"csrf_token": csrf_token(officer, "/")})
    dashboard = login("lanhdao").get("/").get_data(as_text=True)
    assert "Đã giải trình: Chờ kết quả thẩm định giá." in dashboard


def test_head_assigns_an_officer_of_her_agency_only(
    login: Login, app: Flask, user: Callable[[str], User]
) -> None:
    made = make_task(make_notice(), lead="snv")
    db.session.commit()
    head = login("snv.lanhdao")
    act(head, made, "phan-cong", officer_id=str(user("snv").id))
    assert fresh(made).assignee_id == user("snv").id
    response = act(head, made, "phan-cong", officer_id=str(user("stc").id))
    assert fresh(made).assignee_id == user("snv").id
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bao-cao.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 100, "Nội dung tệp không đúng"),
        ("virus.exe", b"MZ" + b"0" * 100, "Chỉ nhận tệp"),
        ("rong.pdf", b"", "Tệp rỗng"),
    ],
)
def test_bad_uploads_are_refused_and_leave_nothing(
    login: Login, task: Task, name: str, content: bytes, message: str
) -> None:
    officer = login("stc")
    response = act(officer, task, "minh-chung", document=(io.BytesIO(content), name))
    page = officer.get(response.headers["Location"]).get_data(as_text=True)
    assert message in page
    assert (
        db.session.scalar(
            select(func.count()).select_from(Evidence).where(Evidence.task_id == task.id)
        )
        == 0
    )


def test_a_coordinating_agency_attaches_evidence_to_its_contribution(
    login: Login, task: Task
) -> None:
    partner = login("snv")
    response = act(
        partner,
        task,
        "tien-do",
        body="Sở Nội vụ đã rà soát biên chế.",
        files=(io.BytesIO(PDF), "Kết quả rà soát.pdf"),
        version=str(task.version),
    )
    assert response.status_code == 302
    task = fresh(task)
    assert [update.body for update in task.progress_updates] == ["Sở Nội vụ đã rà soát biên chế."]
    assert [(e.file_name, e.agency_id) for e in task.evidence] == [
        ("Kết quả rà soát.pdf", agency("snv").id)
    ]
    assert events(task) == ["task.contributed", "task.evidence_added"]


@pytest.mark.parametrize("username", ["stc", "snv"])
def test_a_report_whose_file_is_refused_keeps_its_text(
    login: Login, task: Task, username: str
) -> None:
    client = login(username)
    response = act(
        client,
        task,
        "tien-do",
        body="Một báo cáo dài <đã soạn> công phu",
        percent="40",
        files=(io.BytesIO(b"%PDF-1.4\n<html><script>x()</script></html>"), "bao-cao.pdf"),
        version=str(task.version),
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Một báo cáo dài &lt;đã soạn&gt; công phu</textarea>" in page
    assert 'value="40"' in page
    assert "Tệp có lẫn mã trang web" in page
    assert "vui lòng chọn lại tệp đính kèm" in page
    task = fresh(task)
    assert (task.progress_updates, task.evidence) == ([], [])


def test_uploads_over_the_configured_limit_are_refused(
    login: Login, task: Task, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "UPLOAD_MAX_BYTES", 1024)
    officer = login("stc")
    response = act(officer, task, "minh-chung", document=(io.BytesIO(PDF + b"0" * 2048), "a.pdf"))
    assert "Tệp quá lớn" in officer.get(response.headers["Location"]).get_data(as_text=True)
    assert fresh(task).evidence == []


VALID = {
    "tien-do": {"body": "Báo cáo"},
    "van-ban": {"kind": "Báo cáo", "number": "1/BC", "signed_on": "01/01/2024", "issuer": ""},
    "bao-cao-hoan-thanh": {},
    "xac-nhan": {},
    "tra-lai": {"reason": "Thiếu"},
    "gia-han": {"new_deadline": "31/12/2099", "reason": "Chờ"},
    "tu-choi": {"reason": "Không thuộc thẩm quyền"},
    "giao-lai": {"agency_id": "1", "note": ""},
    "giu-nguyen": {"note": ""},
    "giai-trinh": {"question": "?", "answer_by": "31/12/2099"},
    "tra-loi-giai-trinh": {"answer": "Vì"},
    "phan-cong": {"officer_id": "0"},
}
# Who may post each action on an open task of Sở Tài chính coordinated by Sở Nội vụ:
# 302 = done (or refused with a message), 403 = may see but not act, 404 = may not see.
ROLE_TABLE = {
    "stc": {
        "tien-do": 302,
        "van-ban": 302,
        "bao-cao-hoan-thanh": 302,
        "gia-han": 302,
        "tu-choi": 302,
    },
    "snv": {"tien-do": 302},  # a contribution from the coordinating agency
    # another agency: the task is invisible (404) wherever an agency role may act at all
    "syt": dict.fromkeys(
        ["tien-do", "van-ban", "bao-cao-hoan-thanh", "gia-han", "tu-choi", "tra-loi-giai-trinh"],
        404,
    ),
    "vanphong": {},
    "lanhdao": {},
}


@pytest.mark.parametrize("username", sorted(ROLE_TABLE))
@pytest.mark.parametrize("path", sorted(VALID))
def test_who_may_post_each_action(login: Login, task: Task, username: str, path: str) -> None:
    client = login(username)
    data = dict(VALID[path], version=str(task.version))
    response = act(client, task, path, **data)
    expected = ROLE_TABLE[username].get(path, 403)
    assert response.status_code == expected
