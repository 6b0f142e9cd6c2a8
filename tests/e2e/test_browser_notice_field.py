"""In a real browser: the task list narrowed to one notice by typing its number in the
"Văn bản" field, with the suggestions the field offers as one types."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in


def suggestions(page: Page) -> list[str]:
    return page.locator("#van-ban-goi-y option").evaluate_all(
        "options => options.map(o => o.value)"
    )


def test_an_officer_narrows_her_list_to_a_notice_by_typing_its_number(page: Page) -> None:
    sign_in(page, "stc")
    page.goto("/nhiem-vu/")
    field = page.get_by_label("Văn bản", exact=True)
    field.focus()  # the latest notices are suggested before anything is typed
    expect(page.locator("#van-ban-goi-y option").first).to_be_attached()
    latest = suggestions(page)
    number = latest[0].split(" (")[0]
    typed = number.split("/")[0]
    field.fill(typed)  # the number's first part, as one types it
    options = page.locator("#van-ban-goi-y option")
    expect(options.locator(f":scope:not([value*='{typed}'])")).to_have_count(0)
    expect(options.first).to_be_attached()
    assert typed in suggestions(page)[0]

    field.fill(latest[0])  # a suggestion picked: the notice's label
    page.get_by_role("button", name="Lọc").click()
    expect(page).to_have_url(re.compile(r"thong_bao=\d+"))
    expect(page.get_by_label("Văn bản", exact=True)).to_have_value(latest[0])
    rows = page.locator("table.tasks tbody tr")
    assert rows.count() > 0
    for row in rows.all():
        expect(row).to_contain_text(number)


def test_a_number_no_notice_has_is_said(page: Page) -> None:
    sign_in(page, "stc")
    page.goto("/nhiem-vu/")
    page.get_by_label("Văn bản", exact=True).fill("99999/KHONG-CO")
    page.get_by_role("button", name="Lọc").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Không tìm thấy văn bản nào có số «99999/KHONG-CO»"
    )
    expect(page.get_by_label("Văn bản", exact=True)).to_have_value("99999/KHONG-CO")
