"""`flask search rebuild`: rewrite every search document."""

from __future__ import annotations

import time

import click

from tracker.extensions import db
from tracker.search.index import rebuild

search_cli = click.Group("search", help="The search index over notices and tasks.")


@search_cli.command(
    "rebuild", help="Rewrite the search documents of every notice and task (after a bulk load)."
)
def rebuild_command() -> None:
    started = time.perf_counter()
    written = rebuild(db.session())
    db.session.commit()
    click.echo(f"Indexed {written:,} notices and tasks in {time.perf_counter() - started:.1f} s.")
