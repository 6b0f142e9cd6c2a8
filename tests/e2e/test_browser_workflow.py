"""In a real browser: an officer uploads evidence and reports the task done, the secretariat
accepts it, and the status reads "Hoàn thành trước hạn"."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in
from tests.support import files

pytestmark = pytest.mark.e2e
TASK_TEXT = "Tham mưu UBND tỉnh bố trí kinh phí thực hiện CCHC hàng năm"
PDF = files.pdf()


def test_evidence_submission_and_acceptance(page: Page, tmp_path: Path) -> None:
    evidence = tmp_path / "Quyết định phê duyệt.pdf"
    evidence.write_bytes(PDF)

    sign_in(page, "stc")
    page.get_by_role("link", name="Chủ trì").click()
    page.get_by_role("link", name=TASK_TEXT).first.click()
    expect(page.locator(".status-line")).to_contain_text("Trong hạn")

    # the one next step in view is to report progress; evidence waits under "Thao tác khác"
    expect(page.get_by_role("button", name="Gửi báo cáo")).to_be_visible()
    expect(page.get_by_role("button", name="Tải lên")).to_be_hidden()
    page.get_by_text("Thao tác khác").click()
    page.get_by_label("Tệp minh chứng").set_input_files(str(evidence))
    page.get_by_role("button", name="Tải lên").click()
    expect(page.locator(".alert-info")).to_contain_text("Đã thêm minh chứng")
    expect(page.get_by_role("link", name="Quyết định phê duyệt.pdf")).to_be_visible()

    # with evidence, handing in becomes the next step
    page.get_by_role("button", name="Báo cáo hoàn thành").click()
    expect(page.locator(".status-line")).to_contain_text("Chờ xác nhận")
    task_url = page.url
    page.screenshot(path=str(tmp_path / "task-submitted.png"), full_page=True)
    page.get_by_role("button", name="Đăng xuất").click()

    sign_in(page, "vanphong")
    awaiting = page.locator("#queue-cho_xac_nhan").locator("xpath=..")
    expect(awaiting).to_contain_text(TASK_TEXT)
    page.goto(task_url)
    page.get_by_role("button", name="Xác nhận hoàn thành").click()
    expect(page.locator(".status-line")).to_contain_text("Hoàn thành trước hạn")
    expect(page.locator(".timeline")).to_contain_text("Văn phòng UBND xác nhận hoàn thành")
