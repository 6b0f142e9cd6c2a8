"""The bucket in SQL agrees with the pure rule; `flask figures verify` finds a cell that
differs from the tasks and `rebuild` mends it; the midnight job files open tasks for the new
day, so that a task due yesterday counts as overdue this morning."""

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
import time_machine
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from tests.factories import agency, make_notice, make_task
from tests.support.apps import settings_for
from tests.support.statements import statements_sent
from tracker import create_app
from tracker.access import filtered_task_parts, visible_tasks
from tracker.agencies.models import Agency
from tracker.auth.models import User
from tracker.clock import today
from tracker.domain.figure_buckets import Bucket, bucket_of
from tracker.domain.formatting import vn_number
from tracker.extensions import db
from tracker.figures import reading
from tracker.figures.cells import Clock, bucket_expression, differences
from tracker.figures.models import (
    ALL_MONTHS,
    OWN_CELL,
    CoordinatedFigure,
    ProvinceFigure,
    TaskFigure,
)
from tracker.figures.upkeep import counts_for, read_clock
from tracker.jobs.figures import move_counts_to_today
from tracker.tasks.filters import TaskFilters
from tracker.tasks.models import Task

DAY = date(2026, 6, 15)
OFFSETS = [-121, -120, -61, -60, -31, -30, -1, 0, 3, 4]


def test_sql_bucket_agrees_with_the_rule(app: Flask) -> None:
    notice = make_notice()
    for offset in OFFSETS:
        deadline = DAY + timedelta(days=offset)
        for completed_on in (
            None,
            deadline - timedelta(days=1),
            deadline,
            deadline + timedelta(days=1),
        ):
            for paused_until in (None, DAY - timedelta(days=1), DAY):
                task = make_task(notice, deadline=deadline, completed_on=completed_on)
                task.paused_until = paused_until
    make_task(notice)  # no deadline
    db.session.flush()
    rows = db.session.execute(
        select(
            Task.deadline, Task.completed_on, Task.paused_until, bucket_expression(Clock(DAY, 3))
        ).where(Task.notice_id == notice.id)
    ).all()
    assert len(rows) == len(OFFSETS) * 12 + 1
    for deadline, completed_on, paused_until, bucket in rows:
        assert Bucket(bucket) is bucket_of(deadline, completed_on, paused_until, DAY, 3)


@pytest.mark.parametrize("cells", [TaskFigure, ProvinceFigure, CoordinatedFigure])
def test_verify_finds_a_wrong_cell_and_rebuild_mends_it(
    app: Flask, cells: type[TaskFigure] | type[ProvinceFigure] | type[CoordinatedFigure]
) -> None:
    runner = app.test_cli_runner()
    overdue = today() - timedelta(days=3)
    make_task(make_notice(), lead="stc", coordinating=("snv",), deadline=overdue)
    db.session.commit()
    assert "agree with the tasks" in runner.invoke(args=["figures", "verify"]).output
    db.session.execute(update(cells).values(tasks=cells.tasks + 1))
    db.session.commit()
    result = runner.invoke(args=["figures", "verify"])
    assert result.exit_code == 1
    assert "cells differ from the tasks" in result.output
    assert "flask figures rebuild" in result.output
    assert runner.invoke(args=["figures", "rebuild"]).exit_code == 0
    assert not differences(db.session.connection(), counts_for(db.session(), today(), 3))


def test_the_midnight_job_moves_a_task_due_yesterday_to_overdue(app: Flask) -> None:
    evening = datetime(2026, 3, 9, 16, 0, tzinfo=UTC)  # 23:00 in Vietnam
    with time_machine.travel(evening, tick=False):
        task = make_task(make_notice(), lead="stc", deadline=today())
        db.session.commit()
        assert move_counts_to_today() == "2026-03-09"
        assert _bucket_of(task) == Bucket.DUE_SOON.value
    with time_machine.travel(evening + timedelta(hours=1, minutes=1), tick=False):  # 00:01
        assert move_counts_to_today() == "2026-03-10"
        clock = read_clock(db.session.connection())
        assert clock == Clock(date(2026, 3, 10), app.config["DUE_SOON_DAYS"])
        assert _bucket_of(task) == Bucket.OVERDUE.value
        assert not differences(db.session.connection(), clock)


