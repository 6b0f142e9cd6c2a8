"""The work queue: everything that waits for the office or a leader (hand-ins, extensions,
declines, explanations), oldest first, counted in the menu, each kind a task-list filter."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, text

from tests.auth.test_sessions import sign_in
from tests.factories import make_notice, make_task
from tests.support.forms import csrf_token
from tests.support.statements import statements_sent
from tests.tasks.test_task_workflow import act
from tracker.access import filtered_task_parts, listed_tasks
from tracker.auth.accounts import AccountDetails, create_user
from tracker.auth.models import Role, User
from tracker.clock import today
from tracker.dashboard.queue import LISTED, _since, drafts_to_publish, waiting_of_role
from tracker.db import refresh_planner_statistics, utcnow
from tracker.demo.loader import DEMO_PASSWORD
from tracker.domain.waiting import Waiting
from tracker.extensions import db
from tracker.notices.models import Notice
from tracker.notifications.models import Notification
from tracker.tasks.filters import TaskFilters
from tracker.tasks.listing import page_of
from tracker.tasks.models import (
    ExplanationRequest,
    ExtensionRequest,
    Task,
    TaskState,
)
from tracker.tasks.queries import waiting_predicate

Login = Callable[[str], FlaskClient]


@pytest.fixture
def waiting(app: Flask, user: Callable[[str], User]) -> dict[str, Task]:
    """One task of each kind waiting, two hand-ins (the older first), and an explanation
    already reviewed (waiting no more)."""
    officer, leader = user("sxd"), user("lanhdao")
    notice = make_notice(issued_on=today() - timedelta(days=60))
    due = today() - timedelta(days=5)
    names = ("newer_hand_in", "older_hand_in", "extension", "declined", "explained", "reviewed")
    tasks = {name: make_task(notice, lead="sxd", deadline=due) for name in names}
    for name, days in (("newer_hand_in", 1), ("older_hand_in", 4)):
        tasks[name].state, tasks[name].submitted_on = TaskState.SUBMITTED, today() - timedelta(days)
        tasks[name].text = f"Hồ sơ {name}"
    tasks["extension"].extension_requests.append(
        ExtensionRequest(
            requested_by=officer,
            previous_deadline=due,
            requested_deadline=due + timedelta(days=30),
            reason="Chờ vốn",
        )
    )
    tasks["declined"].state = TaskState.DECLINED
    for name in ("explained", "reviewed"):
        tasks[name].explanation_requests.append(
            ExplanationRequest(
                requested_by=leader,
                question="Vì sao chậm?",
                answer_by=today(),
                answer=f"Giải trình của {name}",
                answered_by=officer,
                answered_at=utcnow(),
                reviewed_at=utcnow() if name == "reviewed" else None,
            )
        )
    db.session.commit()
    return tasks


def section(page: str, heading: str) -> str:
    start = page.index(heading)
    end = page.find("<h2", start + 1)
    return page[start : end if end > 0 else None]


def test_the_office_sees_every_kind_oldest_first_and_the_menu_counts_them(
    app: Flask, login: Login, waiting: dict[str, Task]
) -> None:
    page = login("vanphong").get("/").get_data(as_text=True)
    hand_ins = section(page, "Chờ xác nhận hoàn thành")
    assert hand_ins.index("Hồ sơ older_hand_in") < hand_ins.index("Hồ sơ newer_hand_in")
    for heading, name in (
        ("Đề nghị gia hạn chờ quyết định", "extension"),
        ("Cơ quan đề nghị giao cơ quan khác", "declined"),
        ("Giải trình đã gửi, chờ xem xét", "explained"),
    ):
        assert f"/nhiem-vu/{waiting[name].id}" in section(page, heading)
    assert f'/nhiem-vu/{waiting["reviewed"].id}"' not in page
    # the four kinds of tasks, then the drafts to publish
    counts = [int(n) for n in re.findall(r"<h2[^>]*>[^<]*\((\d+)\)", page)[:5]]
    assert len(counts) == 5 and counts[4] >= 1  # the demo's draft plan
    menu = re.search(r'class="nav-count" aria-label="(\d+) việc chờ xử lý"', page)
    assert menu and int(menu.group(1)) == sum(counts) >= 5 + counts[4]
    assert 'href="/tong-quan"' in page  # the office's menu links the dashboard


def test_each_kind_is_a_filter_of_the_task_list(
    app: Flask, login: Login, waiting: dict[str, Task]
) -> None:
    client = login("vanphong")
    listed = client.get("/nhiem-vu/?cho_xu_ly=cho_gia_han&co_quan=" + str(
        waiting["extension"].lead_agency_id)).get_data(as_text=True)  # fmt: skip
    assert f'/nhiem-vu/{waiting["extension"].id}"' in listed
    assert f'/nhiem-vu/{waiting["declined"].id}"' not in listed
    listed = client.get("/nhiem-vu/?cho_xu_ly=giai_trinh_moi").get_data(as_text=True)
    assert f'/nhiem-vu/{waiting["explained"].id}"' in listed
    assert f'/nhiem-vu/{waiting["reviewed"].id}"' not in listed


def test_a_leader_reviews_an_explanation_and_it_leaves_the_queue(
    app: Flask, login: Login, waiting: dict[str, Task]
) -> None:
    leader = login("lanhdao")
    page = leader.get("/").get_data(as_text=True)
    assert "chờ xác nhận hoàn thành" not in page.lower()  # the office's, not the leader's
    before = explanations_waiting(page)
    assert before >= 1
    task = waiting["explained"]
    task_page = leader.get(f"/nhiem-vu/{task.id}").get_data(as_text=True)
    assert "Giải trình của explained" in task_page and "Đã xem giải trình" in task_page
    act(leader, task, "giai-trinh/da-xem", note="Đề nghị hoàn thành trong tuần")
    assert explanations_waiting(leader.get("/").get_data(as_text=True)) == before - 1
    listed = leader.get("/nhiem-vu/?cho_xu_ly=giai_trinh_moi").get_data(as_text=True)
    assert f'/nhiem-vu/{task.id}"' not in listed
    told = db.session.query(Notification).filter(Notification.kind == "explanation_reviewed")
    assert "Ý kiến: Đề nghị hoàn thành trong tuần" in told.first().message


def explanations_waiting(page: str) -> int:
    """The count the leader's home gives for explanations to review."""
    found = re.search(r'cho_xu_ly=giai_trinh_moi">[^<]*<span class="nav-count">(\d+)', page)
    assert found, "the leader's home links the explanations waiting"
    return int(found.group(1))


