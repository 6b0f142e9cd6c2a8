"""`flask reminders run [--today YYYY-MM-DD]`: a reminder pass at once, messages sent directly."""

from __future__ import annotations

from collections import Counter
from datetime import date

import click
from flask import current_app
from sqlalchemy import select

from tracker.clock import today
from tracker.db import utcnow
from tracker.extensions import db
from tracker.outbox.delivery import attempt
from tracker.outbox.models import DeliveryState, OutboxMessage
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
    for message_id in summary.message_ids:
        attempt(db.session(), message_id, settings, utcnow())
    states = Counter(
        db.session.scalars(
            select(OutboxMessage.state).where(OutboxMessage.id.in_(summary.message_ids))
        )
    )
    queued, failed = states[DeliveryState.QUEUED], states[DeliveryState.FAILED]
    click.echo(
        f"{summary.reminders} reminders due on {day.isoformat()}: "
        f"{states[DeliveryState.SENT]} messages sent to {summary.recipients} recipients"
        + (f"; {queued} stay queued (a retry, or the quiet hours)" if queued else "")
        + (f"; {failed} could not be sent" if failed else "")
    )
