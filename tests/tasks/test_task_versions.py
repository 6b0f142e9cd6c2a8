"""Every action on a task is taken on the version of the task the user saw: a form without a
version, or with an older one, changes nothing and comes back with the conflict message and
what the user typed; every action that changes the task moves its version."""

import io
from collections.abc import Callable
from datetime import timedelta
from typing import NamedTuple

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select, update
from werkzeug.test import TestResponse

from tests.factories import make_notice, make_task
from tests.support import files
from tests.support.forms import csrf_token
from tracker.audit.models import Event
from tracker.auth.models import User
from tracker.clock import today
from tracker.db import utcnow
from tracker.extensions import db
from tracker.tasks import services
from tracker.tasks.models import ExplanationRequest, ExtensionRequest, Task, TaskState

Login = Callable[[str], FlaskClient]
Find = Callable[[str], User]
PDF = files.pdf()
CONFLICT = "Nhiệm vụ vừa được người khác cập nhật"


class Case(NamedTuple):
    username: str
    situation: str  # what the task must be in for the action to be offered
    data: dict[str, object]
    typed: str | None  # text the user typed, to find again on a conflict


def later(days: int) -> str:
    return (today() + timedelta(days=days)).strftime("%d/%m/%Y")


# One row per action of the task page, on a task of Sở Nội vụ coordinated by Sở Tài chính.
CASES = {
    "tien-do": Case(
        "snv", "open", {"body": "Đã trình dự thảo lần hai"}, "Đã trình dự thảo lần hai"
    ),
    "minh-chung": Case("snv", "open", {"document": lambda: (io.BytesIO(PDF), "kq.pdf")}, None),
    "van-ban": Case(
        "snv",
        "open",
        {"kind": "Báo cáo", "number": "77/BC-SNV", "signed_on": "01/02/2024", "issuer": ""},
        "77/BC-SNV",
    ),
    "bao-cao-hoan-thanh": Case("snv", "open", {}, None),
    "xac-nhan": Case("vanphong", "submitted", {}, None),
    "tra-lai": Case("vanphong", "submitted", {"reason": "Thiếu phụ lục số liệu"}, "Thiếu phụ lục"),
    "gia-han": Case(
        "snv", "open", {"new_deadline": later(60), "reason": "Chờ Bộ góp ý"}, "Chờ Bộ góp ý"
    ),
    "gia-han/quyet-dinh": Case(
        "vanphong",
        "extension",
        {"decision": "approve", "approving_document": "", "note": "Đồng ý lần cuối"},
        "Đồng ý lần cuối",
    ),
    "tu-choi": Case("snv", "open", {"reason": "Thuộc Sở Tư pháp"}, "Thuộc Sở Tư pháp"),
    "giao-lai": Case(
        "vanphong",
        "declined",
        {"agency_id": "stc", "note": "Giao Sở Tài chính"},
        "Giao Sở Tài chính",
    ),  # fmt: skip
    "giu-nguyen": Case("vanphong", "declined", {"note": "Đúng thẩm quyền"}, "Đúng thẩm quyền"),
    "giai-trinh": Case(
        "lanhdao", "overdue", {"question": "Vì sao chậm?", "answer_by": later(3)}, "Vì sao chậm?"
    ),
    "tra-loi-giai-trinh": Case(
        "snv", "explanation", {"answer": "Chờ thẩm định giá"}, "Chờ thẩm định giá"
    ),
    "phan-cong": Case("snv.lanhdao", "open", {"officer_id": "snv"}, None),
}


@pytest.fixture
def make(app: Flask, user: Find) -> Callable[[str], Task]:
    def made(situation: str) -> Task:
        task = make_task(
            make_notice(), lead="snv", coordinating=("stc",), deadline=today() + timedelta(days=10)
        )
        if situation == "submitted":
            task.state, task.submitted_on = TaskState.SUBMITTED, today()
        if situation == "declined":
            task.state = TaskState.DECLINED
        if situation == "extension":
            task.extension_requests.append(
                ExtensionRequest(
                    requested_by_id=user("snv").id,
                    previous_deadline=task.deadline,
                    requested_deadline=today() + timedelta(days=40),
                    reason="Chờ",
                )
            )
        if situation in ("overdue", "explanation"):
            task.deadline = today() - timedelta(days=5)
        if situation == "explanation":
            task.explanation_requests.append(
                ExplanationRequest(
                    requested_by_id=user("lanhdao").id, question="?", answer_by=today()
                )
            )
        db.session.commit()
        return task

    return made


