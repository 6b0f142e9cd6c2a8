"""The outline read from real shapes, as tables of small texts: headings that name bodies the
directory lacks, collectives, kind lists, layout tables, documents issued with the signed one,
and the items kept as skipped with their reason."""

from datetime import date

import pytest

from tracker.domain.agency_names import NameDirectory
from tracker.domain.notice_parser import parse_notice
from tracker.domain.pipe_tables import rewrite_pipe_tables
from tracker.domain.place_lists import place_list, unit_list
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


@pytest.mark.parametrize(
    ("text", "places", "rest"),
    [
        (
            "Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương hoàn thiện",
            ["Tỉnh Nghệ An", "Tỉnh Quảng Ngãi", "Tỉnh Cao Bằng"],
            " khẩn trương hoàn thiện",
        ),
        (
            "Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh",
            ["Thành phố Hà Nội", "Tỉnh Bắc Ninh", "Tỉnh Gia Lai"],
            " đẩy nhanh",
        ),
        (
            "Thành phố Hồ Chí Minh, tỉnh Lâm Đồng đẩy nhanh",
            ["Thành phố Hồ Chí Minh", "Tỉnh Lâm Đồng"],
            " đẩy nhanh",
        ),
    ],
)
def test_places_listed_by_name(text: str, places: list[str], rest: str) -> None:
    found = place_list(text)
    assert found is not None
    assert (found[0], text[found[1] :]) == (places, rest)


@pytest.mark.parametrize(
    "text", ["Tỉnh Nghệ An khẩn trương", "các tỉnh khu vực phía Bắc", "Các tỉnh, thành phố"]
)
def test_one_place_or_none_is_no_list(text: str) -> None:
    assert place_list(text) is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # parenthesised numbers are items; bullets under a task are its body's
            "(1) Công an tỉnh chỉ đạo lực lượng tuần tra.\n\n- Chỉ đạo các đơn vị trực ban.\n",
            [
                ("Công an tỉnh", "agency", False, "chỉ đạo lực lượng tuần tra."),
                ("Công an tỉnh", "agency", False, "Chỉ đạo các đơn vị trực ban."),
            ],
        ),
        (  # a kind list with its members' full names, split at commas only
            "8. Các Bộ, cơ quan: Văn hóa, Thể thao và Du lịch, Tập đoàn Điện lực Việt Nam "
            "khẩn trương rà soát.\n",
            [
                ("Bộ Văn hóa, Thể thao và Du lịch", "agency", True, "khẩn trương rà soát."),
                ("Tập đoàn Điện lực Việt Nam", "agency", True, "khẩn trương rà soát."),
            ],
        ),
        (  # a kind list ends where what the bodies are to do begins
            "5. Các Bộ: Quốc phòng, Công an chủ động chỉ đạo các đơn vị.\n",
            [
                ("Bộ Quốc phòng", "agency", True, "chủ động chỉ đạo các đơn vị."),
                ("Bộ Công an", "agency", True, "chủ động chỉ đạo các đơn vị."),
            ],
        ),
        (  # the matter recalled before a colon is no part of the task
            "2. Về việc hỗ trợ xe cứu thương: Giao Sở Tài chính tổng hợp nhu cầu.\n",
            [("Sở Tài chính", "agency", False, "tổng hợp nhu cầu.")],
        ),
        (  # a numbered line without a stop, over items, is a topic
            "Yêu cầu Sở Tài chính thực hiện các nội dung sau:\n\n1. Hoàn thành mục tiêu năm\n\n"
            "a) Rà soát nguồn vốn.\n",
            [("Sở Tài chính", "agency", False, "Rà soát nguồn vốn.")],
        ),
    ],
)
def test_items_and_lists(body: str, expected: list[tuple[str, str, bool, str]]) -> None:
    from tracker.domain.agency_catalogue import national_catalogue

    directory = DIRECTORY.with_catalogue(national_catalogue())
    parsed = parse_notice(HEADER + body, directory, today=date(2024, 2, 5))
    got = [(t.assignee, t.assignee_kind, t.unknown_assignee, t.text[:30]) for t in parsed.tasks]
    assert got == expected


