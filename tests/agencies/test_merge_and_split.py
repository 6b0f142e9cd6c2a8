"""Merging agencies into a successor and splitting one: open tasks move with an audit entry
naming the legal basis; completed tasks, history and old names stay."""

from collections.abc import Callable
from datetime import date

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from tests.factories import agency, make_task
from tests.support.forms import csrf_token
from tracker.agencies.models import AgencyChange
from tracker.agencies.queries import name_directory, open_tasks_of
from tracker.agencies.succession import Decision, merge_agencies
from tracker.audit.models import Event
from tracker.auth.models import User
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeState
from tracker.notices.services import publication_problems
from tracker.tasks.models import Task

Login = Callable[[str], FlaskClient]
MERGE = "/quan-tri/co-quan/sap-nhap"
BASIS = {"basis_document": "Quyết định 123/QĐ-UBND", "basis_date": "01/03/2025"}
STATED = "Quyết định 123/QĐ-UBND ngày 01/03/2025"


def decision_form(client: FlaskClient, path: str, **fields: object) -> dict[str, object]:
    return {"csrf_token": csrf_token(client, path), **BASIS, "effective_on": "15/03/2025", **fields}


def test_a_merge_moves_only_open_tasks_and_names_the_legal_basis(login: Login) -> None:
    client = login("quantri")
    old, successor = agency("stttt"), agency("skhcn")
    led = make_task(lead="stttt", deadline=date(2025, 6, 30))
    done = make_task(lead="stttt", deadline=date(2024, 6, 30), completed_on=date(2024, 6, 1))
    both = make_task(lead="stc", coordinating=("stttt", "skhcn"))
    helper = make_task(lead="skhcn", coordinating=("stttt",))
    db.session.commit()
    data = decision_form(client, MERGE, merged=[str(old.id)], successor=str(successor.id))
    response = client.post(MERGE, data=data)
    assert response.status_code == 302
    db.session.expire_all()
    assert (led.lead_agency.code, led.assigned_agency.code) == ("skhcn", "stttt")
    assert (done.lead_agency.code, done.assigned_agency.code) == ("stttt", "stttt")
    assert [a.code for a in both.coordinating_agencies] == ["skhcn"]
    assert helper.coordinating_agencies == []
    assert db.session.scalars(open_tasks_of(old.id)).all() == []
    assert not old.active and old.successor is successor
    events = db.session.scalars(select(Event).where(Event.action == "task.agency_merged")).all()
    moved = {event.task_id for event in events}
    assert {led.id, both.id, helper.id} <= moved and done.id not in moved
    assert all(STATED in (event.note or "") for event in events)
    assert all(event.after["legal_basis"] == STATED for event in events)
    change = db.session.scalar(select(AgencyChange).where(AgencyChange.agency_id == old.id))
    assert change.targets == [successor] and change.effective_on == date(2025, 3, 15)
    history = client.get(f"/quan-tri/co-quan/{successor.id}").get_data(as_text=True)
    assert "Sáp nhập" in history and STATED in history and "15/03/2025" in history
    assert "Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ" in history


def test_task_pages_keep_the_old_agency_in_the_history(login: Login) -> None:
    task = make_task(lead="stttt")
    db.session.commit()
    client = login("quantri")
    old, successor = agency("stttt"), agency("skhcn")
    client.post(MERGE, data=decision_form(client, MERGE, merged=[old.id], successor=successor.id))
    page = client.get(f"/nhiem-vu/{task.id}").get_data(as_text=True)
    assert "Cơ quan được giao ban đầu" in page and "Sở Thông tin và Truyền thông" in page
    assert f"Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ, theo {STATED}" in page


def test_names_of_merged_agencies_lead_to_the_successor_along_the_chain(
    user: Callable[[str], User],
) -> None:
    admin = user("quantri")
    decision = Decision(STATED, date(2025, 3, 1))
    merge_agencies(db.session(), [agency("stttt")], agency("skhcn"), decision, admin)
    merge_agencies(db.session(), [agency("skhcn")], agency("snv"), decision, admin)
    directory = name_directory(db.session())
    for spelling in ("Sở TT&TT", "Sở Thông tin - Truyền thông", "Sở KH&CN", "Sở Nội vụ"):
        assert directory.known(spelling).canonical == "Sở Nội vụ", spelling
    agency("ttxtdt").active = False  # closed without successor: not offered any more
    assert directory.known("Trung tâm Xúc tiến Đầu tư") is not None
    assert name_directory(db.session()).known("Trung tâm Xúc tiến Đầu tư") is None


