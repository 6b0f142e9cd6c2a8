"""Zalo Notification Service: a template message to a phone number, sent by the province's
Official Account over Zalo's HTTP API, with the access-token refresh it requires.

- Send: POST ZALO_API_URL, header `access_token`, JSON {phone, template_id, template_data,
  tracking_id}; the answer is HTTP 200 with {"error": 0, "data": {"msg_id": …}} or an error
  code and message.
- Refresh: POST ZALO_OAUTH_URL, header `secret_key`, form {app_id, grant_type=refresh_token,
  refresh_token}; the answer carries a new access token (about 25 hours), a new refresh token
  (the old one is spent) and `expires_in` in seconds, as a string.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.outbox.errors import DeliveryError
from tracker.outbox.http import json_of, post
from tracker.outbox.models import ZaloToken
from tracker.outbox.settings import ZaloSettings

# Codes of the send API: the token is no longer valid (refresh and try once more); the
# number cannot get ZNS (not on Zalo, inactive, refused the OA's messages): trying again
# cannot help.
TOKEN_ERRORS = frozenset({-124, -216})
RECIPIENT_ERRORS = frozenset({-108, -118, -119, -139})
# A token is refreshed a little before it runs out, so that it does not die mid-send.
EARLY = timedelta(minutes=10)


def send_zalo(
    session: Session,
    settings: ZaloSettings,
    phone: str,
    template_data: dict[str, Any],
    tracking_id: str,
    now: datetime,
) -> str:
    """Send one template message; returns Zalo's message id."""
    body = {
        "phone": phone,
        "template_id": settings.template_id,
        "template_data": template_data,
        "tracking_id": tracking_id,
    }
    answer = _send(settings, _access_token(session, settings, now, refresh=False), body)
    if answer.get("error") in TOKEN_ERRORS:
        answer = _send(settings, _access_token(session, settings, now, refresh=True), body)
    code = answer.get("error")
    if code == 0:
        return str((answer.get("data") or {}).get("msg_id", ""))
    message = f"Zalo từ chối tin nhắn (mã {code}): {answer.get('message', '')}"
    raise DeliveryError(message, permanent=code in RECIPIENT_ERRORS)


def _send(settings: ZaloSettings, access_token: str, body: dict[str, Any]) -> dict[str, Any]:
    response = post(settings.api_url, "Zalo", json=body, headers={"access_token": access_token})
    if response.status_code >= 500:
        raise DeliveryError(f"Máy chủ Zalo lỗi (HTTP {response.status_code}).")
    return json_of(response, "Zalo")


def _access_token(session: Session, settings: ZaloSettings, now: datetime, *, refresh: bool) -> str:
    """The stored access token while it is valid; else a new one. The row is locked (on
    PostgreSQL) so that two workers do not both spend the single-use refresh token."""
    token = session.scalar(select(ZaloToken).with_for_update())
    if token is None:
        if not settings.first_refresh_token:
            raise DeliveryError("Chưa có refresh token của Zalo OA (ZALO_REFRESH_TOKEN).")
        token = ZaloToken(refresh_token=settings.first_refresh_token)
        session.add(token)
    fresh = token.expires_at is not None and token.expires_at - EARLY > now
    if token.access_token and fresh and not refresh:
        return token.access_token
    _refresh(session, settings, token, now)
    assert token.access_token is not None  # noqa: S101 - set by _refresh
    return token.access_token


def _refresh(session: Session, settings: ZaloSettings, token: ZaloToken, now: datetime) -> None:
    response = post(
        settings.oauth_url,
        "máy chủ cấp quyền của Zalo",
        data={
            "app_id": settings.app_id,
            "grant_type": "refresh_token",
            "refresh_token": token.refresh_token,
        },
        headers={"secret_key": settings.secret_key},
    )
    answer = json_of(response, "Máy chủ cấp quyền của Zalo")
    if not answer.get("access_token") or not answer.get("refresh_token"):
        reason = answer.get("error_name") or answer.get("error_description") or answer
        raise DeliveryError(f"Zalo không cấp access token mới: {reason}")
    token.access_token = answer["access_token"]
    token.refresh_token = answer["refresh_token"]
    token.expires_at = now + timedelta(seconds=int(answer.get("expires_in") or 3600))
    token.updated_at = now
    # The old refresh token is spent: keep the new pair whatever happens to the message.
    session.commit()
