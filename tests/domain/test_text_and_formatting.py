from datetime import date

import pytest

from tracker.domain.formatting import vn_date, vn_number, vn_official_date, vn_percent
from tracker.domain.text import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Sở Thông tin và Truyền thông", "so thong tin va truyen thong"),
        ("ĐẮK NÔNG", "dak nong"),
        ("Đắk  R'Lấp\n", "dak r'lap"),
        ("Sở Kế hoạch và Đầu tư", "so ke hoach va dau tu"),
        ("Ưu tiên", "uu tien"),
    ],
)
def test_fold_ignores_case_diacritics_and_d_stroke(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_treats_composed_and_decomposed_text_alike() -> None:
    import unicodedata

    name = "Sở Tư pháp"
    assert fold(unicodedata.normalize("NFD", name)) == fold(unicodedata.normalize("NFC", name))


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [(2608, 0, "2.608"), (1234567, 0, "1.234.567"), (87.2699, 2, "87,27"), (0, 0, "0")],
)
def test_vietnamese_numbers(value: float, decimals: int, text: str) -> None:
    assert vn_number(value, decimals) == text


def test_vietnamese_percentages_as_in_the_reports() -> None:
    assert vn_percent(2276, 2608) == "87,27%"
    assert vn_percent(332, 2608) == "12,73%"
    assert vn_percent(0, 0) == "—"  # a share of nothing is not 0 %


def test_vietnamese_dates() -> None:
    assert vn_date(date(2023, 2, 5)) == "05/02/2023"
    assert vn_date(None) == ""


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (date(2023, 2, 5), "ngày 05 tháng 02 năm 2023"),
        (date(2023, 1, 31), "ngày 31 tháng 01 năm 2023"),
        (date(2017, 11, 15), "ngày 15 tháng 11 năm 2017"),
        (date(2017, 12, 3), "ngày 03 tháng 12 năm 2017"),
        (date(2018, 3, 20), "ngày 20 tháng 3 năm 2018"),
        (date(2017, 5, 29), "ngày 29 tháng 5 năm 2017"),
    ],
)
def test_official_dates_as_generated_documents_write_them(value: date, text: str) -> None:
    assert vn_official_date(value) == text