def test_a_closing_formula_joined_to_the_last_item_leaves_the_item() -> None:
    parsed = parse(
        "3. Sở Tài chính tổng hợp nhu cầu trước ngày 15/3/2024. Văn phòng UBND tỉnh thông báo "
        "để các cơ quan biết, triển khai thực hiện./.\n"
    )
    assert [(t.assignee, t.text) for t in parsed.tasks] == [
        ("Sở Tài chính", "tổng hợp nhu cầu trước ngày 15/3/2024.")
    ]
    assert [s.reason for s in parsed.skipped] == [SkipReason.CLOSING]


def test_a_working_session_with_a_province_gives_it_the_items_without_a_subject() -> None:
    text = (
        "Số: 636/TB-VPCP\n\nHà Nội, ngày 24 tháng 11 năm 2025\n\nTHÔNG BÁO\n\n"
        "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH PHÚ THỌ\n\n"
        "II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP\n\n1. Rà soát kế hoạch đầu tư công trung hạn.\n"
    )
    parsed = parse_notice(text, DIRECTORY, today=date(2025, 11, 24))
    assert [(t.assignee, t.text) for t in parsed.tasks] == [
        ("Ủy ban nhân dân tỉnh Phú Thọ", "Rà soát kế hoạch đầu tư công trung hạn.")
    ]


def test_a_lead_in_naming_its_subject_ends_an_assessment() -> None:
    parsed = parse(
        "I. ĐÁNH GIÁ CHUNG\n\nTình hình được cải thiện. Để phát triển, Công an tỉnh cần tập "
        "trung thực hiện một số nhiệm vụ sau đây:\n\n1. Tăng cường tuần tra.\n"
    )
    assert [(t.assignee, t.text) for t in parsed.tasks] == [
        ("Công an tỉnh", "Tăng cường tuần tra.")
    ]


def test_a_task_table_whose_frame_ran_on_from_the_letterhead_keeps_the_body_between() -> None:
    text = (
        "|\n**ỦY BAN NHÂN DÂN**\n|\n**CỘNG HÒA**\n|\n|\nSố: 9/KH-UBND\n|\nAn Giang, ngày 05 "
        "tháng 02 năm 2024\n|\n**KẾ HOẠCH**\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh "
        "phí.\n|\n**PHỤ LỤC**\n|\n**TT**\n|\n**Nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n|\n1\n|\n"
        "Rà soát quy định.\n|\nCông an tỉnh\n|\n"
    )
    parsed = parse_notice(text, DIRECTORY, today=date(2024, 2, 5))
    assert [(t.assignee, t.text) for t in parsed.tasks] == [
        ("Sở Tài chính", "bố trí kinh phí."),
        ("Công an tỉnh", "Rà soát quy định."),
    ]


@pytest.mark.parametrize(
    ("text", "names", "rest"),
    [
        ("Thuế tỉnh Đắk Lắk có trách nhiệm đánh giá", ["Thuế tỉnh Đắk Lắk"], "có trách nhiệm"),
        ("Chi cục Hải quan khu vực XIX tăng cường", ["Chi cục Hải quan khu vực XIX"], "tăng"),
        ("Bộ Y tế Chỉ đạo các bệnh viện", ["Bộ Y tế"], "Chỉ đạo"),
    ],
)
def test_a_catalogued_body_keeps_its_place_or_number(
    text: str, names: list[str], rest: str
) -> None:
    from tracker.domain.agency_catalogue import national_catalogue
    from tracker.domain.assignment import read_assignment

    found = read_assignment(text, DIRECTORY.with_catalogue(national_catalogue()))
    assert found.written_names == names
    assert found.instruction.startswith(rest)


def test_a_cued_collective_over_items_is_their_owner_and_role_lines_are_not_listed() -> None:
    parsed = parse(
        "**11. Đề nghị các doanh nghiệp sản xuất, chế biến**\n\n- Chủ động nắm bắt thị "
        "trường.\n\n**12. Sở Tài chính**\n\n*a) Chủ trì, phối hợp với Công an tỉnh*\n\n"
        "- Bố trí kinh phí.\n"
    )
    assert [(t.assignee, t.assignee_kind, t.text) for t in parsed.tasks] == [
        ("Các doanh nghiệp sản xuất, chế biến", "group", "Chủ động nắm bắt thị trường."),
        ("Sở Tài chính", "agency", "Bố trí kinh phí."),
    ]
    assert parsed.skipped == []


