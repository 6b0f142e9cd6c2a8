"""`flask api purge-idempotency`: forget the answers kept for idempotency keys past 24 hours."""

from __future__ import annotations

import click

from tracker.api.idempotency_store import purge_answers
from tracker.db import utcnow
from tracker.extensions import db

api_cli = click.Group("api", help="The API for other systems.")


@api_cli.command("purge-idempotency")
def purge_idempotency() -> None:
    deleted = purge_answers(db.session(), utcnow())
    db.session.commit()
    click.echo(f"{deleted} kept answers older than 24 hours deleted.")
