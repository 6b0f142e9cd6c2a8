"""The header of a notice, shape by shape: number, date and place, kind, title, signer.
Each row is a short synthetic snippet of a shape met in real notices and their web copies."""

from tracker.domain.notice_blocks import split_blocks


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
