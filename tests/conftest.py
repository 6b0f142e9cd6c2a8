"""Fixtures: the app on SQLite and on PostgreSQL, each test rolled back, and signed-in clients.

The database of each backend is built once through the Alembic migrations and holds the demo
province; every test runs inside a transaction that is rolled back afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, g, request_started
from flask.testing import FlaskClient
from sqlalchemy import create_engine, select, text

from tests.support.apps import build_demo_app, settings_for
from tests.support.forms import csrf_token
from tests.support.services import ServiceUnavailableError, postgres_cluster, redis_server
from tracker import create_app
from tracker.auth.models import User
from tracker.demo.loader import DEMO_PASSWORD
from tracker.extensions import db

BACKENDS = ["sqlite", "postgresql"]


def unavailable(reason: str) -> None:
    """Skip a test whose real service is missing; in CI, fail instead, so nothing is skipped
    silently."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    try:
        with postgres_cluster() as url:
            yield url
    except ServiceUnavailableError as error:
        unavailable(str(error))


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    try:
        with redis_server() as url:
            yield url
    except ServiceUnavailableError as error:
        unavailable(str(error))


@pytest.fixture(scope="session", params=BACKENDS)
def app(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Flask]:
    workdir = tmp_path_factory.mktemp(request.param)
    if request.param == "sqlite":
        database_url = f"sqlite:///{workdir / 'tracker.sqlite3'}"
    else:
        server = request.getfixturevalue("postgres_server")
        with create_app(settings_for(server, workdir)).app_context():
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("CREATE DATABASE tracker_test"))
            db.engine.dispose()
        database_url = server.rsplit("/", 1)[0] + "/tracker_test"
    flask_app = build_demo_app(settings_for(database_url, workdir))
    yield flask_app
    with flask_app.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _rolled_back(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run each test that uses the app inside one transaction, rolled back at the end.

    Sessions are bound to that transaction's connection, and what the app commits becomes a
    savepoint (SQLAlchemy's recipe for joining a session into an external transaction).
    """
    if "app" not in request.fixturenames:
        yield
        return
    flask_app: Flask = request.getfixturevalue("app")
    with flask_app.app_context():
        connection = db.engine.connect()
        transaction = connection.begin()
        db.session.remove()
        monkeypatch.setitem(db.engines, None, connection)
        monkeypatch.setitem(
            db.session.session_factory.kw, "join_transaction_mode", "create_savepoint"
        )
        try:
            yield
        finally:
            db.session.remove()
            monkeypatch.undo()
            transaction.rollback()
            connection.close()


def _forget_previous_request(_sender: Flask, **_extra: Any) -> None:
    vars(g).clear()


@pytest.fixture(autouse=True)
def _fresh_g_per_request() -> Iterator[None]:
    """Each request starts with an empty `g`, as it does when served.

    The tests run inside one app context, so `g` would outlive a request: Flask-Login would
    serve the next client the user it cached for the previous one, and Flask-WTF its CSRF token.
    """
    request_started.connect(_forget_previous_request)
    yield
    request_started.disconnect(_forget_previous_request)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def login(app: Flask, client: FlaskClient) -> Callable[[str], FlaskClient]:
    """Sign the test client in as a demo user, through the real sign-in form."""

    def sign_in(username: str) -> FlaskClient:
        response = client.post(
            "/dang-nhap",
            data={
                "username": username,
                "password": DEMO_PASSWORD,
                "csrf_token": csrf_token(client, "/dang-nhap"),
            },
        )
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return sign_in


@pytest.fixture
def user(app: Flask) -> Callable[[str], User]:
    def find(username: str) -> User:
        found = db.session.scalar(select(User).where(User.username == username))
        assert found is not None
        return found

    return find


@pytest.fixture(params=BACKENDS)
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each kind, dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
        return
    server = request.getfixturevalue("postgres_server")
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS tracker_migration"))
        connection.execute(text("CREATE DATABASE tracker_migration"))
    yield server.rsplit("/", 1)[0] + "/tracker_migration"
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE tracker_migration WITH (FORCE)"))
    admin.dispose()
