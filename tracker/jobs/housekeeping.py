"""Upkeep: clearing what is kept only for a while, the planner's statistics."""

from __future__ import annotations

from tracker.api.idempotency_store import purge_answers
from tracker.db import refresh_planner_statistics, utcnow
from tracker.extensions import db
from tracker.jobs.context import job_context


def purge_idempotency_answers() -> int:
    """Forget the API's answers kept for idempotency keys past their 24 hours."""
    with job_context():
        deleted = purge_answers(db.session(), utcnow())
        db.session.commit()
        return deleted


def refresh_statistics() -> None:
    """The database's statistics for the planner, refreshed once a night
    (`tracker.db.refresh_planner_statistics`)."""
    with job_context():
        refresh_planner_statistics(db.session())
        db.session.commit()
