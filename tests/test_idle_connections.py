"""A pooled PostgreSQL connection that the database dropped while it sat idle (a restart, a
firewall's timeout) is replaced before use, without a round trip on every use."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError

from tracker.db import ping_when_idle


def _backend(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _drop(server: str, pid: int) -> None:
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    admin.dispose()


def test_a_connection_dropped_while_idle_is_replaced(postgres_server: str) -> None:
    engine = create_engine(postgres_server, pool_size=1, max_overflow=0)
    ping_when_idle(engine, idle_seconds=0)
    try:
        dropped = _backend(engine)
        _drop(postgres_server, dropped)
        assert _backend(engine) != dropped  # a new connection, and no error
    finally:
        engine.dispose()


def test_a_connection_in_steady_use_is_not_pinged(postgres_server: str) -> None:
    """Within the idle time the pool hands the connection over unchecked: dropped under it,
    the next use fails (once; the pool then starts afresh), as it would without any check."""
    engine = create_engine(postgres_server, pool_size=1, max_overflow=0)
    ping_when_idle(engine, idle_seconds=3600)
    try:
        _drop(postgres_server, _backend(engine))
        with pytest.raises(OperationalError), engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        assert _backend(engine) > 0
    finally:
        engine.dispose()
