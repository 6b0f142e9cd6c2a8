"""Subscribing, pausing and removing webhooks. The verbs flush; the caller commits. The
secret is random and shown to the administrator once, to give to the receiving system."""

from __future__ import annotations

import secrets
from collections.abc import Collection
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from tracker.audit.services import record_event
from tracker.auth.models import User
from tracker.outbox.models import Webhook


class WebhookError(ValueError):
    """A subscription that cannot be saved; the message says why, in Vietnamese."""


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookError("Địa chỉ nhận phải là một URL http:// hoặc https:// đầy đủ.")
    return url.strip()


def create_webhook(
    session: Session,
    *,
    name: str,
    agency_id: int | None,
    url: str,
    events: Collection[str],
    actor: User,
) -> Webhook:
    if not events:
        raise WebhookError("Hãy chọn ít nhất một sự kiện.")
    webhook = Webhook(
        name=name.strip(),
        agency_id=agency_id,
        url=check_url(url),
        secret=secrets.token_hex(32),
        events=sorted(events),
    )
    session.add(webhook)
    session.flush()
    _record(session, webhook, actor, "webhook.created")
    return webhook


def set_active(session: Session, webhook: Webhook, active: bool, actor: User) -> None:
    """Pause or resume; resuming starts the count of failures again."""
    webhook.active = active
    if active:
        webhook.failures_in_row, webhook.disabled_at = 0, None
    session.flush()
    _record(session, webhook, actor, "webhook.enabled" if active else "webhook.disabled")


def delete_webhook(session: Session, webhook: Webhook, actor: User) -> None:
    _record(session, webhook, actor, "webhook.deleted")
    session.delete(webhook)
    session.flush()


def _record(session: Session, webhook: Webhook, actor: User, action: str) -> None:
    record_event(
        session,
        actor_id=actor.id,
        action=action,
        subject_type="webhook",
        subject_id=webhook.id,
        after={"name": webhook.name, "url": webhook.url, "events": webhook.events},
    )
