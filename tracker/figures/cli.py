"""`flask figures verify` and `flask figures rebuild`: the maintained counts checked against
the tasks, or counted again from them."""

from __future__ import annotations

import click
from flask import current_app

from tracker.clock import today
from tracker.extensions import db
from tracker.figures.cells import differences
from tracker.figures.upkeep import counts_for, rebuild_counts

figures_cli = click.Group("figures", help="The counts kept with the data for the dashboard.")
SHOWN = 20


@figures_cli.command("verify", help="Count the tasks again and report any cell that differs.")
def verify() -> None:
    clock = counts_for(db.session(), today(), current_app.config["DUE_SOON_DAYS"])
    found = differences(db.session.connection(), clock)
    if not found:
        click.echo(f"The counts agree with the tasks (as of {clock.day:%d/%m/%Y}).")
        return
    for key, stored, counted in found[:SHOWN]:
        click.echo(f"{key}: kept {stored.values()}, counted {counted.values()}")
    raise click.ClickException(
        f"{len(found)} cells differ from the tasks; `flask figures rebuild` counts them again."
    )


@figures_cli.command("rebuild", help="Count every cell again from the tasks.")
def rebuild() -> None:
    rebuild_counts(db.session(), today(), current_app.config["DUE_SOON_DAYS"])
    db.session.commit()
    click.echo("The counts were rebuilt from the tasks.")
