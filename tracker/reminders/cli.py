"""`flask reminders run [--today YYYY-MM-DD]`: a reminder pass at once, mail sent directly."""

from __future__ import annotations

from datetime import date

import click
from flask import current_app

from tracker.clock import today
from tracker.extensions import db
from tracker.jobs.mail import send_queued_mail
from tracker.mail.transport import MailDeliveryError
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
    summary = run_reminder_pass(
        db.session(), day, load_policy(db.session()), current_app.config["BASE_URL"]
    )
    db.session.commit()
    failed = 0
    for mail_id in summary.mail_ids:
        try:
            send_queued_mail(mail_id)
        except MailDeliveryError:
            failed += 1
    click.echo(
        f"{summary.reminders} reminders due on {day.isoformat()}: "
        f"{len(summary.mail_ids) - failed} messages sent to {summary.recipients} recipients"
        + (f"; {failed} could not be sent and stay queued for a retry" if failed else "")
    )
