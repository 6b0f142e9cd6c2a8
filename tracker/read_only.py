"""A request that wrote nothing ends its transaction with a COMMIT, not a rollback.

Flask-SQLAlchemy ends every request by closing its session, which rolls the transaction
back. On PostgreSQL, psycopg then forgets every statement it had prepared on the connection
(a rollback may have undone what they refer to), so a page's queries were parsed and
planned again on every request. A COMMIT of a transaction that only read changes nothing in
the database and keeps them: the lists' queries are planned once per connection.

Whatever may have written ends as before, rolled back: a statement other than a SELECT on
the connection (an ORM flush, a bulk UPDATE, a trigger's work behind it), changes still
pending in the session, an error response, or a response streamed after the view returns
(its rows are still being read)."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response
from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import SQLAlchemyError

from tracker.extensions import db

logger = logging.getLogger(__name__)
WROTE = "tracker.wrote"
# Statements that write nothing themselves: reads, SQLite's BEGIN (issued by hand, see
# `tune_sqlite`), and setting or releasing a savepoint (what happened inside is noted apart).
READING = frozenset({"SELECT", "BEGIN", "SAVEPO", "RELEAS"})  # their first six letters


def end_read_only_requests(app: Flask) -> None:
    _watch_statements()

    @app.after_request
    def commit_if_read_only(response: Response) -> Response:
        if response.status_code < 400 and not response.is_streamed:
            session = db.session()
            pending = session.new or session.dirty or session.deleted
            if session.in_transaction() and not pending and not wrote(session.connection()):
                try:
                    session.commit()
                except SQLAlchemyError:
                    # the page is made: send it; the session's end rolls back what is left
                    logger.warning("a read-only request's COMMIT failed", exc_info=True)
        return response


def wrote(connection: Connection) -> bool:
    """Whether the connection's transaction ran anything but reads."""
    return bool(connection.info.get(WROTE))


def _watch_statements() -> None:
    """Note on each connection any statement that is not a read (once per process)."""
    if not event.contains(Engine, "before_cursor_execute", _note_statement):
        event.listen(Engine, "before_cursor_execute", _note_statement)
        event.listen(Engine, "begin", _forget)
        event.listen(Engine, "commit", _forget)
        event.listen(Engine, "rollback", _forget)


def _note_statement(connection: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
    if statement.lstrip()[:6].upper() not in READING:
        connection.info[WROTE] = True


def _forget(connection: Connection) -> None:
    # a connection the database dropped is thrown away with its notes; asking for them
    # would raise PendingRollbackError over the error that dropped it
    if not connection.invalidated:
        connection.info.pop(WROTE, None)
