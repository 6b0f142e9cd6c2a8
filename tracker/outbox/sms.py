"""SMS through the province's HTTP gateway: the request's JSON shape is configuration
(SMS_BODY_TEMPLATE with {phone}, {text} and {brandname}), as are the account (HTTP Basic)
and the field of the answer that means accepted (SMS_SUCCESS, e.g. "status=success")."""

from __future__ import annotations

from tracker.outbox.errors import DeliveryError
from tracker.outbox.http import json_of, post
from tracker.outbox.payload import fill
from tracker.outbox.settings import SmsSettings

RETRYABLE_STATUSES = frozenset({408, 425, 429})


def send_sms(settings: SmsSettings, phone: str, text: str) -> None:
    body = fill(
        settings.body_template, {"phone": phone, "text": text, "brandname": settings.brandname}
    )
    auth = (settings.username, settings.password) if settings.username else None
    response = post(settings.url, "cổng SMS", json=body, auth=auth)
    status = response.status_code
    if status >= 400:
        raise DeliveryError(
            f"Cổng SMS từ chối (HTTP {status}): {response.text[:200]}",
            permanent=status < 500 and status not in RETRYABLE_STATUSES,
        )
    if settings.success is None:
        return
    field, value = settings.success
    answer = json_of(response, "Cổng SMS")
    if str(answer.get(field)) != value:
        reason = answer.get("message") or answer.get("error") or answer
        raise DeliveryError(f"Cổng SMS không nhận tin: {reason}")
