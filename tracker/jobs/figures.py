"""Filing the open tasks for the new day, just after midnight, so that no reader waits."""

from __future__ import annotations

from flask import current_app

from tracker.clock import today
from tracker.extensions import db
from tracker.figures.upkeep import counts_for
from tracker.jobs.context import job_context


def move_counts_to_today() -> str:
    """The maintained counts made to stand for today; returns the day."""
    with job_context():
        clock = counts_for(db.session(), today(), current_app.config["DUE_SOON_DAYS"])
        return clock.day.isoformat()
