"""Names the province's directory does not know, read from the national catalogue and the
name grammar; the directory wins where it knows a name, and no name reaches another body
by resemblance."""

from datetime import date

import pytest

from tracker.domain.agency_catalogue import (
    catalogue_description,
    catalogue_entries,
    national_catalogue,
    written_forms,
)
from tracker.domain.agency_names import AGENCY, GROUP, NameDirectory, NameMatch
from tracker.domain.notice_parser import parse_notice
from tracker.domain.text import fold

# A province before the 2025 mergers; "Sở Kế hoạch - Đầu tư" is its own spelling, and it
# records that "Sở Giao thông vận tải" was merged into its "Sở Xây dựng".
PROVINCE = NameDirectory(
    agency_aliases={
        "Sở Nông nghiệp và Phát triển nông thôn": ["Sở NN&PTNT", "Sở Nông nghiệp"],
        "Sở Kế hoạch và Đầu tư": ["Sở Kế hoạch - Đầu tư"],
        "Sở Xây dựng": ["Sở Giao thông vận tải"],
        "Sở Y tế": [],
        "Công an tỉnh": [],
    },
    group_aliases={"Các Sở, Ban, ngành": ["các Sở, ngành"]},
    group_members={"Các Sở, Ban, ngành": ["Sở Y tế"]},
).with_catalogue(national_catalogue())
NOWHERE = NameDirectory({}, {}, {}).with_catalogue(national_catalogue())


def read(directory: NameDirectory, text: str) -> NameMatch | None:
    folded = fold(text)
    return directory.match_at(folded, 0) or directory.unknown_at(folded, 0)