def test_the_province_cells_add_up_the_agencies_and_the_trend_reads_them(
    app: Flask, login: Callable[[str], FlaskClient]
) -> None:
    notice = make_notice()
    deadline = today() - timedelta(days=3)
    for lead in ("stc", "snv", "snv"):
        make_task(notice, lead=lead, deadline=deadline)
    db.session.commit()
    counts_for(db.session(), today(), app.config["DUE_SOON_DAYS"])
    month = deadline.year * 100 + deadline.month
    province = db.session.scalar(
        select(ProvinceFigure.tasks).where(
            ProvinceFigure.due_month == month, ProvinceFigure.bucket == Bucket.OVERDUE.value
        )
    )
    assert province == 3
    leader = login("lanhdao")
    stc = db.session.scalar(select(Agency.id).where(Agency.code == "stc"))
    for query, cells in (("", "province_figure"), (f"&co_quan={stc}", "task_figure")):
        with statements_sent() as statements:
            assert leader.get(f"/tong-quan?trang_thai=qua_han{query}").status_code == 200
        trend = [sql for sql in statements if "GROUP BY" in sql and "due_month, " in sql]
        assert trend and all(f"FROM {cells}" in sql for sql in trend), query


def test_an_agency_list_counts_what_it_coordinates_added_up_over_the_leads(
    app: Flask, login: Callable[[str], FlaskClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tasks an agency coordinates and others lead are counted from its cells added up
    over the lead agencies; a task it leads and also coordinates counts once, as led."""
    monkeypatch.setitem(app.config, "PAGE_SIZE", 2)
    counts_for(db.session(), today(), app.config["DUE_SOON_DAYS"])
    snv = agency("snv").id
    before = db.session.scalar(
        select(func.sum(CoordinatedFigure.tasks)).where(
            CoordinatedFigure.coordinator_id == snv, CoordinatedFigure.due_month == ALL_MONTHS
        )
    )
    notice = make_notice()
    late, soon = today() - timedelta(days=40), today() + timedelta(days=2)
    for lead in ("stc", "sxd", "stc"):
        make_task(notice, lead=lead, coordinating=("snv",), deadline=late)
    make_task(notice, lead="stc", coordinating=("snv",), deadline=soon)
    make_task(notice, lead="snv", coordinating=("snv", "stc"), deadline=late)
    make_task(notice, lead="snv", deadline=soon)
    make_task(notice, lead="stc", deadline=late)  # neither led nor coordinated by snv
    db.session.commit()
    after = db.session.scalar(
        select(func.sum(CoordinatedFigure.tasks)).where(
            CoordinatedFigure.coordinator_id == snv, CoordinatedFigure.due_month == ALL_MONTHS
        )
    )
    assert (after or 0) - (before or 0) == 4
    officer = login("snv")
    user = db.session.scalar(select(User).where(User.username == "snv"))
    for query in ("", "trang_thai=qua_han"):
        filters = TaskFilters.from_args(dict(parse_qsl(query)))
        parts = filtered_task_parts(user, filters, today(), app.config["DUE_SOON_DAYS"])
        expected = sum(
            db.session.scalar(select(func.count()).select_from(part.subquery())) or 0
            for part in parts
        )
        with statements_sent() as statements:
            page = officer.get(f"/nhiem-vu/?{query}").get_data(as_text=True)
        assert overdue_total(page) == expected > 2, query
        count = next(sql for sql in statements if "coordinated_figure" in sql)
        assert f"coordinated_figure.coordinator_id = {snv}" in count


def _bucket_of(task: Task) -> str:
    """The bucket of the cell the task is in (the only task of its agency due that month)."""
    month = task.deadline.year * 100 + task.deadline.month if task.deadline else 0
    return db.session.scalar(
        select(TaskFigure.bucket).where(
            TaskFigure.lead_agency_id == task.lead_agency_id,
            TaskFigure.due_month == month,
            TaskFigure.tasks > 0,
            TaskFigure.bucket.in_([Bucket.DUE_SOON.value, Bucket.OVERDUE.value]),
        )
    )


@pytest.mark.parametrize(
    "query", ["", "trang_thai=qua_han", "trang_thai=hoan_thanh", "canh_bao=sap_den_han"]
)
def test_a_list_counts_its_tasks_from_the_cells(
    app: Flask, login: Callable[[str], FlaskClient], monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    monkeypatch.setitem(app.config, "PAGE_SIZE", 2)
    notice = make_notice()
    for days in (-40, -2, 0, 1, 2):  # two pages at least for each list
        make_task(notice, deadline=today() + timedelta(days=days))
        make_task(notice, deadline=today() + timedelta(days=days), completed_on=today())
    db.session.commit()
    leader = login("lanhdao")
    user = db.session.scalar(select(User).where(User.username == "lanhdao"))
    filters = TaskFilters.from_args(dict(parse_qsl(query)))
    listed = filters.apply(visible_tasks(user), today(), 0, app.config["DUE_SOON_DAYS"])
    expected = db.session.scalar(select(func.count()).select_from(listed.subquery()))
    page = leader.get(f"/nhiem-vu/?{query}").get_data(as_text=True)
    assert expected > 2
    assert f"({vn_number(expected)} mục)" in page


def test_a_list_read_first_on_a_new_day_files_the_day_and_then_reads_the_clock_with_it(
    app: Flask, login: Callable[[str], FlaskClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clock is read in the list's count: behind, the day is filed first and the count
    read again; set, the count is read with the page's tasks, in the one statement that
    reads the cells or the clock."""
    evening = datetime(2026, 3, 9, 16, 0, tzinfo=UTC)  # 23:00 in Vietnam
    overdue = "/nhiem-vu/?trang_thai=qua_han"
    with time_machine.travel(evening, tick=False):
        monkeypatch.setitem(app.config, "PAGE_SIZE", 1)  # the pages say how many in all
        notice = make_notice()
        make_task(notice, lead="stc", deadline=today())  # overdue from tomorrow
        for _ in range(2):
            make_task(notice, lead="stc", deadline=today() - timedelta(days=5))
        db.session.commit()
        counts_for(db.session(), today(), app.config["DUE_SOON_DAYS"])
        leader = login("lanhdao")
        before = overdue_total(leader.get(overdue).get_data(as_text=True))
    with time_machine.travel(evening + timedelta(hours=1, minutes=1), tick=False):  # 00:01
        assert overdue_total(leader.get(overdue).get_data(as_text=True)) == before + 1
        clock = read_clock(db.session.connection())
        assert clock == Clock(date(2026, 3, 10), app.config["DUE_SOON_DAYS"])
        with statements_sent() as statements:
            assert overdue_total(leader.get(overdue).get_data(as_text=True)) == before + 1
        counts = [sql for sql in statements if "_figure" in sql or "figure_clock" in sql]
        # the leader sees the whole province: its totals, not the agencies' cells
        assert len(counts) == 1 and "FROM province_figure" in counts[0]
        assert "task_figure" not in counts[0] and "figure_clock" in counts[0]
        assert "ORDER BY task.urgency_rank" in counts[0]


def overdue_total(page: str) -> int:
    found = re.search(r"\(([\d.]+) mục\)", page)
    assert found, "the list says how many tasks it holds"
    return int(found.group(1).replace(".", ""))


def test_readers_who_come_together_on_a_new_day_wait_their_turn_and_none_fails(
    empty_database: str, tmp_path: Path
) -> None:
    """The first reader of a new day files it; another, which had read the day before while
    it did, waits for the clock and finds the day filed. (On SQLite it failed at once with
    "database is locked": a transaction that has read cannot write after another wrote.)
    Two connections to a database of its own: the other tests share one connection."""
    with create_app(settings_for(empty_database, tmp_path)).app_context():
        upgrade()
        counts_for(db.session(), DAY, 7)
        later = DAY + timedelta(days=1)
        other = Session(db.engine)
        try:
            assert read_clock(other.connection()) == Clock(DAY, 7)
            counts_for(db.session(), later, 7)
            assert counts_for(other, later, 7) == Clock(later, 7)
            assert read_clock(other.connection()) == Clock(later, 7)
        finally:
            other.close()
            db.session.remove()
            db.engine.dispose()


def test_the_counts_constants_are_written_into_the_sql(app: Flask) -> None:
    """The own cells, every month's totals and the buckets asked for are written into the
    SQL, not sent as parameters: PostgreSQL's generic plan of a prepared count then finds
    them by the index that holds the buckets (0.45 ms a list's count, where it read every
    bucket of the month and kept a third: 0.2 ms)."""
    overdue = TaskFilters.from_args({"trang_thai": "qua_han"})
    finance = agency("stc").id
    for scope, cells in ((["published"], "province_figure"), (["agency", finance], "task_figure")):
        with statements_sent() as statements:
            reading.task_count(db.session(), overdue, scope, (None, None), Clock(today(), 3))
        count = next(sql for sql in statements if f"FROM {cells}" in sql)
        assert f"{cells}.due_month = {ALL_MONTHS}" in count
        assert "'qua_han_30'" in count
    assert f"task_figure.coordinator_id = {OWN_CELL}" in count
    assert f"task_figure.lead_agency_id = {finance}" in count
