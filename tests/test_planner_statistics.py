"""The nightly job that refreshes the planner's statistics, which the lists' plans rely on."""

from flask import Flask
from sqlalchemy import text

from tracker.extensions import db
from tracker.jobs.housekeeping import refresh_statistics

# The statistics of the task table, as each database keeps them (rolled back with the test).
STATISTICS = {
    "sqlite": ("sqlite_stat1", "tbl = 'task'"),
    "postgresql": ("pg_statistic", "starelid = 'task'::regclass"),
}


def test_the_nightly_job_gives_the_planner_statistics_of_the_tasks(app: Flask) -> None:
    table, of_tasks = STATISTICS[db.engine.dialect.name]
    session = db.session()
    refresh_statistics()  # SQLite makes its table of statistics at the first ANALYZE
    session.execute(text(f"DELETE FROM {table} WHERE {of_tasks}"))  # noqa: S608 - constants
    counted = text(f"SELECT count(*) FROM {table} WHERE {of_tasks}")  # noqa: S608 - constants
    assert session.scalar(counted) == 0
    refresh_statistics()
    assert session.scalar(counted) > 0