def test_the_menu_counts_come_with_the_signed_in_user(
    app: Flask, user: Callable[[str], User], waiting: dict[str, Task]
) -> None:
    """The banner, the unread messages and what waits are read in the statement that loads
    the user, no round trip of their own; each leader is given her own unread messages."""
    second = create_user(
        db.session,
        "lanhdao2",
        AccountDetails("Lãnh đạo thứ hai", "lanhdao2@example.vn", Role.LEADER, None),
        DEMO_PASSWORD,
        user("quantri"),
    )
    second.must_change_password = False
    db.session.add(Notification(user_id=user("lanhdao").id, kind="test", message="Thử", link="/"))
    db.session.commit()
    pages = {}
    for name in ("lanhdao", "lanhdao2"):
        client = app.test_client()
        sign_in(client, name)
        client.get("/nhiem-vu/")  # the day's first view files the counts for the day
        with statements_sent() as statements:
            pages[name] = client.get("/nhiem-vu/").get_data(as_text=True)
        menu = [sql for sql in statements if "notification" in sql]
        assert len(menu) == 1
        assert all(table in menu[0] for table in ("user_account", "setting", "extension_request"))
    unread = r'aria-label="(\d+) tin chưa đọc"'
    assert re.findall(unread, pages["lanhdao"]) == ["1"]
    assert re.findall(unread, pages["lanhdao2"]) == []
    waits = r'aria-label="(\d+) việc chờ xử lý"'
    assert re.findall(waits, pages["lanhdao"]) == re.findall(waits, pages["lanhdao2"]) == ["2"]


def test_what_waits_depends_on_the_role_read_in_the_database(
    app: Flask, waiting: dict[str, Task]
) -> None:
    """Each menu counts what its home page lists (the office every kind and the drafts in
    its sections, the leader the kinds she decides on in the line atop her board), an
    agency's nothing: on the first page after signing in, where the database chooses the
    count by the role, and on the next, where the role the session saw chooses it and the
    statement holds that role's count alone."""
    listed = {
        "vanphong": r"<h2[^>]*>[^<]*\((\d+)\)",
        "lanhdao": r'cho_xu_ly=[^"]*">[^<]*<span class="nav-count">(\d+)',
        "sxd": r"<h2[^>]*>[^<]*\((\d+)\)",
    }
    warm = app.test_client()
    sign_in(warm, "vanphong")
    warm.get("/nhiem-vu/")  # the day's first view files the counts for the day
    menus = {}
    for name in ("vanphong", "lanhdao", "sxd"):
        client = app.test_client()
        sign_in(client, name)
        for view in ("first", "next"):
            with statements_sent() as statements:
                page = client.get("/").get_data(as_text=True)
            menu = re.findall(r'class="nav-count" aria-label="(\d+) việc chờ xử lý"', page)
            menus[name] = [sum(int(n) for n in re.findall(listed[name], page))] if menu else []
            assert [int(n) for n in menu] == menus[name], (name, view)
            loads = [sql for sql in statements if "notification" in sql]
            assert len(loads) == 1
            assert ("user_account.role =" in loads[0]) is (view == "first"), (name, view)
    assert menus["vanphong"][0] > menus["lanhdao"][0] >= 2 and menus["sxd"] == []


