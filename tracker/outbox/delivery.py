"""One attempt at sending an outbox row by the sender of its channel: claimed first, so that
two workers never send the same row; a failure is recorded, retried later with backoff, and
given up after the channel's last attempt. A webhook that keeps failing is disabled and the
administrators are told."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.orm import Session

from tracker.auth.models import Role, User
from tracker.mail.message import OutgoingMail
from tracker.mail.transport import MailDeliveryError, send_mail
from tracker.notifications.services import notify_users
from tracker.outbox.errors import DeliveryError
from tracker.outbox.models import Channel, DeliveryState, OutboxMessage, Webhook
from tracker.outbox.settings import ChannelSettings
from tracker.outbox.sms import send_sms
from tracker.outbox.webhook_sender import send_webhook
from tracker.outbox.zalo import send_zalo

# Seconds to wait before each retry; one attempt more than there are waits.
BACKOFF: dict[Channel, list[int]] = {
    Channel.EMAIL: [60, 300, 900, 3600],
    Channel.ZALO: [60, 300, 900, 3600],
    Channel.SMS: [60, 300, 900, 3600],
    Channel.WEBHOOK: [30, 120, 600, 1800, 7200],
}
# A claimed row whose worker died is tried again after this.
LEASE = timedelta(minutes=10)


def max_attempts(channel: Channel) -> int:
    return len(BACKOFF[channel]) + 1


def is_due(now: datetime) -> ColumnElement[bool]:
    return or_(OutboxMessage.not_before.is_(None), OutboxMessage.not_before <= now)


def due_message_ids(session: Session, now: datetime) -> list[int]:
    """The queued rows whose time has come: new ones, those held for the quiet hours, and
    retries whose wait is over."""
    return list(
        session.scalars(
            select(OutboxMessage.id)
            .where(OutboxMessage.state == DeliveryState.QUEUED, is_due(now))
            .order_by(OutboxMessage.id)
        )
    )


def attempt(
    session: Session, message_id: int, settings: ChannelSettings, now: datetime
) -> DeliveryError | None:
    """Try to send the row once and commit what happened. Returns the error when the row
    will be tried again (the job raises it, so that RQ retries with its backoff); None when
    it was sent, given up, not due, or taken by another worker."""
    message = session.get(OutboxMessage, message_id)
    if message is None or not _claim(session, message, now):
        return None
    try:
        _send(session, message, settings, now)
    except DeliveryError as error:
        _failed(session, message, error, settings, now)
        session.commit()
        return None if message.state is DeliveryState.FAILED else error
    message.state, message.sent_at, message.last_error = DeliveryState.SENT, now, None
    message.not_before = None
    if message.webhook is not None:
        message.webhook.failures_in_row, message.webhook.last_success_at = 0, now
    session.commit()
    return None


def _claim(session: Session, message: OutboxMessage, now: datetime) -> bool:
    """Count the attempt and lease the row, in one update that only one worker can win."""
    seen = message.attempts
    claimed = session.execute(  # type: ignore[attr-defined]  # a CursorResult
        update(OutboxMessage)
        .where(
            OutboxMessage.id == message.id,
            OutboxMessage.state == DeliveryState.QUEUED,
            OutboxMessage.attempts == seen,
            is_due(now),
        )
        .values(attempts=seen + 1, not_before=now + LEASE)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.commit()
    session.refresh(message)
    return bool(claimed)


def _send(
    session: Session, message: OutboxMessage, settings: ChannelSettings, now: datetime
) -> None:
    if message.channel is Channel.EMAIL:
        mail = OutgoingMail(
            to=(message.address,),
            subject=message.subject,
            text=message.text,
            html=message.html or "",
        )
        try:
            send_mail(settings.smtp, mail)
        except MailDeliveryError as error:
            raise DeliveryError(str(error)) from error
    elif message.channel is Channel.SMS:
        if settings.sms is None:
            raise DeliveryError("Kênh SMS chưa được cấu hình (SMS_GATEWAY_URL).")
        send_sms(settings.sms, message.address, message.text)
    elif message.channel is Channel.ZALO:
        if settings.zalo is None:
            raise DeliveryError("Kênh Zalo chưa được cấu hình (ZALO_APP_ID, ZALO_TEMPLATE_ID).")
        tracking = f"tracker-{message.id}"
        send_zalo(session, settings.zalo, message.address, message.payload or {}, tracking, now)
    else:
        webhook = message.webhook
        if webhook is None or not webhook.active:
            raise DeliveryError("Webhook đã bị tắt hoặc xóa.", permanent=True)
        send_webhook(webhook.url, webhook.secret, message.payload or {}, int(now.timestamp()))


def _failed(
    session: Session,
    message: OutboxMessage,
    error: DeliveryError,
    settings: ChannelSettings,
    now: datetime,
) -> None:
    message.last_error = str(error)
    waits = BACKOFF[message.channel]
    if not error.permanent and message.attempts < max_attempts(message.channel):
        # due a little before RQ's retry runs, so that the retry finds it due
        message.not_before = now + timedelta(seconds=waits[message.attempts - 1] - 5)
        return
    message.state = DeliveryState.FAILED
    if message.webhook is not None:
        _webhook_gave_up(session, message.webhook, settings.webhook_max_failures, now)


def _webhook_gave_up(session: Session, webhook: Webhook, limit: int, now: datetime) -> None:
    """One more delivery given up; at `limit` in a row the webhook is disabled, its queued
    deliveries dropped, and every administrator told."""
    webhook.failures_in_row += 1
    if webhook.failures_in_row < limit or not webhook.active:
        return
    webhook.active, webhook.disabled_at = False, now
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.webhook_id == webhook.id, OutboxMessage.state == DeliveryState.QUEUED)
        .values(state=DeliveryState.FAILED, last_error="Webhook đã bị tắt.")
        .execution_options(synchronize_session=False)
    )
    admins = session.scalars(select(User).where(User.role == Role.ADMIN, User.active.is_(True)))
    notify_users(
        session,
        admins,
        f"Webhook “{webhook.name}” đã bị tắt sau {webhook.failures_in_row} lần gửi không "
        f"thành công liên tiếp ({webhook.url}). Kiểm tra hệ thống nhận rồi bật lại.",
        kind="webhook_disabled",
        link="/quan-tri/webhook",
    )
