"""A later document's references to the earlier ones it changes, read as a table."""

import pytest

from tracker.domain.amendment_references import find_references

CASES = [
    (
        "Sửa đổi, bổ sung mục 3 Thông báo số 473/TB-VPUBND ngày 15/9/2017 như sau:",
        [("amend", "Thông báo", "473/TB-VPUBND", ("3",))],
    ),
    ("Bãi bỏ khoản 2 Kết luận số 12-KL/TU.", [("cancel", "Kết luận", "12-KL/TU", ("2",))]),
    (
        "Văn bản này thay thế Công văn số 1520/UBND-KGVX ngày 20/8/2026.",
        [("replace", "Công văn", "1520/UBND-KGVX", ())],
    ),
    (
        "Tạm dừng thực hiện nhiệm vụ 4 tại Thông báo số 98/TB-UBND; giao Sở Tài chính...",
        [("pause", "Thông báo", "98/TB-UBND", ("4",))],
    ),
    (
        "Thu hồi Quyết định số 1118/QĐ-UBND ngày 03/6/2020, các mục 1, mục 2.",
        [("cancel", "Quyết định", "1118/QĐ-UBND", ("1", "2"))],
    ),
    (
        "Điều chỉnh thời hạn tại mục 5 và mục 6 Thông báo số 473/TB-VPUBND thành ngày 30/12.",
        [("amend", "Thông báo", "473/TB-VPUBND", ("5", "6"))],
    ),
    ("Giao Sở Nội vụ bổ sung nhân sự cho đề án.", []),
    ("Sở Tài chính thay thế thiết bị hư hỏng; báo cáo trước 30/6.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_references_to_earlier_documents(text: str, expected: list[tuple[object, ...]]) -> None:
    found = [(r.action, r.kind, r.number, r.items) for r in find_references(text)]
    assert found == expected


def test_the_phrase_is_quoted_from_the_original_words() -> None:
    (reference,) = find_references("Đề nghị bãi bỏ mục 2 Thông báo số 5/TB-UBND.")
    assert reference.phrase == "bãi bỏ mục 2 Thông báo số 5/TB-UBND"
    assert reference.action_label == "Bãi bỏ, dừng thực hiện"
