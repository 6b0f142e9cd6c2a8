"""In a real browser: the secretariat enters an amending letter, links it to two tasks of
Sở Xây dựng (which no other browser test uses), gives one a deadline and cancels the other;
the agency sees both changes with the letter that made them, on a desktop and on a phone."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in
from tracker.clock import today

pytestmark = pytest.mark.e2e
LETTER = "1650/UBND-KGVX"


def amend_by_letter(page: Page, url: str, kind: str, **dates: str) -> None:
    page.goto(url)
    page.get_by_text("Điều chỉnh theo văn bản, sửa sai sót").click()
    page.get_by_label("Nội dung điều chỉnh").select_option(label=kind)
    page.get_by_label("Số, ký hiệu văn bản").fill(LETTER)
    page.get_by_label("Ngày ban hành").fill(today().strftime("%d/%m/%Y"))
    page.get_by_label("Cơ quan ban hành").fill("UBND tỉnh Đắk Nông")
    for label, value in dates.items():
        page.get_by_label(label).fill(value)
    page.get_by_role("button", name="Ghi nhận điều chỉnh").click()
    expect(page.locator(".alert-info")).to_contain_text("Đã ghi nhận điều chỉnh nhiệm vụ.")


def test_a_letter_moves_one_deadline_and_cancels_another_and_the_agency_sees_both(
    page: Page,
) -> None:
    sign_in(page, "vanphong")
    page.goto("/thong-bao/")
    page.get_by_role("link", name="Thông báo 473/TB-VPUBND").click()
    group = page.locator("section.agency-group", has=page.locator("h3", has_text="Sở Xây dựng"))
    links = group.locator(".task-card-main > a")
    first, second = (links.nth(i).get_attribute("href") for i in (0, 1))
    assert first and second and first != second
    new_deadline = (today() + timedelta(days=60)).strftime("%d/%m/%Y")

    amend_by_letter(page, first, "Điều chỉnh thời hạn", **{"Thời hạn mới": new_deadline})
    expect(page.locator(".history")).to_contain_text(f"thành {new_deadline}")
    amend_by_letter(page, second, "Hủy, dừng thực hiện")
    expect(page.locator(".notice-banner.cancelled")).to_contain_text(LETTER)
    page.get_by_role("button", name="Đăng xuất").click()

    sign_in(page, "sxd")
    page.goto(first)
    history = page.locator(".history")
    expect(history).to_contain_text("Điều chỉnh thời hạn")
    expect(history).to_contain_text(f"Theo Văn bản số {LETTER}")
    expect(page.locator(".facts")).to_contain_text(new_deadline)
    page.goto(second)
    expect(page.locator(".status-line")).to_contain_text("Đã hủy/dừng thực hiện")
    expect(page.locator(".history")).to_contain_text("Hủy, dừng thực hiện từ ngày")
    expect(page.locator(".history")).to_contain_text(LETTER)
    expect(page.get_by_role("heading", name="Thao tác")).to_have_count(0)

    page.set_viewport_size({"width": 390, "height": 844})
    for url in (first, second):
        page.goto(url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, url
