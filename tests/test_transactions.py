"""On PostgreSQL a transaction begins before the first statement that needs one: a request
that only reads sends neither BEGIN nor COMMIT and keeps the statements psycopg prepared;
what writes, locks rows or reads through a server-side cursor runs in a transaction, and a
request that wrote without committing is rolled back. On SQLite (which begins by hand) the
same requests end the same way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from psycopg.pq import TransactionStatus
from sqlalchemy import delete, func, select, text, update

from tests.support.apps import settings_for
from tracker import create_app
from tracker.admin.models import Setting, read_setting, write_setting
from tracker.db import needs_transaction, read_columns
from tracker.extensions import db

KEY = "transaction-probe"
IDLE, IN_TRANSACTION = "idle", "in a transaction"


def transaction_state() -> str:
    """Whether the request's connection has a transaction begun (PostgreSQL)."""
    driver = db.session.connection().connection.driver_connection
    return IDLE if driver.info.transaction_status == TransactionStatus.IDLE else IN_TRANSACTION


@pytest.fixture
def probe(app: Flask, tmp_path: Path) -> Iterator[Flask]:
    """An app on the test database with views that read, lock, stream or write (its own app:
    the test app's requests share one transaction that the tests roll back)."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("SQLite begins every transaction by hand")
    probe_app = create_app(settings_for(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path))

    @probe_app.route("/read")
    def read() -> str:
        return f"{read_setting(db.session(), KEY)}, {transaction_state()}"

    @probe_app.route("/lock")
    def lock() -> str:
        db.session.execute(select(Setting).where(Setting.key == KEY).with_for_update())
        return transaction_state()

    @probe_app.route("/stream")
    def stream() -> str:
        rows = db.session.execute(select(Setting.key).execution_options(yield_per=1))
        return f"{len(list(rows))}, {transaction_state()}"

    @probe_app.route("/read-then-write")
    def read_then_write() -> str:
        read_setting(db.session(), KEY)
        db.session.execute(update(Setting).where(Setting.key == KEY).values(value="updated"))
        return f"{read_setting(db.session(), KEY)}, {transaction_state()}"  # not committed

    with probe_app.app_context():
        db.session.add(Setting(key=KEY, value="kept"))
        db.session.commit()
    try:
        yield probe_app
    finally:
        with probe_app.app_context():
            db.session.execute(delete(Setting).where(Setting.key == KEY))
            db.session.commit()
            db.engine.dispose()


def stored(probe_app: Flask) -> object:
    with probe_app.app_context():
        return read_setting(db.session(), KEY)


def test_a_request_that_only_reads_begins_no_transaction(probe: Flask) -> None:
    assert probe.test_client().get("/read").get_data(as_text=True) == f"kept, {IDLE}"


@pytest.mark.parametrize("path", ["/lock", "/stream"])
def test_locking_rows_or_streaming_them_begins_a_transaction(probe: Flask, path: str) -> None:
    response = probe.test_client().get(path)
    assert response.status_code == 200
    assert response.get_data(as_text=True).endswith(IN_TRANSACTION)


def test_a_write_begins_the_transaction_and_is_rolled_back_unless_committed(
    probe: Flask,
) -> None:
    response = probe.test_client().get("/read-then-write")
    assert response.get_data(as_text=True) == f"updated, {IN_TRANSACTION}"
    assert stored(probe) == "kept"


def test_prepared_statements_outlive_a_read_only_request(probe: Flask) -> None:
    """psycopg prepares a statement run five times on a connection, and forgets them all at
    a rollback: a request that only read has nothing to roll back."""
    client = probe.test_client()
    for _ in range(6):
        client.get("/read")
    with probe.app_context():
        prepared = db.session.scalar(
            text("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE :read"),
            {"read": "%FROM setting%"},
        )
    assert prepared == 1


def test_a_write_without_a_commit_is_rolled_back_on_either_database(
    app: Flask, tmp_path: Path
) -> None:
    other = create_app(settings_for(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path))

    @other.route("/pending")
    def pending() -> str:
        write_setting(db.session(), KEY, "pending")
        db.session.flush()
        return "ok"

    try:
        assert other.test_client().get("/pending").status_code == 200
        assert stored(other) is None
    finally:
        with other.app_context():
            db.engine.dispose()


@pytest.mark.parametrize(
    ("statement", "streamed", "needed"),
    [
        ("SELECT task.id FROM task", False, False),
        ("  select 1", False, False),
        ("SELECT task.id FROM task", True, True),
        ("SELECT figure_clock.day FROM figure_clock WHERE id = 1 FOR UPDATE", False, True),
        ("SELECT outbox.id FROM outbox FOR UPDATE SKIP LOCKED", False, True),
        ("SELECT setting.value FROM setting FOR SHARE", False, True),
        ("UPDATE task SET state = 'done'", False, True),
        ("INSERT INTO task_event DEFAULT VALUES", False, True),
        ("SAVEPOINT sa_savepoint_1", False, True),
        ("WITH moved AS (DELETE FROM outbox RETURNING id) SELECT id FROM moved", False, True),
    ],
)
def test_what_needs_a_transaction(statement: str, streamed: bool, needed: bool) -> None:
    assert needs_transaction(statement, streamed=streamed) is needed


def test_columns_read_on_the_connection_see_what_the_session_holds(app: Flask) -> None:
    """`read_columns` skips the ORM, not its autoflush: a row added and not yet flushed is
    counted, as `Session.execute` would count it; with autoflush off it is not."""
    probed = select(func.count()).select_from(Setting).where(Setting.key == KEY)
    with app.app_context():
        db.session.add(Setting(key=KEY, value="pending"))
        with db.session.no_autoflush:
            assert read_columns(db.session(), probed).scalar_one() == 0
        assert read_columns(db.session(), probed).scalar_one() == 1
        db.session.rollback()
