"""The header of a notice, shape by shape: number, date and place, kind, title, signer.
Each row is a short synthetic snippet of a shape met in real notices and their web copies."""

from datetime import date

import pytest

from tracker.domain.notice_blocks import split_blocks
from tracker.domain.notice_metadata import NoticeHeader, read_header

LETTERHEAD = "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
BODY = "\n\nNgày 20/11/2025, Chủ tịch UBND tỉnh đã làm việc với các sở.\n"


def header(text: str) -> NoticeHeader:
    return read_header(split_blocks(text))


@pytest.mark.parametrize(
    ("line", "number", "kind"),
    [
        ("Số: 010/CT-UBND", "010/CT-UBND", "chi_thi"),
        ("Số: 45/QĐ-UBND-HC", "45/QĐ-UBND-HC", "quyet_dinh"),
        ("Số: 287 /TB-UBND", "287/TB-UBND", "thong_bao"),
        ("Số: 287/TB - UBND", "287/TB-UBND", "thong_bao"),
        ("Số: 4001/UBND-VX", "4001/UBND-VX", "cong_van"),
        ("Số: 06/CĐ-UBND", "06/CĐ-UBND", "cong_van"),
        ("Số: 220/CĐ-TTg", "220/CĐ-TTg", "cong_van"),
        ("Số: 11414/VPCP-KTTH", "11414/VPCP-KTTH", "cong_van"),
        ("Số: 11554/VPCP-V.I", "11554/VPCP-V.I", "cong_van"),
        ("Số 220/CV-BCĐTW", "220/CV-BCĐTW", "cong_van"),
        ("Số: 10/2025/CT-UBND", "10/2025/CT-UBND", "chi_thi"),
        ("Số: 12/BC-UBND", "12/BC-UBND", None),
        ("| Số: 153/KH-UBND | |", "153/KH-UBND", "ke_hoach"),
        ("Công điện số 12/CĐ-TTg", "12/CĐ-TTg", "cong_van"),
        ("**Số hiệu:**\n\n|\n\n6278/BVHTTDL-VP\n\n|", "6278/BVHTTDL-VP", "cong_van"),
    ],
)
def test_number_and_the_kind_its_code_gives(line: str, number: str, kind: str | None) -> None:
    found = header(f"{line}\n\nNội dung.")
    assert (found.number, found.kind) == (number, kind)


def test_a_place_beside_the_number_is_not_read_into_it() -> None:
    found = header("Số: 287/TB-UBND – Quảng Ngãi, ngày 20 tháng 12 năm 2018\n\nNội dung.")
    assert (found.number, found.place) == ("287/TB-UBND", "Quảng Ngãi")


@pytest.mark.parametrize(
    ("text", "issued_on", "place"),
    [
        ("Hà Nội, ngày 24 tháng 11 năm 2025", date(2025, 11, 24), "Hà Nội"),
        ("Hà Nội, ngày 24\ntháng 11 năm 2025", date(2025, 11, 24), "Hà Nội"),
        ("Hà Nội, ngày 24\n\ntháng 11 năm 2025", date(2025, 11, 24), "Hà Nội"),
        ("*Đắk Lắk, ngày 17\ntháng 11 năm 2025*", date(2025, 11, 17), "Đắk Lắk"),
        ("TP. Hồ Chí Minh, ngày 19 tháng 11 năm 2025", date(2025, 11, 19), "TP. Hồ Chí Minh"),
        (
            "Thành phố Hồ Chí Minh, ngày 19 tháng 11 năm 2025",
            date(2025, 11, 19),
            "Thành phố Hồ Chí Minh",
        ),
        ("Bà Rịa - Vũng Tàu, ngày 02 tháng 3 năm 2024", date(2024, 3, 2), "Bà Rịa - Vũng Tàu"),
        ("Hà Nội, ngày 24/11/2025", date(2025, 11, 24), "Hà Nội"),
        (
            "| Số: 1/TB-UBND | *Đắk Lắk, ngày 05 tháng 02 năm 2024* |",
            date(2024, 2, 5),
            "Đắk Lắk",
        ),
        (
            "Số: 8742/UBND-KTTC                Long An, ngày 14 tháng 9 năm 2021",
            date(2021, 9, 14),
            "Long An",
        ),
        ("Số: 287 /TB-UBND\nHà Nội, ngày 24\ntháng 11 năm 2025", date(2025, 11, 24), "Hà Nội"),
        ("**Ngày ban hành:**\n\n|\n\n24/11/2025\n\n|", date(2025, 11, 24), None),
    ],
)
def test_date_and_place(text: str, issued_on: date, place: str | None) -> None:
    found = header(f"{text}\n\nNội dung.")
    assert (found.issued_on, found.place) == (issued_on, place)


