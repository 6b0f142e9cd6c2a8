"""Entering a notice on the web: paste or upload, duplicate numbers, bad input, review and
publish."""

import io
import re
from collections.abc import Callable

import pytest
from docx import Document
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from tests.support.forms import csrf_token
from tracker.extensions import db
from tracker.notices.drafts import DraftTask
from tracker.notices.models import Notice, NoticeState
from tracker.tasks.models import Task

Login = Callable[[str], FlaskClient]

NOTICE = """Số: 88/TB-UBND

Đắk Nông, ngày 05 tháng 3 năm 2024

THÔNG BÁO

Kết luận về chuyển đổi số

1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí trong Quý II/2024.

2. Giao Sở Du lịch xây dựng đề án du lịch số trước ngày 30/6/2024.

3. Các Sở, Ban, ngành thực hiện nghiêm chế độ báo cáo.

Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./.
"""


def counts() -> tuple[int, int, int]:
    return (
        db.session.scalar(select(func.count()).select_from(Notice)),
        db.session.scalar(select(func.count()).select_from(Task)),
        db.session.scalar(select(func.count()).select_from(DraftTask)),
    )


def submit(client: FlaskClient, **data: object) -> object:
    data["csrf_token"] = csrf_token(client, "/thong-bao/moi")
    return client.post("/thong-bao/moi", data=data, content_type="multipart/form-data")


def draft_from(response: object) -> Notice:
    notice_id = int(re.search(r"/thong-bao/(\d+)/xem-xet", response.headers["Location"]).group(1))
    return db.session.get(Notice, notice_id)


def test_pasted_notice_becomes_a_draft_with_its_proposed_split(login: Login) -> None:
    client = login("vanphong")
    response = submit(client, text=NOTICE)
    assert response.status_code == 302
    notice = draft_from(response)
    assert (notice.number, notice.state, notice.issued_on.isoformat()) == (
        "88/TB-UBND",
        NoticeState.DRAFT,
        "2024-03-05",
    )
    drafts = notice.draft_tasks
    assert [d.ref for d in drafts] == ["1", "2", "3"]
    assert drafts[0].deadline.isoformat() == "2024-06-30"
    assert drafts[1].unknown_name == "Sở Du lịch" and drafts[1].unsure
    assert len(drafts[2].member_ids) > 10
    page = client.get(f"/thong-bao/{notice.id}/xem-xet").get_data(as_text=True)
    assert "Cần kiểm tra" in page
    assert "“Sở Du lịch” có trong danh mục cơ quan toàn quốc, chưa có trong danh bạ" in page
    assert "lần sau hệ thống sẽ tự nhận ra tên “Sở Du lịch”" in page
    assert "Sở Tài chính" in page


def test_uploaded_docx_is_read(login: Login) -> None:
    document = Document()
    for line in NOTICE.split("\n\n"):
        document.add_paragraph(line.strip())
    content = io.BytesIO()
    document.save(content)
    client = login("vanphong")
    response = submit(client, document=(io.BytesIO(content.getvalue()), "tb-88.docx"))
    notice = draft_from(response)
    assert notice.source_name == "tb-88.docx"
    assert len(notice.draft_tasks) == 3


def test_same_number_in_the_same_year_is_caught(login: Login) -> None:
    client = login("vanphong")
    first = draft_from(submit(client, text=NOTICE))
    before = counts()
    response = submit(client, text=NOTICE)
    assert response.headers["Location"] == f"/thong-bao/{first.id}"
    assert counts() == before
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "đã được nhập trước đây" in page


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        ((b"", "rong.txt"), "Tệp không có nội dung"),
        ((bytes(range(256)) * 40, "rac.txt"), "Tệp không phải văn bản đọc được"),
        ((b"PK\x03\x04junk", "hong.docx"), "Tài liệu Word bị hỏng"),
        ((b"%PDF-1.4\n", "quet.pdf"), "PDF"),
        ((b"abc", "bang.xlsx"), ".docx"),
    ],
)
def test_bad_files_get_a_vietnamese_message_and_save_nothing(
    login: Login, upload: tuple[bytes, str], message: str
) -> None:
    client = login("vanphong")
    before = counts()
    content, name = upload
    response = submit(client, document=(io.BytesIO(content), name))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert counts() == before


def test_a_file_over_the_limit_is_refused(login: Login) -> None:
    client = login("vanphong")
    before = counts()
    # encoded in memory: the test client would spool so large a body to an unclosed file
    boundary, body = encode_multipart(
        {
            "csrf_token": csrf_token(client, "/thong-bao/moi"),
            "document": FileStorage(io.BytesIO(b"a" * (21 * 1024 * 1024)), "lon.txt"),
        }
    )
    response = client.post(
        "/thong-bao/moi", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 400
    assert "Tệp quá lớn: tối đa 20 MB" in response.get_data(as_text=True)
    assert counts() == before


def test_text_without_assignments_still_saves_and_says_why(login: Login) -> None:
    client = login("vanphong")
    response = submit(client, text="Một đoạn văn không có số, không có ngày, không giao việc.")
    notice = draft_from(response)
    assert notice.number is None and notice.draft_tasks == []
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Không tìm thấy nhiệm vụ nào được giao" in page
    assert "Không đọc được số, ký hiệu văn bản." in page


def test_only_the_secretariat_enters_and_reviews(login: Login) -> None:
    draft = db.session.scalar(select(Notice).where(Notice.state == NoticeState.DRAFT))
    for username in ("stc", "lanhdao", "snv.lanhdao"):
        client = login(username)
        assert client.get("/thong-bao/moi").status_code == 403
        assert client.get(f"/thong-bao/{draft.id}/xem-xet").status_code == 403
        client.post("/dang-xuat", data={"csrf_token": csrf_token(client, "/")})
