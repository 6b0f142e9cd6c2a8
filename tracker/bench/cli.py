"""`flask bench seed`: the benchmark's data set."""

from __future__ import annotations

import time

import click
from flask import current_app
from sqlalchemy import text

from tracker.bench.seed import seed_province
from tracker.clock import today
from tracker.db import refresh_planner_statistics
from tracker.extensions import db
from tracker.figures.upkeep import rebuild_counts


@click.group("bench", help="Data for speed measurements.")
def bench_cli() -> None:
    pass


@bench_cli.command("seed", help="Fill an empty database with a province at realistic scale.")
@click.option("--agencies", default=60, show_default=True, help="Agencies in the directory.")
@click.option("--tasks", default=100_000, show_default=True, help="Tasks over the years.")
def seed(agencies: int, tasks: int) -> None:
    started = time.perf_counter()
    try:
        summary = seed_province(db.session(), agencies, tasks, today())
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    # the bulk inserts bypassed the counts' upkeep; count them as the midnight job would
    rebuild_counts(db.session(), today(), current_app.config["DUE_SOON_DAYS"])
    db.session.commit()
    _upkeep()
    click.echo(
        f"Seeded {summary.agencies} agencies, {summary.users} accounts, "
        f"{summary.notices:,} notices, {summary.tasks:,} tasks "
        f"(and {summary.occurrences:,} occurrences of recurring ones), "
        f"{summary.progress_updates:,} progress reports and {summary.events:,} events "
        f"in {time.perf_counter() - started:.1f} s."
    )


def _upkeep() -> None:
    """Fresh planner statistics and, on PostgreSQL, the visibility map that lets it answer
    counts from an index alone: what a database in service has after the nightly job
    (`tracker.jobs.housekeeping.refresh_statistics`) and, on PostgreSQL, autovacuum's
    rounds."""
    if db.engine.dialect.name != "postgresql":
        refresh_planner_statistics(db.session())
        db.session.commit()
        return
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))
