"""Zalo and SMS against servers on loopback that answer as the providers document: what
goes on the wire, the token refresh, the errors that are retried and those that are not,
and the quiet hours."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from flask import Flask
from sqlalchemy import select, update

from tests.support.providers import SmsGateway, ZaloOA
from tracker.auth.models import User
from tracker.db import utcnow
from tracker.extensions import db
from tracker.jobs.outbox import send_due_messages
from tracker.outbox.compose import Content, queue_to_user
from tracker.outbox.delivery import attempt
from tracker.outbox.models import Channel, DeliveryState, OutboxMessage, ZaloToken
from tracker.outbox.settings import ChannelSettings

LINE = "Văn phòng UBND trả lại nhiệm vụ “Xây dựng Đề án vị trí việc làm”. Lý do: thiếu hồ sơ"
# 15:00 in Vietnam, out of the quiet hours
AFTERNOON = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)


def _content(line: str = LINE) -> Content:
    return Content(
        kind="notification",
        subject=line,
        text=line,
        html=f"<p>{line}</p>",
        line=line,
        link="http://127.0.0.1:5000/nhiem-vu/42",
    )


def _queue(app: Flask, person: User, channels: list[str], line: str = LINE) -> OutboxMessage:
    person.notify_channels, person.phone = channels, "84912345678"
    settings = ChannelSettings.from_config(app.config)
    (message,) = queue_to_user(db.session(), person, _content(line), settings, utcnow())
    db.session.commit()
    return message


def _send(app: Flask, message: OutboxMessage) -> OutboxMessage:
    attempt(db.session(), message.id, ChannelSettings.from_config(app.config), utcnow())
    db.session.refresh(message)
    return message


@time_machine.travel(AFTERNOON, tick=False)
def test_zalo_gets_a_template_message_and_the_token_is_refreshed_as_zalo_requires(
    app: Flask, zalo: ZaloOA, user: Callable[[str], User]
) -> None:
    first = _send(app, _queue(app, user("stc"), ["zalo"]))
    assert first.state is DeliveryState.SENT and first.attempts == 1
    (sent,) = zalo.sent
    assert sent["phone"] == "84912345678" and sent["template_id"] == "301245"
    assert sent["template_data"] == {
        "noi_dung": LINE,
        "duong_dan": "http://127.0.0.1:5000/nhiem-vu/42",
    }
    assert sent["tracking_id"] == f"tracker-{first.id}"
    # The first refresh token is spent; the new pair is kept for the next refresh.
    token = db.session.scalar(select(ZaloToken))
    assert token is not None and token.refresh_token in zalo.refresh_tokens
    assert "first-refresh-token" not in zalo.refresh_tokens
    assert token.expires_at == AFTERNOON + timedelta(seconds=90000)

    assert _send(app, _queue(app, user("stc"), ["zalo"])).state is DeliveryState.SENT
    assert zalo.refreshes == 1  # the access token is reused while valid

    zalo.expire_access_tokens()  # Zalo revoked it early: -124, refresh once, send again
    assert _send(app, _queue(app, user("stc"), ["zalo"])).state is DeliveryState.SENT
    assert zalo.refreshes == 2 and len(zalo.sent) == 3


@time_machine.travel(AFTERNOON, tick=False)
def test_zalo_errors_a_retry_cannot_fix_fail_at_once_the_others_wait_and_retry(
    app: Flask, zalo: ZaloOA, user: Callable[[str], User]
) -> None:
    zalo.not_on_zalo.add("84912345678")
    refused = _send(app, _queue(app, user("stc"), ["zalo"]))
    assert refused.state is DeliveryState.FAILED and refused.attempts == 1
    assert refused.last_error == "Zalo từ chối tin nhắn (mã -118): Zalo account not existed"

    zalo.not_on_zalo.clear()
    zalo.server_errors = 1
    later = _send(app, _queue(app, user("stc"), ["zalo"]))
    assert later.state is DeliveryState.QUEUED and "HTTP 502" in (later.last_error or "")
    assert later.not_before == AFTERNOON + timedelta(seconds=55)  # the first wait
    assert send_due_messages() == 0  # not due yet
    with time_machine.travel(AFTERNOON + timedelta(minutes=1), tick=False):
        assert send_due_messages() == 1
    db.session.refresh(later)
    assert later.state is DeliveryState.SENT and later.attempts == 2


@time_machine.travel(AFTERNOON, tick=False)
def test_a_bad_zalo_refresh_token_is_recorded_and_retried(
    app: Flask, zalo: ZaloOA, user: Callable[[str], User]
) -> None:
    zalo.refresh_tokens.clear()  # revoked in the OA's settings
    message = _send(app, _queue(app, user("stc"), ["zalo"]))
    assert message.state is DeliveryState.QUEUED
    assert message.last_error == "Zalo không cấp access token mới: Invalid refresh token"


@time_machine.travel(AFTERNOON, tick=False)
def test_sms_without_diacritics_counted_in_segments_through_the_gateway(
    app: Flask, sms: SmsGateway, user: Callable[[str], User]
) -> None:
    message = _send(app, _queue(app, user("stc"), ["sms"]))
    assert message.state is DeliveryState.SENT and message.segments == 1
    (received,) = sms.received
    assert received == {
        "to": ["84912345678"],
        "content": "Van phong UBND tra lai nhiem vu “Xay dung De an vi tri viec lam”. Ly do: "
        "thieu ho so http://127.0.0.1:5000/nhiem-vu/42".replace("“", "?").replace("”", "?"),
        "sms_type": 2,
        "sender": "UBND TINH",
    }

    long_line = "Nhắc việc: " + "nhiệm vụ sắp đến hạn của Sở Tài chính, " * 12
    costly = _send(app, _queue(app, user("stc"), ["sms"], long_line))
    assert costly.segments == 2 and len(costly.text) <= 306  # SMS_MAX_SEGMENTS
    assert costly.text.endswith("... http://127.0.0.1:5000/nhiem-vu/42")


@time_machine.travel(AFTERNOON, tick=False)
def test_sms_gateway_refusals(
    app: Flask, sms: SmsGateway, user: Callable[[str], User], monkeypatch: pytest.MonkeyPatch
) -> None:
    sms.unavailable = 1
    busy = _send(app, _queue(app, user("stc"), ["sms"]))
    assert busy.state is DeliveryState.QUEUED and "HTTP 503" in (busy.last_error or "")

    monkeypatch.setitem(app.config, "SMS_GATEWAY_USERNAME", "wrong-token")
    refused = _send(app, _queue(app, user("stc"), ["sms"]))
    assert refused.state is DeliveryState.FAILED  # 401: a retry cannot fix the account
    assert "HTTP 401" in (refused.last_error or "") and "Authentication failed" in (
        refused.last_error or ""
    )


def test_zalo_and_sms_written_at_night_wait_for_the_morning(
    app: Flask, sms: SmsGateway, user: Callable[[str], User]
) -> None:
    night = datetime(2026, 12, 4, 15, 30, tzinfo=UTC)  # 22:30 in Vietnam
    person = user("stc")
    person.notify_channels, person.phone = ["email", "sms"], "84912345678"
    with time_machine.travel(night, tick=False):
        settings = ChannelSettings.from_config(app.config)
        mail, text = queue_to_user(db.session(), person, _content(), settings, utcnow())
    db.session.commit()
    assert (mail.channel, text.channel) == (Channel.EMAIL, Channel.SMS)
    assert mail.not_before is None  # an e-mail does not ring
    assert text.not_before == datetime(2026, 12, 5, 0, 0, tzinfo=UTC)  # 07:00
    mail.state = DeliveryState.SENT  # out of the way: no SMTP server in this test
    db.session.commit()
    with time_machine.travel(night + timedelta(hours=8), tick=False):  # 06:30
        assert send_due_messages() == 0
    assert sms.received == []
    with time_machine.travel(datetime(2026, 12, 5, 0, 1, tzinfo=UTC), tick=False):
        assert send_due_messages() == 1
    assert len(sms.received) == 1


@time_machine.travel(AFTERNOON, tick=False)
def test_a_row_claimed_by_one_worker_is_not_sent_by_another(
    app: Flask, sms: SmsGateway, user: Callable[[str], User]
) -> None:
    message = _queue(app, user("stc"), ["sms"])
    assert message.attempts == 0
    # another worker claims it after this one read it (this session still holds attempts 0)
    db.session.execute(
        update(OutboxMessage.__table__)
        .where(OutboxMessage.__table__.c.id == message.id)
        .values(attempts=1, not_before=None)
    )
    settings = ChannelSettings.from_config(app.config)
    assert attempt(db.session(), message.id, settings, utcnow()) is None
    assert sms.received == []


@time_machine.travel(AFTERNOON, tick=False)
def test_the_daily_digest_goes_once_by_each_channel(
    app: Flask, sms: SmsGateway, user: Callable[[str], User]
) -> None:
    from tracker.auth.models import NotifyRhythm
    from tracker.jobs.notifications import send_daily_notifications, send_new_notifications
    from tracker.notifications.services import notify_users

    person = user("stc")
    person.notify_channels, person.phone = ["sms"], "84912345678"
    person.notify_rhythm = NotifyRhythm.DAILY
    for message in ("Văn phòng UBND trả lại một nhiệm vụ", "Có 3 nhiệm vụ mới"):
        notify_users(db.session(), [person], message, kind="test", link="/nhiem-vu/")
    db.session.commit()
    assert send_new_notifications() == 0  # she chose the digest
    assert send_daily_notifications() == 1
    assert send_daily_notifications() == 0  # once only
    send_due_messages()
    (received,) = sms.received
    assert received["content"] == "Ban co 2 thong bao moi ve nhiem vu duoc giao. " + (
        "http://127.0.0.1:5000/tin-moi/"
    )


def test_the_administrator_tries_a_channel_and_replaces_zalos_token(
    app: Flask, zalo: ZaloOA, sms: SmsGateway
) -> None:
    runner = app.test_cli_runner()
    sent = runner.invoke(args=["channels", "try", "sms", "0912 345 678"])
    assert sent.exit_code == 0 and "sent by sms to 84912345678" in sent.output
    assert sms.received[0]["content"].startswith("Tracker: tin nhan thu.")
    refused = runner.invoke(args=["channels", "try", "sms", "0241234567"])
    assert refused.exit_code != 0 and "Đầu số 024" in refused.output

    zalo.refresh_tokens = {"from-the-oa"}  # the kept one was revoked
    failed = runner.invoke(args=["channels", "try", "zalo", "0912345678"])
    assert failed.exit_code != 0 and "Invalid refresh token" in failed.output
    replaced = runner.invoke(args=["channels", "zalo-token", "from-the-oa"])
    assert replaced.exit_code == 0
    assert runner.invoke(args=["channels", "try", "zalo", "0912345678"]).exit_code == 0
    assert zalo.sent[0]["template_data"]["noi_dung"].startswith("Tracker: tin nhắn thử")