def described(directory: NameDirectory, text: str) -> tuple[str, str | None, str | None]:
    """(where the name came from, its canonical name, its kind) for a name at the start."""
    match = read(directory, text)
    if match is None:
        return ("none", None, None)
    for source, known in (("directory", match.known), ("catalogue", match.catalogued)):
        if known is not None:
            return (source, known.canonical, known.kind)
    return ("unknown", None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the 2025 ministries and departments
        ("Bộ Nông nghiệp và Môi trường chủ trì", "Bộ Nông nghiệp và Môi trường"),
        ("Bộ Dân tộc và Tôn giáo hướng dẫn", "Bộ Dân tộc và Tôn giáo"),
        ("Bộ Văn hóa, Thể thao và Du lịch chủ trì", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("Bộ Văn hoá, Thể thao và Du lịch chủ trì", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("Sở Nông nghiệp và Môi trường chủ trì", "Sở Nông nghiệp và Môi trường"),
        ("Sở NN&MT chủ trì", "Sở Nông nghiệp và Môi trường"),
        ("Sở Dân tộc và Tôn giáo tham mưu", "Sở Dân tộc và Tôn giáo"),
        ("Văn phòng Đoàn ĐBQH và HĐND tỉnh tham mưu", None),
        ("Thuế tỉnh Đắk Lắk triển khai", "Thuế tỉnh"),
        # names from before 2025, and abbreviations
        ("Bộ Kế hoạch và Đầu tư chủ trì", "Bộ Kế hoạch và Đầu tư"),
        ("Bộ LĐ-TB&XH hướng dẫn", "Bộ Lao động - Thương binh và Xã hội"),
        ("Sở TT&TT chủ trì", "Sở Thông tin và Truyền thông"),
        ("Sở LĐ-TB&XH chủ trì", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở Lao động-Thương binh và Xã hội chủ trì", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở GD&ĐT chủ trì", "Sở Giáo dục và Đào tạo"),
        ("Sở VHTTDL chủ trì", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở GTVT chủ trì", "Sở Giao thông vận tải"),
        ("Sở TN&MT chủ trì", "Sở Tài nguyên và Môi trường"),
        ("Sở Y tế tỉnh chủ trì", "Sở Y tế"),
        ("Sở Tư pháp thành phố chủ trì", "Sở Tư pháp"),
        # central bodies, provincial bodies, state groups
        ("Ngân hàng Nhà nước Việt Nam chỉ đạo", "Ngân hàng Nhà nước Việt Nam"),
        ("Đài Truyền hình Việt Nam phối hợp", "Đài Truyền hình Việt Nam"),
        ("TTXVN phối hợp", "Thông tấn xã Việt Nam"),
        ("Kiểm toán nhà nước kiểm toán", "Kiểm toán nhà nước"),
        ("Bộ CHQS tỉnh chủ trì", "Bộ Chỉ huy Quân sự tỉnh"),
        ("Ủy ban MTTQ Việt Nam tỉnh phối hợp", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("Tỉnh đoàn phối hợp", "Tỉnh đoàn"),
        ("EVN khẩn trương", "Tập đoàn Điện lực Việt Nam"),
        ("Petrovietnam báo cáo", "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam"),
        (
            "Tập đoàn Dầu khí Việt Nam báo cáo",
            "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam",
        ),
        ("Viettel bảo đảm", "Tập đoàn Công nghiệp - Viễn thông Quân đội"),
        ("Tổng công ty Cảng hàng không Việt Nam đầu tư", "Tổng công ty Cảng hàng không Việt Nam"),
    ],
)
def test_agencies_from_the_catalogue(text: str, expected: str | None) -> None:
    source, canonical, kind = described(NOWHERE, text)
    if expected is None:  # any catalogue agency will do: the spelling is the test
        assert (source, kind) == ("catalogue", AGENCY)
    else:
        assert (source, canonical, kind) == ("catalogue", expected, AGENCY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thủ trưởng các sở, ban, ngành tỉnh thực hiện", "Các sở, ban, ngành"),
        ("Các sở, ngành thực hiện", "Các sở, ban, ngành"),
        ("Các sở, ban, ngành, địa phương triển khai", "Các sở, ban, ngành, địa phương"),
        ("Chủ tịch UBND các huyện, thị xã, thành phố chỉ đạo", None),
        ("UBND các xã, phường, đặc khu triển khai", "Ủy ban nhân dân các xã, phường, đặc khu"),
        ("UBND xã, phường, đặc khu triển khai", "Ủy ban nhân dân các xã, phường, đặc khu"),
        ("Ủy ban nhân dân các xã, phường triển khai", "Ủy ban nhân dân các xã, phường"),
        ("Người đứng đầu các cơ quan, đơn vị chịu trách nhiệm", None),
        ("Các cơ quan, đơn vị, địa phương thực hiện", None),
        (
            "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ khẩn trương",
            "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
        ),
        ("Các bộ, ngành triển khai", "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ"),
        ("Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ chỉ đạo", None),
        (
            "Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương chỉ đạo",
            "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        ),
        (
            "UBND các tỉnh, thành phố trực thuộc Trung ương chỉ đạo",
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        ),
        ("Các chủ đầu tư khẩn trương", "Các chủ đầu tư"),
        ("Các cơ quan Trung ương trên địa bàn tỉnh phối hợp", None),
        ("Các tập đoàn, tổng công ty nhà nước rà soát", "Các tập đoàn, tổng công ty nhà nước"),
    ],
)
def test_collective_forms_are_groups(text: str, expected: str | None) -> None:
    source, canonical, kind = described(NOWHERE, text)
    assert (source, kind) == ("catalogue", GROUP)
    if expected is not None:
        assert canonical == expected


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Các sở, ngành liên quan phối hợp", "cac so, nganh lien quan"),
        ("Các sở, ngành có liên quan phối hợp", "cac so, nganh co lien quan"),
        (
            "UBND các xã, phường trên địa bàn tỉnh triển khai",
            "ubnd cac xa, phuong tren dia ban tinh",
        ),
    ],
)
def test_a_collective_name_keeps_its_tail(text: str, written: str) -> None:
    match = read(NOWHERE, text)
    assert match is not None
    assert fold(text)[match.start : match.end] == written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the directory's own names and spellings win
        ("Sở Y tế chủ trì", ("directory", "Sở Y tế", AGENCY)),
        ("Sở Y tế tỉnh chủ trì", ("directory", "Sở Y tế", AGENCY)),
        ("Các Sở, ngành thực hiện", ("directory", "Các Sở, Ban, ngành", GROUP)),
        # the catalogue's spelling of a body the directory knows gives the directory's name
        ("Sở KH&ĐT tham mưu", ("directory", "Sở Kế hoạch và Đầu tư", AGENCY)),
        ("Sở NNPTNT tham mưu", ("directory", "Sở Nông nghiệp và Phát triển nông thôn", AGENCY)),
        # the directory's own merge history takes an old name to today's holder
        ("Sở Giao thông vận tải chủ trì", ("directory", "Sở Xây dựng", AGENCY)),
        ("Sở GTVT chủ trì", ("directory", "Sở Xây dựng", AGENCY)),
        # the catalogue's merged_into does not: the directory has no Sở Tài chính to reach
        ("Sở Kế hoạch và Đầu tư chủ trì", ("directory", "Sở Kế hoạch và Đầu tư", AGENCY)),
        (
            "Sở Thông tin và Truyền thông chủ trì",
            ("catalogue", "Sở Thông tin và Truyền thông", AGENCY),
        ),
        # a name the directory does not know stays out of it
        (
            "Sở Nông nghiệp và Môi trường chủ trì",
            ("catalogue", "Sở Nông nghiệp và Môi trường", AGENCY),
        ),
        ("Sở Du lịch chủ trì", ("catalogue", "Sở Du lịch", AGENCY)),
        ("Công ty Điện lực Phú Thọ bảo đảm", ("unknown", None, None)),
    ],
)
def test_the_directory_wins_where_it_knows_a_name(
    text: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert described(PROVINCE, text) == expected


@pytest.mark.parametrize(
    ("text", "not_this"),
    [
        ("Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở NN&MT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường"),
        ("Bộ Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"),
        ("Sở Khoa học và Công nghệ", "Bộ Khoa học và Công nghệ"),
        ("Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Môi trường"),
        ("Sở Kế hoạch và Đầu tư", "Sở Tài chính"),
        ("Sở Văn hóa và Thể thao", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Cục Thuế tỉnh", "Thuế tỉnh"),
        ("Ngân hàng Nhà nước chi nhánh tỉnh", "Ngân hàng Nhà nước Việt Nam"),
        ("Thanh tra tỉnh", "Thanh tra Chính phủ"),
    ],
)
def test_never_another_body_by_resemblance(text: str, not_this: str) -> None:
    for directory in (PROVINCE, NOWHERE):
        _, canonical, _ = described(directory, text + " chủ trì")
        assert canonical != not_this


@pytest.mark.parametrize(
    ("text", "written", "body", "canonical"),
    [
        ("Bộ trưởng Bộ Y tế chỉ đạo", "bo truong bo y te", "bo y te", "Bộ Y tế"),
        ("Thứ trưởng Bộ Công Thương chỉ đạo", "thu truong bo cong thuong", "bo cong thuong", None),
        ("Giám đốc Sở Y tế chỉ đạo", "giam doc so y te", "so y te", "Sở Y tế"),
        ("Phó Giám đốc Sở Du lịch chỉ đạo", "pho giam doc so du lich", "so du lich", None),
        (
            "Chủ tịch UBND tỉnh Phú Thọ chỉ đạo",
            "chu tich ubnd tinh phu tho",
            "ubnd tinh phu tho",
            None,
        ),
        ("Bí thư Tỉnh ủy chỉ đạo", "bi thu tinh uy", "tinh uy", "Tỉnh ủy"),
        ("Tổng Giám đốc EVN chỉ đạo", "tong giam doc evn", "evn", "Tập đoàn Điện lực Việt Nam"),
    ],
)
def test_office_holders_give_the_body(
    text: str, written: str, body: str, canonical: str | None
) -> None:
    match = read(NOWHERE, text)
    assert match is not None and match.body_start is not None
    folded = fold(text)
    assert folded[match.start : match.end] == written
    assert folded[match.body_start : match.end] == body
    if canonical is not None:
        assert match.catalogued is not None and match.catalogued.canonical == canonical


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Ủy ban nhân dân tỉnh Điện Biên chỉ đạo", "uy ban nhan dan tinh dien bien"),
        ("UBND thành phố Đà Nẵng khẩn trương", "ubnd thanh pho da nang"),
        ("UBND xã Tân Phú rà soát", "ubnd xa tan phu"),
        ("Tập đoàn Đèo Cả triển khai", "tap doan deo ca"),
        ("Tổng công ty Sông Đà báo cáo", "tong cong ty song da"),
        ("Công ty Điện lực Phú Thọ bảo đảm", "cong ty dien luc phu tho"),
        (
            "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh khẩn trương",
            "ban quan ly du an dau tu xay dung cong trinh giao thong tinh",
        ),
        ("Trung tâm Chuyển đổi số Thành phố chủ trì", "trung tam chuyen doi so thanh pho"),
        ("Cục Du lịch Quốc gia Việt Nam chủ trì", "cuc du lich quoc gia viet nam"),
        ("Tổng cục Đường bộ Việt Nam chỉ đạo", "tong cuc duong bo viet nam"),
        ("Viện Nghiên cứu phát triển Thành phố tham mưu", "vien nghien cuu phat trien thanh pho"),
        ("Bệnh viện Đa khoa tỉnh bảo đảm", "benh vien da khoa tinh"),
        ("Trường Đại học Cần Thơ phối hợp", "truong dai hoc can tho"),
        ("Đại học Huế phối hợp", "dai hoc hue"),
        ("Học viện Hành chính Quốc gia phối hợp", "hoc vien hanh chinh quoc gia"),
        ("Vụ Pháp chế chủ trì", "vu phap che"),
        ("Sở Văn hóa và Thể thao Hà Nội chủ trì", "so van hoa va the thao ha noi"),
    ],
)
def test_the_name_grammar_reads_bodies_in_no_list(text: str, written: str) -> None:
    folded = fold(text)
    match = NOWHERE.unknown_at(folded, 0)
    assert match is not None
    assert folded[match.start : match.end] == written


