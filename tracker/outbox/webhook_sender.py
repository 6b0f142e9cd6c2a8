"""A webhook delivery: the event as JSON, signed with the subscription's secret and stamped
with the time of this attempt, POSTed to its URL."""

from __future__ import annotations

import json
from typing import Any

from tracker.domain.webhook_signature import sign
from tracker.outbox.errors import DeliveryError
from tracker.outbox.http import post

USER_AGENT = "Tracker-Webhook/1"


def body_bytes(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def send_webhook(url: str, secret: str, payload: dict[str, Any], timestamp: int) -> None:
    body = body_bytes(payload)
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        "X-Tracker-Event": str(payload["event"]),
        "X-Tracker-Delivery": str(payload["id"]),
        "X-Tracker-Timestamp": str(timestamp),
        "X-Tracker-Signature": sign(secret, timestamp, body),
    }
    response = post(url, "webhook", data=body, headers=headers)
    if 200 <= response.status_code < 300:
        return
    # 410 Gone: the receiver says the subscription is over.
    raise DeliveryError(
        f"Webhook trả lời HTTP {response.status_code}: {response.text[:200]}",
        permanent=response.status_code == 410,
    )
