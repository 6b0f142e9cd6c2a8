"""The outline read from real shapes, as tables of small texts: headings that name bodies the
directory lacks, collectives, kind lists, layout tables, documents issued with the signed one,
and the items kept as skipped with their reason."""

from datetime import date

import pytest

from tracker.domain.agency_names import NameDirectory
from tracker.domain.notice_parser import parse_notice
from tracker.domain.pipe_tables import rewrite_pipe_tables
from tracker.domain.skipped_items import SkipReason

DIRECTORY = NameDirectory(
    agency_aliases={
        "Sở Tài chính": ["STC"],
        "Sở Nông nghiệp và Phát triển nông thôn": ["Sở Nông nghiệp", "Sở NN&PTNT"],
        "Công an tỉnh": [],
    },
    group_aliases={"Các Sở, Ban, ngành": ["Thủ trưởng các Sở, Ban, ngành"]},
    group_members={"Các Sở, Ban, ngành": ["Sở Tài chính"]},
)
HEADER = "Số: 12/TB-UBND\n\nAn Giang, ngày 05 tháng 02 năm 2024\n\nTHÔNG BÁO\n\nKết luận\n\n"


def parse(body: str):  # type: ignore[no-untyped-def]
    return parse_notice(HEADER + body, DIRECTORY, today=date(2024, 2, 5))


def split(body: str) -> list[tuple[str, str, bool, str]]:
    return [
        (t.assignee, t.assignee_kind, t.unknown_assignee, t.text[:30]) for t in parse(body).tasks
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # a bold heading naming a body the directory lacks, over bullets
            "**4. Trung tâm Chuyển đổi số tỉnh**\n\n- Xây dựng nền tảng dữ liệu.\n\n"
            "- Bảo đảm an toàn thông tin.\n",
            [
                ("Trung tâm Chuyển đổi số tỉnh", "agency", True, "Xây dựng nền tảng dữ liệu."),
                ("Trung tâm Chuyển đổi số tỉnh", "agency", True, "Bảo đảm an toàn thông tin."),
            ],
        ),
        (  # a name before a colon
            "3. Cục Báo chí: Khẩn trương hoàn thành phương án.\n",
            [("Cục Báo chí", "agency", True, "Khẩn trương hoàn thành phương ")],
        ),
        (  # a collective the directory does not hold: a group as written
            "**2. Các đơn vị có thủ tục hành chính:**\n\n- Số hóa hồ sơ.\n",
            [("Các đơn vị có thủ tục hành chính", "group", False, "Số hóa hồ sơ.")],
        ),
        (  # a kind list: one body each
            "1. Các Bộ: Tài chính, Y tế, Tư pháp khẩn trương rà soát quy định.\n",
            [
                ("Bộ Tài chính", "agency", True, "khẩn trương rà soát quy định."),
                ("Bộ Y tế", "agency", True, "khẩn trương rà soát quy định."),
                ("Bộ Tư pháp", "agency", True, "khẩn trương rà soát quy định."),
            ],
        ),
        (  # a new name is not the old agency it begins like
            "**1. Sở Nông nghiệp và Môi trường:**\n\n- Rà soát quy hoạch.\n",
            [("Sở Nông nghiệp và Môi trường", "agency", True, "Rà soát quy hoạch.")],
        ),
        (  # ordinary phrases that begin like a body are not one
            "**1. Số hóa hồ sơ, kết quả giải quyết**\n\n- Bảo đảm tiến độ.\n",
            [],
        ),
        (  # a role sub-heading under a body keeps the body
            "**1. Sở Tài chính**\n\n*a) Chủ trì, phối hợp với Công an tỉnh:*\n\n"
            "- Lập dự toán kinh phí.\n",
            [("Sở Tài chính", "agency", False, "Lập dự toán kinh phí.")],
        ),
    ],
)
def test_headings_name_bodies(body: str, expected: list[tuple[str, str, bool, str]]) -> None:
    assert split(body) == expected


