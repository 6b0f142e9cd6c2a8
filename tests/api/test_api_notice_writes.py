"""POST /notices: a document management system sends a real notice; it becomes a draft read
as on the web, with the metadata the system stated, once per document of that system, and is
published at once only when asked and nothing stops it."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from tests.api.conftest import ApiGet, ApiPost, IssueToken
from tracker.demo.loader import DATA as DEMO_DATA
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeState
from tracker.tasks.models import Task

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
BAC_NINH = CORPUS / "a06_qd-bacninh-1520-2025.md"  # three tasks, one of another province
DAK_NONG = DEMO_DATA / "notice_473_daknong.md"  # every task to an agency of the directory


def form(path: Path, **fields: object) -> dict[str, object]:
    return {
        "file": (io.BytesIO(path.read_bytes()), path.name),
        "source_system": "VNPT iOffice",
        "source_id": path.stem,
        **fields,
    }


def notice_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Notice)) or 0


def test_a_notice_becomes_a_draft_with_the_stated_metadata(
    api_token: IssueToken, api_post: ApiPost
) -> None:
    secret = api_token("vanphong", "read", "notices:write")
    response = api_post(
        "/notices",
        secret,
        data=form(
            BAC_NINH,
            number="99/QĐ-UBND",
            issued_on="2025-11-23",
            issuer="UBND tỉnh Bắc Ninh",
        ),
    )
    assert response.status_code == 201, response.json
    answer = response.json
    notice = db.session.get(Notice, answer["id"])
    assert notice is not None and notice.state is NoticeState.DRAFT
    assert (notice.number, notice.issued_on) == ("99/QĐ-UBND", date(2025, 11, 23))
    assert notice.issuer == "UBND tỉnh Bắc Ninh"
    assert (notice.source_system, notice.source_id) == ("VNPT iOffice", BAC_NINH.stem)
    assert notice.source_name == BAC_NINH.name
    assert [draft.assignee_label for draft in notice.draft_tasks] == [
        "Thanh tra tỉnh",
        "Thanh tra tỉnh",
        "UBND các xã, phường",
    ]
    assert answer["state"] == {"value": "draft", "label": "Bản nháp"}
    assert answer["number"] == "99/QĐ-UBND" and answer["issuer"] == "UBND tỉnh Bắc Ninh"
    assert answer["source_system"] == "VNPT iOffice" and answer["source_id"] == BAC_NINH.stem
    assert answer["proposed_task_count"] == 3 and answer["task_count"] == 0
    assert answer["review_url"].endswith(f"/thong-bao/{notice.id}/xem-xet")
    assert answer["publication_problems"]  # a task for a body the directory does not know


def test_asked_to_publish_a_draft_with_a_problem_stays_a_draft(
    api_token: IssueToken, api_post: ApiPost
) -> None:
    secret = api_token("vanphong", "notices:write")
    response = api_post("/notices", secret, data=form(BAC_NINH, publish="true"))
    assert response.status_code == 201
    answer = response.json
    assert answer["state"]["value"] == "draft" and answer["published_at"] is None
    assert any("chưa chọn cơ quan chủ trì" in p for p in answer["publication_problems"])
    assert db.session.scalar(select(func.count()).where(Task.notice_id == answer["id"])) == 0


def test_the_secretariat_publishes_at_once_and_the_tasks_exist(
    api_token: IssueToken, api_post: ApiPost, api_get: ApiGet
) -> None:
    secret = api_token("vanphong", "notices:write")
    response = api_post("/notices", secret, data=form(DAK_NONG, publish="true"))
    assert response.status_code == 201, response.json
    answer = response.json
    assert answer["state"]["value"] == "published" and answer["published_at"]
    assert answer["publication_problems"] == [] and answer["review_url"] is None
    assert answer["proposed_task_count"] == 32
    # a group item gives one task per member agency
    tasks = db.session.scalar(select(func.count()).where(Task.notice_id == answer["id"]))
    assert tasks is not None and tasks > 32
    read = api_get(f"/api/v1/notices/{answer['id']}", secret=api_token("vanphong"))
    assert answer["task_count"] == read.json["task_count"] > 32


def test_the_same_document_twice_answers_409_with_the_first_notice(
    api_token: IssueToken, api_post: ApiPost
) -> None:
    secret = api_token("quantri", "notices:write")
    first = api_post("/notices", secret, data=form(BAC_NINH))
    assert first.status_code == 201
    before = notice_count()
    again = api_post("/notices", secret, data=form(BAC_NINH, number="100/QĐ-UBND"))
    assert again.status_code == 409
    assert again.json["error"] == "conflict"
    assert again.json["notice_id"] == first.json["id"]
    assert again.json["web_url"] == first.json["web_url"]
    assert "đã được gửi trước đây" in again.json["message"]
    assert notice_count() == before


def test_the_same_number_in_the_same_year_answers_409(
    api_token: IssueToken, api_post: ApiPost
) -> None:
    secret = api_token("vanphong", "notices:write")
    first = api_post("/notices", secret, data=form(DAK_NONG))
    other_system = form(DAK_NONG, source_system="Hệ thống khác")
    again = api_post("/notices", secret, data=other_system)
    assert again.status_code == 409
    assert again.json["notice_id"] == first.json["id"]
    assert again.json["message"].startswith("Văn bản số 473/TB-VPUBND năm 2017")


def test_an_unreadable_file_or_a_missing_field_is_refused(
    api_token: IssueToken, api_post: ApiPost
) -> None:
    secret = api_token("vanphong", "notices:write")
    before = notice_count()
    scan = {**form(DAK_NONG), "file": (io.BytesIO(b"\x00\x01"), "ban-quet.png")}
    unreadable = api_post("/notices", secret, data=scan)
    assert unreadable.status_code == 422
    assert unreadable.json["message"].startswith("Định dạng tệp không được hỗ trợ")
    no_source = form(DAK_NONG)
    del no_source["source_id"]
    assert api_post("/notices", secret, data=no_source).json["message"] == (
        "Thiếu trường “source_id”."
    )
    bad_date = api_post("/notices", secret, data=form(DAK_NONG, issued_on="19/07/2017"))
    assert bad_date.status_code == 400
    no_file = {k: v for k, v in form(DAK_NONG).items() if k != "file"}
    assert api_post("/notices", secret, data=no_file).status_code == 400
    assert notice_count() == before
