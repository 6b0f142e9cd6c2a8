"""In a real browser: a long list of agencies to choose from is searched by typing, accents
aside, and says what is chosen."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e


def test_coordinating_agencies_are_found_by_typing_and_the_choice_is_named(page: Page) -> None:
    sign_in(page, "vanphong")
    page.goto("/thong-bao/")
    page.get_by_role("link", name="Kế hoạch 215/KH-UBND").click()
    page.get_by_role("link", name="Kiểm tra và ban hành").click()
    select = page.locator("select[data-searchable]").first
    search = page.locator(".choice-search").first
    summary = page.locator(".choice-summary").first
    total = select.locator("option").count()
    search.fill("noi vu")  # typed without accents
    visible = select.locator("option:not([hidden])")
    assert 1 <= visible.count() < total
    expect(visible.first).to_contain_text("Nội vụ")
    select.select_option(label=visible.first.inner_text())
    expect(summary).to_contain_text("Đã chọn (1): ")
    expect(summary).to_contain_text("Nội vụ")
    search.fill("")
    assert select.locator("option:not([hidden])").count() == total
