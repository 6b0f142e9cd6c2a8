"""Who may see what, route by route: agency A never reaches agency B's tasks, files or drafts."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Select

from tests.factories import agency, make_file_evidence, make_notice, make_task
from tracker.access import filtered_task_parts, listed_tasks, visible_notices, visible_tasks
from tracker.auth.models import User
from tracker.db import utcnow
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeState
from tracker.tasks.filters import TaskFilters
from tracker.tasks.models import (
    ExplanationRequest,
    ExtensionRequest,
    ExtensionState,
    Task,
    TaskState,
)
from tracker.tasks.queries import by_urgency
from tracker.tasks.storage import EvidenceStore

Login = Callable[[str], FlaskClient]


@pytest.fixture
def scene(app: Flask, user: Callable[[str], User]) -> dict[str, int]:
    """A published notice with a task of Sở Tài chính (with a file) and one of Sở Nội vụ
    coordinated by Sở Y tế, and a draft notice with a Sở Tài chính task."""
    published = make_notice()
    finance = make_task(published, lead="stc", deadline=date(2024, 6, 30))
    home_affairs = make_task(published, lead="snv", coordinating=("syt",))
    sha256 = EvidenceStore(app.config["UPLOAD_FOLDER"]).save(b"%PDF")
    finance_file = make_file_evidence(finance, user("stc").id, sha256)
    draft = make_notice(state=NoticeState.DRAFT)
    draft_task = make_task(draft, lead="stc")
    db.session.commit()
    return {
        "published": published.id,
        "finance": finance.id,
        "finance_file": finance_file.id,
        "home_affairs": home_affairs.id,
        "draft": draft.id,
        "draft_task": draft_task.id,
    }


def urls(scene: dict[str, int]) -> dict[str, str]:
    return {
        "finance_task": f"/nhiem-vu/{scene['finance']}",
        "finance_file": f"/nhiem-vu/{scene['finance']}/minh-chung/{scene['finance_file']}",
        "finance_file_via_other_task": (
            f"/nhiem-vu/{scene['home_affairs']}/minh-chung/{scene['finance_file']}"
        ),
        "home_affairs_task": f"/nhiem-vu/{scene['home_affairs']}",
        "published_notice": f"/thong-bao/{scene['published']}",
        "draft_notice": f"/thong-bao/{scene['draft']}",
        "draft_task": f"/nhiem-vu/{scene['draft_task']}",
    }


# (user, url name, expected status)
ACCESS_TABLE = [
    ("snv", "finance_task", 404),
    ("snv", "finance_file", 404),
    ("snv", "finance_file_via_other_task", 404),
    ("snv", "home_affairs_task", 200),
    ("snv", "published_notice", 200),
    ("snv", "draft_notice", 404),
    ("snv", "draft_task", 404),
    ("snv.lanhdao", "finance_task", 404),
    ("snv.lanhdao", "finance_file", 404),
    ("syt", "home_affairs_task", 200),  # coordinating agency
    ("syt", "finance_task", 404),
    ("stc", "finance_task", 200),
    ("stc", "finance_file", 200),
    ("stc", "home_affairs_task", 404),
    ("stc", "draft_notice", 404),
    ("stc", "draft_task", 404),
    ("lanhdao", "finance_task", 200),
    ("lanhdao", "finance_file", 200),
    ("lanhdao", "draft_notice", 404),
    ("lanhdao", "draft_task", 404),
    ("vanphong", "draft_notice", 200),
    ("vanphong", "draft_task", 200),
    ("vanphong", "finance_file", 200),
    ("quantri", "draft_notice", 200),
]


@pytest.mark.parametrize(("username", "url_name", "expected"), ACCESS_TABLE)
def test_route_access(
    scene: dict[str, int], login: Login, username: str, url_name: str, expected: int
) -> None:
    client = login(username)
    response = client.get(urls(scene)[url_name])
    response.close()  # a file response holds the file open until closed
    assert response.status_code == expected


def test_a_file_is_sent_as_an_attachment(scene: dict[str, int], login: Login) -> None:
    response = login("stc").get(urls(scene)["finance_file"])
    body = response.data
    response.close()
    assert response.status_code == 200
    assert body == b"%PDF"
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/", "/thong-bao/", "/nhiem-vu/", "/nhiem-vu/1"])
def test_anonymous_visitors_are_sent_to_sign_in(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/dang-nhap")


def test_lists_never_show_another_agencys_tasks(
    scene: dict[str, int], login: Login, user: Callable[[str], User]
) -> None:
    client = login("snv")
    task_list = client.get("/nhiem-vu/").get_data(as_text=True)
    notice_page = client.get(urls(scene)["published_notice"]).get_data(as_text=True)
    for page in (task_list, notice_page):
        assert f'/nhiem-vu/{scene["finance"]}"' not in page
    assert f'/nhiem-vu/{scene["home_affairs"]}"' in notice_page
    officer = user("snv")
    lead_or_coordinating = {
        task.lead_agency_id == officer.agency_id
        or officer.agency_id in {a.id for a in task.coordinating_agencies}
        for task in db.session.scalars(visible_tasks(officer))
    }
    assert lead_or_coordinating == {True}


@pytest.mark.parametrize("username", ["stc", "snv", "syt", "lanhdao", "vanphong"])
def test_the_newest_notices_are_those_of_all_the_notices_seen(
    scene: dict[str, int], user: Callable[[str], User], username: str
) -> None:
    """The newest notices of an agency, found one notice at a time, are the newest of the
    notices it sees: leading, coordinating, and neither (a draft, another agency's)."""
    for day, lead, coordinating in [(3, "stc", ()), (5, "sxd", ("snv",)), (9, "sxd", ())]:
        make_task(make_notice(issued_on=date(2025, 1, day)), lead=lead, coordinating=coordinating)
    db.session.commit()
    seen = user(username)
    everything = visible_notices(seen).order_by(Notice.issued_on.desc(), Notice.id.desc())
    every_id = list(db.session.scalars(everything.with_only_columns(Notice.id)))
    for newest in (1, 2, 10):
        newest_ids = db.session.scalars(
            visible_notices(seen, newest=newest).with_only_columns(Notice.id)
        )
        assert list(newest_ids) == every_id[:newest]
    assert every_id  # each of these users sees some notice


@pytest.mark.parametrize(
    "args",
    [
        {},
        {"trang_thai": "qua_han"},
        {"trang_thai": "trong_han"},
        {"trang_thai": "hoan_thanh"},
        {"canh_bao": "sap_den_han"},
        {"ky": "2024-Q2"},
        {"cho_xu_ly": "cho_xac_nhan"},
        {"cua_toi": "1"},
        {"vai_tro": "phoi_hop", "trang_thai": "qua_han"},
    ],
)
def test_filtered_parts_read_the_coordinator_copies_as_the_tasks_would(
    app: Flask, user: Callable[[str], User], args: dict[str, str]
) -> None:
    """An agency's coordinated tasks filtered on the coordinator rows' copies (state, officer,
    pause, deadline, rank, notice), and the tasks in time read as two ranges, are the tasks
    the same filters keep from the tasks' own columns, in the same order."""
    today = date(2024, 6, 15)
    officer = user("syt")
    notice = make_notice()
    states = [TaskState.IN_PROGRESS, TaskState.SUBMITTED, TaskState.COMPLETED]
    for day in range(0, 120, 7):
        task = make_task(notice, lead="snv", coordinating=("syt",), deadline=date(2024, 4, 1))
        task.deadline = date(2024, 4, 1) + timedelta(days=day)
        task.state = states[day % 3]
        task.completed_on = task.deadline if task.state is TaskState.COMPLETED else None
        task.assignee_id = officer.id if day % 2 else None
    led = make_task(notice, lead="syt", deadline=today)
    led.assignee_id = officer.id
    for lead, coordinating in (("syt", ()), ("snv", ("syt",))):  # overdue but paused: in time
        paused = make_task(notice, lead=lead, coordinating=coordinating, deadline=date(2024, 5, 2))
        paused.paused_until = today + timedelta(days=20)
    db.session.commit()
    filters = TaskFilters.from_args(args)

    def ids(parts: list[Select[Task]]) -> list[int]:
        return list(db.session.scalars(by_urgency(parts).with_only_columns(Task.id)))

    parts = filtered_task_parts(officer, TaskFilters(role=filters.role), today)  # unfiltered
    expected = ids([filters.apply(part, today, officer.id) for part in parts])
    assert expected, args  # the scene holds tasks for every filter
    assert ids(filtered_task_parts(officer, filters, today)) == expected


@pytest.mark.parametrize("username", ["vanphong", "lanhdao"])
@pytest.mark.parametrize(
    "args",
    [
        {"cho_xu_ly": "cho_gia_han"},
        {"cho_xu_ly": "giai_trinh_moi"},
        {"cho_xu_ly": "cho_gia_han", "trang_thai": "trong_han"},
        {"cho_xu_ly": "giai_trinh_moi", "trang_thai": "qua_han", "co_quan": "snv"},
        {"cho_xu_ly": "cho_gia_han", "ky": "2024-Q2"},
    ],
)
def test_filtered_parts_read_the_waiting_requests_as_the_tasks_would(
    app: Flask, user: Callable[[str], User], username: str, args: dict[str, str]
) -> None:
    """The tasks on which a request waits, read from the requests that wait and their copies
    of the task's order (kept as the task's deadline and completion change after the
    request), are those the same filters keep from the tasks' own columns, each once (a
    task with two answers unread too), in the same order; decided and reviewed requests,
    and drafts' tasks, are not among them."""
    today = date(2024, 6, 15)
    agency_user, leader = user("snv"), user("lanhdao")
    draft = make_notice(state=NoticeState.DRAFT)
    for index, day in enumerate(range(0, 120, 9)):
        lead = ("snv", "stc")[index % 2]
        task = make_task(make_notice(), lead=lead, deadline=date(2024, 4, 1))
        if index % 5 == 4:
            task.notice = draft
        task.extension_requests.append(
            ExtensionRequest(
                requested_by=agency_user,
                previous_deadline=task.deadline,
                requested_deadline=date(2024, 9, 1),
                reason="Chờ vốn",
                state=ExtensionState.APPROVED if index % 4 == 3 else ExtensionState.PENDING,
            )
        )
        for reviewed in (None, None, utcnow())[: 1 + index % 3]:
            task.explanation_requests.append(
                ExplanationRequest(
                    requested_by=leader,
                    question="Vì sao chậm?",
                    answer_by=today,
                    answer="Chờ vốn",
                    answered_at=utcnow(),
                    reviewed_at=reviewed if index % 2 else None,
                )
            )
        db.session.flush()  # the requests copy the task's order as it stands
        task.deadline = date(2024, 4, 1) + timedelta(days=day)  # and follow it
        task.completed_on = task.deadline if index % 3 == 2 else None
    db.session.commit()
    seen = user(username)
    if "co_quan" in args:
        args = {**args, "co_quan": str(agency(args["co_quan"]).id)}
    filters = TaskFilters.from_args(args)

    def ids(parts: list[Select[Task]]) -> list[int]:
        return list(db.session.scalars(by_urgency(parts, first=50).with_only_columns(Task.id)))

    expected = ids([filters.apply(listed_tasks(seen), today, seen.id)])
    assert expected, args  # the scene holds tasks for every filter
    assert ids(filtered_task_parts(seen, filters, today)) == expected
