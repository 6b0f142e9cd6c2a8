"""The reminder pass against a real SMTP server on loopback: one message per recipient,
nothing twice, escalation, people without an address, and a mail server that is down."""

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from flask import Flask
from sqlalchemy import func, select

from tests.factories import make_notice, make_task
from tests.support.smtp import Inbox, smtp_server
from tracker.auth.models import User
from tracker.domain.reminders import ReminderPolicy
from tracker.extensions import db
from tracker.jobs.outbox import send_due_messages
from tracker.notifications.models import Notification
from tracker.outbox.models import DeliveryState, OutboxMessage
from tracker.reminders.policy import save_policy

DAY = date(2031, 3, 10)


@pytest.fixture
def inbox(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    with smtp_server() as (received, port):
        monkeypatch.setitem(app.config, "MAIL_PORT", port)
        yield received


@pytest.fixture
def scene(app: Flask) -> dict[str, int]:
    """Sở Xây dựng (whose demo tasks have no deadline): one task due in 7 days, one due
    tomorrow, one 20 days overdue (so escalated); no digest of tasks without deadline."""
    save_policy(db.session(), ReminderPolicy(digest_without_deadline=False))
    notice = make_notice(issued_on=date(2031, 1, 5))
    ids = {
        "week": make_task(notice, lead="sxd", deadline=DAY + timedelta(days=7)).id,
        "tomorrow": make_task(notice, lead="sxd", deadline=DAY + timedelta(days=1)).id,
        "late": make_task(notice, lead="sxd", deadline=DAY - timedelta(days=20)).id,
    }
    db.session.commit()
    return ids


def run(app: Flask, day: date = DAY) -> str:
    result = app.test_cli_runner().invoke(args=["reminders", "run", "--today", day.isoformat()])
    assert result.exit_code == 0, result.output
    return result.output


def test_one_message_per_recipient_listing_all_their_tasks(
    app: Flask, scene: dict[str, int], inbox: Inbox, user: Callable[[str], User]
) -> None:
    output = run(app)
    officer = user("sxd")
    (message,) = inbox.to(officer.email)
    assert message["Subject"] == "Nhắc việc: 3 nhiệm vụ cần chú ý, 1 nhiệm vụ quá hạn"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for task_id in scene.values():
        assert f"/nhiem-vu/{task_id}" in text and f"/nhiem-vu/{task_id}" in html
    assert "Sắp đến hạn (2)" in text and "Vẫn quá hạn (1)" in text
    assert "messages sent to" in output


def test_escalation_reaches_the_secretariat_and_a_second_run_sends_nothing(
    app: Flask, scene: dict[str, int], inbox: Inbox, user: Callable[[str], User]
) -> None:
    run(app)
    secretary = user("vanphong")
    (escalation,) = inbox.to(secretary.email)
    text = escalation.get_body(("plain",)).get_content()
    assert "Quá hạn kéo dài" in text and f"/nhiem-vu/{scene['late']}" in text
    assert f"/nhiem-vu/{scene['week']}" not in text
    received = len(inbox.messages)
    output = run(app)
    assert len(inbox.messages) == received
    assert output.startswith("0 reminders due")


def test_people_without_an_address_still_get_the_in_app_notice(
    app: Flask, scene: dict[str, int], inbox: Inbox, user: Callable[[str], User]
) -> None:
    officer = user("sxd")
    officer.email = None
    db.session.commit()
    run(app)
    assert inbox.to("sxd@demo.tracker.local") == []
    notices = db.session.scalars(
        select(Notification.message).where(
            Notification.user_id == officer.id, Notification.kind == "reminder"
        )
    ).all()
    assert notices == ["Nhắc việc: 3 nhiệm vụ cần chú ý, 1 nhiệm vụ quá hạn"]


def test_a_mail_server_that_is_down_keeps_the_mail_queued_and_it_is_sent_later(
    app: Flask, scene: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.support.services import free_port

    monkeypatch.setitem(app.config, "MAIL_PORT", free_port())  # nothing listens there
    output = run(app)
    assert "stay queued (a retry, or the quiet hours)" in output
    queued = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.state == DeliveryState.QUEUED)
    ).all()
    assert queued and all(mail.last_error and mail.attempts == 1 for mail in queued)
    later = datetime.now(UTC) + timedelta(minutes=2)  # the first retry's wait is over
    with smtp_server() as (inbox, port), time_machine.travel(later):
        monkeypatch.setitem(app.config, "MAIL_PORT", port)
        assert send_due_messages() == len(queued)
        assert len(inbox.messages) == len(queued)
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.state == DeliveryState.QUEUED)
        )
        == 0
    )


def test_a_bad_date_is_refused(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["reminders", "run", "--today", "2031-02-30"])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_the_development_sink_writes_eml_files_the_admin_reads(
    app: Flask,
    scene: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    login: Callable[[str], object],
) -> None:
    """`make run` points the mail at a local sink writing .eml files to the outbox folder;
    the admin reads them on the outbox page."""
    from pathlib import Path

    from aiosmtpd.controller import Controller

    from tests.support.services import free_port
    from tracker.mail.sink import OutboxHandler

    port = free_port()
    outbox = Path(app.config["OUTBOX_FOLDER"])
    outbox.mkdir(parents=True, exist_ok=True)  # run_outbox_sink makes it when it starts
    controller = Controller(OutboxHandler(outbox), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        monkeypatch.setitem(app.config, "MAIL_PORT", port)
        run(app)
    finally:
        controller.stop()
    assert list(outbox.glob("*.eml"))
    page = login("quantri").get("/quan-tri/hop-thu-di").get_data(as_text=True)
    assert "Nhắc việc: 3 nhiệm vụ cần chú ý, 1 nhiệm vụ quá hạn" in page


def test_leaders_get_one_weekly_digest_of_overdue_tasks_by_agency(
    app: Flask, scene: dict[str, int], inbox: Inbox, user: Callable[[str], User]
) -> None:
    from tracker.jobs.reminders import run_leader_digests

    first = run_leader_digests(DAY.isoformat())
    again = run_leader_digests((DAY + timedelta(days=2)).isoformat())  # the same week
    assert first["recipients"] == 1 and again["recipients"] == 0
    send_due_messages()
    (digest,) = inbox.to(user("lanhdao").email)
    text = digest.get_body(("plain",)).get_content()
    assert digest["Subject"].startswith("Tổng hợp tuần:")
    assert "Sở Xây dựng" in text and f"/nhiem-vu/{scene['late']}" in text


def test_two_runs_claiming_the_same_reminders_send_them_once(
    app: Flask, scene: dict[str, int]
) -> None:
    """As two workers would: the second claim of the same keys gets nothing."""
    from tracker.reminders.services import claim_reminders

    keys = [(f"task:{task_id}", "before", "x") for task_id in scene.values()]
    assert len(claim_reminders(db.session(), keys)) == 3
    assert claim_reminders(db.session(), keys) == set()
