"""Names the directory knows that look like a name it does not."""

import pytest

from tracker.domain.name_suggestions import closest_names

DIRECTORY = [
    "Sở Tài chính",
    "Sở Tư pháp",
    "Sở Tài nguyên và Môi trường",
    "Sở Giao thông vận tải",
    "Sở Kế hoạch và Đầu tư",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Cục Thuế tỉnh",
    "UBND huyện Krông Nô",
    "UBND huyện Đắk Song",
    "UBND huyện Đắk Mil",
    "UBND huyện Cư Jút",
    "UBND huyện Đắk Glong",
    "UBND huyện Tuy Đức",
]


@pytest.mark.parametrize(
    ("name", "best"),
    [
        ("Sở Tài chánh", "Sở Tài chính"),  # a misspelt word
        ("SỞ KẾ HOẠCH ĐẦU TƯ", "Sở Kế hoạch và Đầu tư"),  # case, a word left out
        ("Sở Văn hoá và Thể thao", "Sở Văn hóa, Thể thao và Du lịch"),  # other accent placement
        ("Cục thuế", "Cục Thuế tỉnh"),
        ("Sở Giao thông", "Sở Giao thông vận tải"),
    ],
)
def test_the_closest_name_comes_first(name: str, best: str) -> None:
    assert closest_names(name, DIRECTORY)[0] == best


def test_at_most_the_limit_best_first_and_each_name_once() -> None:
    suggestions = closest_names("UBND huyện Krông Nô", DIRECTORY + ["UBND huyện Krông Nô"])
    assert len(suggestions) == 5
    assert suggestions[0] == "UBND huyện Krông Nô"
    assert len(set(suggestions)) == 5
    assert closest_names("UBND huyện Krông Nô", DIRECTORY, limit=2)[1].startswith("UBND huyện")


@pytest.mark.parametrize("name", ["Phòng Quản lý đô thị", "", "   "])
def test_nothing_alike_gives_no_suggestion(name: str) -> None:
    assert closest_names(name, DIRECTORY) == []
