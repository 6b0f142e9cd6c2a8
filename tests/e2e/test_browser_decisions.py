"""In a real browser: an agency says a task is not within its competence, with its reason;
the secretariat finds it in its queue and reads the reason at the top of the task and on
its timeline. Sở Tài nguyên và Môi trường, which no other browser test uses."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e
REASON = "Nhiệm vụ thuộc chức năng của Sở Nông nghiệp theo Quyết định 15/2025/QĐ-UBND"


def test_a_decline_reason_reaches_the_secretariat(page: Page) -> None:
    sign_in(page, "stnmt")
    page.get_by_role("link", name="Chủ trì").click()
    page.locator("table.tasks a").first.click()
    task_url = page.url
    page.get_by_text("Thao tác khác").click()
    panel = page.locator("form.action-panel", has_text="Không thuộc thẩm quyền")
    panel.get_by_label("Lý do").fill(REASON)
    panel.get_by_role("button", name="Đề nghị giao cơ quan khác").click()
    expect(page.locator(".alert-info")).to_be_visible()
    page.get_by_role("button", name="Đăng xuất").click()

    sign_in(page, "vanphong")
    declined = page.locator("#queue-de_nghi_giao_lai").locator("xpath=..")
    expect(declined).to_contain_text("Sở TN&MT")
    expect(page.locator(".main-nav")).to_contain_text(re.compile(r"Việc cần xử lý\s*\d+"))
    page.goto(task_url)
    banner = page.locator(".notice-banner.decision")
    expect(banner).to_contain_text("Cơ quan đề nghị giao cơ quan khác")
    expect(banner).to_contain_text(REASON)
    expect(page.locator(".timeline")).to_contain_text(f"Lý do: {REASON}")
    # the secretariat's next step is in view: give it to another agency, or insist
    expect(page.get_by_role("button", name="Giao lại")).to_be_visible()
    expect(page.get_by_role("button", name="Đề nghị tiếp tục thực hiện")).to_be_visible()
