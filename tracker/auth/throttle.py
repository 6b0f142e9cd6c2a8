"""A growing wait after wrong passwords, per username and address, instead of a lock-out.

After FAILURES_BEFORE_DELAY wrong passwords in a row for a username from an address, the next
try from that address waits 1 second, then 2, 4, ... up to LONGEST_DELAY. The holder of the
account signing in from elsewhere is never slowed, and an admin can clear the count. Like the
other services these change rows and flush; the view commits.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tracker.auth.models import SignInFailure
from tracker.db import insert_for

FAILURES_BEFORE_DELAY = 5
LONGEST_DELAY = timedelta(minutes=15)
# A count untouched this long starts again from zero.
FORGET_AFTER = timedelta(days=1)


def delay_after(failures: int) -> timedelta:
    """How long to wait after this many wrong passwords in a row."""
    if failures < FAILURES_BEFORE_DELAY:
        return timedelta(0)
    exponent = min(failures - FAILURES_BEFORE_DELAY, 20)
    return min(timedelta(seconds=2**exponent), LONGEST_DELAY)


def retry_at(session: Session, username: str, address: str, now: datetime) -> datetime | None:
    """When this username may be tried again from this address; None when it may be now."""
    row = _row(session, username, address)
    if row is None or now - row.last_failed_at >= FORGET_AFTER:
        return None
    until = row.last_failed_at + delay_after(row.failures)
    return until if until > now else None


def record_failure(session: Session, username: str, address: str, now: datetime) -> None:
    """Count one more wrong password, and drop the counts nobody added to for a day."""
    session.execute(delete(SignInFailure).where(SignInFailure.last_failed_at < now - FORGET_AFTER))
    # One statement, so that two wrong passwords arriving together both count.
    session.execute(
        insert_for(session, SignInFailure)
        .values(username=username, address=address, failures=1, last_failed_at=now)
        .on_conflict_do_update(
            index_elements=["username", "address"],
            set_={"failures": SignInFailure.failures + 1, "last_failed_at": now},
        )
    )


def clear_failures(session: Session, username: str, address: str | None = None) -> int:
    """Forget the wrong passwords for a username (from one address, or all); how many."""
    query = delete(SignInFailure).where(SignInFailure.username == username)
    if address is not None:
        query = query.where(SignInFailure.address == address)
    count = failures_for(session, username) if address is None else 0
    session.execute(query)
    session.flush()
    return count


def failures_for(session: Session, username: str) -> int:
    """Wrong passwords counted for a username, from every address."""
    total = select(func.coalesce(func.sum(SignInFailure.failures), 0)).where(
        SignInFailure.username == username
    )
    return int(session.scalar(total) or 0)


def _row(session: Session, username: str, address: str) -> SignInFailure | None:
    return session.scalar(
        select(SignInFailure).where(
            SignInFailure.username == username, SignInFailure.address == address
        )
    )
