"""`flask reminders run [--today YYYY-MM-DD]`: a reminder pass at once, messages sent directly."""

from __future__ import annotations

from datetime import date

import click
from flask import current_app

from tracker.clock import today
from tracker.db import utcnow
from tracker.extensions import db
from tracker.outbox.delivery import attempt
from tracker.outbox.settings import ChannelSettings
from tracker.reminders.policy import load_policy
from tracker.reminders.services import run_reminder_pass

reminders_cli = click.Group("reminders", help="Reminders of deadlines.")


@reminders_cli.command("run")
@click.option("--today", "on", default=None, help="Run as if today were YYYY-MM-DD.")
def run_command(on: str | None) -> None:
    try:
        day = date.fromisoformat(on) if on else today()
    except ValueError as error:
        raise click.BadParameter("give the date as YYYY-MM-DD", param_hint="--today") from error
    settings = ChannelSettings.from_config(current_app.config)
    summary = run_reminder_pass(db.session(), day, load_policy(db.session()), settings, utcnow())
    db.session.commit()
    failed = sum(
        attempt(db.session(), message_id, settings, utcnow()) is not None
        for message_id in summary.message_ids
    )
    click.echo(
        f"{summary.reminders} reminders due on {day.isoformat()}: "
        f"{len(summary.message_ids) - failed} messages sent to {summary.recipients} recipients"
        + (f"; {failed} could not be sent and stay queued for a retry" if failed else "")
    )
