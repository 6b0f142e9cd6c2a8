"""The split, shape by shape, on small notices against a small directory."""

from datetime import date

import pytest

from tracker.domain.agency_names import NameDirectory
from tracker.domain.notice_parser import parse_notice

DIRECTORY = NameDirectory(
    agency_aliases={
        "Sở Nội vụ": ["SNV"],
        "Sở Tài chính": ["STC"],
        "Sở Thông tin và Truyền thông": ["Sở TT&TT", "Sở TTTT"],
        "Sở Kế hoạch và Đầu tư": ["Sở KH&ĐT"],
        "Công an tỉnh": [],
        "Văn phòng UBND tỉnh": ["VP UBND tỉnh"],
    },
    group_aliases={
        "Các Sở, Ban, ngành": ["Thủ trưởng các Sở, Ban, ngành"],
        "UBND các huyện": ["Chủ tịch UBND các huyện"],
    },
    group_members={
        "Các Sở, Ban, ngành": ["Sở Nội vụ", "Sở Tài chính"],
        "UBND các huyện": ["UBND huyện A", "UBND huyện B"],
    },
)
HEADER = "Số: 12/TB-UBND\n\nAn Giang, ngày 05 tháng 02 năm 2024\n\nTHÔNG BÁO\n\nKết luận\n\n"


def split(body: str) -> list[tuple[str, str, list[str], str]]:
    parsed = parse_notice(HEADER + body, DIRECTORY, today=date(2024, 2, 5))
    return [(t.assignee, t.assignee_kind, t.coordinating, t.text) for t in parsed.tasks]


def test_heading_then_bullets() -> None:
    tasks = split("2. Giao Sở Nội vụ\n\n- Rà soát các tiêu chí.\n\n- Tổ chức kiểm tra.\n")
    assert tasks == [
        ("Sở Nội vụ", "agency", [], "Rà soát các tiêu chí."),
        ("Sở Nội vụ", "agency", [], "Tổ chức kiểm tra."),
    ]


def test_agency_named_inline_in_bold() -> None:
    tasks = split("**5. Giao Sở Kế hoạch và Đầu tư** triển khai tốt kế hoạch cải thiện.\n")
    assert tasks == [("Sở Kế hoạch và Đầu tư", "agency", [], "triển khai tốt kế hoạch cải thiện.")]


def test_lead_and_coordinating_without_generic_partners() -> None:
    tasks = split(
        "1. Sở TT&TT chủ trì, phối hợp với Văn phòng UBND tỉnh và các đơn vị có liên quan "
        "tổ chức tập huấn.\n"
    )
    assert tasks == [
        ("Sở Thông tin và Truyền thông", "agency", ["Văn phòng UBND tỉnh"], "tổ chức tập huấn.")
    ]


def test_joint_assignment_without_a_lead_gives_one_task_each() -> None:
    tasks = split("3. Giao Sở Nội vụ, Sở Tài chính rà soát biên chế.\n")
    assert [t[0] for t in tasks] == ["Sở Nội vụ", "Sở Tài chính"]
    assert {t[3] for t in tasks} == {"rà soát biên chế."}


def test_request_to_an_agency_outside_the_province() -> None:
    assert split("4. Đề nghị Công an tỉnh bảo đảm an ninh.\n") == [
        ("Công an tỉnh", "agency", [], "bảo đảm an ninh.")
    ]


def test_group_item_is_one_item_with_its_members_and_joined_groups_keep_their_words() -> None:
    parsed = parse_notice(
        HEADER + "6. Thủ trưởng các Sở, Ban, ngành; Chủ tịch UBND các huyện\n\n- Niêm yết TTHC.\n"
        "\n7. Các Sở, Ban, ngành thực hiện nghiêm chế độ báo cáo.\n",
        DIRECTORY,
        today=date(2024, 2, 5),
    )
    first, second = parsed.tasks
    assert first.assignee == "Thủ trưởng các Sở, Ban, ngành; Chủ tịch UBND các huyện"
    assert first.assignee_kind == "group"
    assert first.members == ["Sở Nội vụ", "Sở Tài chính", "UBND huyện A", "UBND huyện B"]
    assert second.assignee == "Các Sở, Ban, ngành"


