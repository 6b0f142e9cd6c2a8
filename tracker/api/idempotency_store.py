"""The answers kept for idempotency keys: found, kept and purged. Answers are kept 24 hours
(KEPT_FOR): an older one is forgotten when its key comes again, and `flask api
purge-idempotency` (or the function behind it, `purge_answers`) deletes them all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tracker.api.models import IdempotentAnswer

KEPT_FOR = timedelta(hours=24)


@dataclass(frozen=True)
class PendingKey:
    """A key met for the first time: the answer will be kept under it."""

    token_id: int
    key: str
    fingerprint: str


def keeps(status: int) -> bool:
    """Whether an answer of this status is kept for its key."""
    return 200 <= status < 300 or (400 <= status < 500 and status != 429)


def stored_answer(
    session: Session, token_id: int, key: str, now: datetime
) -> IdempotentAnswer | None:
    """The answer kept under the token's key, if any and not expired (an expired one is
    deleted, so that the key may serve again)."""
    answer = session.scalar(
        select(IdempotentAnswer).where(
            IdempotentAnswer.token_id == token_id, IdempotentAnswer.key == key
        )
    )
    if answer is not None and answer.created_at <= now - KEPT_FOR:
        session.delete(answer)
        session.flush()
        return None
    return answer


def keep_answer(session: Session, pending: PendingKey, status: int, body: dict[str, Any]) -> None:
    session.add(
        IdempotentAnswer(
            token_id=pending.token_id,
            key=pending.key,
            fingerprint=pending.fingerprint,
            status=status,
            body=body,
        )
    )


def purge_answers(session: Session, now: datetime) -> int:
    """Delete the answers past KEPT_FOR; returns how many."""
    result = session.execute(
        delete(IdempotentAnswer).where(IdempotentAnswer.created_at <= now - KEPT_FOR)
    )
    return int(getattr(result, "rowcount", 0) or 0)
