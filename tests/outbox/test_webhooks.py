"""Events out: a task's life told to the systems that subscribed, signed, retried with
backoff, and the webhook disabled (the administrators told) when it keeps failing. The
receiver is a real HTTP server on loopback."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis
from rq import Queue, SimpleWorker
from sqlalchemy import select
from werkzeug.test import TestResponse

from tests.factories import agency, make_notice, make_task
from tests.notices.test_skipped_items import TEXT, TODAY
from tests.support.forms import csrf_token
from tests.support.providers import WebhookReceiver
from tests.tasks.test_task_workflow import act
from tracker.auth.models import User
from tracker.clock import today
from tracker.domain.webhook_signature import is_authentic
from tracker.extensions import db
from tracker.jobs.outbox import send_due_messages
from tracker.notices.services import create_draft, publish
from tracker.notifications.models import Notification
from tracker.outbox.events import TaskEvent, announce_overdue
from tracker.outbox.models import DeliveryState, OutboxMessage, Webhook
from tracker.outbox.webhooks import create_webhook
from tracker.tasks import services
from tracker.tasks.models import Task

Receiver = tuple[WebhookReceiver, str]
Login = Callable[[str], FlaskClient]
ALL = [event.value for event in TaskEvent]


def _subscribe(url: str, agency_code: str | None, events: list[str] = ALL) -> Webhook:
    admin = db.session.scalar(select(User).where(User.username == "quantri"))
    assert admin is not None
    webhook = create_webhook(
        db.session(),
        name=f"Hệ thống {agency_code or 'tỉnh'}",
        agency_id=agency(agency_code).id if agency_code else None,
        url=url,
        events=events,
        actor=admin,
    )
    db.session.commit()
    return webhook


@pytest.fixture
def task(app: Flask) -> Task:
    made = make_task(make_notice(), lead="stc", deadline=today() + timedelta(days=10))
    db.session.commit()
    return made


def test_a_tasks_life_reaches_its_agencys_system_signed(
    app: Flask, task: Task, receiver: Receiver, user: Callable[[str], User]
) -> None:
    system, url = receiver
    mine = _subscribe(url, "stc")
    _subscribe(f"{url}/other", "sxd")  # another agency's system hears nothing of it
    province = _subscribe(f"{url}/province", None, ["task.accepted"])
    officer, secretary = user("stc"), user("vanphong")
    session, on = db.session(), today()
    services.report_progress(session, task, officer, "Đã trình", 60, today=on, version=None)
    services.add_citation(
        session, task, officer, kind="Quyết định", number="12/QĐ-STC", signed_on=on,
        issuer="Sở Tài chính", today=on, version=None,
    )  # fmt: skip
    services.submit(session, task, officer, today=on, version=None)
    services.return_task(session, task, secretary, "Thiếu hồ sơ", today=on, version=None)
    services.submit(session, task, officer, today=on, version=None)
    services.accept(session, task, secretary, today=on, version=None)
    db.session.commit()

    assert send_due_messages() == 7
    by_path: dict[str, list[str]] = {}
    for request in system.received:
        by_path.setdefault(request.path, []).append(request.json()["event"])
    assert by_path == {
        "/tracker-events": [
            "task.changed", "task.changed", "task.handed_in", "task.returned",
            "task.handed_in", "task.accepted",
        ],
        "/tracker-events/province": ["task.accepted"],
    }  # fmt: skip
    first = system.received[0]
    timestamp = int(first.headers["x-tracker-timestamp"])
    assert is_authentic(
        mine.secret, first.headers["x-tracker-signature"], timestamp, first.body, timestamp
    )
    assert not is_authentic(
        province.secret, first.headers["x-tracker-signature"], timestamp, first.body, timestamp
    )
    body = first.json()
    assert first.headers["x-tracker-event"] == "task.changed"
    assert first.headers["x-tracker-delivery"] == body["id"]
    assert body["action"] == "task.progress_reported"
    assert body["task"]["id"] == task.id and body["task"]["lead_agency"]["code"] == "stc"
    assert body["task"]["web_url"].endswith(f"/nhiem-vu/{task.id}")
    assert body["task"]["notice"]["number"] == task.notice.number
    assert "Đã trình" not in first.body.decode()  # progress text stays in the app
    returned = next(r.json() for r in system.received if r.json()["event"] == "task.returned")
    assert returned["task"]["state"]["value"] == "in_progress"
    db.session.refresh(mine)
    assert mine.last_success_at is not None and mine.failures_in_row == 0


def test_a_reassignment_tells_the_old_and_the_new_agency(
    app: Flask, task: Task, receiver: Receiver, user: Callable[[str], User]
) -> None:
    system, url = receiver
    _subscribe(f"{url}/stc", "stc")
    _subscribe(f"{url}/sxd", "sxd")
    services.decline(
        db.session(), task, user("stc"), "Không thuộc thẩm quyền", today=today(), version=None
    )
    services.reassign(
        db.session(), task, user("vanphong"), agency("sxd").id, "", today=today(), version=None
    )
    db.session.commit()
    send_due_messages()
    events = [(r.path.rpartition("/")[2], r.json()["event"]) for r in system.received]
    assert events == [("stc", "task.changed"), ("stc", "task.assigned"), ("sxd", "task.assigned")]
    assigned = [r.json() for r in system.received if r.path.endswith("/sxd")]
    assert assigned[0]["task"]["lead_agency"]["code"] == "sxd"


def test_publishing_a_notice_tells_each_agency_of_its_tasks(
    app: Flask, receiver: Receiver, user: Callable[[str], User]
) -> None:
    system, url = receiver
    _subscribe(f"{url}/stc", "stc", ["task.assigned"])
    clerk = user("vanphong")
    notice, _ = create_draft(
        db.session(), text=TEXT, source_name=None, author=clerk, today=TODAY, holidays=()
    )
    tasks = publish(db.session(), notice, clerk)
    db.session.commit()
    send_due_messages()
    told = [r.json()["task"]["id"] for r in system.received]
    finance = [t.id for t in tasks if t.lead_agency.code == "stc"]
    assert finance and told == finance  # Sở Tài chính's task; Sở Xây dựng's is not its


def test_overdue_is_told_once_when_a_task_falls_overdue(app: Flask, receiver: Receiver) -> None:
    system, url = receiver
    _subscribe(url, "stc", ["task.overdue"])
    late = make_task(make_notice(), lead="stc", deadline=today() - timedelta(days=1))
    make_task(make_notice(), lead="stc", deadline=today() - timedelta(days=30))  # long ago
    db.session.commit()
    assert announce_overdue(db.session(), today()) == 1
    assert announce_overdue(db.session(), today()) == 0  # once per deadline
    db.session.commit()
    send_due_messages()
    (request,) = system.received
    assert request.json()["event"] == "task.overdue"
    assert request.json()["task"]["id"] == late.id
    assert request.json()["task"]["status"]["value"] == "qua_han"


def test_a_receiver_that_keeps_failing_is_retried_with_backoff_then_disabled(
    app: Flask,
    task: Task,
    receiver: Receiver,
    user: Callable[[str], User],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    system, url = receiver
    monkeypatch.setitem(app.config, "WEBHOOK_MAX_FAILURES", 2)
    webhook = _subscribe(url, "stc")
    system.statuses = [500] * 12
    start = datetime.now(UTC)
    with time_machine.travel(start, tick=False):
        services.report_progress(
            db.session(), task, user("stc"), "Một", 10, today=today(), version=None
        )
        services.report_progress(
            db.session(), task, user("stc"), "Hai", 20, today=today(), version=None
        )
        db.session.commit()
        assert send_due_messages() == 2
    tried_at = [start]
    for wait in (30, 120, 600, 1800, 7200):
        moment = tried_at[-1] + timedelta(seconds=wait)
        with time_machine.travel(moment - timedelta(seconds=10), tick=False):
            assert send_due_messages() == 0  # not before the backoff's wait
        with time_machine.travel(moment, tick=False):
            assert send_due_messages() == 2
        tried_at.append(moment)
    assert len(system.received) == 12  # 6 attempts each
    rows = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.webhook_id == webhook.id)
    ).all()
    assert {(r.state, r.attempts) for r in rows} == {(DeliveryState.FAILED, 6)}
    assert all("HTTP 500" in (r.last_error or "") for r in rows)
    db.session.refresh(webhook)
    assert not webhook.active and webhook.disabled_at is not None and webhook.failures_in_row == 2
    (told,) = db.session.scalars(
        select(Notification).where(Notification.kind == "webhook_disabled")
    ).all()
    assert told.user_id == user("quantri").id and webhook.url in told.message

    services.report_progress(db.session(), task, user("stc"), "Ba", 30, today=today(), version=None)
    db.session.commit()
    assert (
        db.session.scalar(
            select(OutboxMessage).where(
                OutboxMessage.text == "task.progress_reported",
                OutboxMessage.state == DeliveryState.QUEUED,
            )
        )
        is None
    )


def test_a_receiver_that_answers_gone_is_not_retried(
    app: Flask, task: Task, receiver: Receiver, user: Callable[[str], User]
) -> None:
    system, url = receiver
    _subscribe(url, "stc")
    system.statuses = [410]
    services.report_progress(
        db.session(), task, user("stc"), "Một", 10, today=today(), version=None
    )
    db.session.commit()
    send_due_messages()
    (row,) = db.session.scalars(select(OutboxMessage)).all()
    assert row.state is DeliveryState.FAILED and row.attempts == 1


def test_an_action_in_the_app_queues_the_event_and_a_worker_delivers_it(
    app: Flask,
    task: Task,
    receiver: Receiver,
    redis_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No job run by hand: the hand-in queues the sending job on a real Redis; an RQ worker
    writes the event's delivery job and runs it."""
    from tests.tasks.test_decisions_seen import login_as

    system, url = receiver
    _subscribe(url, "stc")
    connection = Redis.from_url(redis_url)
    monkeypatch.setitem(app.extensions, "redis", connection)
    client = login_as(app, "stc")
    act(client, task, "tien-do", body="Đã hoàn thành dự thảo", percent="100")
    mail_queue = Queue("mail", connection=connection)
    SimpleWorker([mail_queue], connection=connection).work(burst=True)
    assert [r.json()["event"] for r in system.received] == ["task.changed"]


