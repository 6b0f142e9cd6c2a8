"""The SQL a piece of work sends to the database, for tests that check what a page asks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from tracker.extensions import db


@contextmanager
def statements_sent() -> Iterator[list[str]]:
    """The statements sent on the app's engine while the block runs, in order."""
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
