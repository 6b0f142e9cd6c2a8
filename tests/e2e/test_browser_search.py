"""In a real browser: the leader types a search without diacritics in the header, sees the
hit marked in the original spelling, and follows it to the task."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot_path, sign_in

pytestmark = pytest.mark.e2e


def test_leader_finds_home_affairs_tasks_of_the_third_quarter(page: Page, tmp_path: Path) -> None:
    sign_in(page, "lanhdao")
    page.get_by_role("searchbox", name="Tìm văn bản, nhiệm vụ").fill("so noi vu quy iii")
    page.get_by_role("searchbox", name="Tìm văn bản, nhiệm vụ").press("Enter")
    page.wait_for_url(re.compile(r"/tim-kiem\?q=so\+noi\+vu\+quy\+iii"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tìm kiếm")
    expect(page.locator(".search-summary")).to_contain_text("Tìm thấy 2 kết quả")
    hits = page.locator(".search-hit")
    expect(hits).to_have_count(2)
    first = hits.first
    expect(first.locator("mark")).to_contain_text(["Sở", "Nội", "vụ", "Quý", "III"])
    page.screenshot(path=str(screenshot_path("search-results.png", tmp_path)))

    title = first.locator("a.search-hit-title")
    text = title.inner_text().rstrip(" …")
    title.click()
    page.wait_for_url(re.compile(r"/nhiem-vu/\d+$"))
    expect(page.get_by_text(text[:40]).first).to_be_visible()
    expect(page.locator("main")).to_contain_text("Sở Nội vụ")
