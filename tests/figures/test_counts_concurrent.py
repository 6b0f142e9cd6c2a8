"""Writers that change tasks at the same time, each over several flushes in one transaction,
crossing each other's cells (the province's cells are shared by every agency's tasks of a
month): none waits on another forever or fails, and the counts equal the tasks after them.
PostgreSQL, whose writers run side by side (SQLite's take turns), on a database of its own
with a connection per writer."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from tests.support.apps import build_demo_app, settings_for
from tracker.extensions import db
from tracker.figures.cells import differences
from tracker.figures.upkeep import counts_for
from tracker.notices.models import Notice, NoticeState
from tracker.tasks.models import Task

WRITERS = 4
ROUNDS = 12
TASKS_PER_ROUND = 3
DAY = date(2026, 3, 10)


@pytest.fixture
def province(postgres_server: str, tmp_path: Path) -> Iterator[Flask]:
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS tracker_writers"))
        connection.execute(text("CREATE DATABASE tracker_writers"))
    app = build_demo_app(
        settings_for(postgres_server.rsplit("/", 1)[0] + "/tracker_writers", tmp_path)
    )
    yield app
    with app.app_context():
        db.engine.dispose()
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE tracker_writers WITH (FORCE)"))
    admin.dispose()


def test_writers_crossing_each_others_cells_all_finish_and_the_counts_agree(
    province: Flask,
) -> None:
    with province.app_context():
        counts_for(db.session(), DAY, 3)
        ids = db.session.scalars(
            select(Task.id)
            .join(Notice)
            .where(
                Notice.state == NoticeState.PUBLISHED,
                Task.recurrence.is_(None),
                Task.cancelled_on.is_(None),
                Task.deadline.is_not(None),
            )
            .order_by(Task.id)
        ).all()
        assert len(ids) >= WRITERS * TASKS_PER_ROUND
        engine = db.engine
        failures: list[BaseException] = []
        start = threading.Barrier(WRITERS)

        def write(writer: int) -> None:
            # each writer its own tasks, taken in an order that crosses the next writer's
            mine = ids[writer::WRITERS][:TASKS_PER_ROUND]
            try:
                start.wait()
                for round_ in range(ROUNDS):
                    order = mine if (writer + round_) % 2 else list(reversed(mine))
                    with Session(engine) as session:
                        for step, task_id in enumerate(order):
                            task = session.get_one(Task, task_id)
                            # a month apart each time: the task leaves its province cell
                            task.deadline = DAY + timedelta(days=31 * ((round_ + step) % 4) - 40)
                            session.flush()
                        session.commit()
            except BaseException as error:  # noqa: BLE001 - reported by the main thread
                failures.append(error)

        threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not any(thread.is_alive() for thread in threads)
        assert not failures, failures[:2]
        db.session.rollback()
        found = differences(db.session.connection(), counts_for(db.session(), DAY, 3))
        assert not found, found[:5]
