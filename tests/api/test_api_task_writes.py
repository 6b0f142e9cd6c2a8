"""An agency's own system works on the agency's tasks through the API as its officer would on
the task page: progress, evidence, a cited document, the hand-in; the workflow and the agency
are checked as on the web."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from flask import Flask
from redis import Redis
from rq import Queue

from tests.api.conftest import ApiPost, IssueToken
from tests.factories import make_task
from tests.support.files import pdf
from tracker.extensions import db
from tracker.tasks.models import Task, TaskState

CITATION = {
    "kind": "Quyết định",
    "number": "12/QĐ-STC",
    "signed_on": "2024-03-05",
    "issuer": "Sở Tài chính",
}


@pytest.fixture
def task(app: Flask) -> Task:
    """A published task of Sở Tài chính, coordinated by Sở Y tế."""
    made = make_task(lead="stc", coordinating=("syt",))
    db.session.commit()
    return made


@pytest.fixture
def follow_ups(app: Flask, redis_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Queue]:
    """The queue on a real Redis where each write queues its follow-up job."""
    connection = Redis.from_url(redis_url)
    monkeypatch.setitem(app.extensions, "redis", connection)
    queue = Queue("mail", connection=connection)
    queue.empty()
    yield queue
    queue.empty()


def evidence_form(content: bytes = b"", name: str = "bao-cao.pdf") -> dict[str, object]:
    return {"file": (io.BytesIO(content or pdf()), name)}


def test_an_agency_system_reports_attaches_cites_and_hands_in(
    api_token: IssueToken, api_post: ApiPost, task: Task, follow_ups: Queue
) -> None:
    secret = api_token("stc", "read", "tasks:write")
    base = f"/tasks/{task.id}"

    progress = api_post(
        f"{base}/progress", secret, json={"body": "Đã trình dự thảo.", "percent": 60}
    )
    assert progress.status_code == 200, progress.json
    [update] = progress.json["progress_updates"]
    assert (update["body"], update["percent"]) == ("Đã trình dự thảo.", 60)
    assert update["agency"]["code"] == "stc"

    evidence = api_post(f"{base}/evidence", secret, data=evidence_form())
    assert evidence.status_code == 200, evidence.json
    cited = api_post(f"{base}/citations", secret, json=CITATION)
    assert cited.status_code == 200, cited.json

    handed_in = api_post(f"{base}/hand-in", secret)
    assert handed_in.status_code == 200, handed_in.json
    assert handed_in.json["state"] == {"value": "submitted", "label": "Chờ xác nhận"}
    assert handed_in.json["submitted_on"] is not None
    assert handed_in.json["version"] > progress.json["version"]

    db.session.expire_all()
    assert task.state is TaskState.SUBMITTED
    assert sorted(e.file_name or e.cited_number for e in task.evidence) == [
        "12/QĐ-STC",
        "bao-cao.pdf",
    ]
    assert follow_ups.count == 4  # the e-mail of the notifications, as after a web action


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("progress", {"json": {"body": "Đã làm."}}),
        ("evidence", {"data": "file"}),
        ("citations", {"json": CITATION}),
        ("hand-in", {}),
    ],
)
def test_another_agencys_task_is_not_found(
    api_token: IssueToken, api_post: ApiPost, task: Task, path: str, body: dict[str, object]
) -> None:
    if body.get("data"):
        body = {"data": evidence_form()}
    response = api_post(f"/tasks/{task.id}/{path}", api_token("snv", "tasks:write"), **body)
    assert response.status_code == 404
    assert response.json["error"] == "not_found"


def test_a_coordinating_agency_may_not_hand_in(
    api_token: IssueToken, api_post: ApiPost, task: Task
) -> None:
    secret = api_token("syt", "tasks:write")
    contribution = api_post(f"/tasks/{task.id}/progress", secret, json={"body": "Đã góp ý."})
    assert contribution.status_code == 200
    refused = api_post(f"/tasks/{task.id}/hand-in", secret)
    assert refused.status_code == 403
    assert refused.json["error"] == "forbidden"


def test_refusals_of_the_workflow_answer_422_in_vietnamese(
    api_token: IssueToken, api_post: ApiPost, task: Task, follow_ups: Queue
) -> None:
    secret = api_token("stc", "tasks:write")
    no_evidence = api_post(f"/tasks/{task.id}/hand-in", secret)
    assert no_evidence.status_code == 422
    assert no_evidence.json["error"] == "unprocessable"
    assert no_evidence.json["message"].startswith("Cần có minh chứng trước khi báo cáo hoàn thành")
    assert api_post(f"/tasks/{task.id}/evidence", secret, data=evidence_form()).status_code == 200
    twice = api_post(f"/tasks/{task.id}/evidence", secret, data=evidence_form())
    assert twice.status_code == 422
    assert "đã có trong minh chứng" in twice.json["message"]
    rejected = api_post(f"/tasks/{task.id}/evidence", secret, data=evidence_form(b"MZ", "a.pdf"))
    assert rejected.status_code == 422
    future = api_post(
        f"/tasks/{task.id}/citations", secret, json={**CITATION, "signed_on": "2999-01-01"}
    )
    assert future.json["message"] == "Ngày của văn bản không thể sau ngày hôm nay."
    db.session.expire_all()
    assert task.state is TaskState.IN_PROGRESS and len(task.evidence) == 1
    assert follow_ups.count == 1


def test_a_stale_version_answers_409_and_saves_nothing(
    api_token: IssueToken, api_post: ApiPost, task: Task
) -> None:
    secret = api_token("stc", "read", "tasks:write")
    seen = task.version
    first = api_post(f"/tasks/{task.id}/progress", secret, json={"body": "Lần 1", "version": seen})
    assert first.status_code == 200
    stale = api_post(f"/tasks/{task.id}/progress", secret, json={"body": "Lần 2", "version": seen})
    assert stale.status_code == 409
    assert stale.json["error"] == "conflict"
    assert "phiên bản (version)" in stale.json["message"]
    fresh = first.json["version"]
    again = api_post(
        f"/tasks/{task.id}/evidence", secret, data={**evidence_form(), "version": str(seen)}
    )
    assert again.status_code == 409
    current = api_post(
        f"/tasks/{task.id}/progress", secret, json={"body": "Lần 2", "version": fresh}
    )
    assert current.status_code == 200
    assert [u["body"] for u in current.json["progress_updates"]] == ["Lần 1", "Lần 2"]


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        ("progress", {}, "Thiếu trường “body”."),
        ("progress", {"body": "   "}, "Trường “body” phải là một chuỗi ký tự không rỗng"),
        ("progress", {"body": "x", "percent": 101}, "Trường “percent” phải là số nguyên từ 0"),
        ("progress", {"body": "x", "percent": "60"}, "Trường “percent” phải là số nguyên"),
        ("progress", {"body": "x", "version": True}, "Trường “version” phải là số nguyên"),
        ("progress", {"body": "x", "phan_tram": 1}, "Tham số “phan_tram” không được hỗ trợ"),
        ("progress", ["x"], "Nội dung yêu cầu phải là một đối tượng JSON"),
        ("citations", {**CITATION, "kind": "Luật"}, "Trường “kind” không hợp lệ"),
        ("citations", {**CITATION, "signed_on": "05/03/2024"}, "Tham số “signed_on” phải là"),
        ("citations", {**CITATION, "signed_on": 20240305}, "Tham số “signed_on” phải là"),
        ("hand-in", {"version": 0}, "Trường “version” phải là số nguyên từ 1"),
    ],
)
def test_malformed_bodies_answer_400(
    api_token: IssueToken, api_post: ApiPost, task: Task, path: str, body: object, message: str
) -> None:
    response = api_post(f"/tasks/{task.id}/{path}", api_token("stc", "tasks:write"), json=body)
    assert response.status_code == 400
    assert response.json["message"].startswith(message)
