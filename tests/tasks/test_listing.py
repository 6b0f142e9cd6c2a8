"""A list's page read as rows: each task's own columns, its notice's number and its lead
agency's name, in the order asked; and the count of the parts a page merges."""

from __future__ import annotations

from datetime import date

from flask import Flask
from sqlalchemy import select

from tests.factories import agency, make_notice, make_task
from tracker.extensions import db
from tracker.tasks.listing import TaskPage, count_parts, read_listed
from tracker.tasks.listing import listed as listed_rows
from tracker.tasks.models import Task, TaskState


def test_a_page_reads_its_notice_and_agency_in_the_order_asked(app: Flask) -> None:
    notice = make_notice()
    later = make_task(notice, lead="stc", deadline=date(2030, 6, 1))
    sooner = make_task(notice, lead="snv", deadline=date(2030, 1, 1))
    sooner.ref = "2.a"
    sooner.state = TaskState.SUBMITTED
    agency("snv").short_name = "SNV"
    agency("stc").short_name = None
    db.session.commit()
    tasks = select(Task).where(Task.notice_id == notice.id).order_by(Task.deadline)
    listed = read_listed(db.session(), listed_rows(tasks))
    assert [task.id for task in listed] == [sooner.id, later.id]
    first = listed[0]
    assert (first.ref, first.deadline, first.state) == (
        "2.a",
        date(2030, 1, 1),
        TaskState.SUBMITTED,
    )
    assert (first.notice_kind, first.notice_number) == (notice.kind, notice.number)
    assert first.agency_name == "SNV", "the short name where the agency has one"
    assert listed[1].agency_name == agency("stc").name, "else its name"


def test_count_parts_adds_up_each_part(app: Flask) -> None:
    notice = make_notice()
    for lead in ("stc", "stc", "snv"):
        make_task(notice, lead=lead)
    db.session.commit()
    of_notice = select(Task).where(Task.notice_id == notice.id)
    parts = [of_notice.where(Task.lead_agency_id == agency(code).id) for code in ("stc", "snv")]
    assert count_parts(db.session(), parts) == 3
    assert count_parts(db.session(), parts[:1]) == 2


def test_a_page_knows_its_neighbours() -> None:
    first = TaskPage([], page=1, per_page=50, total=120)
    assert (first.pages, first.has_prev, first.has_next, first.next_num) == (3, False, True, 2)
    last = TaskPage([], page=3, per_page=50, total=120)
    assert (last.has_prev, last.prev_num, last.has_next) == (True, 2, False)
    assert TaskPage([], page=1, per_page=50, total=0).pages == 1
