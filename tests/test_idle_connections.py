"""A pooled PostgreSQL connection that the database dropped while it sat idle (a restart, a
firewall's timeout) is replaced before use, without a round trip on every use; one dropped
in steady use fails once with the database's own error."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError

from tests.support.apps import settings_for
from tracker import create_app
from tracker.db import ping_when_idle


def _backend(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _drop(server: str, pid: int) -> None:
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        # waits until the backend is gone (five seconds at most)
        connection.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})
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


def test_a_connection_in_steady_use_is_not_pinged(postgres_server: str, tmp_path: Path) -> None:
    """Within the idle time the pool hands the connection over unchecked: dropped under it,
    the next use fails once with the database's error (the app's statement watch, which an
    app installs on every engine, does not hide it), then the pool starts afresh."""
    create_app(settings_for(postgres_server, tmp_path))  # installs the app's engine events
    engine = create_engine(postgres_server, pool_size=1, max_overflow=0)
    ping_when_idle(engine, idle_seconds=3600)
    try:
        _drop(postgres_server, _backend(engine))
        with pytest.raises(OperationalError), engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        assert _backend(engine) > 0
    finally:
        engine.dispose()
