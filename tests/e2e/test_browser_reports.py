"""In a real browser: the secretariat builds the quarter's report, edits "Phương hướng",
freezes it and downloads the Word file; then builds the meeting brief of one leader and
prints it, an agency a page; on a desktop and on a phone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from flask import Flask
from playwright.sync_api import Page, expect
from pypdf import PdfReader
from sqlalchemy import select

from tests.e2e.conftest import screenshot_path, sign_in
from tracker.agencies.models import Agency
from tracker.auth.models import User
from tracker.clock import today
from tracker.domain.periods import period_containing, short_label
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeKind, NoticeState
from tracker.tasks.models import ProgressUpdate, Task

pytestmark = pytest.mark.e2e
DIRECTIONS = "Tập trung hoàn thành dứt điểm các nhiệm vụ quá hạn trong tháng 12."
LEADER = "Trần Văn Hùng - Phó Chủ tịch UBND tỉnh"


def fits_the_width(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_the_quarter_report_is_edited_frozen_and_downloaded(page: Page, tmp_path: Path) -> None:
    sign_in(page, "vanphong")
    page.goto("/bao-cao/")
    page.get_by_label("Kỳ báo cáo").fill(short_label(period_containing(today(), "quarterly")))
    page.get_by_role("button", name="Lập báo cáo").click()
    expect(page.locator(".notice-banner")).to_contain_text("Dự thảo")
    directions = page.get_by_label("Phương hướng, nhiệm vụ kỳ tới")
    expect(directions).to_contain_text("Tiếp tục đôn đốc")  # drafted from the figures
    directions.fill(DIRECTIONS)
    page.get_by_role("button", name="Chốt báo cáo").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã chốt báo cáo.")
    expect(page.locator(".notice-banner")).to_contain_text("Báo cáo đã chốt lúc")
    expect(page.locator(".report-body")).to_contain_text(DIRECTIONS)
    expect(page.get_by_label("Phương hướng, nhiệm vụ kỳ tới")).to_have_count(0)

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải Word (.docx)").click()
    document = Document(BytesIO(Path(download.value.path()).read_bytes()))
    texts = [paragraph.text for paragraph in document.paragraphs]
    heading = next(i for i, t in enumerate(texts) if t.endswith("PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"))
    assert texts[heading + 1] == DIRECTIONS
    assert "DỰ THẢO" not in texts

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page.locator(".report-body")).to_contain_text(DIRECTIONS)
    assert fits_the_width(page)
    page.screenshot(path=screenshot_path("report-phone.png", tmp_path), full_page=False)


def test_the_meeting_brief_of_one_leader_prints_an_agency_a_page(
    page: Page, tmp_path: Path
) -> None:
    sign_in(page, "vanphong")
    page.goto("/bao-cao/")
    page.get_by_role("link", name=re.compile("Danh sách họp giao ban")).click()
    page.get_by_label("Văn bản của lãnh đạo").select_option(label=LEADER)
    page.get_by_role("button", name="Xem", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Trần Văn Hùng, Phó Chủ tịch UBND tỉnh")
    agencies = page.locator(".brief-agency")
    count = agencies.count()
    assert count >= 1
    # every task listed comes from the notice the leader signed (1520/UBND-KGVX in the demo)
    notices = page.locator(".brief-table tbody td:nth-child(2)").all_inner_texts()
    assert notices and all(text.startswith("1520/UBND-KGVX") for text in notices)

    # (a script whose value is a function would be called by evaluate: it ends with a number)
    page.evaluate("window.printed = 0; window.print = () => { window.printed += 1; }; 0")
    page.get_by_role("button", name="In", exact=True).click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    pdf = PdfReader(BytesIO(page.pdf(format="A4", print_background=False)))
    assert len(pdf.pages) == count  # one A4 page per agency, no more
    first = pdf.pages[0].extract_text()
    assert "Văn bản của lãnh đạo" not in first and "Nhiệm vụ quá hạn, sắp đến hạn" in first
    page.emulate_media(media="screen")

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page.get_by_role("button", name="In", exact=True)).to_be_visible()
    assert fits_the_width(page)
    page.screenshot(path=screenshot_path("brief-phone.png", tmp_path), full_page=False)


LONG_TEXT = (
    "Khẩn trương hoàn thiện hồ sơ, thủ tục đầu tư, giải phóng mặt bằng và triển khai thi công "
    "các hạng mục công trình trọng điểm theo đúng tiến độ đã cam kết, báo cáo kết quả. "
) * 3


@pytest.fixture
def crowded_agency(live_app: Flask) -> Iterator[None]:
    """Nine overdue tasks of Sở Y tế with long texts and long progress reports, removed
    afterwards so that the other browser tests see the demo as it was."""
    with live_app.app_context():
        health = db.session.scalar(select(Agency).where(Agency.code == "syt"))
        officer = db.session.scalar(select(User).where(User.username == "syt"))
        notice = Notice(
            number="9999/TB-VPUBND",
            issued_on=today() - timedelta(days=120),
            title="Kiểm thử trang in",
            kind=NoticeKind.NOTICE,
            state=NoticeState.PUBLISHED,
        )
        db.session.add(notice)
        for days in range(10, 19):
            task = Task(
                notice=notice,
                ref=str(days),
                text=LONG_TEXT,
                lead_agency=health,
                assigned_agency=health,
                deadline=today() - timedelta(days=days),
            )
            task.progress_updates.append(
                ProgressUpdate(author=officer, agency_id=health.id, percent=50, body=LONG_TEXT)
            )
            db.session.add(task)
        db.session.commit()
        notice_id = notice.id
    yield
    with live_app.app_context():
        db.session.delete(db.session.get(Notice, notice_id))
        db.session.commit()


@pytest.mark.usefixtures("crowded_agency")
def test_an_agency_with_many_long_tasks_still_prints_on_one_page(page: Page) -> None:
    sign_in(page, "vanphong")
    page.goto("/bao-cao/hop-giao-ban")
    count = page.locator(".brief-agency").count()
    crowded = page.locator(".brief-agency", has_text="Sở Y tế")
    expect(crowded).to_contain_text("Còn 4 nhiệm vụ khác của cơ quan chưa in trong trang này")
    page.emulate_media(media="print")
    pdf = PdfReader(BytesIO(page.pdf(format="A4")))
    assert len(pdf.pages) == count
    assert "Sở Y tế" in pdf.pages[0].extract_text()  # the most overdue agency comes first