def test_the_verb_returns_the_moved_task_ids(user: Callable[[str], User]) -> None:
    open_task = make_task(lead="stttt")
    make_task(lead="stttt", completed_on=date(2024, 1, 5), deadline=date(2024, 1, 31))
    expected = {t.id for t in db.session.scalars(open_tasks_of(agency("stttt").id))}
    moved = merge_agencies(
        db.session(),
        [agency("stttt")],
        agency("skhcn"),
        Decision(STATED, date(2025, 3, 1)),
        user("quantri"),
    )
    assert open_task.id in moved and set(moved) == expected


def test_a_merge_without_a_legal_basis_changes_nothing(login: Login) -> None:
    client = login("quantri")
    old, successor = agency("stttt"), agency("skhcn")
    data = decision_form(client, MERGE, merged=[old.id], successor=successor.id)
    for missing, message in (
        ({"basis_document": ""}, "Vui lòng nhập văn bản làm căn cứ."),
        ({"basis_date": "31/02/2025"}, "Ngày không hợp lệ"),
        ({"basis_document": "Quyết định của tỉnh"}, "phải ghi số văn bản"),
        ({"successor": str(old.id)}, "không thể là cơ quan bị sáp nhập"),
    ):
        response = client.post(MERGE, data={**data, **missing})
        assert response.status_code == 400
        assert message in response.get_data(as_text=True)
    db.session.expire_all()
    assert old.active and old.successor is None
    assert db.session.scalars(select(AgencyChange)).all() == []


def test_a_split_sends_each_open_task_where_the_admin_chose(login: Login) -> None:
    client = login("quantri")
    old, roads, money = agency("sgtvt"), agency("sxd"), agency("stc")
    first = make_task(lead="sgtvt")
    second = make_task(lead="sgtvt")
    done = make_task(lead="sgtvt", completed_on=date(2024, 5, 1), deadline=date(2024, 6, 1))
    db.session.commit()
    path = f"/quan-tri/co-quan/{old.id}/chia-tach"
    page = client.get(path).get_data(as_text=True)
    assert f'name="task-{first.id}"' in page and f'name="task-{done.id}"' not in page
    fields = {"successors": [roads.id, money.id], "default": roads.id}
    wrong = client.post(
        path, data=decision_form(client, path, **fields, **{f"task-{second.id}": agency("snv").id})
    )
    assert wrong.status_code == 400
    assert "chỉ được chuyển cho một trong các cơ quan kế thừa" in wrong.get_data(as_text=True)
    assert agency("sgtvt").active
    response = client.post(
        path, data=decision_form(client, path, **fields, **{f"task-{second.id}": money.id})
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert (first.lead_agency.code, second.lead_agency.code, done.lead_agency.code) == (
        "sxd",
        "stc",
        "sgtvt",
    )
    assert not old.active and old.successor is roads
    change = db.session.scalar(select(AgencyChange).where(AgencyChange.agency_id == old.id))
    assert change.kind.value == "split" and set(change.targets) == {roads, money}
    moved = db.session.scalars(
        select(Event.task_id).where(Event.action == "task.agency_split")
    ).all()
    assert {first.id, second.id} <= set(moved) and done.id not in moved
    history = client.get(f"/quan-tri/co-quan/{old.id}").get_data(as_text=True)
    assert "Chia tách" in history and "Sở Tài chính; Sở Xây dựng" in history


def test_published_tasks_are_assigned_to_their_lead_agency(app: Flask) -> None:
    tasks = db.session.scalars(select(Task)).all()
    assert tasks and all(t.assigned_agency_id == t.lead_agency_id for t in tasks)


def test_a_draft_read_before_a_merge_cannot_publish_to_the_merged_agency(
    user: Callable[[str], User],
) -> None:
    draft = db.session.scalar(select(Notice).where(Notice.state == NoticeState.DRAFT))
    assert not any(
        "ngừng hoạt động" in p.vietnamese for p in publication_problems(db.session(), draft)
    )
    decision = Decision(STATED, date(2025, 3, 1))
    merge_agencies(db.session(), [agency("cujut")], agency("dakmil"), decision, user("quantri"))
    problems = [p.vietnamese for p in publication_problems(db.session(), draft)]
    assert "Nhiệm vụ 4: UBND huyện Cư Jút đã ngừng hoạt động, hãy chọn cơ quan khác." in problems


def test_search_finds_moved_tasks_under_the_successor(
    login: Login, user: Callable[[str], User]
) -> None:
    from tracker.search.queries import search

    client = login("quantri")
    old, successor = agency("stttt"), agency("skhcn")
    task = make_task(lead="stttt", deadline=date(2025, 6, 30))
    task.text = "Triển khai nền tảng chia sẻ dữ liệu zyxwv"
    db.session.commit()
    data = decision_form(client, MERGE, merged=[str(old.id)], successor=str(successor.id))
    assert client.post(MERGE, data=data).status_code == 302
    hits = search(db.session(), user("lanhdao"), "khoa hoc cong nghe zyxwv").hits
    assert [hit.task.id for hit in hits if hit.task] == [task.id]
