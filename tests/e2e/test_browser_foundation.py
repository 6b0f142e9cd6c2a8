"""In a real browser: an officer sees her agency's tasks and no other's; the leader sees the
counts and follows one to the tasks behind it."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot_path, sign_in

pytestmark = pytest.mark.e2e


def test_officer_sees_her_tasks_and_not_another_agencys(page: Page, tmp_path: Path) -> None:
    sign_in(page, "stc")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nhiệm vụ của Sở Tài chính")
    rows = page.locator("table.tasks tbody tr")
    expect(rows.first).to_be_visible()
    agencies = set(page.locator("table.tasks tbody tr td:nth-child(2)").all_inner_texts())
    # Sở Tài chính leads these, or coordinates them (the plan of Sở Nội vụ, II.2.2)
    assert agencies <= {"Sở Tài chính", "Sở Nội vụ"}
    expect(page.get_by_text("Tổ chức kiểm tra việc thực hiện CCHC")).to_have_count(0)
    page.screenshot(path=str(screenshot_path("officer-tasks.png", tmp_path)))

    page.goto("/thong-bao/")
    page.get_by_role("link", name="Thông báo 473/TB-VPUBND").click()
    sections = page.locator("section.agency-group h3").all_inner_texts()
    assert [s.split(" (")[0] for s in sections] == ["Sở Tài chính", "Sở Nội vụ"]

    page.goto("/nhiem-vu/?trang_thai=qua_han")
    expect(page.locator("table.tasks td.empty")).to_have_text("Không có nhiệm vụ nào.")


def test_officer_typing_another_agencys_task_url_gets_not_found(page: Page) -> None:
    sign_in(page, "snv")
    page.goto("/nhiem-vu/?trang_thai=qua_han")
    overdue_link = page.locator("table.tasks a").first
    href = overdue_link.get_attribute("href")
    assert href
    page.get_by_role("button", name="Đăng xuất").click()
    sign_in(page, "stc")
    response = page.goto(href)
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Lỗi 404")