def test_provinces_and_cities_after_their_kind_each_go_by_their_own_kind() -> None:
    text = "Ủy ban nhân dân các tỉnh, thành phố: Tuyên Quang, Hồ Chí Minh quyết liệt chỉ đạo"
    found = unit_list(text)
    assert found is not None
    assert found[0] == ["Ủy ban nhân dân tỉnh Tuyên Quang", "Ủy ban nhân dân Thành phố Hồ Chí Minh"]
    assert text[found[1] :] == " quyết liệt chỉ đạo"


@pytest.mark.parametrize(
    ("heading", "names"),
    [
        (
            "Báo và Phát thanh, Truyền hình Sơn La, Cổng thông tin điện tử tỉnh",
            ["Báo và Phát thanh, Truyền hình Sơn La", "Cổng thông tin điện tử tỉnh"],
        ),
        (
            "Cục Điện ảnh, Cục Du lịch Quốc gia Việt Nam",
            ["Cục Điện ảnh", "Cục Du lịch Quốc gia Việt Nam"],
        ),
        ("Sở Nông nghiệp và Môi trường", ["Sở Nông nghiệp và Môi trường"]),
    ],
)
def test_names_in_a_heading(heading: str, names: list[str]) -> None:
    from tracker.domain.agency_catalogue import national_catalogue
    from tracker.domain.assignment import read_assignment

    directory = DIRECTORY.with_catalogue(national_catalogue())
    assert read_assignment(heading, directory, names_only=True).written_names == names


def test_a_headers_deadline_holds_for_the_items_under_it() -> None:
    parsed = parse(
        "b) Sở Tài chính, Công an tỉnh khẩn trương khắc phục, hoàn thành trong tháng 11 năm "
        "2024, cụ thể:\n\n(1) Sở Tài chính giải quyết 03 vấn đề tồn đọng.\n\n"
        "(2) Công an tỉnh hoàn thành kết nối dữ liệu trước ngày 15/10/2024.\n"
    )
    assert [(t.assignee, t.deadline) for t in parsed.tasks] == [
        ("Sở Tài chính", date(2024, 11, 30)),
        ("Công an tỉnh", date(2024, 10, 15)),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "*Thứ tư,* Công an tỉnh cần chủ động tháo gỡ vướng mắc.\n",
            [("Công an tỉnh", "cần chủ động tháo gỡ vướng mắc.")],
        ),
        (
            "Các tỉnh chịu ảnh hưởng của bão. Đối với Sở Tài chính cần nhanh chóng bố trí kinh "
            "phí.\n",
            [("Sở Tài chính", "cần nhanh chóng bố trí kinh phí.")],
        ),
    ],
)
def test_subjects_after_an_ordinal_or_đối_với(body: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.assignee, t.text) for t in parse(body).tasks] == expected


def test_a_legal_databases_record_of_the_document_names_nobody() -> None:
    parsed = parse(
        "**Nơi ban hành:**\n\nBộ Văn hoá, Thể thao và Du lịch\n\n**Người ký:**\n\nTạ Quang "
        "Đông\n\n**1. Vụ Pháp chế**\n\n- Hoàn thành dự thảo Nghị định.\n"
    )
    assert [(t.assignee, t.text) for t in parsed.tasks] == [
        ("Vụ Pháp chế", "Hoàn thành dự thảo Nghị định.")
    ]


def test_a_topic_heading_over_bullets_names_no_task() -> None:
    parsed = parse(
        "Yêu cầu Sở Tài chính thực hiện các nội dung sau:\n\n**1. Trách nhiệm chung**\n\n"
        "- Bố trí kinh phí.\n"
    )
    assert [(t.assignee, t.text) for t in parsed.tasks] == [("Sở Tài chính", "Bố trí kinh phí.")]


@pytest.mark.parametrize(
    "closing",
    [
        "Văn phòng Chính phủ trân trọng thông báo đến các bộ, cơ quan liên quan./.",
        "Yêu cầu các sở, ban, ngành và các đơn vị có liên quan thực hiện nghiêm túc./.",
    ],
)
def test_closing_formulas_give_no_task(closing: str) -> None:
    parsed = parse(f"1. Sở Tài chính bố trí kinh phí.\n\n{closing}\n")
    assert [t.assignee for t in parsed.tasks] == ["Sở Tài chính"]


