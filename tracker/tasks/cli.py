"""`flask occurrences open [--today YYYY-MM-DD]`: open the recurring tasks' occurrences now."""

from __future__ import annotations

from datetime import datetime

import click

from tracker.clock import today
from tracker.extensions import db
from tracker.tasks.occurrences import open_occurrences

occurrences_cli = click.Group("occurrences", help="Occurrences of recurring tasks.")


@occurrences_cli.command("open")
@click.option(
    "--today", "on", type=click.DateTime(["%Y-%m-%d"]), help="Run as if today were YYYY-MM-DD."
)
def open_command(on: datetime | None) -> None:
    day = on.date() if on else today()
    opened = open_occurrences(db.session(), day)
    db.session.commit()
    click.echo(f"{len(opened)} occurrences opened up to {day.isoformat()}.")
