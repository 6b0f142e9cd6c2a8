"""The outbox (one row per message, recipient and channel), the webhooks that other systems
subscribe, and the Zalo Official Account's tokens."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.agencies.models import Agency
from tracker.db import Base, UTCDateTime, str_enum, utcnow
from tracker.domain.labels import LabelledEnum


class Channel(LabelledEnum):
    """The ways out of the app; the in-app notification is always written."""

    EMAIL = "email", "E-mail"
    ZALO = "zalo", "Zalo (tin nhắn từ Official Account)"
    SMS = "sms", "Tin nhắn SMS"
    WEBHOOK = "webhook", "Webhook"


# The channels a person may choose; webhooks are for systems.
PERSONAL_CHANNELS = (Channel.EMAIL, Channel.ZALO, Channel.SMS)


class DeliveryState(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"


class OutboxMessage(Base):
    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_message_state_created_at", "state", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[Channel] = mapped_column(str_enum(Channel, length=20))
    kind: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    webhook_id: Mapped[int | None] = mapped_column(
        ForeignKey("webhook.id", ondelete="CASCADE"), index=True
    )
    # an e-mail address, a phone number (84…) or a URL
    address: Mapped[str] = mapped_column(String(500))
    subject: Mapped[str] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)
    # Zalo's template data, a webhook's JSON body
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    segments: Mapped[int | None] = mapped_column()  # what an SMS costs
    state: Mapped[DeliveryState] = mapped_column(
        str_enum(DeliveryState), default=DeliveryState.QUEUED
    )
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    # held until then (quiet hours); None: at once
    not_before: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    webhook: Mapped[Webhook | None] = relationship()


class Webhook(Base):
    """A system that wants to hear about tasks: every task of the province (no agency), or
    those an agency leads or coordinates. Disabled after repeated failed deliveries."""

    __tablename__ = "webhook"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    agency_id: Mapped[int | None] = mapped_column(
        ForeignKey("agency.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(String(500))
    secret: Mapped[str] = mapped_column(String(64))
    events: Mapped[list[str]] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(default=True)
    # deliveries given up in a row; back to 0 on a success
    failures_in_row: Mapped[int] = mapped_column(default=0)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    agency: Mapped[Agency | None] = relationship()


class ZaloToken(Base):
    """The Official Account's tokens. Zalo's access token lasts about 25 hours and each
    refresh token serves once: the new pair replaces the old in the same transaction."""

    __tablename__ = "zalo_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    access_token: Mapped[str | None] = mapped_column(Text)
    refresh_token: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
