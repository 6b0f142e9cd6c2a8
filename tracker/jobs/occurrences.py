"""Opening the occurrences of recurring tasks each morning, before the reminder pass."""

from __future__ import annotations

from datetime import date

from tracker.clock import today
from tracker.extensions import db
from tracker.jobs.context import job_context
from tracker.tasks.occurrences import open_occurrences


def open_recurring_occurrences(on: str | None = None) -> int:
    """Open what is due by `on` (YYYY-MM-DD; default today in Vietnam); returns how many."""
    with job_context():
        opened = open_occurrences(db.session(), date.fromisoformat(on) if on else today())
        db.session.commit()
        return len(opened)
