"""Local dates in Vietnam: every "today" in the product is the date in Asia/Ho_Chi_Minh."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def local_today(now: datetime) -> date:
    """The calendar date in Vietnam at the given instant (which must be timezone-aware)."""
    if now.tzinfo is None:
        raise ValueError("local_today needs a timezone-aware instant")
    return now.astimezone(VIETNAM).date()


def local_datetime(instant: datetime) -> datetime:
    """The given aware instant as wall-clock time in Vietnam."""
    return instant.astimezone(VIETNAM)
