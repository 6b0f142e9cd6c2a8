"""The signature of a webhook delivery: HMAC SHA-256, keyed by the subscription's secret, over
"<timestamp>.<body>", so that a receiver can check both who sent it and that it is fresh (a
replayed delivery carries an old timestamp)."""

from __future__ import annotations

import hashlib
import hmac

SCHEME = "sha256="


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The value of the X-Tracker-Signature header."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return SCHEME + mac.hexdigest()


def is_authentic(
    secret: str, signature: str, timestamp: int, body: bytes, now: int, tolerance: int = 300
) -> bool:
    """What a receiver checks: the signature matches and the timestamp is within `tolerance`
    seconds of its clock."""
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature)
