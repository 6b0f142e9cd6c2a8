"""Declarative base with a naming convention, and the column types the models share."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from psycopg.pq import TransactionStatus
from sqlalchemy import (
    ColumnElement,
    Connection,
    CursorResult,
    DateTime,
    Engine,
    Enum,
    Executable,
    Integer,
    MetaData,
    event,
    literal_column,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Session
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.selectable import _OffsetLimitParam
from sqlalchemy.types import TypeDecorator

IDLE_BEFORE_PING = 10.0  # seconds a pooled connection may sit unused before it is checked
IDLE_SINCE = "tracker.idle_since"

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware.

    SQLite keeps no zone, so naive values coming back are marked UTC; aware values going in
    are converted to UTC first. Naive values going in are refused: they are a bug.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    """The current instant, timezone-aware, for column defaults."""
    return datetime.now(UTC)


def insert_for(bind: Session | Connection, model: type[Base]) -> postgresql.Insert | sqlite.Insert:
    """An INSERT for the database of a session or connection that can say what to do ON
    CONFLICT."""
    dialect = bind.dialect if isinstance(bind, Connection) else bind.get_bind().dialect
    if dialect.name == "postgresql":
        return postgresql.insert(model)
    return sqlite.insert(model)


def read_columns(
    session: Session, statement: Executable, params: dict[str, Any] | None = None
) -> CursorResult[*tuple[Any, ...]]:
    """The rows of a statement that selects columns, no ORM entity, read through the
    session's connection: the ORM's handling of a result, which such rows do not need, cost
    0.1 ms a statement. What the session holds is flushed first, as its `execute` would."""
    if session.autoflush:
        session.flush()
    return session.connection().execute(statement, params)


def str_enum(enum_class: type[StrEnum], length: int = 30) -> Enum:
    """A string-stored enum column type (no native database enum), storing the values."""
    return Enum(
        enum_class,
        native_enum=False,
        length=length,
        values_callable=lambda members: [member.value for member in members],
    )


def ping_when_idle(engine: Engine, idle_seconds: float = IDLE_BEFORE_PING) -> None:
    """Check a pooled connection before use only when it sat unused for `idle_seconds`: one
    the database dropped meanwhile (a restart, a firewall's idle timeout) is replaced rather
    than handed to a page that would fail. `pool_pre_ping` checks before every use, a round
    trip on every request, while under load connections are never idle that long. No-op on
    SQLite, a file that cannot drop a connection."""
    if engine.dialect.name == "sqlite":
        return

    @event.listens_for(engine, "checkin")
    def _note_idle(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info[IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: Any) -> None:
        since = record.info.pop(IDLE_SINCE, None)
        if since is None or time.monotonic() - since < idle_seconds:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            # the pool drops this connection and checks out another (three tries)
            raise DisconnectionError from error


def tune_sqlite(engine: Engine) -> None:
    """On SQLite, enforce foreign keys, let the web and the worker write side by side
    (write-ahead log, wait for a lock instead of failing at once), and let SQLAlchemy rather
    than the sqlite3 module begin transactions, so that savepoints work. No-op elsewhere."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")


def refresh_planner_statistics(session: Session) -> None:
    """ANALYZE every table: how many rows each index holds per value, which the plans of the
    lists and the menu's counts rely on (without them, SQLite read every published notice's
    tasks to count a leader's few answers to read). PostgreSQL's autovacuum refreshes them
    as tables change, but SQLite keeps none of its own. Takes 0.6 s on SQLite at 100,000
    tasks; allowed in a transaction on both databases."""
    session.execute(text("ANALYZE"))


def written(value: int | str | date) -> ColumnElement[Any]:
    """`value` written into the SQL, not passed as a parameter: a database uses a partial
    index only for the condition it was made with, and PostgreSQL plans a statement it has
    prepared (`psycopg` prepares those the app runs often) once for every parameter value it
    could be given, where it plans with a value it can read. For the app's own constants,
    and dates (written as ISO text, which both databases compare with a date column)."""
    if isinstance(value, int):
        return literal_column(str(int(value)))
    if isinstance(value, date):
        value = value.isoformat()
    return literal_column("'" + value.replace("'", "''") + "'")


class days_between(FunctionElement[int]):  # noqa: N801 - named like the SQL functions it joins
    """Whole days from the second date to the first, in each database's own words."""

    type = Integer()
    inherit_cache = True


@compiles(days_between)
def _days_between(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    later, earlier = list(element.clauses)
    return f"({compiler.process(later, **kw)} - {compiler.process(earlier, **kw)})"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    later, earlier = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


@compiles(_OffsetLimitParam, "postgresql")
def _limit_written_out(element: _OffsetLimitParam, compiler: SQLCompiler, **kw: Any) -> str:
    """LIMIT and OFFSET written into the SQL sent to PostgreSQL, not passed as parameters.
    psycopg prepares a query the app runs often; PostgreSQL then plans it once for all
    (a generic plan) when it sees how many rows are asked for, but with the LIMIT a
    parameter it expects a tenth of the rows and plans the list again on every request
    (half a millisecond of an agency's list). The compiled query is still cached once."""
    kw["literal_execute"] = True
    return compiler.visit_bindparam(element, **kw)


# Row locks, which hold until the transaction ends: a SELECT with one begins it first.
_LOCKING = (" FOR UPDATE", " FOR NO KEY UPDATE", " FOR SHARE", " FOR KEY SHARE")


def begin_before_the_first_write(engine: Engine) -> None:
    """On PostgreSQL, begin a transaction only before the first statement that needs one: a
    request that only reads sends neither BEGIN nor COMMIT, two of the four round trips an
    uncached list took. In READ COMMITTED each statement reads a snapshot of its own, in a
    transaction or out of it, so reads see the same. A write, a savepoint, a row lock or a
    server-side cursor begins the transaction first, and what follows runs in it until it
    is committed or rolled back, as before. (psycopg's commit and rollback send nothing when
    no transaction was begun, and keep the statements it has prepared.) No-op on SQLite,
    which begins by hand (`tune_sqlite`)."""
    if engine.dialect.name != "postgresql":
        return

    @event.listens_for(engine, "checkout")
    def _begin_on_demand(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        # every checkout: SQLAlchemy turns autocommit off when it resets an isolation level
        if dbapi_connection.info.transaction_status == TransactionStatus.IDLE:
            dbapi_connection.autocommit = True

    @event.listens_for(engine, "before_cursor_execute")
    def _begin_if_needed(
        connection: Connection,
        _cursor: Any,
        statement: str,
        _parameters: Any,
        context: Any,
        _executemany: bool,
    ) -> None:
        options = connection.get_execution_options()
        if options.get("isolation_level") == "AUTOCOMMIT":  # asked for: CREATE DATABASE…
            return
        driver: Any = connection.connection.driver_connection
        if driver.autocommit and driver.info.transaction_status == TransactionStatus.IDLE:
            streamed = context is not None and context.execution_options.get("stream_results")
            if needs_transaction(statement, streamed=bool(streamed)):
                driver.execute("BEGIN")


def needs_transaction(statement: str, *, streamed: bool) -> bool:
    """Whether `statement` must run in a transaction begun before it: anything but a SELECT,
    a SELECT that locks rows, or one read by a server-side cursor (`streamed`)."""
    if streamed or statement.lstrip()[:6].upper() != "SELECT":
        return True
    upper = statement.upper()
    return any(lock in upper for lock in _LOCKING)
