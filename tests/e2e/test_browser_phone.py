"""On a phone (390×844), in a real browser: the leader's first screen shows the key figures
and what waits for a leader's decision, with no sideways scrolling; the filters fold away;
chart labels stay readable; an agency's list and a task page work with a thumb."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot_path, sign_in

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}


def fits_the_width(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_the_leaders_first_screen_on_a_phone(page: Page, tmp_path: Path) -> None:
    page.set_viewport_size(PHONE)
    sign_in(page, "lanhdao")
    total = page.locator('[data-figure="total"]')
    box = total.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]  # above the fold
    expect(page.locator(".leader-queue")).to_contain_text("Chờ lãnh đạo quyết định")
    assert fits_the_width(page)
    label = page.locator(".chart text").first
    assert label.evaluate("text => text.getBoundingClientRect().height") >= 10  # readable
    # agency names in the ranking wrap over two lines at most (the table scrolls sideways)
    lines = page.locator(".ranking th[scope=row] a").evaluate_all(
        "links => links.map(a => a.getClientRects().length)"  # a line box each
    )
    assert lines and max(lines) <= 2
    agency = page.get_by_label("Cơ quan", exact=True)
    expect(agency).to_be_hidden()  # the filters fold away
    page.get_by_text("Lọc số liệu").click()
    expect(agency).to_be_visible()
    page.get_by_text("Lọc số liệu").click()
    page.screenshot(path=screenshot_path("dashboard-phone.png", tmp_path))


def test_an_agency_list_and_a_task_page_on_a_phone(page: Page) -> None:
    page.set_viewport_size(PHONE)
    sign_in(page, "snv")
    expect(page.locator("table.tasks")).to_be_visible()
    assert fits_the_width(page)
    page.locator("table.tasks a").first.click()
    expect(page.locator("h1.task-title")).to_be_visible()
    assert fits_the_width(page)
    # one next step in view, the other actions folded behind "Thao tác khác"
    visible = page.locator(".action-panel:visible")
    expect(visible).to_have_count(1)
    expect(page.locator(".more-actions > summary")).to_contain_text("Thao tác khác")
    box = visible.locator("button[type=submit]").bounding_box()
    assert box is not None and box["height"] >= 44  # a thumb's reach
