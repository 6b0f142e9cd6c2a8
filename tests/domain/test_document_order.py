"""An item added from a passage of the notice takes its place in the document's order."""

import pytest

from tracker.domain.document_order import insertion_index

BODY = """1. Giao Sở Tài chính bố trí kinh phí trong Quý I/2027.

2. Đồng ý chủ trương đầu tư dự án X; giao Phòng Quản lý đô thị
rà soát hồ sơ.

3. Giao Sở Xây dựng lập quy hoạch chung trước ngày 31/3/2027.
"""
ITEMS = ["bố trí kinh phí trong Quý I/2027.", "lập quy hoạch chung trước ngày 31/3/2027."]


@pytest.mark.parametrize(
    ("passage", "index"),
    [
        # line breaks and case do not matter
        ("Đồng ý chủ trương đầu tư dự án X; giao Phòng Quản lý đô thị rà soát hồ sơ.", 1),
        ("GIAO SỞ TÀI CHÍNH bố trí kinh phí", 0),
        ("Giao Sở Xây dựng lập quy hoạch chung", 1),
        ("Một đoạn không có trong văn bản.", 2),
    ],
)
def test_a_passage_goes_after_the_last_item_before_it(passage: str, index: int) -> None:
    assert insertion_index(BODY, ITEMS, passage) == index


def test_items_the_body_does_not_contain_do_not_count() -> None:
    items = ["Nội dung do người kiểm tra gõ lại.", *ITEMS]
    assert insertion_index(BODY, items, "Đồng ý chủ trương đầu tư dự án X") == 2
    assert insertion_index(BODY, [], "Đồng ý chủ trương") == 0
