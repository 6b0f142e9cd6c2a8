"""The API reads what the pages show, to the same people: an agency its own tasks, a leader the
published notices, the staff everything; bad parameters are refused in Vietnamese."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from flask import Flask
from sqlalchemy import func

from tests.api.conftest import ApiGet, IssueToken
from tests.factories import agency, make_notice, make_task
from tracker.access import visible_tasks
from tracker.auth.models import User
from tracker.domain.periods import parse_period
from tracker.domain.status import TaskStatus
from tracker.extensions import db
from tracker.notices.models import NoticeState
from tracker.reports.services import build_report, resolve_scope
from tracker.tasks.models import ProgressUpdate


@pytest.fixture
def scene(app: Flask, user: Callable[[str], User]) -> dict[str, int]:
    """A published notice of 2019 with a task of Sở Tài chính (with a progress report) and one
    of Sở Nội vụ coordinated by Sở Y tế, and a draft notice with a Sở Tài chính task."""
    published = make_notice(issued_on=date(2019, 3, 1))
    finance = make_task(published, lead="stc", deadline=date(2019, 6, 30))
    home_affairs = make_task(
        published,
        lead="snv",
        coordinating=("syt",),
        deadline=date(2019, 5, 31),
        completed_on=date(2019, 5, 20),
    )
    db.session.add(
        ProgressUpdate(
            task=finance,
            author_id=user("stc").id,
            agency_id=finance.lead_agency_id,
            body="Đã trình dự thảo.",
            percent=60,
        )
    )
    draft = make_notice(state=NoticeState.DRAFT, issued_on=date(2019, 4, 1))
    draft_task = make_task(draft, lead="stc")
    db.session.commit()
    return {
        "published": published.id,
        "finance": finance.id,
        "home_affairs": home_affairs.id,
        "draft": draft.id,
        "draft_task": draft_task.id,
    }


def ids(response_json: dict[str, object]) -> set[int]:
    items = response_json["items"]
    assert isinstance(items, list)
    return {item["id"] for item in items}


@pytest.mark.parametrize(
    ("username", "url", "expected"),
    [
        ("stc", "tasks/{finance}", 200),
        ("stc", "tasks/{home_affairs}", 404),
        ("stc", "tasks/{draft_task}", 404),
        ("stc", "notices/{draft}", 404),
        ("syt", "tasks/{home_affairs}", 200),  # coordinating agency
        ("syt", "tasks/{finance}", 404),
        ("snv", "notices/{published}", 200),
        ("lanhdao", "tasks/{finance}", 200),
        ("lanhdao", "tasks/{draft_task}", 404),
        ("lanhdao", "notices/{draft}", 404),
        ("vanphong", "notices/{draft}", 200),
        ("vanphong", "tasks/{draft_task}", 200),
    ],
)
def test_objects_answer_as_their_pages_do(
    api_get: ApiGet, scene: dict[str, int], username: str, url: str, expected: int
) -> None:
    response = api_get("/api/v1/" + url.format(**scene), username)
    assert response.status_code == expected
    if expected == 404:
        assert response.json == {
            "status": 404,
            "error": "not_found",
            "message": "Không tìm thấy hoặc bạn không có quyền xem nội dung này.",
        }


def test_an_agency_lists_only_its_own_tasks_and_notices(
    api_get: ApiGet, api_token: IssueToken, scene: dict[str, int], user: Callable[[str], User]
) -> None:
    secret = api_token("stc")
    tasks = api_get("/api/v1/tasks?per_page=100", secret=secret).json
    assert scene["finance"] in ids(tasks)
    assert not {scene["home_affairs"], scene["draft_task"]} & ids(tasks)
    expected = db.session.scalar(
        visible_tasks(user("stc")).with_only_columns(func.count()).order_by(None)
    )
    assert tasks["total"] == expected
    notices = api_get("/api/v1/notices?year=2019", secret=secret).json
    assert ids(notices) == {scene["published"]}
    assert notices["items"][0]["task_count"] == 1  # the other agency's task is not counted
    detail = api_get(f"/api/v1/notices/{scene['published']}", secret=secret).json
    assert [task["id"] for task in detail["tasks"]] == [scene["finance"]]
    assert sum(status["count"] for status in detail["statuses"]) == 1


def test_a_leader_never_sees_drafts(api_get: ApiGet, scene: dict[str, int]) -> None:
    notices = api_get("/api/v1/notices?year=2019", "lanhdao").json
    assert ids(notices) == {scene["published"]}
    tasks = api_get(f"/api/v1/tasks?notice_id={scene['draft']}", "lanhdao").json
    assert tasks["items"] == [] and tasks["total"] == 0
    staff = api_get("/api/v1/notices?year=2019", "vanphong").json
    assert ids(staff) == {scene["published"], scene["draft"]}


def test_a_task_in_full(api_get: ApiGet, scene: dict[str, int]) -> None:
    task = api_get(f"/api/v1/tasks/{scene['home_affairs']}", "syt").json
    assert task["lead_agency"]["code"] == "snv"
    assert [a["code"] for a in task["coordinating_agencies"]] == ["syt"]
    assert task["deadline"] == "2019-05-31"
    assert task["completed_on"] == "2019-05-20"
    assert task["status"] == {"value": "truoc_han", "label": "Hoàn thành trước hạn"}
    assert task["state"] == {"value": "completed", "label": "Đã hoàn thành"}
    assert task["notice"]["id"] == scene["published"]
    assert task["web_url"].endswith(f"/nhiem-vu/{scene['home_affairs']}")
    finance = api_get(f"/api/v1/tasks/{scene['finance']}", "stc").json
    assert finance["status"]["value"] == "qua_han"
    [update] = finance["progress_updates"]
    assert update["percent"] == 60
    assert update["body"] == "Đã trình dự thảo."
    assert update["created_at"].endswith("+00:00")


def test_filters(api_get: ApiGet, api_token: IssueToken, scene: dict[str, int]) -> None:
    secret = api_token("vanphong")
    notice = scene["published"]

    def found(query: str) -> set[int]:
        response = api_get(f"/api/v1/tasks?notice_id={notice}&{query}", secret=secret)
        assert response.status_code == 200, response.json
        return ids(response.json)

    both = {scene["finance"], scene["home_affairs"]}
    assert found("") == both
    assert found("status=qua_han") == {scene["finance"]}
    assert found("status=truoc_han") == {scene["home_affairs"]}
    assert found(f"agency_id={agency('snv').id}") == {scene["home_affairs"]}
    assert found(f"agency_id={agency('syt').id}") == set()  # coordinating, not leading
    assert found("due_from=2019-06-01") == {scene["finance"]}
    assert found("due_to=2019-06-01") == {scene["home_affairs"]}
    assert found("due_from=2019-05-31&due_to=2019-06-30") == both
    assert found("due_from=2019-07-01&due_to=2019-06-01") == set()
    kinds = api_get("/api/v1/notices?year=2019&kind=chi_thi", secret=secret).json
    assert kinds["items"] == []


def test_pagination(api_get: ApiGet, api_token: IssueToken) -> None:
    secret = api_token("vanphong")
    first = api_get("/api/v1/tasks?per_page=2", secret=secret).json
    assert first["page"] == 1 and first["per_page"] == 2 and len(first["items"]) == 2
    assert first["pages"] == -(-first["total"] // 2)
    second = api_get("/api/v1/tasks?per_page=2&page=2", secret=secret).json
    assert ids(second) and not ids(first) & ids(second)
    beyond = api_get(f"/api/v1/tasks?per_page=2&page={first['pages'] + 1}", secret=secret).json
    assert beyond["items"] == [] and beyond["total"] == first["total"]
    default = api_get("/api/v1/notices", secret=secret).json
    assert default["per_page"] == 20


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("tasks?per_page=101", "Tham số “per_page” phải là số nguyên từ 1 đến 100."),
        ("tasks?page=0", "Tham số “page” phải là số nguyên từ 1 đến 100000."),
        ("tasks?page=1.5", "Tham số “page” phải là số nguyên từ 1 đến 100000."),
        ("tasks?notice_id=+3", "Tham số “notice_id” phải là số nguyên từ 1 đến 2147483647."),
        ("tasks?agency_id=abc", "Tham số “agency_id” phải là số nguyên từ 1 đến 2147483647."),
        (
            "tasks?status=late",
            "Tham số “status” không hợp lệ; các giá trị được chấp nhận: "
            "truoc_han, dung_han, tre_han, trong_han, qua_han, thuong_xuyen.",
        ),
        ("tasks?due_from=30/06/2019", "Tham số “due_from” phải là một ngày viết theo ISO 8601"),
        ("tasks?due_to=2019-02-30", "Tham số “due_to” phải là một ngày viết theo ISO 8601"),
        ("tasks?due_to=20190630", "Tham số “due_to” phải là một ngày viết theo ISO 8601"),
        ("notices?year=17", "Tham số “year” phải là số nguyên từ 1945 đến 2100."),
        ("notices?kind=thongbao", "Tham số “kind” không hợp lệ"),
        ("reports?per_page=0", "Tham số “per_page” phải là số nguyên từ 1 đến 100."),
        ("tasks?trang_thai=qua_han", "Tham số “trang_thai” không được hỗ trợ (các tham số"),
        ("statuses?page=2", "Tham số “page” không được hỗ trợ (không có tham số nào)."),
    ],
)
def test_bad_parameters_are_refused_in_vietnamese(
    api_get: ApiGet, query: str, message: str
) -> None:
    response = api_get(f"/api/v1/{query}", "vanphong")
    assert response.status_code == 400
    body = response.json
    assert body["status"] == 400 and body["error"] == "bad_request"
    assert body["message"].startswith(message)


def test_statuses_count_the_visible_tasks(api_get: ApiGet, api_token: IssueToken) -> None:
    secret = api_token("stc")
    statuses = api_get("/api/v1/statuses", secret=secret).json
    assert [item["value"] for item in statuses["items"]] == [s.value for s in TaskStatus]
    assert statuses["items"][4] == {
        "value": "qua_han",
        "label": "Quá hạn",
        "completed": False,
        "count": api_get("/api/v1/tasks?status=qua_han", secret=secret).json["total"],
    }
    assert statuses["total"] == api_get("/api/v1/tasks", secret=secret).json["total"]
    assert statuses["total"] < api_get("/api/v1/statuses", "vanphong").json["total"]


def test_reports_for_the_staff_and_leaders_only(api_get: ApiGet, app: Flask) -> None:
    report = build_report(
        db.session(), parse_period("2019"), resolve_scope(db.session(), "all"), date(2030, 1, 1)
    )
    db.session.commit()
    listing = api_get("/api/v1/reports", "lanhdao").json
    assert report.id in ids(listing)
    detail = api_get(f"/api/v1/reports/{report.id}", "lanhdao").json
    assert detail["state"] == "ready" and detail["cut_off"] == "2019-12-31"
    figures = detail["figures"]
    assert figures["start"] == "2019-01-01" and figures["end"] == "2019-12-31"
    totals = figures["totals"]
    assert totals["total"] == sum(totals[status.value] for status in TaskStatus)
    assert api_get(f"/api/v1/reports/{report.id + 1000}", "vanphong").status_code == 404
    for url in ("/api/v1/reports", f"/api/v1/reports/{report.id}"):
        refused = api_get(url, "stc")
        assert refused.status_code == 403
        assert refused.json["error"] == "forbidden"