def test_a_role_changed_between_two_pages_counts_for_the_new_role(
    app: Flask, user: Callable[[str], User], waiting: dict[str, Task]
) -> None:
    """The role the session saw chooses the menu's count only while it is still hers."""
    waits = r'class="nav-count" aria-label="(\d+) việc chờ xử lý"'
    office = app.test_client()
    sign_in(office, "vanphong")
    office_count = re.findall(waits, office.get("/nhiem-vu/").get_data(as_text=True))
    leader = app.test_client()
    sign_in(leader, "lanhdao")
    leader_count = re.findall(waits, leader.get("/nhiem-vu/").get_data(as_text=True))
    assert leader_count != office_count
    user("lanhdao").role = Role.SECRETARIAT
    db.session.commit()
    for _ in range(2):  # read apart, then with her for the role the session now saw
        assert re.findall(waits, leader.get("/nhiem-vu/").get_data(as_text=True)) == office_count
    user("lanhdao").role = Role.LEADER
    db.session.commit()
    for _ in range(2):
        assert re.findall(waits, leader.get("/nhiem-vu/").get_data(as_text=True)) == leader_count


def test_agencies_have_no_queue(app: Flask, login: Login, waiting: dict[str, Task]) -> None:
    client = login("sxd")
    assert "việc chờ xử lý" not in client.get("/").get_data(as_text=True)
    page = f"/nhiem-vu/{waiting['explained'].id}"
    response = client.post(
        f"{page}/giai-trinh/da-xem",
        data={"csrf_token": csrf_token(client, page), "version": str(waiting["explained"].version)},
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("kind", "index"),
    [
        (Waiting.EXTENSION, "ix_extension_request_pending_order"),
        (Waiting.EXPLAINED, "ix_explanation_request_waiting_order"),
    ],
)
def test_the_requests_that_wait_are_read_from_their_partial_index(
    app: Flask, kind: Waiting, index: str
) -> None:
    """The menu's counts of the tasks with a request waiting read the requests from the
    partial index of those that wait: the extension's state is written into the SQL (a
    parameter could hold any state), and no older index of the requests stands beside it."""
    sql = str(
        select(Task.id)
        .where(waiting_predicate(kind))
        .compile(db.engine, compile_kwargs={"literal_binds": True})
    )
    if kind is Waiting.EXTENSION:
        assert "extension_request.state = 'pending'" in sql
    if db.engine.dialect.name == "sqlite":
        plan = " ".join(row[-1] for row in db.session.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
    else:
        with db.session.begin_nested():
            db.session.execute(text("SET LOCAL enable_seqscan = off"))
            plan = " ".join(db.session.execute(text(f"EXPLAIN {sql}")).scalars())
    assert index in plan


def _plan(sql: str) -> str:
    """The database's plan for `sql`; on PostgreSQL with scans and sorts priced out, as the
    test's few rows would be read and sorted at no cost: which index gives the order?"""
    if db.engine.dialect.name == "sqlite":
        refresh_planner_statistics(db.session())  # as the nightly job leaves them
        return " ".join(row[-1] for row in db.session.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
    with db.session.begin_nested():
        db.session.execute(text("SET LOCAL enable_seqscan = off"))
        db.session.execute(text("SET LOCAL enable_sort = off"))
        return " ".join(db.session.execute(text(f"EXPLAIN {sql}")).scalars())


@pytest.mark.parametrize(
    ("kind", "oldest_first", "in_list_order"),
    [
        (Waiting.SUBMITTED, "ix_task_submitted_since", "ix_task_submitted_urgency"),
        (Waiting.DECLINED, "ix_task_declined_since", "ix_task_declined_urgency"),
    ],
)
def test_the_office_queues_are_read_in_order_from_their_partial_indexes(
    app: Flask, kind: Waiting, oldest_first: str, in_list_order: str
) -> None:
    """The office's queue of hand-ins (or declines), oldest first, and the list of them in
    the lists' order, each read from the partial index of the tasks waiting in that state,
    which also counts them for the menu: no task outside the queue is read, none sorted."""
    office = db.session.scalar(select(User).where(User.username == "vanphong"))
    assert office is not None
    waiting = listed_tasks(office).where(waiting_predicate(kind))
    queue = waiting.order_by(_since(kind), Task.id).limit(LISTED)
    parts = filtered_task_parts(office, TaskFilters(waiting=kind), today())
    for query, indexes in (
        (queue, [oldest_first]),
        (page_of(parts, 1, 50), [in_list_order]),
        # counted in any order: from either partial index, or from the index of the tasks by
        # state, which PostgreSQL prefers while few of the table's pages are known to be
        # all-visible (the tests before changed them; the bench's vacuumed table: the former)
        (
            select(waiting_of_role(Role.SECRETARIAT)),
            [oldest_first, in_list_order, "ix_task_state_deadline"],
        ),
    ):
        plan = _plan(str(query.compile(db.engine, compile_kwargs={"literal_binds": True})))
        assert "TEMP B-TREE" not in plan and "Sort" not in plan
        assert any(index in plan for index in indexes), plan


def test_the_office_drafts_are_read_newest_first_from_their_index(app: Flask) -> None:
    office = db.session.scalar(select(User).where(User.username == "vanphong"))
    assert office is not None
    drafts = drafts_to_publish(office).order_by(Notice.created_at.desc())
    plan = _plan(str(drafts.compile(db.engine, compile_kwargs={"literal_binds": True})))
    assert "TEMP B-TREE" not in plan and "Sort" not in plan
    assert "ix_notice_state_created_at" in plan, plan
