"""Idempotency keys: a write sent again with its key is answered again, not done again; the
key on another request is refused; concurrent copies commit once. And the write rate limit."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from tests.api.conftest import ApiGet, ApiPost, IssueToken
from tests.factories import make_task
from tests.support.files import pdf
from tracker.api import idempotency
from tracker.api.idempotency_store import purge_answers
from tracker.api.models import IdempotentAnswer
from tracker.db import utcnow
from tracker.extensions import db
from tracker.tasks.models import ProgressUpdate, Task


@pytest.fixture
def task(app: Flask) -> Task:
    made = make_task(lead="stc")
    db.session.commit()
    return made


def updates_of(task: Task) -> int:
    count = select(func.count()).where(ProgressUpdate.task_id == task.id)
    return db.session.scalar(count) or 0


def kept(key: str) -> IdempotentAnswer | None:
    return db.session.scalar(select(IdempotentAnswer).where(IdempotentAnswer.key == key))


def test_a_repeat_is_answered_again_not_done_again(
    api_token: IssueToken, api_post: ApiPost, task: Task
) -> None:
    secret = api_token("stc", "tasks:write")
    body = {"body": "Đã trình dự thảo.", "percent": 60}
    first = api_post(f"/tasks/{task.id}/progress", secret, json=body, key="bc-2024-03-01")
    again = api_post(f"/tasks/{task.id}/progress", secret, json=body, key="bc-2024-03-01")
    assert first.status_code == again.status_code == 200
    assert again.get_data() == first.get_data()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert updates_of(task) == 1
    other_key = api_post(f"/tasks/{task.id}/progress", secret, json=body, key="bc-2024-03-02")
    assert other_key.status_code == 200 and updates_of(task) == 2


def test_a_multipart_repeat_is_known_by_its_content_not_its_boundary(
    api_token: IssueToken, api_post: ApiPost, task: Task
) -> None:
    secret, content = api_token("stc", "tasks:write"), pdf()

    def send() -> Any:
        files = {"file": (io.BytesIO(content), "bao-cao.pdf")}
        return api_post(f"/tasks/{task.id}/evidence", secret, data=files, key="minh-chung-1")

    first, again = send(), send()
    assert first.status_code == again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    db.session.expire_all()
    assert len(task.evidence) == 1


def test_the_key_on_another_request_is_refused(
    api_token: IssueToken, api_post: ApiPost, task: Task
) -> None:
    secret = api_token("stc", "tasks:write")
    api_post(f"/tasks/{task.id}/progress", secret, json={"body": "Một"}, key="k-1")
    other = api_post(f"/tasks/{task.id}/progress", secret, json={"body": "Hai"}, key="k-1")
    assert other.status_code == 422
    assert other.json["error"] == "unprocessable"
    assert "đã được dùng cho một yêu cầu khác" in other.json["message"]
    elsewhere = api_post(f"/tasks/{task.id}/hand-in", secret, json={"body": "Một"}, key="k-1")
    assert elsewhere.status_code == 422
    assert updates_of(task) == 1
    # another token's keys are its own
    mine = api_post(
        f"/tasks/{task.id}/progress",
        api_token("stc", "tasks:write"),
        json={"body": "Hai"},
        key="k-1",
    )
    assert mine.status_code == 200 and updates_of(task) == 2


def test_a_refusal_is_kept_and_a_rate_limit_is_not(
    api_token: IssueToken,
    api_post: ApiPost,
    task: Task,
    app: Flask,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret = api_token("stc", "tasks:write")
    refused = api_post(f"/tasks/{task.id}/hand-in", secret, key="nop-1")
    assert refused.status_code == 422
    api_post(f"/tasks/{task.id}/evidence", secret, data={"file": (io.BytesIO(pdf()), "a.pdf")})
    replayed = api_post(f"/tasks/{task.id}/hand-in", secret, key="nop-1")
    assert replayed.status_code == 422 and replayed.headers["Idempotent-Replayed"] == "true"
    assert replayed.json == refused.json

    monkeypatch.setitem(app.config, "API_WRITE_RATE_LIMIT", "1 per minute")
    throttled = api_token("stc", "tasks:write")
    assert api_post(f"/tasks/{task.id}/hand-in", throttled, key="nop-2").status_code == 200
    assert api_post(f"/tasks/{task.id}/hand-in", throttled, key="nop-3").status_code == 429
    assert kept("nop-2") is not None and kept("nop-3") is None


def test_concurrent_copies_commit_once(
    api_token: IssueToken, api_post: ApiPost, task: Task, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = api_token("stc", "tasks:write")
    body = {"body": "Đã trình dự thảo."}
    first = api_post(f"/tasks/{task.id}/progress", secret, json=body, key="song-song")
    # The copy looks its key up before the first one's answer is committed, so it acts too;
    # its commit then meets the unique key and it answers as the first did.
    real_lookup = idempotency.stored_answer
    lookups: list[str] = []

    def too_early(*args: Any) -> IdempotentAnswer | None:
        lookups.append("seen")
        return None if len(lookups) == 1 else real_lookup(*args)

    monkeypatch.setattr(idempotency, "stored_answer", too_early)
    copy = api_post(f"/tasks/{task.id}/progress", secret, json=body, key="song-song")
    assert copy.status_code == 200 and copy.headers["Idempotent-Replayed"] == "true"
    assert copy.get_data() == first.get_data()
    assert updates_of(task) == 1


@pytest.mark.parametrize("key", ["", " x", "x ", "khóa", "a" * 256, "a\tb"])
def test_a_malformed_key_is_refused(
    api_token: IssueToken, api_post: ApiPost, task: Task, key: str
) -> None:
    response = api_post(
        f"/tasks/{task.id}/progress", api_token("stc", "tasks:write"), json={"body": "x"}, key=key
    )
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json["message"]
    assert updates_of(task) == 0


def test_answers_are_forgotten_after_24_hours(
    api_token: IssueToken, api_post: ApiPost, task: Task, app: Flask
) -> None:
    secret = api_token("stc", "tasks:write")
    for key in ("cu", "moi"):
        api_post(f"/tasks/{task.id}/progress", secret, json={"body": key}, key=key)
    old = kept("cu")
    assert old is not None
    old.created_at = utcnow() - timedelta(hours=25)
    db.session.commit()
    again = api_post(f"/tasks/{task.id}/progress", secret, json={"body": "cu"}, key="cu")
    assert "Idempotent-Replayed" not in again.headers and updates_of(task) == 3
    renewed = kept("cu")
    assert renewed is not None
    renewed.created_at = utcnow() - timedelta(hours=25)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["api", "purge-idempotency"])
    assert result.exit_code == 0 and "1 kept answers" in result.output
    assert kept("cu") is None and kept("moi") is not None
    assert purge_answers(db.session(), utcnow() + timedelta(days=2)) >= 1


def test_writes_have_a_stricter_limit_of_their_own(
    api_token: IssueToken,
    api_post: ApiPost,
    api_get: ApiGet,
    task: Task,
    app: Flask,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(app.config, "API_WRITE_RATE_LIMIT", "2 per minute")
    secret = api_token("stc", "read", "tasks:write")
    for text in ("Một", "Hai"):
        assert (
            api_post(f"/tasks/{task.id}/progress", secret, json={"body": text}).status_code == 200
        )
    throttled = api_post(f"/tasks/{task.id}/progress", secret, json={"body": "Ba"})
    assert throttled.status_code == 429
    assert throttled.json["error"] == "too_many_requests"
    assert "Retry-After" in throttled.headers
    assert api_get("/api/v1/statuses", secret=secret).status_code == 200
    assert updates_of(task) == 2


def test_writes_keep_the_token_limit_too(
    api_token: IssueToken,
    api_post: ApiPost,
    task: Task,
    app: Flask,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(app.config, "API_RATE_LIMIT", "2 per minute")
    secret = api_token("stc", "tasks:write")
    for text in ("x", "y"):
        sent = api_post(f"/tasks/{task.id}/progress", secret, json={"body": text})
        assert sent.status_code == 200
    assert api_post(f"/tasks/{task.id}/progress", secret, json={"body": "z"}).status_code == 429
