"""`flask bench seed` on an empty database of each backend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import func, select, text

from tests.support.apps import settings_for
from tests.support.forms import csrf_token
from tracker import create_app
from tracker.agencies.models import Agency
from tracker.auth.models import Role, User
from tracker.bench.dataset import VERBS
from tracker.demo.loader import DEMO_PASSWORD
from tracker.extensions import db
from tracker.notices.models import Notice
from tracker.tasks.models import ExplanationRequest, ExtensionRequest, ProgressUpdate, Task


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def seeded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Flask]:
    """An app on a freshly migrated, empty database, seeded through the command line."""
    workdir = tmp_path_factory.mktemp(f"bench-{request.param}")
    url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    if request.param == "postgresql":
        server = request.getfixturevalue("postgres_server")
        with create_app(settings_for(server, workdir)).app_context():
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("CREATE DATABASE bench_seed"))
            db.engine.dispose()
        url = server.rsplit("/", 1)[0] + "/bench_seed"
    app = create_app(settings_for(url, workdir))
    with app.app_context():
        upgrade()
        result = app.test_cli_runner().invoke(
            args=["bench", "seed", "--agencies", "60", "--tasks", "1500"]
        )
    assert result.exit_code == 0, result.output
    assert "1,500 tasks" in result.output
    yield app
    with app.app_context():
        db.engine.dispose()


def test_the_province_has_the_wanted_size(seeded: Flask) -> None:
    with seeded.app_context():
        assert db.session.scalar(select(func.count()).select_from(Agency)) == 60
        items = select(func.count()).select_from(Task).where(Task.series_id.is_(None))
        assert db.session.scalar(items) == 1500
        occurrences = select(func.count()).select_from(Task).where(Task.series_id.is_not(None))
        assert db.session.scalar(occurrences) > 100
        assert db.session.scalar(select(func.count()).select_from(Notice)) == 60
        assert db.session.scalar(select(func.count()).select_from(ProgressUpdate)) > 500
        officers = db.session.scalar(
            select(func.count()).select_from(User).where(User.role == Role.AGENCY_OFFICER)
        )
        assert officers == 60


def test_the_requests_hold_the_order_of_their_tasks(seeded: Flask) -> None:
    """The requests are written after the tasks, so the database copies each task's order
    keys into them, as it does for a request made through the app."""
    with seeded.app_context():
        for request in (ExtensionRequest, ExplanationRequest):
            copies = db.session.execute(
                select(request.task_urgency_rank, request.task_deadline, Task.urgency_rank,
                       Task.deadline).join(Task, Task.id == request.task_id)
            ).all()  # fmt: skip
            assert copies, f"the seed writes {request.__tablename__} rows"
            assert all(tuple(row[:2]) == tuple(row[2:]) for row in copies)


def test_the_demo_accounts_sign_in_and_see_the_data(seeded: Flask) -> None:
    client = seeded.test_client()
    response = client.post(
        "/dang-nhap",
        data={
            "username": "snv",
            "password": DEMO_PASSWORD,
            "csrf_token": csrf_token(client, "/dang-nhap"),
        },
    )
    assert response.status_code == 302
    page = client.get("/nhiem-vu/").get_data(as_text=True)
    assert "Sở Nội vụ" in page
    assert any(verb in page for verb in VERBS), "the agency's seeded tasks are listed"


def test_new_rows_get_fresh_ids_after_the_bulk_insert(seeded: Flask) -> None:
    """The seed writes explicit ids; PostgreSQL's sequences must have moved past them."""
    with seeded.app_context():
        notice = db.session.get(Notice, 1)
        assert notice is not None
        task = Task(
            notice_id=notice.id, text="Nhiệm vụ mới", lead_agency_id=1, assigned_agency_id=1
        )
        last = db.session.scalar(select(func.max(Task.id)))
        db.session.add(task)
        db.session.flush()
        assert task.id == last + 1
        db.session.rollback()


def test_a_database_with_data_is_refused(seeded: Flask) -> None:
    with seeded.app_context():
        result = seeded.test_cli_runner().invoke(args=["bench", "seed", "--tasks", "10"])
    assert result.exit_code == 1
    assert "not empty" in result.output


def test_the_seed_leaves_planner_statistics(seeded: Flask) -> None:
    """ANALYZE on both databases, and VACUUM on PostgreSQL, as a database in service has."""
    with seeded.app_context():
        if db.engine.dialect.name == "postgresql":
            upkeep = db.session.execute(
                text(
                    "SELECT last_vacuum IS NOT NULL, last_analyze IS NOT NULL"
                    " FROM pg_stat_user_tables WHERE relname = 'task'"
                )
            ).one()
            assert tuple(upkeep) == (True, True)
        else:
            statistics = db.session.scalar(
                text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'task'")
            )
            assert statistics


def test_the_seeded_tasks_can_be_searched(seeded: Flask) -> None:
    from tracker.search.queries import search

    with seeded.app_context():
        leader = db.session.scalar(select(User).where(User.username == "lanhdao"))
        assert leader is not None
        results = search(db.session(), leader, "so noi vu ke hoach")
        assert results.total > 0
        best = results.hits[0].task
        assert best is not None and best.lead_agency.name == "Sở Nội vụ"