@pytest.mark.parametrize(
    "text",
    ["Bộ trưởng chỉ đạo", "Giám đốc chỉ đạo", "Trường hợp cần thiết, báo cáo"],
)
def test_no_body_without_a_name(text: str) -> None:
    assert NOWHERE.unknown_at(fold(text), 0) is None


def test_a_name_after_and_is_another_body() -> None:
    folded = fold("Sở Du lịch Hà Nội và Sở Ngoại vụ Hà Nội chủ trì")
    match = NOWHERE.unknown_at(folded, 0)
    assert match is not None and folded[match.start : match.end] == "so du lich ha noi"


def test_the_plain_directory_knows_nothing_of_the_catalogue() -> None:
    alone = NameDirectory({"Sở Y tế": []}, {}, {})
    assert alone.match_at(fold("Bộ Xây dựng chủ trì"), 0) is None
    assert alone.catalogued("Bộ Xây dựng") is None
    combined = alone.with_catalogue(national_catalogue())
    assert combined.known("Bộ Xây dựng") is None  # known() is the directory's alone
    assert combined.catalogued("Bộ Xây dựng") == national_catalogue().known("Bộ Xây dựng")
    assert combined.catalogued("Sở Y tế") is None  # the directory's own


def test_tasks_for_bodies_only_the_catalogue_knows_are_no_longer_lost() -> None:
    notice = (
        "Số: 12/TB-VPCP\n\nHà Nội, ngày 05 tháng 11 năm 2025\n\nTHÔNG BÁO\n\nKết luận\n\n"
        "1. Bộ Xây dựng chủ trì, phối hợp với Bộ Tài chính rà soát các dự án.\n\n"
        "2. Sở Y tế tỉnh kiểm tra các cơ sở khám bệnh.\n"
    )
    alone = parse_notice(notice, NameDirectory({"Sở Y tế": []}, {}, {}), date(2025, 11, 5))
    # without the catalogue the grammar of names still reads the ministry, as unknown
    assert [(t.assignee, t.unknown_assignee) for t in alone.tasks] == [
        ("Bộ Xây dựng", True),
        ("Sở Y tế", False),
    ]
    combined = PROVINCE  # knows Sở Y tế, not the ministries
    tasks = parse_notice(notice, combined, date(2025, 11, 5)).tasks
    assert [(t.assignee, t.unknown_assignee) for t in tasks] == [
        ("Bộ Xây dựng", True),
        ("Sở Y tế", False),
    ]
    assert tasks[0].text == "rà soát các dự án."


def test_the_data_file_names_its_sources_and_each_body_once() -> None:
    description = catalogue_description()
    sources = " ".join(source["title"] for source in description["sources"])
    for number in ("37/2025/NĐ-CP", "176/2025/QH15", "45/2025/NĐ-CP", "202/2025/QH15"):
        assert number in sources
    entries = catalogue_entries()
    names = [entry.name for entry in entries]
    assert len(names) == len(set(names))
    assert {entry.kind for entry in entries} == {AGENCY, GROUP}
    for entry in entries:
        assert set(entry.merged_into) <= set(names), entry.name
        assert entry.former or not entry.merged_into, entry.name


def test_no_spelling_stands_for_two_bodies() -> None:
    owner: dict[str, str] = {}
    for entry in catalogue_entries():
        for form in written_forms(entry):
            assert owner.setdefault(fold(form), entry.name) == entry.name, form