def test_an_annex_names_the_document_when_the_copy_has_no_letterhead() -> None:
    found = header(
        "Kính gửi: Các cơ quan thuộc Bộ.\n\nBộ yêu cầu như sau.\n\nBỘ TRƯỞNG\n\nNguyễn Văn Hùng"
        "\n\n**Danh mục**\n\n*(Kèm theo Công văn số 6225/BVHTTDL-VP ngày 18/11/2025 của Bộ)*"
    )
    assert (found.number, found.issued_on) == ("6225/BVHTTDL-VP", date(2025, 11, 18))


def test_a_draft_annex_with_a_blank_number_gives_nothing() -> None:
    found = header(
        "Kính gửi: Các sở.\n\n**PHỤ LỤC**\n\n"
        "*(kèm theo văn bản số: /UBND-NNMT ngày tháng năm 2025 của UBND Thành phố)*"
    )
    assert (found.number, found.issued_on) == (None, None)


@pytest.mark.parametrize(
    ("text", "kind", "title"),
    [
        (
            "Số: 12/TB-UBND\nHà Nội, ngày 24\ntháng 11 năm 2025\nTHÔNG BÁO\n"
            "KẾT LUẬN CỦA CHỦ TỊCH UBND TỈNH\nTẠI BUỔI LÀM VIỆC VỚI SỞ XÂY DỰNG",
            "thong_bao",
            "KẾT LUẬN CỦA CHỦ TỊCH UBND TỈNH TẠI BUỔI LÀM VIỆC VỚI SỞ XÂY DỰNG",
        ),
        (
            "Số: 12/TB-UBND\n\nHà Nội, ngày 24 tháng 11 năm 2025\n\n**THÔNG BÁO**\n\n"
            "**Kết luận của Chủ tịch UBND tỉnh tại cuộc họp**",
            "thong_bao",
            "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp",
        ),
        (
            "Số: 220/CĐ-TTg\n\nHà Nội, ngày 18 tháng 11 năm 2025\n\n"
            "**CÔNG ĐIỆN**\nTẬP TRUNG HOÀN THÀNH\nTHỰC THI CÁC PHƯƠNG ÁN\n"
            "**THỦ TƯỚNG CHÍNH PHỦ điện:**",
            "cong_van",
            "TẬP TRUNG HOÀN THÀNH THỰC THI CÁC PHƯƠNG ÁN",
        ),
        (
            "Số: 1520/QĐ-UBND\n\nBắc Ninh, ngày 22 tháng 11 năm 2025\n\n"
            "**QUYẾT ĐỊNH**\nPHÊ DUYỆT DANH MỤC THỦ TỤC\n"
            "**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH**",
            "quyet_dinh",
            "PHÊ DUYỆT DANH MỤC THỦ TỤC",
        ),
        (
            "Số: 010/CT-UBND\n\n*Đắk Lắk, ngày 17 tháng 11 năm 2025*\n\n**CHỈ THỊ**\n\n"
            "VỀ VIỆC NÂNG CAO TRÁCH NHIỆM\n\nTRONG CÔNG TÁC THẨM ĐỊNH",
            "chi_thi",
            "VỀ VIỆC NÂNG CAO TRÁCH NHIỆM TRONG CÔNG TÁC THẨM ĐỊNH",
        ),
        (
            "Số: 4001/UBND-VX\nV/v triển khai thực hiện\ncơ chế đặc thù về khoáng sản\n"
            "Thành phố Hồ Chí Minh, ngày 24 tháng 11 năm 2025\nKính gửi: Sở Tài chính.",
            "cong_van",
            "V/v triển khai thực hiện cơ chế đặc thù về khoáng sản",
        ),
        (
            "Số: 8742/UBND-KTTC\nV/v triển khai các giải pháp phục hồi          "
            "Long An, ngày 14 tháng 9 năm 2021\nKính gửi:",
            "cong_van",
            "V/v triển khai các giải pháp phục hồi",
        ),
        (
            "BỘ TÀI CHÍNH\nSố: 12/KH-BTC\nHà Nội, ngày 3 tháng 1 năm 2025\nKẾ HOẠCH\n"
            "Triển khai Đề án\nI. MỤC ĐÍCH",
            "ke_hoach",
            "Triển khai Đề án",
        ),
    ],
)
def test_kind_and_title_kept_apart_from_the_date(text: str, kind: str, title: str) -> None:
    found = header(text + BODY)
    assert (found.kind, found.title) == (kind, title)
    assert found.issued_on is not None


