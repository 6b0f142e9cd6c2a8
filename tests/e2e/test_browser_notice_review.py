"""In a real browser: the secretariat uploads a notice, fixes the item the parser was unsure
of, publishes, and the agency sees its new task."""

import io
from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import FloatRect, Page, expect

from tests.e2e.conftest import screenshot_path, sign_in

pytestmark = pytest.mark.e2e

PARAGRAPHS = [
    "Số: 301/TB-UBND",
    "Đắk Nông, ngày 10 tháng 11 năm 2026",
    "THÔNG BÁO",
    "Kết luận về phát triển du lịch cộng đồng",
    "1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí trong Quý I/2027.",
    "2. Giao Ban Quản lý Khu du lịch Tà Đùng xây dựng đề án du lịch cộng đồng trước ngày "
    "31/3/2027.",
    "Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./.",
]


def notice_docx(folder: Path) -> Path:
    document = Document()
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    path = folder / "tb-301.docx"
    path.write_bytes(buffer.getvalue())
    return path


def test_upload_review_and_publish(page: Page, tmp_path: Path) -> None:
    sign_in(page, "vanphong")
    page.get_by_role("link", name="Nhập văn bản").click()
    page.get_by_label("Hoặc tải lên tệp").set_input_files(str(notice_docx(tmp_path)))
    page.get_by_role("button", name="Đọc văn bản").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Kiểm tra nhiệm vụ trước khi ban hành"
    )
    expect(page.get_by_label("Số, ký hiệu")).to_have_value("301/TB-UBND")
    cards = page.locator("article.item-card")
    expect(cards).to_have_count(2)
    unsure = page.locator("article.item-card.unsure")
    expect(unsure).to_have_count(1)
    expect(unsure).to_contain_text("Ban Quản lý Khu du lịch Tà Đùng")
    expect(cards.first.get_by_label("Hạn xử lý")).to_have_value("31/03/2027")

    page.screenshot(path=str(screenshot_path("notice-review.png", tmp_path)), full_page=False)

    # publishing with the unknown body still unmapped is refused, nothing is lost
    page.get_by_role("button", name="Ban hành và giao nhiệm vụ").click()
    expect(page.locator(".alert-error")).to_contain_text("chưa chọn cơ quan chủ trì")

    unsure = page.locator("article.item-card.unsure")
    unsure.get_by_label("Cơ quan chủ trì").select_option(label="Sở Văn hóa, Thể thao và Du lịch")
    page.get_by_role("button", name="Ban hành và giao nhiệm vụ").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thông báo số 301/TB-UBND")
    expect(page.locator(".alert-info")).to_contain_text("Đã ban hành và giao 2 nhiệm vụ")
    sections = page.locator("section.agency-group h3").all_inner_texts()
    assert [s.split(" (")[0] for s in sections] == [
        "Sở Tài chính",
        "Sở Văn hóa, Thể thao và Du lịch",
    ]
    page.screenshot(path=str(tmp_path / "published.png"), full_page=True)

    page.get_by_role("button", name="Đăng xuất").click()
    sign_in(page, "svhttdl")
    expect(page.get_by_text("xây dựng đề án du lịch cộng đồng")).to_be_visible()
    expect(page.locator(".nav-count")).to_be_visible()


def pasted_notice(number: int) -> str:
    """A notice whose item 2 approves a project and asks a body the directory lacks to act:
    the parser gives no task for it and lists it as skipped."""
    return "\n\n".join(
        [
            f"Số: {number}/TB-UBND",
            "Đắk Nông, ngày 10 tháng 11 năm 2026",
            "THÔNG BÁO",
            "Kết luận về phát triển đô thị",
            "1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí trong "
            "Quý I/2027.",
            "2. Đồng ý chủ trương đầu tư dự án X; giao Phòng Quản lý đô thị rà soát hồ sơ "
            "trong tháng 12/2026.",
            "3. Giao Sở Xây dựng lập quy hoạch chung trước ngày 31/3/2027.",
            "Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./.",
        ]
    )