def version_of(task: Task) -> int:
    db.session.expire_all()
    return db.session.scalar(select(Task.version).where(Task.id == task.id))


def event_count(task: Task) -> int:
    return db.session.scalar(select(func.count()).where(Event.task_id == task.id))


def post(
    client: FlaskClient, task: Task, path: str, case: Case, user: Find, version: int | None
) -> TestResponse:
    page = f"/nhiem-vu/{task.id}"
    data = {"csrf_token": csrf_token(client, page)}
    for key, value in case.data.items():
        data[key] = value() if callable(value) else value
    if "agency_id" in data:
        data["agency_id"] = str(db.session.scalar(select(User.agency_id).where(
            User.username == data["agency_id"])))  # fmt: skip
    if "officer_id" in data:
        data["officer_id"] = str(user(str(data["officer_id"])).id)
    if version is not None:
        data["version"] = str(version)
    return client.post(f"{page}/{path}", data=data, content_type="multipart/form-data")


def bump(task: Task) -> None:
    """Someone else saves the task: its version moves, nothing the action needs changes."""
    db.session.get(Task, task.id).updated_at = utcnow()
    db.session.commit()


@pytest.mark.parametrize("path", sorted(CASES))
def test_a_form_without_a_version_is_stale(
    login: Login, make: Callable[[str], Task], user: Find, path: str
) -> None:
    case = CASES[path]
    task = make(case.situation)
    client = login(case.username)
    before = (version_of(task), event_count(task))
    response = post(client, task, path, case, user, version=None)
    assert response.status_code == 409
    assert CONFLICT in response.get_data(as_text=True)
    assert (version_of(task), event_count(task)) == before


@pytest.mark.parametrize("path", sorted(CASES))
def test_a_stale_version_changes_nothing_and_keeps_the_typed_text(
    login: Login, make: Callable[[str], Task], user: Find, path: str
) -> None:
    case = CASES[path]
    task = make(case.situation)
    client = login(case.username)
    seen = version_of(task)
    bump(task)
    before = (version_of(task), event_count(task))
    response = post(client, task, path, case, user, version=seen)
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and CONFLICT in page
    assert (version_of(task), event_count(task)) == before
    if case.typed:
        assert case.typed in page
    # the form comes back on the current version, ready to send again
    assert f'name="version" type="hidden" value="{before[0]}"' in page


@pytest.mark.parametrize("path", sorted(CASES))
def test_every_action_moves_the_version(
    login: Login, make: Callable[[str], Task], user: Find, path: str
) -> None:
    case = CASES[path]
    task = make(case.situation)
    client = login(case.username)
    seen, events = version_of(task), event_count(task)
    if path == "bao-cao-hoan-thanh":  # submission needs evidence first
        post(client, task, "van-ban", CASES["van-ban"], user, version=seen)
        seen, events = version_of(task), event_count(task)
    response = post(client, task, path, case, user, version=seen)
    assert response.status_code == 302
    assert event_count(task) > events, "the action was refused"
    assert version_of(task) > seen


def test_eight_extension_requests_from_one_page_save_one(
    login: Login, make: Callable[[str], Task], user: Find
) -> None:
    task = make("open")
    client = login("snv")
    seen = version_of(task)
    answers = [post(client, task, "gia-han", CASES["gia-han"], user, seen) for _ in range(8)]
    assert [answer.status_code for answer in answers] == [302] + [409] * 7
    assert all(CONFLICT in answer.get_data(as_text=True) for answer in answers[1:])
    assert len(db.session.get(Task, task.id).extension_requests) == 1


def test_a_race_lost_between_reading_and_writing_is_a_conflict(
    login: Login, make: Callable[[str], Task], user: Find, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two requests pass the version check together; the second to write finds the row moved
    (SQLAlchemy's version_id_col) and gets the conflict page, not a 500."""
    task = make("open")
    client = login("snv")
    checked = services.require

    def check_then_lose_the_race(task: Task, *args: object) -> None:
        checked(task, *args)  # type: ignore[arg-type]
        db.session.execute(
            update(Task).where(Task.id == task.id).values(version=Task.version + 1),
            execution_options={"synchronize_session": False},  # the other request's write
        )

    monkeypatch.setattr(services, "require", check_then_lose_the_race)
    response = post(client, task, "gia-han", CASES["gia-han"], user, version_of(task))
    assert response.status_code == 409
    assert "Chờ Bộ góp ý" in response.get_data(as_text=True)
    assert db.session.get(Task, task.id).extension_requests == []
