"""Calls to the providers' HTTP APIs, their failures turned into DeliveryError."""

from __future__ import annotations

from typing import Any

import requests

from tracker.outbox.errors import DeliveryError

TIMEOUT_SECONDS = 15.0


def post(url: str, what: str, **kwargs: Any) -> requests.Response:
    """POST and return the answer, whatever its status; a network failure or a timeout is a
    DeliveryError naming `what` was called."""
    try:
        return requests.post(url, timeout=TIMEOUT_SECONDS, allow_redirects=False, **kwargs)
    except requests.RequestException as error:
        raise DeliveryError(f"Không kết nối được {what} ({url}): {error}") from error


def json_of(response: requests.Response, what: str) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError as error:
        raise DeliveryError(
            f"{what} trả lời không phải JSON (HTTP {response.status_code}): {response.text[:200]}"
        ) from error
    if not isinstance(body, dict):
        raise DeliveryError(f"{what} trả lời JSON không đúng dạng: {response.text[:200]}")
    return body