def test_assessment_sections_approvals_and_closing_give_no_task() -> None:
    tasks = split(
        "I. Đánh giá chung\n\nSở Nội vụ đã tham mưu tốt công tác cải cách.\n\n"
        "II. Nhiệm vụ thời gian tới\n\n1. Đồng ý chủ trương cho Sở Tài chính mua sắm.\n\n"
        "2. Giao Sở Tài chính bố trí kinh phí.\n\n"
        "Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./.\n\n"
        "Nơi nhận:\n\n- Sở Nội vụ;\n"
    )
    assert tasks == [("Sở Tài chính", "agency", [], "bố trí kinh phí.")]


def test_assignments_inside_prose_and_addressees_skipped() -> None:
    tasks = split(
        "Kính gửi:\n\n- Sở Nội vụ;\n\n- Sở Tài chính.\n\n"
        "1. Về đầu tư công\n\nĐến nay giải ngân đạt 41%. Giao Sở KH&ĐT chủ trì, phối hợp với "
        "Sở Tài chính tham mưu điều chỉnh vốn. Đề nghị Công an tỉnh chia sẻ dữ liệu.\n"
    )
    assert [(t[0], t[2]) for t in tasks] == [
        ("Sở Kế hoạch và Đầu tư", ["Sở Tài chính"]),
        ("Công an tỉnh", []),
    ]
    assert tasks[0][3] == "tham mưu điều chỉnh vốn."


def test_unknown_agency_is_kept_as_written_and_flagged() -> None:
    parsed = parse_notice(
        HEADER + "3. Giao Sở Du lịch khẩn trương xây dựng đề án.\n", DIRECTORY, date(2024, 2, 5)
    )
    (task,) = parsed.tasks
    assert (task.assignee, task.unknown_assignee) == ("Sở Du lịch", True)
    assert task.unsure and "Sở Du lịch" in task.notes[0]


def test_task_table_in_an_appendix() -> None:
    tasks = parse_notice(
        HEADER + "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n"
        "|---|---|---|---|---|\n| **I** | **KINH TẾ** | | | |\n"
        "| 1 | Giao kế hoạch vốn | Sở KH&ĐT | Sở Tài chính | Quý I/2024 |\n"
        "| 2 | Báo cáo tiến độ | SNV; STC | | Hằng tháng |\n",
        DIRECTORY,
        date(2024, 2, 5),
    ).tasks
    assert [(t.assignee, t.coordinating, t.deadline, t.recurrence) for t in tasks] == [
        ("Sở Kế hoạch và Đầu tư", ["Sở Tài chính"], date(2024, 3, 31), None),
        ("Sở Nội vụ", [], None, "monthly"),
        ("Sở Tài chính", [], None, "monthly"),
    ]


def test_lead_in_paragraph_names_who_the_items_are_for() -> None:
    tasks = split(
        "Yêu cầu Thủ trưởng các Sở, Ban, ngành thực hiện các nội dung sau:\n\n"
        "1. Tăng cường kỷ luật hành chính.\n"
    )
    assert tasks == [("Các Sở, Ban, ngành", "group", [], "Tăng cường kỷ luật hành chính.")]


@pytest.mark.parametrize(
    ("header", "number", "issued_on", "kind"),
    [
        (
            "Số: 473 /TB-VPUBND\n\nĐắk Nông, ngày 19 tháng 7 năm 2017",
            "473/TB-VPUBND",
            date(2017, 7, 19),
            "thong_bao",
        ),
        (
            "Số: 74/BC- SNV        Bắc Giang, ngày 29 tháng 5 năm 2017",
            "74/BC-SNV",
            date(2017, 5, 29),
            None,
        ),
        (
            "| Số: 1520/UBND-KGVX | Long An, ngày 05 tháng 02 năm 2023 |",
            "1520/UBND-KGVX",
            date(2023, 2, 5),
            "cong_van",
        ),
        (
            "Số: 03/CT-UBND\n\nBắc Giang, ngày 20 tháng 02 năm 2020",
            "03/CT-UBND",
            date(2020, 2, 20),
            "chi_thi",
        ),
    ],
)
def test_header_number_date_and_kind(
    header: str, number: str, issued_on: date, kind: str | None
) -> None:
    parsed = parse_notice(header + "\n\nNội dung.\n", DIRECTORY, today=date(2024, 1, 1))
    assert (parsed.number, parsed.issued_on, parsed.kind) == (number, issued_on, kind)


