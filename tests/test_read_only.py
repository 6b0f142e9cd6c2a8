"""A request that only read ends with a COMMIT (on PostgreSQL, psycopg then keeps the
statements it prepared); one that may have written anything ends rolled back, as before.
On PostgreSQL a page's LIMIT is written into the SQL, so that a prepared list query can be
planned once."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask, Response, abort
from flask.testing import FlaskClient
from sqlalchemy import delete, event, text, update

from tests.support.apps import settings_for
from tests.support.statements import statements_sent
from tracker import create_app
from tracker.admin.models import Setting, read_setting, write_setting
from tracker.extensions import db

KEY = "read-only-probe"


@pytest.fixture
def probe(app: Flask, tmp_path: Path) -> Iterator[tuple[Flask, list[str]]]:
    """An app on the test database with views that read, or write and then do not commit,
    and the way each request's transaction ended. (Its own app: the test app's requests
    share one transaction that the tests roll back.)"""
    probe_app = create_app(settings_for(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path))

    @probe_app.route("/read")
    def read() -> str:
        return str(read_setting(db.session(), KEY))

    @probe_app.route("/flush-then-fail")
    def flush_then_fail() -> str:
        write_setting(db.session(), KEY, "flushed")
        db.session.flush()
        abort(400)

    @probe_app.route("/update-without-commit")
    def update_without_commit() -> str:
        db.session.execute(update(Setting).where(Setting.key == KEY).values(value="updated"))
        return "ok"

    @probe_app.route("/pending")
    def pending() -> str:
        write_setting(db.session(), KEY, "pending")
        return "ok"

    @probe_app.route("/streamed")
    def streamed() -> Response:
        db.session.execute(text("SELECT 1"))
        return Response(iter(["a", "b"]))

    endings: list[str] = []
    with probe_app.app_context():
        engine = db.engine
        db.session.add(Setting(key=KEY, value="kept"))
        db.session.commit()

    def ended(how: str) -> None:
        endings.append(how)

    def on_commit(_connection: object) -> None:
        ended("commit")

    def on_rollback(_connection: object) -> None:
        ended("rollback")

    event.listen(engine, "commit", on_commit)
    event.listen(engine, "rollback", on_rollback)
    try:
        yield probe_app, endings
    finally:
        event.remove(engine, "commit", on_commit)
        event.remove(engine, "rollback", on_rollback)
        with probe_app.app_context():
            db.session.execute(delete(Setting).where(Setting.key == KEY))
            db.session.commit()
            db.engine.dispose()


def stored(probe_app: Flask) -> object:
    with probe_app.app_context():
        return read_setting(db.session(), KEY)


def test_a_request_that_only_read_ends_with_a_commit(probe: tuple[Flask, list[str]]) -> None:
    probe_app, endings = probe
    assert probe_app.test_client().get("/read").get_data(as_text=True) == "kept"
    assert endings == ["commit"]


@pytest.mark.parametrize("path", ["/flush-then-fail", "/update-without-commit", "/pending"])
def test_a_request_that_wrote_without_committing_is_rolled_back(
    probe: tuple[Flask, list[str]], path: str
) -> None:
    probe_app, endings = probe
    probe_app.test_client().get(path)
    assert endings == ["rollback"]
    assert stored(probe_app) == "kept"


def test_a_streamed_response_is_not_ended_before_it_is_sent(
    probe: tuple[Flask, list[str]],
) -> None:
    probe_app, endings = probe
    assert probe_app.test_client().get("/streamed").get_data(as_text=True) == "ab"
    assert endings == ["rollback"]


def test_prepared_statements_outlive_a_read_only_request(app: Flask, tmp_path: Path) -> None:
    """psycopg prepares a statement run five times on a connection, and forgets them all at
    a rollback: after read-only requests they are still there."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("prepared statements are PostgreSQL's")
    probe_app = create_app(settings_for(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path))

    @probe_app.route("/read")
    def read() -> str:
        return str(read_setting(db.session(), KEY))

    client = probe_app.test_client()
    try:
        for _ in range(6):
            client.get("/read")
        with probe_app.app_context():
            prepared = db.session.scalar(
                text("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE :read"),
                {"read": "%FROM setting%"},
            )
        assert prepared == 1
    finally:
        with probe_app.app_context():
            db.engine.dispose()


def test_a_lists_limit_and_offset_are_written_into_the_sql_on_postgresql(
    app: Flask, login: Callable[[str], FlaskClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "PAGE_SIZE", 2)  # the demo's overdue tasks fill page 2
    client = login("lanhdao")
    with statements_sent() as statements:
        assert client.get("/nhiem-vu/?trang_thai=qua_han&page=2").status_code == 200
    limits = [re.search(r"LIMIT (\S+) OFFSET (\S+)", s) for s in statements]
    pages = [match.groups() for match in limits if match]
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        assert ("2", "2") in pages
    else:
        assert pages and all(value == "?" for page in pages for value in page)