def test_a_plan_issued_with_the_decision_is_read_after_the_signature() -> None:
    body = (
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\n"
        "Điều 2. Chánh Văn phòng, Thủ trưởng các Sở, Ban, ngành chịu trách nhiệm thi hành "
        "Quyết định này./.\n\nNơi nhận:\n\n- Như Điều 2;\n\n- Lưu: VT.\n\n"
        "**KT. CHỦ TỊCH**\n\n**Nguyễn Văn A**\n\n**KẾ HOẠCH**\n\n**I. TỔ CHỨC THỰC HIỆN**\n\n"
        "**1. Sở Tài chính**\n\n- Bố trí kinh phí thực hiện.\n"
    )
    parsed = parse(body)
    assert [(t.assignee, t.text) for t in parsed.tasks] == [
        ("Sở Tài chính", "Bố trí kinh phí thực hiện.")
    ]
    assert [item.reason for item in parsed.skipped] == [SkipReason.CLOSING]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("1. Đồng ý chủ trương giao Sở Tài chính lập dự án.\n", SkipReason.APPROVAL),
        ("1. Giao phòng chuyên môn rà soát hồ sơ dự án.\n", SkipReason.NO_BODY),
        ("1. UBND tỉnh sẽ xem xét, chỉ đạo sau khi có báo cáo.\n", SkipReason.PROVINCE),
        (
            "I. ĐÁNH GIÁ CHUNG\n\nSở Tài chính đã chủ trì tham mưu tốt.\n\nII. NHIỆM VỤ\n",
            SkipReason.STATEMENT,
        ),
    ],
)
def test_cued_items_without_a_task_are_kept_with_their_reason(
    body: str, reason: SkipReason
) -> None:
    parsed = parse(body)
    assert parsed.tasks == []
    assert [item.reason for item in parsed.skipped] == [reason]
    assert parsed.skipped[0].text in body


def test_an_item_without_a_cue_is_not_listed() -> None:
    assert parse("1. Tình hình kinh tế tăng trưởng khá.\n").skipped == []


LAYOUT_TABLE = """|
**TT**
|
**Nhiệm vụ**
|
**Cơ quan chủ trì**
|
**Thời gian hoàn thành**
|
|
**I**
|
**Thể chế**
|
|
1
|
Rà soát quy định về phí.
|
Sở Tài chính
|
Quý IV/2024
|
|
Xây dựng hạ tầng dự phòng.
|
Trung tâm Chuyển đổi số
|
|
|
2
|
Tổng hợp kết quả.
|
|
Năm 2024
|

"""


def test_layout_tables_become_markdown_rows() -> None:
    assert rewrite_pipe_tables(LAYOUT_TABLE).splitlines()[:5] == [
        "| **TT** | **Nhiệm vụ** | **Cơ quan chủ trì** | **Thời gian hoàn thành** |",
        "| **I** | **Thể chế** |",
        "| 1 | Rà soát quy định về phí. | Sở Tài chính | Quý IV/2024 |",
        "| Xây dựng hạ tầng dự phòng. | Trung tâm Chuyển đổi số |   |",
        "| 2 | Tổng hợp kết quả. |   | Năm 2024 |",
    ]


def test_a_two_column_layout_is_left_alone() -> None:
    letterhead = "|\n**ỦY BAN NHÂN DÂN**\n|\n**CỘNG HÒA**\n|\n\nNội dung.\n"
    assert rewrite_pipe_tables(letterhead) == letterhead


def test_rows_of_a_layout_table_are_tasks_and_rows_without_a_body_are_skipped() -> None:
    parsed = parse(LAYOUT_TABLE)
    assert [(t.assignee, t.unknown_assignee, t.deadline) for t in parsed.tasks] == [
        ("Sở Tài chính", False, date(2024, 12, 31)),
        ("Trung tâm Chuyển đổi số", True, None),
    ]
    assert [(s.text, s.reason) for s in parsed.skipped] == [
        ("Tổng hợp kết quả.", SkipReason.NO_BODY)
    ]