def test_impossible_date_and_no_assignment_are_reported() -> None:
    parsed = parse_notice(
        "Số: 9/TB-UBND\n\nHuế, ngày 31 tháng 02 năm 2020\n\nNội dung không giao việc.",
        DIRECTORY,
        today=date(2024, 1, 1),
    )
    assert parsed.issued_on is None
    assert "Ngày ban hành 31/2/2020 không có thật." in parsed.problems
    assert "Không tìm thấy nhiệm vụ nào được giao cho cơ quan, đơn vị." in parsed.problems


def test_star_bullets_province_suffix_and_cues_after_a_clause() -> None:
    tasks = split(
        "* Giao Sở Nội vụ tỉnh chủ trì, phối hợp với Sở Tài chính tỉnh rà soát biên chế.\n\n"
        "* Đã giao nhiều việc, đồng thời giao Công an tỉnh bảo đảm an ninh.\n\n"
        "Điều 2. Giao Văn phòng UBND tỉnh theo dõi.\n"
    )
    assert tasks == [
        ("Sở Nội vụ", "agency", ["Sở Tài chính"], "rà soát biên chế."),
        ("Công an tỉnh", "agency", [], "bảo đảm an ninh."),
        ("Văn phòng UBND tỉnh", "agency", [], "theo dõi."),
    ]


def test_the_parser_never_fails_on_odd_text() -> None:
    """Seeded random mixtures of notice fragments, punctuation and junk: the parser returns
    a result (maybe with problems) and never raises."""
    import random

    fragments = [
        "Số: 12/TB-UBND",
        "ngày 31 tháng 02 năm 2020",
        "Giao",
        "Sở Nội vụ",
        "chủ trì,",
        "phối hợp với",
        "các Sở, Ban, ngành",
        ":",
        "- ",
        "1. ",
        "a) ",
        "II. ",
        "**",
        "|",
        "||",
        "trước ngày 15/13/2020",
        "Quý V/2020",
        "định kỳ hằng",
        "Đề nghị",
        "\n\n",
        "./.",
        "Nơi nhận:",
        "(",
        ")",
        "Kính gửi:",
        "UBND các huyện",
        "đ",
        "\x00",
        "ﬁ",
        "Yêu cầu",
    ]
    rng = random.Random(20261122)
    for _ in range(300):
        text = " ".join(rng.choice(fragments) for _ in range(rng.randint(0, 60)))
        parsed = parse_notice(text, DIRECTORY, today=date(2024, 1, 1))
        assert isinstance(parsed.problems, list)


def test_a_second_body_named_as_subject_of_a_clause_gets_its_own_task() -> None:
    tasks = split(
        "4. Sở Tài chính tham mưu bố trí kinh phí lập quy hoạch; Sở Nội vụ phối hợp rà soát "
        "biên chế các đơn vị.\n\n"
        "5. Thủ trưởng các Sở, Ban, ngành; Chủ tịch UBND các huyện chỉ đạo thực hiện.\n"
    )
    assert [(t[0], t[3]) for t in tasks] == [
        ("Sở Tài chính", "tham mưu bố trí kinh phí lập quy hoạch;"),
        ("Sở Nội vụ", "phối hợp rà soát biên chế các đơn vị."),
        ("Thủ trưởng các Sở, Ban, ngành; Chủ tịch UBND các huyện", "chỉ đạo thực hiện."),
    ]


def test_statements_of_fact_and_approvals_are_not_tasks() -> None:
    tasks = split(
        "1. Sở Nội vụ đã hoàn thành việc rà soát biên chế năm 2023.\n\n"
        "2. Đồng ý chủ trương cho Sở Tài chính mua sắm thiết bị; Sở Tài chính chịu trách "
        "nhiệm bảo đảm nguồn vốn theo quy định.\n"
    )
    assert tasks == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền.",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        ),
        (
            "Đề nghị Tổng Công ty Điện lực miền Trung bảo đảm cấp điện.",
            "Tổng Công ty Điện lực miền Trung",
        ),
        ("Giao Ban Quản lý vịnh Nha Trang tăng cường tuần tra.", "Ban Quản lý vịnh Nha Trang"),
    ],
)
def test_bodies_outside_the_directory_are_kept_as_written(sentence: str, name: str) -> None:
    parsed = parse_notice(HEADER + "1. " + sentence + "\n", DIRECTORY, date(2024, 2, 5))
    (task,) = parsed.tasks
    assert (task.assignee, task.unknown_assignee) == (name, True)
