"""Writing a message to a person into the outbox: one row for each channel she chose that is
set up here and for which she has an address. Zalo and SMS ring a phone: written in the
quiet hours, they wait for the morning."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from tracker.auth.models import User
from tracker.domain.sms_text import sms_text
from tracker.domain.text import shorten
from tracker.outbox.models import Channel, OutboxMessage
from tracker.outbox.payload import fill
from tracker.outbox.settings import ChannelSettings

SUBJECT_CHARS = 150
ZALO_PARAM_CHARS = 200


@dataclass(frozen=True)
class Content:
    """One message in every form: an e-mail's subject, text and HTML, and the one line that
    Zalo and SMS carry, with the absolute link to read more."""

    kind: str
    subject: str
    text: str
    html: str
    line: str
    link: str


def channels_of(user: User, settings: ChannelSettings) -> list[Channel]:
    """The channels the user chose that are set up and that she has an address for."""
    chosen = [c for c in settings.personal_channels if c.value in (user.notify_channels or [])]
    return [c for c in chosen if (user.email if c is Channel.EMAIL else user.phone)]


def queue_to_user(
    session: Session, user: User, content: Content, settings: ChannelSettings, now: datetime
) -> list[OutboxMessage]:
    messages = []
    for channel in channels_of(user, settings):
        address = user.email if channel is Channel.EMAIL else user.phone
        assert address is not None  # noqa: S101 - channels_of checked it
        message = message_to(channel, address, user.full_name, content, settings, now)
        message.user_id = user.id
        messages.append(message)
    session.add_all(messages)
    session.flush()
    return messages


def message_to(
    channel: Channel,
    address: str,
    name: str,
    content: Content,
    settings: ChannelSettings,
    now: datetime,
) -> OutboxMessage:
    """The row of one message by one channel to an address (e-mail, or 84… for a phone)."""
    subject = shorten(content.subject, SUBJECT_CHARS)
    if channel is Channel.EMAIL:
        return OutboxMessage(
            channel=channel,
            kind=content.kind,
            address=address,
            subject=subject,
            text=content.text,
            html=content.html,
        )
    held = settings.quiet_hours.send_after(now) if settings.quiet_hours else None
    message = OutboxMessage(
        channel=channel,
        kind=content.kind,
        address=address,
        subject=subject,
        text=content.line,
        not_before=held,
    )
    if channel is Channel.SMS:
        assert settings.sms is not None  # noqa: S101 - offered only when set up
        sms = sms_text(
            content.line,
            content.link,
            unicode=settings.sms.unicode,
            max_segments=settings.sms.max_segments,
        )
        message.text, message.segments = sms.text, sms.segments
    else:
        assert settings.zalo is not None  # noqa: S101 - offered only when set up
        values = {
            "message": shorten(content.line, ZALO_PARAM_CHARS),
            "link": content.link,
            "name": name,
        }
        message.payload = fill(settings.zalo.template_data, values)
    return message
