"""Every decision on a task, with its reason, where the other side looks: the task page (a
banner while it stands, and the timeline), Tin mới, and e-mail, at once or in the day's
digest as each person chose."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis
from rq import Queue, SimpleWorker

from tests.factories import make_notice, make_task
from tests.support.forms import csrf_token
from tests.support.smtp import Inbox, smtp_server
from tests.tasks.test_task_workflow import act
from tracker.audit.labels import event_details, standing_decision
from tracker.auth.models import NotifyRhythm, User
from tracker.clock import today
from tracker.extensions import db
from tracker.jobs.notifications import send_daily_notifications, send_new_notifications
from tracker.jobs.outbox import send_due_messages
from tracker.notifications.models import Notification
from tracker.tasks.models import Task, TaskState

Login = Callable[[str], FlaskClient]
DECLINE = "Nhiệm vụ thuộc thẩm quyền của Sở Nội vụ theo Quyết định 12/2025/QĐ-UBND"
RETURN = "Thiếu quyết định phê duyệt kèm theo"


@pytest.fixture
def task(app: Flask) -> Task:
    made = make_task(make_notice(), lead="stc", deadline=today() + timedelta(days=10))
    db.session.commit()
    return made


@pytest.fixture
def inbox(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    with smtp_server() as (received, port):
        monkeypatch.setitem(app.config, "MAIL_PORT", port)
        yield received


class Seen:
    def __init__(self, action: str) -> None:
        self.action = action


def test_a_decision_stands_until_the_task_moves_on() -> None:
    steps = [Seen("task.progress_reported"), Seen("task.returned")]
    assert standing_decision(steps) is steps[1]
    assert standing_decision([*steps, Seen("task.progress_reported")]) is steps[1]
    assert standing_decision([*steps, Seen("task.submitted")]) is None
    assert standing_decision([Seen("task.declined"), Seen("task.reassigned")]) is None


def test_the_timeline_words_of_each_decision() -> None:
    assert event_details(None, {"reason": "Thiếu hồ sơ"}) == ["Lý do: Thiếu hồ sơ"]
    assert event_details(
        {"deadline": "2026-12-31"},
        {
            "deadline": "2027-01-31",
            "objective_reason": True,
            "decision_note": "Đồng ý",
            "approving_document": "Văn bản 55/UBND-TH",
        },
    ) == [
        "Hạn xử lý: 31/12/2026 → 31/01/2027",
        "Ý kiến: Đồng ý",
        "Văn bản: Văn bản 55/UBND-TH",
        "Chậm do nguyên nhân khách quan",
    ]
    assert event_details(None, {"requested_deadline": "2027-01-15", "reason": "Chờ vốn"}) == [
        "Lý do: Chờ vốn",
        "Đề nghị gia hạn đến 15/01/2027",
    ]
    assert event_details(None, {"submitted_on": "2026-12-01", "assignee_id": 4}) == []


def test_the_decline_reason_reaches_the_secretariat_and_the_answer_the_agency(
    app: Flask, task: Task
) -> None:
    act(login_as(app, "stc"), task, "tu-choi", reason=DECLINE)
    secretary = login_as(app, "vanphong")
    page = secretary.get(f"/nhiem-vu/{task.id}").get_data(as_text=True)
    banner = page[page.index('class="notice-banner decision"') :][:600]
    assert "Cơ quan đề nghị giao cơ quan khác" in banner and DECLINE in banner
    assert f"Lý do: {DECLINE}" in page[page.index('class="timeline"') :]
    inbox = secretary.get("/tin-moi/").get_data(as_text=True)
    assert f"đề nghị giao nhiệm vụ cho cơ quan khác. Lý do: {DECLINE}" in inbox

    act(secretary, task, "giu-nguyen", note="Đề nghị Sở Tài chính chủ trì, Sở Nội vụ phối hợp")
    page = login_as(app, "stc").get(f"/nhiem-vu/{task.id}").get_data(as_text=True)
    assert "Văn phòng UBND đề nghị tiếp tục thực hiện" in page
    assert "Ý kiến: Đề nghị Sở Tài chính chủ trì, Sở Nội vụ phối hợp" in page
    message = db.session.query(Notification).filter(
        Notification.message.like("Văn phòng UBND đề nghị cơ quan tiếp tục%")
    )
    assert "Ý kiến: Đề nghị Sở Tài chính chủ trì" in message.first().message


def test_a_returned_task_shows_why_until_it_is_handed_in_again(app: Flask, task: Task) -> None:
    task.submitted_on, task.state = today(), TaskState.SUBMITTED
    db.session.commit()
    act(login_as(app, "vanphong"), task, "tra-lai", reason=RETURN)
    page = login_as(app, "stc").get(f"/nhiem-vu/{task.id}").get_data(as_text=True)
    assert "Văn phòng UBND trả lại để thực hiện lại" in page and f"Lý do: {RETURN}" in page
    assert 'class="notice-banner decision"' in page


def test_decisions_by_e_mail_at_once_or_in_the_days_digest(
    app: Flask, task: Task, inbox: Inbox, user: Callable[[str], User]
) -> None:
    secretary, officer = user("vanphong"), user("stc")
    secretary.notify_rhythm = NotifyRhythm.DAILY
    db.session.commit()
    client = login_as(app, "stc")
    act(client, task, "gia-han", new_deadline=(today() + timedelta(days=40)).strftime("%d/%m/%Y"),
        reason="Chờ bố trí vốn")  # fmt: skip
    act(client, task, "tien-do", body="Đã trình UBND tỉnh", percent="50")

    assert send_new_notifications() == 0  # the secretary chose the daily digest
    send_due_messages()
    assert inbox.to(secretary.email) == []
    assert send_daily_notifications() == 1
    send_due_messages()
    (digest,) = inbox.to(secretary.email)
    text = digest.get_body(("plain",)).get_content()
    assert "xin gia hạn một nhiệm vụ đến" in text and "Lý do: Chờ bố trí vốn" in text
    assert f"/nhiem-vu/{task.id}" in text
    assert send_daily_notifications() == 0  # once only

    officer.notify_rhythm = NotifyRhythm.IMMEDIATE
    db.session.commit()
    decided = login_as(app, "vanphong")
    act(decided, task, "gia-han/quyet-dinh", decision="reject", note="Đề nghị hoàn thành đúng hạn")
    assert send_new_notifications() >= 1
    send_due_messages()
    (mail,) = inbox.to(officer.email)
    assert mail["Subject"].startswith("Đề nghị gia hạn không được chấp thuận. Ý kiến: Đề nghị")


def login_as(app: Flask, username: str) -> FlaskClient:
    from tracker.demo.loader import DEMO_PASSWORD

    client = app.test_client()
    client.post(
        "/dang-nhap",
        data={
            "username": username,
            "password": DEMO_PASSWORD,
            "csrf_token": csrf_token(client, "/dang-nhap"),
        },
    )
    return client


def test_a_user_chooses_how_notifications_reach_her(
    app: Flask, login: Login, user: Callable[[str], User], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "SMS_GATEWAY_URL", "http://127.0.0.1:9/sms")
    client = login("stc")
    page = client.get("/doi-mat-khau").get_data(as_text=True)
    assert "Nhận thông báo" in page and "Tin nhắn SMS" in page
    assert 'value="zalo"' not in page  # not set up here, so not offered
    assert re.search(r'<input checked[^>]*value="immediate"', page)
    assert re.search(r'<input checked[^>]*value="email"', page)

    refused = choose(client, channels=["email", "sms"], phone="", rhythm="daily")
    assert "Nhận qua Zalo hoặc SMS cần số điện thoại di động." in refused
    refused = choose(client, channels=["sms"], phone="0212 345 678", rhythm="daily")
    assert "Đầu số 021 không phải đầu số di động" in refused
    db.session.expire_all()
    assert user("stc").notify_channels == ["email"] and user("stc").phone is None

    saved = choose(client, channels=["email", "sms"], phone="+84 912.345.678", rhythm="daily")
    assert "Đã lưu cách nhận thông báo: E-mail, Tin nhắn SMS; gộp thành một tin" in saved
    assert 'value="0912 345 678"' in saved
    db.session.expire_all()
    stc = user("stc")
    assert stc.notify_channels == ["email", "sms"] and stc.phone == "84912345678"
    assert stc.notify_rhythm is NotifyRhythm.DAILY

    assert "Đã lưu cách nhận thông báo: chỉ trong mục Tin mới" in choose(
        client, channels=[], phone="", rhythm="immediate"
    )
    assert "Not a valid choice" not in choose(client, channels=["zalo"], phone="0912345678")
    db.session.expire_all()
    assert user("stc").notify_channels == []  # Zalo is not set up: refused, nothing saved


def choose(
    client: FlaskClient, *, channels: list[str], phone: str, rhythm: str = "immediate"
) -> str:
    """The page after choosing how notifications reach the user."""
    response = client.post(
        "/cai-dat-thong-bao",
        data={
            "csrf_token": csrf_token(client, "/doi-mat-khau"),
            "channels": channels,
            "phone": phone,
            "rhythm": rhythm,
        },
        follow_redirects=True,
    )
    return response.get_data(as_text=True)


def test_the_action_itself_queues_the_mail_and_a_worker_sends_it(
    app: Flask,
    task: Task,
    inbox: Inbox,
    redis_url: str,
    monkeypatch: pytest.MonkeyPatch,
    user: Callable[[str], User],
) -> None:
    """No job run by hand: the decline queues the mail job on a real Redis, and an RQ
    worker mails the secretary at once (her default)."""
    connection = Redis.from_url(redis_url)
    monkeypatch.setitem(app.extensions, "redis", connection)
    act(login_as(app, "stc"), task, "tu-choi", reason=DECLINE)
    mail_queue = Queue("mail", connection=connection)
    assert mail_queue.count >= 1
    SimpleWorker([mail_queue], connection=connection).work(burst=True)
    (mail,) = inbox.to(user("vanphong").email)
    assert f"Lý do: {DECLINE}" in mail.get_body(("plain",)).get_content()
