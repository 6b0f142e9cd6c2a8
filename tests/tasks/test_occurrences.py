"""Recurring tasks as the agencies and the secretariat meet them: each period's occurrence is
due, reminded, handed in and counted on its own; the series page lists them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import time_machine
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from tests.factories import agency, make_file_evidence, make_notice, make_series
from tests.support.forms import csrf_token
from tracker.auth.models import User
from tracker.domain.periods import parse_period
from tracker.domain.status import TaskStatus
from tracker.extensions import db
from tracker.notifications.models import ReminderLog
from tracker.outbox.models import OutboxMessage
from tracker.reports.services import compute_figures, resolve_scope
from tracker.tasks import services
from tracker.tasks.models import Task, TaskState
from tracker.tasks.occurrences import open_occurrences

Login = Callable[[str], FlaskClient]


def quarterly_series(lead: str = "sxd") -> Task:
    """Sở Xây dựng reports every quarter, by the 20th of its last month, from Q4 2030."""
    return make_series(make_notice(issued_on=date(2030, 11, 2)), date(2030, 12, 20), lead)


def hand_in_and_accept(task: Task, officer: User, secretary: User, on: date) -> None:
    make_file_evidence(task, officer.id, "ab" * 32)
    services.submit(db.session(), task, officer, today=on, version=task.version)
    services.accept(db.session(), task, secretary, today=on, version=task.version)


def test_a_quarterly_task_handed_in_for_q4_is_due_again_in_q1_and_reminded(
    app: Flask, user: Callable[[str], User]
) -> None:
    series = quarterly_series()
    (q4,) = open_occurrences(db.session(), date(2030, 12, 1), [series.id])
    assert (q4.period_key, q4.deadline, q4.lead_agency_id) == (
        "2030-Q4",
        date(2030, 12, 20),
        series.lead_agency_id,
    )
    hand_in_and_accept(q4, user("sxd"), user("vanphong"), date(2030, 12, 18))
    assert (
        open_occurrences(db.session(), date(2030, 12, 24), [series.id]) == []
    )  # Q1 opens on 25/12
    (q1,) = open_occurrences(db.session(), date(2030, 12, 25), [series.id])
    assert (q1.period_key, q1.deadline, q1.state) == (
        "2031-Q1",
        date(2031, 3, 20),
        TaskState.IN_PROGRESS,
    )
    assert open_occurrences(db.session(), date(2030, 12, 26), [series.id]) == []  # nothing twice
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["reminders", "run", "--today", "2031-03-13"])
    assert result.exit_code == 0, result.output
    reminded = db.session.scalars(select(ReminderLog.subject).where(ReminderLog.kind == "before"))
    assert f"task:{q1.id}" in set(reminded)
    mails = db.session.scalars(select(OutboxMessage.text).where(OutboxMessage.kind == "reminder"))
    assert any(f"/nhiem-vu/{q1.id}" in m and "kỳ Quý I năm 2031" in m for m in mails)
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(ReminderLog)
            .where(ReminderLog.subject == f"task:{series.id}")
        )
        == 0
    )


def test_a_missed_day_catches_up_and_the_end_date_stops_the_series(app: Flask) -> None:
    series = quarterly_series()
    series.recurrence_until = date(2031, 6, 30)
    opened = open_occurrences(db.session(), date(2032, 1, 1), [series.id])
    assert [o.period_key for o in opened] == ["2030-Q4", "2031-Q1", "2031-Q2"]


def test_each_quarter_s_report_counts_its_own_occurrence(
    app: Flask, user: Callable[[str], User]
) -> None:
    series = quarterly_series()
    q4, q1 = open_occurrences(db.session(), date(2030, 12, 25), [series.id])
    hand_in_and_accept(q4, user("sxd"), user("vanphong"), date(2030, 12, 23))  # 3 days late
    scope = resolve_scope(db.session(), f"notice:{series.notice_id}")
    fourth = compute_figures(db.session(), parse_period("2030-Q4"), scope, date(2030, 12, 31))
    first = compute_figures(db.session(), parse_period("2031-Q1"), scope, date(2031, 3, 31))
    assert (fourth.totals.total, fourth.totals.late, fourth.totals.ongoing) == (1, 1, 0)
    assert (first.totals.total, first.totals.overdue) == (1, 1)


def test_the_series_page_opens_on_the_current_occurrence_with_the_series_listed(
    app: Flask, login: Login, user: Callable[[str], User]
) -> None:
    series = quarterly_series()
    q4, q1 = open_occurrences(db.session(), date(2030, 12, 25), [series.id])
    hand_in_and_accept(q4, user("sxd"), user("vanphong"), date(2030, 12, 18))
    db.session.commit()
    page = login("sxd").get(f"/nhiem-vu/{series.id}").get_data(as_text=True)
    assert "Định kỳ hằng quý" in page
    assert "Trang này là kỳ <strong>Quý I năm 2031</strong>" in page
    assert f'href="/nhiem-vu/{q4.id}">Quý IV năm 2030</a>' in page
    assert f"/nhiem-vu/{q1.id}/" in page  # the forms act on the current occurrence
    assert f"/nhiem-vu/{series.id}/" not in page  # and never on the series


def test_the_series_takes_no_action_itself(
    app: Flask, login: Login, user: Callable[[str], User]
) -> None:
    series = quarterly_series()
    db.session.commit()
    assert series.is_series
    client = login("sxd")
    page = client.get(f"/nhiem-vu/{series.id}").get_data(as_text=True)
    assert "Chưa đến kỳ đầu tiên." in page
    assert "Thao tác" not in page


def test_an_agency_hands_in_a_late_quarter_while_the_next_one_is_open(
    app: Flask, login: Login, user: Callable[[str], User]
) -> None:
    series = quarterly_series()
    q4, q1 = open_occurrences(db.session(), date(2030, 12, 25), [series.id])
    make_file_evidence(q4, user("sxd").id, "cd" * 32)
    db.session.commit()
    with time_machine.travel(date(2031, 1, 8), tick=False):
        client = login("sxd")
        page = f"/nhiem-vu/{q4.id}"
        data = {"csrf_token": csrf_token(client, page), "version": str(q4.version)}
        response = client.post(f"{page}/bao-cao-hoan-thanh", data=data)
    assert response.status_code == 302
    db.session.refresh(q4)
    db.session.refresh(q1)
    assert (q4.state, q4.submitted_on) == (TaskState.SUBMITTED, date(2031, 1, 8))
    assert q1.state is TaskState.IN_PROGRESS  # the open quarter is untouched
    assert q4.status(date(2031, 1, 8)) is TaskStatus.OVERDUE  # until the secretariat accepts


def test_reassigning_an_occurrence_moves_the_series_so_the_next_quarter_opens_there(
    app: Flask, user: Callable[[str], User]
) -> None:
    series = quarterly_series()
    q4, q1 = open_occurrences(db.session(), date(2030, 12, 25), [series.id])
    hand_in_and_accept(q4, user("sxd"), user("vanphong"), date(2030, 12, 18))
    services.decline(
        db.session(),
        q1,
        user("sxd"),
        "Không thuộc thẩm quyền",
        today=date(2031, 1, 5),
        version=q1.version,
    )
    services.reassign(
        db.session(),
        q1,
        user("vanphong"),
        agency("sct").id,
        "",
        today=date(2031, 1, 6),
        version=q1.version,
    )
    (q2,) = open_occurrences(db.session(), date(2031, 3, 25), [series.id])
    assert {t.lead_agency_id for t in (series, q1, q2)} == {agency("sct").id}
    assert q4.lead_agency_id == agency("sxd").id  # what was done stays with who did it
