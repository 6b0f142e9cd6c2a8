"""The directory's stamp, drawn by the database with every change to the directory, and the
options each process keeps under it (`tracker.agencies.kept`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import delete, insert, select, update

from tests.auth.test_sessions import sign_in
from tests.factories import agency, make_task
from tests.support.statements import statements_sent
from tracker.agencies.kept import agency_short_names, keep_directory_stamp
from tracker.agencies.models import (
    Agency,
    AgencyAlias,
    AgencyGroup,
    AgencyKind,
    DirectoryStamp,
    group_members,
)
from tracker.extensions import db

Login = Callable[[str], FlaskClient]


def stamp() -> int:
    return db.session.scalar(select(DirectoryStamp.stamp).where(DirectoryStamp.id == 1)) or 0


def test_every_change_to_the_directory_draws_a_new_stamp_and_others_do_not(app: Flask) -> None:
    finance = agency("stc")
    changes: list[Callable[[], object]] = [
        lambda: db.session.execute(
            update(Agency).where(Agency.id == finance.id).values(short_name="STC")
        ),
        lambda: db.session.add(
            AgencyAlias(agency_id=finance.id, name="Sở TC-KH", folded="so tc-kh thu")
        ),
        lambda: db.session.add(AgencyGroup(code="to-moi", name="Tổ mới", aliases=[])),
        lambda: db.session.execute(
            insert(group_members).values(
                group_id=db.session.scalar(
                    select(AgencyGroup.id).where(AgencyGroup.code == "to-moi")
                ),
                agency_id=finance.id,
            )
        ),
        lambda: db.session.execute(
            delete(group_members).where(group_members.c.agency_id == finance.id)
        ),
    ]
    seen = {stamp()}
    for change in changes:
        change()
        db.session.commit()
        assert stamp() not in seen
        seen.add(stamp())
    make_task(lead="stc")
    db.session.commit()
    assert stamp() in seen, "a task is no change to the directory"


def agency_options(page: str) -> list[str]:
    return re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', page)


def test_a_process_reads_the_options_once_and_again_after_a_change(app: Flask) -> None:
    client = app.test_client()
    sign_in(client, "lanhdao")
    client.get("/nhiem-vu/")  # the day's first view files the counts for the day
    with statements_sent() as statements:
        first = client.get("/nhiem-vu/").get_data(as_text=True)
    with statements_sent() as again:
        client.get("/nhiem-vu/")
    read = [sql for sql in statements if re.match(r"SELECT agency\.id, agency\.name\s", sql)]
    assert len(read) <= 1 and not any(sql.startswith("SELECT agency.id") for sql in again)
    assert "Sở Tài chính" in agency_options(first)
    # renamed by another process (the admin's): the stamp read with the user has moved
    db.session.execute(update(Agency).where(Agency.code == "stc").values(name="Sở Tài chính mới"))
    db.session.commit()
    renamed = agency_options(client.get("/nhiem-vu/").get_data(as_text=True))
    assert "Sở Tài chính mới" in renamed and "Sở Tài chính" not in renamed
    board = client.get("/tong-quan").get_data(as_text=True)
    assert "Sở Tài chính mới" in agency_options(board)


def test_the_task_forms_offer_the_agencies_as_the_directory_now_names_them(app: Flask) -> None:
    task = make_task(lead="snv")
    db.session.commit()
    office = app.test_client()
    sign_in(office, "vanphong")
    assert "Sở Tài chính" in agency_options(
        office.get(f"/nhiem-vu/{task.id}").get_data(as_text=True)
    )
    db.session.execute(update(Agency).where(Agency.code == "stc").values(name="Sở Tài chính mới"))
    db.session.commit()
    offered = agency_options(office.get(f"/nhiem-vu/{task.id}").get_data(as_text=True))
    assert "Sở Tài chính mới" in offered and "Sở Tài chính" not in offered


def test_a_list_names_each_lead_as_the_directory_now_names_it(app: Flask) -> None:
    make_task(lead="stc")
    db.session.commit()
    client = app.test_client()
    sign_in(client, "lanhdao")
    client.get("/nhiem-vu/")  # the day's first view files the counts for the day
    with statements_sent() as statements:
        client.get("/nhiem-vu/")
    assert not any("agency.short_name" in sql for sql in statements), "kept by the process"
    db.session.execute(update(Agency).where(Agency.code == "stc").values(short_name="STC mới"))
    db.session.commit()
    assert "<td>STC mới</td>" in client.get("/nhiem-vu/").get_data(as_text=True)


def test_an_agency_added_after_the_stamp_was_read_is_named_all_the_same(app: Flask) -> None:
    with app.test_request_context():
        keep_directory_stamp(stamp())
        agency_short_names(db.session(), [])  # kept under that stamp
        added = Agency(code="so-moi", name="Sở Mới", short_name="SM", kind=AgencyKind.DEPARTMENT)
        db.session.add(added)
        db.session.flush()
        assert agency_short_names(db.session(), [added.id])[added.id] == "SM"
