"""The Vice-Chairman's Monday: the dashboard, its figures and the tasks behind them."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot_path, sign_in


def number(text: str) -> int:
    return int(text.strip().replace(".", ""))


def listed_total(page: Page) -> int:
    """Tasks in the list: its pagination total, or its rows when it fits one page."""
    pagination = page.locator(".pagination span")
    if pagination.count():
        return number(re.findall(r"\(([\d.]+) mục\)", pagination.inner_text())[0])
    rows = page.locator("table.tasks tbody tr")
    return 0 if page.locator("table.tasks td.empty").count() else rows.count()


def test_leader_opens_the_dashboard_and_drills_down(page: Page, tmp_path: Path) -> None:
    sign_in(page, "lanhdao")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tổng quan tình hình thực hiện nhiệm vụ"
    )
    for status in ("truoc_han", "dung_han", "tre_han", "trong_han", "qua_han", "thuong_xuyen"):
        expect(page.locator(f".count-{status} .count-number")).to_have_text(re.compile(r"^[\d.]+$"))
    expect(page.locator("svg.chart")).to_have_count(2)
    expect(page.get_by_role("note")).to_contain_text("Dữ liệu minh họa")
    page.screenshot(
        path=str(screenshot_path("leader-dashboard.png", tmp_path)),
        full_page=True,
        clip={"x": 0, "y": 0, "width": 1280, "height": 1900},  # the top: figures and charts
    )

    overdue = number(page.locator(".count-qua_han .count-number").inner_text())
    assert overdue > 0
    page.locator(".count-qua_han a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nhiệm vụ: quá hạn")
    assert listed_total(page) == overdue


def test_a_chart_bar_and_a_ranking_cell_open_their_tasks(page: Page) -> None:
    sign_in(page, "lanhdao")
    segment = page.locator("svg.chart a").first
    title = segment.locator("title").text_content() or ""
    segment.click()
    expect(page).to_have_url(re.compile(r"/nhiem-vu/\?"))
    assert listed_total(page) == number(title.rsplit(":", 1)[1])

    page.goto("/tong-quan")
    cell = page.locator("table.ranking tbody tr").first.locator("td.number a").nth(1)
    expected = number(cell.inner_text())
    cell.click()
    assert listed_total(page) == expected


def test_filtering_by_agency_narrows_every_figure(page: Page) -> None:
    sign_in(page, "lanhdao")
    total = number(page.locator('[data-figure="total"]').inner_text())
    page.get_by_text("Lọc số liệu").click()  # the filters are folded until asked for
    page.get_by_label("Cơ quan", exact=True).select_option(label="Sở Nội vụ")
    page.get_by_role("button", name="Xem").click()
    expect(page).to_have_url(re.compile(r"co_quan=\d+"))
    narrowed = number(page.locator('[data-figure="total"]').inner_text())
    assert 0 < narrowed < total
    expect(page.locator("table.ranking tbody tr")).to_have_count(1)
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải Excel").click()
    assert download.value.suggested_filename.endswith(".xlsx")
