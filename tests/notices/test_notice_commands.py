"""`flask notices parse FILE --json` and `flask notices import FILE [--publish]`."""

import json
from pathlib import Path

from flask import Flask
from sqlalchemy import func, select

from tests.support.fixture_notices import FIXTURES
from tracker.demo.loader import DATA
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeState
from tracker.tasks.models import Task

NOTICE = """Số: 77/TB-UBND

Đắk Nông, ngày 05 tháng 3 năm 2024

THÔNG BÁO

Kết luận về cải cách hành chính

1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát thủ tục trong Quý II/2024.

2. UBND các huyện, thị xã định kỳ hằng quý báo cáo kết quả.

Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./.
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_parse_prints_the_documented_json(app: Flask) -> None:
    result = app.test_cli_runner().invoke(
        args=["notices", "parse", str(DATA / "notice_473_daknong.md"), "--json"]
    )
    assert result.exit_code == 0, result.output
    parsed = json.loads(result.output)
    assert parsed["number"] == "473/TB-VPUBND"
    assert parsed["issued_on"] == "2017-07-19"
    assert parsed["kind"] == "thong_bao"
    assert parsed["signer"] == "Ngô Xuân Lộc"
    assert len(parsed["tasks"]) == 32
    first, plan = parsed["tasks"][0], parsed["tasks"][2]
    assert set(first) >= {
        "ref",
        "assignee",
        "assignee_kind",
        "members",
        "coordinating",
        "text",
        "deadline",
        "deadline_text",
        "recurring",
    }
    assert first["assignee_kind"] == "group" and len(first["members"]) == 10
    assert (plan["assignee"], plan["deadline"], plan["deadline_text"]) == (
        "Sở Nội vụ",
        "2017-09-30",
        "trong Quý III/2017",
    )
    assert plan["coordinating"] == ["Các Sở, Ban, ngành"]
    assert parsed["skipped"], "the notice's approvals and closing are listed, not dropped"
    for item in parsed["skipped"]:
        assert set(item) == {"ref", "text", "reason", "reason_label"}
        assert item["text"] and item["reason_label"]


def test_parse_lists_what_gave_no_task(app: Flask, tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text(
        "Số: 12/UBND-KT\n\nAn Giang, ngày 05 tháng 02 năm 2024\n\nV/v triển khai\n\n"
        "1. Đồng ý chủ trương giao Sở Tài chính lập dự án.\n\n"
        "2. Giao phòng chuyên môn rà soát hồ sơ.\n",
        "utf-8",
    )
    result = app.test_cli_runner().invoke(args=["notices", "parse", str(path), "--json"])
    assert result.exit_code == 0, result.output
    skipped = json.loads(result.output)["skipped"]
    assert [(item["ref"], item["reason"]) for item in skipped] == [
        ("1", "approval"),
        ("2", "no_body"),
    ]


def test_parse_reads_docx(app: Flask) -> None:
    result = app.test_cli_runner().invoke(
        args=["notices", "parse", str(FIXTURES / "tb_145_hoabinh_2023.docx"), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["number"] == "145/TB-UBND"


def test_unreadable_input_exits_non_zero_with_an_english_message(
    app: Flask, tmp_path: Path
) -> None:
    runner = app.test_cli_runner()
    cases = [
        (write(tmp_path, "empty.txt", b""), "The file is empty"),
        (write(tmp_path, "junk.txt", bytes(range(256)) * 10), "not readable text"),
        (tmp_path / "missing.md", "cannot read"),
    ]
    for path, message in cases:
        result = runner.invoke(args=["notices", "parse", str(path), "--json"])
        assert result.exit_code != 0
        assert message in result.output, result.output


def test_import_saves_a_draft_and_publish_creates_tasks(app: Flask, tmp_path: Path) -> None:
    runner = app.test_cli_runner()
    path = write(tmp_path, "tb-77.md", NOTICE)
    items = select(func.count()).select_from(Task).where(Task.series_id.is_(None))
    tasks_before = db.session.scalar(items)
    result = runner.invoke(args=["notices", "import", str(path), "--publish"])
    assert result.exit_code == 0, result.output
    assert "published with 9 tasks" in result.output  # one agency + eight districts
    notice = db.session.scalar(select(Notice).where(Notice.number == "77/TB-UBND"))
    assert notice.state is NoticeState.PUBLISHED
    assert db.session.scalar(items) == tasks_before + 9
    again = runner.invoke(args=["notices", "import", str(path)])
    assert again.exit_code != 0
    assert "exists already" in again.output


def test_import_that_cannot_publish_leaves_nothing(app: Flask, tmp_path: Path) -> None:
    path = write(tmp_path, "unknown.md", NOTICE.replace("Sở Nội vụ", "Sở Du lịch"))
    result = app.test_cli_runner().invoke(args=["notices", "import", str(path), "--publish"])
    assert result.exit_code != 0
    assert "cannot publish" in result.output and "Sở Du lịch" in result.output
    assert db.session.scalar(select(Notice).where(Notice.number == "77/TB-UBND")) is None
