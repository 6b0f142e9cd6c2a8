"""The header of a notice, shape by shape: number, date and place, kind, title, signer.
Each row is a short synthetic snippet of a shape met in real notices and their web copies."""

import pytest

from tracker.domain.notice_blocks import split_blocks
from tracker.domain.notice_metadata import NoticeHeader, read_header


def header(text: str) -> NoticeHeader:
    return read_header(split_blocks(text))


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