def test_the_administrator_registers_a_webhook_and_sees_its_secret_once(
    app: Flask, login: Login, receiver: Receiver
) -> None:
    _system, url = receiver
    client = login("quantri")
    page = "/quan-tri/webhook"
    bad = _register(client, "ftp://stc.example/hook", ["task.assigned"])
    assert bad.status_code == 400 and "Địa chỉ nhận phải là một URL" in bad.get_data(as_text=True)
    assert db.session.scalar(select(Webhook)) is None
    made = _register(client, url, ["task.assigned", "task.returned"])
    html = made.get_data(as_text=True)
    webhook = db.session.scalar(select(Webhook))
    assert webhook is not None and webhook.events == ["task.assigned", "task.returned"]
    assert webhook.secret in html and made.headers["Cache-Control"] == "no-store"
    assert webhook.secret not in client.get(page).get_data(as_text=True)  # once only
    client.post(f"{page}/{webhook.id}/tat", data={"csrf_token": csrf_token(client, page)})
    db.session.refresh(webhook)
    assert not webhook.active


def _register(client: FlaskClient, url: str, events: list[str]) -> TestResponse:
    page = "/quan-tri/webhook"
    return client.post(
        page,
        data={
            "csrf_token": csrf_token(client, page),
            "name": "Phần mềm QLVB Sở Tài chính",
            "agency_id": str(agency("stc").id),
            "url": url,
            "events": events,
        },
    )


def test_only_the_administrator_manages_webhooks(app: Flask, login: Login) -> None:
    assert login("stc").get("/quan-tri/webhook").status_code == 403