def test_the_body_starts_after_the_title_and_a_letters_date_line() -> None:
    blocks = split_blocks(
        "Số: 4001/UBND-VX\nV/v triển khai\nHà Nội, ngày 24 tháng 11 năm 2025\nKính gửi: Sở X."
    )
    assert blocks[read_header(blocks).body_start].text == "Kính gửi: Sở X."


RECIPIENTS = "Nơi nhận:\n- Như trên;\n- Bộ Công An;\n- UBND tỉnh Đồng Nai;\n- Lưu: VT, TH.\n"


@pytest.mark.parametrize(
    ("ending", "signer"),
    [
        (
            f"|\n{RECIPIENTS}|\n**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\nTrương Công Thái\n|",
            "Trương Công Thái",
        ),
        (
            f"{RECIPIENTS}\n**TM. ỦY BAN NHÂN\nDÂN**\nKT. CHỦ TỊCH\n**Nguyễn Văn Đệ**",
            "Nguyễn Văn Đệ",
        ),
        (
            f"{RECIPIENTS}\n**KT. BỘ TRƯỞNG,\nCHỦ NHIỆM**\nPHÓ CHỦ NHIỆM\nPhạm Mạnh Cường",
            "Phạm Mạnh Cường",
        ),
        (f"{RECIPIENTS}\n**TL. BỘ TRƯỞNG**\nCHÁNH VĂN PHÒNG\n*(Đã ký)*\nLê Văn B", "Lê Văn B"),
        (
            "| Nơi nhận:<br>- Như trên;<br>- Bộ Công An;<br>- Lưu: VT. | "
            "**KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**<br><br>**Nguyễn Văn A** |",
            "Nguyễn Văn A",
        ),
        (
            "Nơi nhận:                              KT. CHỦ TỊCH\n"
            "- Như trên;                            PHÓ CHỦ TỊCH\n"
            "- Bộ Công An;\n"
            "- UBND tỉnh Đồng Nai;                  (Đã ký)\n"
            "- Lưu: VT, NC.                         Ngô Đức Thịnh",
            "Ngô Đức Thịnh",
        ),
        (
            "Nơi nhận:\n- Các sở;\n- Lưu: VT, CNXD. TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG "
            "PHÓ CHÁNH VĂN PHÒNG\n\nĐỗ Văn Tâm",
            "Đỗ Văn Tâm",
        ),
        (
            f"{RECIPIENTS}|\n**THỦ TƯỚNG**\nPhạm Minh Chính\n|\n**PHỤ LỤC I**\nTỔNG HỢP KẾT QUẢ\n"
            "*(Kèm theo Công điện số 220/CĐ-TTg ngày 18 tháng 11 năm 2025)*\n| **STT** | "
            "**Bộ, cơ quan** |\n| 1 | Bộ Công Thương |",
            "Phạm Minh Chính",
        ),
        (
            "Văn phòng thông báo để biết./.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn B",
            "Nguyễn Văn B",
        ),
        (f"{RECIPIENTS}\nCHỦ TỊCH\n\nNGUYỄN VĂN C", "NGUYỄN VĂN C"),
        (RECIPIENTS, None),
        ("Nơi nhận:\n- Như trên;\n- UBND Q. Bình Thạnh\n- Lưu: VT.", None),
    ],
)
def test_signer_from_the_signature_block_never_the_recipients(
    ending: str, signer: str | None
) -> None:
    text = "Số: 12/TB-UBND\n\nHà Nội, ngày 24 tháng 11 năm 2025\n\nTHÔNG BÁO\n\nKết luận\n\n"
    assert header(text + "Nội dung thực hiện./.\n\n" + ending).signer == signer


def test_a_decisions_issuing_authority_is_not_its_signer() -> None:
    found = header(
        "Số: 1/QĐ-UBND\n\nSơn La, ngày 2 tháng 3 năm 2025\n\nQUYẾT ĐỊNH\n\nVề việc ban hành\n\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này.\n\n"
        f"{RECIPIENTS}\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Thành Công"
    )
    assert found.signer == "Nguyễn Thành Công"


def test_pasted_header_lines_become_blocks_of_their_own() -> None:
    """Text pasted with single line breaks: the place-and-date line and the kind heading
    start their own blocks, so that neither runs into the number or the title."""
    blocks = split_blocks(
        "Số: 287 /TB-UBND\nHà Nội, ngày 24\ntháng 11 năm 2025\nTHÔNG BÁO\n"
        "Kết luận của Chủ tịch\nV/v triển khai\nThành phố Hồ Chí Minh, ngày 3 tháng 1 năm 2025"
    )
    assert [b.text for b in blocks] == [
        "Số: 287 /TB-UBND",
        "Hà Nội, ngày 24 tháng 11 năm 2025",
        "THÔNG BÁO",
        "Kết luận của Chủ tịch",
        "V/v triển khai",
        "Thành phố Hồ Chí Minh, ngày 3 tháng 1 năm 2025",
    ]