def assert_no_horizontal_overflow(page: Page) -> None:
    # the stylesheet may still be on its way when the expected text is already there
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize(
    ("width", "height", "number"), [(1280, 900, 311), (390, 844, 312)], ids=["desktop", "phone"]
)
def test_a_skipped_passage_made_a_task_before_publishing(
    page: Page, tmp_path: Path, width: int, height: int, number: int
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    sign_in(page, "vanphong")
    page.goto("/thong-bao/moi")
    page.get_by_label("Dán toàn văn").fill(pasted_notice(number))
    page.get_by_role("button", name="Đọc văn bản").click()

    skipped = page.locator("#doan-chua-xu-ly")
    expect(skipped.get_by_role("heading")).to_have_text(
        "Đoạn có dấu hiệu giao việc nhưng chưa tạo nhiệm vụ (1)"
    )
    card = skipped.locator("article.skipped-card")
    expect(card).to_contain_text("Đồng ý chủ trương đầu tư dự án X")
    expect(card).to_contain_text("Ý kiến đồng ý, chấp thuận, thống nhất")
    expect(card.get_by_label("Hạn xử lý")).to_have_value("31/12/2026")
    expect(page.locator(".publish-warning")).to_have_text(
        "Còn 1 đoạn có dấu hiệu giao việc chưa được xử lý — xem lại trước khi ban hành."
    )
    expect(page.locator("article.item-card")).to_have_count(2)
    assert_no_horizontal_overflow(page)
    page.screenshot(
        path=str(screenshot_path(f"notice-skipped-{width}.png", tmp_path)), full_page=True
    )

    card.get_by_label("Cơ quan chủ trì").select_option(label="Sở Xây dựng")
    card.get_by_role("button", name="Tạo nhiệm vụ").click()

    expect(page.locator(".alert-info")).to_contain_text("Đã tạo nhiệm vụ ở mục 2.")
    cards = page.locator("article.item-card")
    expect(cards).to_have_count(3)
    expect(cards.nth(1).get_by_label("Nội dung nhiệm vụ")).to_have_value(
        "Đồng ý chủ trương đầu tư dự án X; giao Phòng Quản lý đô thị rà soát hồ sơ "
        "trong tháng 12/2026."
    )
    expect(cards.nth(1).get_by_label("Cơ quan chủ trì")).to_have_value(
        cards.nth(1).locator("option", has_text="Sở Xây dựng").first.get_attribute("value") or ""
    )
    expect(cards.nth(1).get_by_label("Hạn xử lý")).to_have_value("31/12/2026")
    expect(skipped.get_by_role("heading")).to_have_text(
        "Đoạn có dấu hiệu giao việc nhưng chưa tạo nhiệm vụ (0)"
    )
    expect(page.locator(".publish-warning")).to_have_count(0)
    assert_no_horizontal_overflow(page)
    page.screenshot(path=str(tmp_path / f"skipped-taken-{width}.png"), full_page=True)

    page.get_by_role("button", name="Ban hành và giao nhiệm vụ", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Thông báo số {number}/TB-UBND")
    expect(page.locator(".alert-info")).to_contain_text("Đã ban hành và giao 3 nhiệm vụ")


def long_notice(number: int) -> str:
    """A notice long enough that both the source text and the task list outrun the screen."""
    items = [
        f"{index}. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát, tổng hợp nhu cầu "
        f"kinh phí của các cơ quan, đơn vị cho nội dung thứ {index}, báo cáo UBND tỉnh xem xét, "
        "quyết định trong Quý I/2027."
        for index in range(1, 13)
    ]
    return "\n\n".join(
        [
            f"Số: {number}/TB-UBND",
            "Đắk Nông, ngày 10 tháng 11 năm 2026",
            "THÔNG BÁO",
            "Kết luận về quản lý tài chính công",
            *items,
            "Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./.",
        ]
    )


def overlap(first: FloatRect, second: FloatRect) -> float:
    """The area two boxes share."""
    width = min(first["x"] + first["width"], second["x"] + second["width"]) - max(
        first["x"], second["x"]
    )
    height = min(first["y"] + first["height"], second["y"] + second["height"]) - max(
        first["y"], second["y"]
    )
    return max(width, 0) * max(height, 0)


@pytest.mark.parametrize(
    ("width", "height", "number"), [(1280, 900, 321), (390, 844, 322)], ids=["desktop", "phone"]
)
def test_the_action_bar_never_covers_the_source_text(
    page: Page, width: int, height: int, number: int
) -> None:
    """Scrolled anywhere, the bar with the publish and save buttons leaves the part of the
    source text on screen uncovered."""
    page.set_viewport_size({"width": width, "height": height})
    sign_in(page, "vanphong")
    page.goto("/thong-bao/moi")
    page.get_by_label("Dán toàn văn").fill(long_notice(number))
    page.get_by_role("button", name="Đọc văn bản").click()
    expect(page.locator("article.item-card")).to_have_count(12)
    page.wait_for_load_state("load")

    source, bar = page.locator(".review-source"), page.locator(".review-bar")
    screen: FloatRect = {"x": 0, "y": 0, "width": width, "height": height}
    page_height = page.evaluate("document.documentElement.scrollHeight")
    assert page_height > 2 * height
    source_seen = 0
    for top in range(0, page_height, height // 4):
        page.evaluate(f"window.scrollTo(0, {top})")
        source_box, bar_box = source.bounding_box(), bar.bounding_box()
        assert source_box is not None and bar_box is not None
        source_on_screen = overlap(source_box, screen)
        source_seen += source_on_screen > 0
        if source_on_screen and overlap(bar_box, screen):
            assert overlap(source_box, bar_box) == 0, (top, source_box, bar_box)
    assert source_seen >= 2
