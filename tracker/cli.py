"""Flask commands: thin wrappers that parse options, call a service and commit once."""

from __future__ import annotations

import click
from flask import Flask, current_app

from tracker.api.cli import api_cli
from tracker.auth.models import Role
from tracker.bench.cli import bench_cli
from tracker.clock import today
from tracker.demo.loader import (
    DEMO_PASSWORD,
    Account,
    database_is_empty,
    demo_accounts,
    load_demo,
)
from tracker.extensions import db
from tracker.figures.cli import figures_cli
from tracker.notices.cli import notices_cli
from tracker.outbox.cli import channels_cli
from tracker.reminders.cli import reminders_cli
from tracker.reports.cli import reports_cli
from tracker.search.cli import search_cli
from tracker.tasks.cli import occurrences_cli
from tracker.tasks.storage import EvidenceStore


def register(app: Flask) -> None:
    app.cli.add_command(api_cli)
    app.cli.add_command(bench_cli)
    app.cli.add_command(channels_cli)
    app.cli.add_command(demo)
    app.cli.add_command(figures_cli)
    app.cli.add_command(notices_cli)
    app.cli.add_command(occurrences_cli)
    app.cli.add_command(reminders_cli)
    app.cli.add_command(reports_cli)
    app.cli.add_command(search_cli)


@click.group(help="The demo province.")
def demo() -> None:
    pass


@demo.command("load", help="Load the demo province into an empty database (not in production).")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database has data.")
def demo_load(if_empty: bool) -> None:
    # The demo accounts share a password printed in the README: never on a real server.
    if current_app.config["TRACKER_ENV"] == "production":
        raise click.ClickException(
            "refusing to load the demo in production (TRACKER_ENV=production): its "
            "accounts share a published password; nothing was created"
        )
    if database_is_empty(db.session()):
        accounts = load_demo(
            db.session(), today(), EvidenceStore(current_app.config["UPLOAD_FOLDER"])
        )
        db.session.commit()
        click.echo(f"Demo province loaded with {len(accounts)} accounts.")
    elif if_empty:
        click.echo("The database already has data; the demo was not loaded again.")
    else:
        raise click.ClickException(
            "the database is not empty; the demo loads only into an empty one"
        )
    _print_accounts(demo_accounts(db.session()))


def _print_accounts(accounts: list[Account]) -> None:
    if not accounts:
        return
    click.echo(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
    officers = [a for a in accounts if a.role is Role.AGENCY_OFFICER]
    for account in [a for a in accounts if a.role is not Role.AGENCY_OFFICER] + officers[:2]:
        where = f" - {account.agency}" if account.agency else ""
        click.echo(f"  {account.username:<12} {account.role.label}{where}")
    if len(officers) > 2:
        click.echo(
            f"  ... and {len(officers) - 2} more officers, one per agency, named by its code"
        )