# Real header and signature shapes, as a web copy separates their lines by blank lines.
WEB_COPY_WITH_MARKDOWN = """Số: 473 /TB-VPUBND

Đắk Nông, ngày 19 tháng 7 năm 2017

## THÔNG BÁO

### **Kết luận của đồng chí Cao Huy, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo Cải cách \
hành chính tỉnh tại Hội nghị sơ kết công tác Cải cách hành chính tỉnh 6 tháng đầu năm 2017**

Ngày 13 tháng 7 năm 2017, UBND tỉnh tổ chức Hội nghị sơ kết công tác Cải cách hành chính.

1. Giao Sở Nội vụ theo dõi, đôn đốc việc thực hiện.

Văn phòng UBND tỉnh thông báo để các ngành, các cấp, địa phương biết, thực hiện./.

**Nơi nhận:**

- Thường trực Tỉnh ủy (để b/c);

- Lưu: VT, NC-Ph.

20

**CHÁNH VĂN PHÒNG**

---

**Ngô Xuân Lộc**"""
PLAIN_WEB_COPY = """Số: 76 /BC-UBND

Biên Hòa, ngày 01 tháng 3 năm 2018

BÁO CÁO

Công tác cải cách hành chính, kiểm soát TTHC Quý I năm 2017

Thực hiện Kế hoạch số 12948/KH-UBND ngày 11/12/2017 của UBND tỉnh Đồng Nai về cải cách \
hành chính tỉnh Đồng Nai năm 2018 và Văn bản số 1300/SNV-CCHC ngày 01/6/2017 của Sở Nội vụ \
tỉnh, Ủy ban nhân dân thành phố báo cáo kết quả thực hiện Quý I năm 2018 như sau:

I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH

Trên đây là báo cáo tình hình thực hiện cải cách hành chính Quý I trên địa bàn thành phố./.

Nơi nhận:

- Sở Nội vụ tỉnh ĐN;

- Lưu: VT.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

Nguyễn Tân Long"""
BOLD_TITLE_COPY = """Số: 98/KH-UBND

*Thừa Thiên Huế, ngày 21 tháng 4 năm 2020*

# KẾ HOẠCH

**Triển khai thực hiện Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ**

Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về cơ chế một cửa;

Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ;

Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

Nơi nhận:

- Lưu: VT, HCC.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn Phương"""


@pytest.mark.parametrize("line_break", ["\n\n", "\n"], ids=["blank lines", "single breaks"])
@pytest.mark.parametrize(
    ("copy", "number", "issued_on", "place", "title", "signer"),
    [
        (
            WEB_COPY_WITH_MARKDOWN,
            "473/TB-VPUBND",
            date(2017, 7, 19),
            "Đắk Nông",
            "Kết luận của đồng chí Cao Huy, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo Cải cách "
            "hành chính tỉnh tại Hội nghị sơ kết công tác Cải cách hành chính tỉnh 6 tháng đầu "
            "năm 2017",
            "Ngô Xuân Lộc",
        ),
        (
            PLAIN_WEB_COPY,
            "76/BC-UBND",
            date(2018, 3, 1),
            "Biên Hòa",
            "Công tác cải cách hành chính, kiểm soát TTHC Quý I năm 2017",
            "Nguyễn Tân Long",
        ),
        (
            BOLD_TITLE_COPY,
            "98/KH-UBND",
            date(2020, 4, 21),
            "Thừa Thiên Huế",
            "Triển khai thực hiện Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ",
            "Nguyễn Văn Phương",
        ),
    ],
    ids=["markdown headings", "plain lines", "bold title"],
)
def test_a_header_pasted_with_single_line_breaks_reads_as_with_blank_lines(
    copy: str,
    number: str,
    issued_on: date,
    place: str,
    title: str,
    signer: str,
    line_break: str,
) -> None:
    """A clerk copying from a PDF or a web page pastes each line with a single line break:
    the title keeps neither the date line before it nor the paragraph after it, and the
    signature's rule and page number do not hide the signer."""
    pasted = line_break.join(line for line in copy.splitlines() if line)
    found = header(pasted)
    assert (found.number, found.issued_on, found.place) == (number, issued_on, place)
    assert (found.title, found.signer) == (title, signer)