def test_the_matter_a_paragraph_answers_is_no_task() -> None:
    text = (
        "Số: 636/TB-VPCP\n\nHà Nội, ngày 24 tháng 11 năm 2025\n\nTHÔNG BÁO\n\n"
        "KẾT LUẬN TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH PHÚ THỌ\n\n"
        "III. VỀ CÁC KIẾN NGHỊ, ĐỀ XUẤT NHIỆM VỤ\n\n2. Về việc xây dựng hệ thống dữ liệu:\n\n"
        "Giao Sở Tài chính nghiên cứu, xử lý kiến nghị của tỉnh.\n"
    )
    parsed = parse_notice(text, DIRECTORY, today=date(2025, 11, 24))
    assert [(t.assignee, t.text) for t in parsed.tasks] == [
        ("Sở Tài chính", "nghiên cứu, xử lý kiến nghị của tỉnh.")
    ]


def test_under_chủ_trì_phối_hợp_the_items_name_the_partners_of_the_body_above() -> None:
    parsed = parse(
        "**2.3. Công an tỉnh**\n\nb) Chủ trì, phối hợp\n\n- Sở Tài chính và các đơn vị có liên "
        "quan tham mưu Ủy ban nhân dân tỉnh cân đối ngân sách.\n"
    )
    assert [(t.assignee, t.coordinating, t.text[:25]) for t in parsed.tasks] == [
        ("Công an tỉnh", ["Sở Tài chính"], "tham mưu Ủy ban nhân dân ")
    ]


def test_named_bodies_then_places() -> None:
    from tracker.domain.agency_catalogue import national_catalogue
    from tracker.domain.assignment import read_assignment

    found = read_assignment(
        "Bộ Xây dựng, Bộ Quốc phòng các tỉnh Ninh Bình, Hưng Yên đôn đốc chủ đầu tư",
        DIRECTORY.with_catalogue(national_catalogue()),
    )
    assert found.written_names == [
        "Bộ Xây dựng",
        "Bộ Quốc phòng",
        "Tỉnh Ninh Bình",
        "Tỉnh Hưng Yên",
    ]
    assert found.instruction == "đôn đốc chủ đầu tư"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "2. Các lực lượng chức năng phải liên tục ra quân.\n",
            [("Các lực lượng chức năng", "group", "phải liên tục ra quân.")],
        ),
        (
            "5. Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia tăng cường kiểm tra.\n",
            [("Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia", "agency", "tăng cường kiểm tra.")],
        ),
        ("3. Bảo đảm an toàn giao thông tăng cường kiểm tra.\n", []),
    ],
)
def test_subjects_the_directory_lacks(body: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.assignee, t.assignee_kind, t.text) for t in parse(body).tasks] == expected


def test_a_role_with_the_body_in_brackets_is_that_body() -> None:
    parsed = parse("b) Yêu cầu Nhà đầu tư (Tập đoàn Đèo Cả) rà soát kế hoạch thi công.\n")
    assert [(t.assignee, t.text) for t in parsed.tasks] == [
        ("Tập đoàn Đèo Cả", "rà soát kế hoạch thi công.")
    ]


def test_a_circumstance_before_the_subject_is_left_out() -> None:
    parsed = parse("3. Căn cứ nội dung Kế hoạch, Sở Tài chính xây dựng kế hoạch triển khai.\n")
    assert [(t.assignee, t.text) for t in parsed.tasks] == [
        ("Sở Tài chính", "xây dựng kế hoạch triển khai.")
    ]


def test_a_company_named_with_a_verb_in_it_is_no_subject() -> None:
    assert parse("18. Công ty TNHH Tập đoàn xây dựng Thanh Bình\n").tasks == []


def test_a_heading_naming_bodies_and_a_word_more_holds_them_for_its_items() -> None:
    parsed = parse("2.11. Công an tỉnh và Sở Tài chính trực thuộc\n\n- Tổ chức tập huấn.\n")
    assert [(t.assignee, t.text) for t in parsed.tasks] == [
        ("Công an tỉnh", "Tổ chức tập huấn."),
        ("Sở Tài chính", "Tổ chức tập huấn."),
    ]


def test_a_report_on_a_schedule_in_a_sentence_of_its_own_is_a_task_of_its_own() -> None:
    parsed = parse(
        "3. Sở Tài chính xây dựng kế hoạch triển khai. Hằng năm báo cáo kết quả thực hiện "
        "về Ủy ban nhân dân tỉnh.\n"
    )
    assert [(t.assignee, t.text[:20], t.recurrence) for t in parsed.tasks] == [
        ("Sở Tài chính", "xây dựng kế hoạch tr", None),
        ("Sở Tài chính", "Hằng năm báo cáo kết", "annual"),
    ]
