"""The edge where "today" is computed, once, in Asia/Ho_Chi_Minh."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tracker.domain.calendar import local_today


def today() -> date:
    """Today's date in Vietnam."""
    return local_today(datetime.now(UTC))
