"""Closest directory names for a body the parser did not recognise: a suggestion only."""

import pytest

from tracker.domain.name_suggestions import closest_names

DIRECTORY = [
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Tài nguyên và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Trung tâm Xúc tiến Đầu tư tỉnh",
    "Công an tỉnh",
]


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Sở Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở Văn hoá và Thể thao", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Trung tâm Xúc tiến đầu tư, thương mại và du lịch", "Trung tâm Xúc tiến Đầu tư tỉnh"),
        ("Công an Thành phố", "Công an tỉnh"),
    ],
)
def test_the_closest_name_comes_first(name: str, first: str) -> None:
    assert closest_names(name, DIRECTORY)[0] == first


def test_both_halves_of_a_merger_are_offered() -> None:
    found = closest_names("Sở Nông nghiệp và Môi trường", DIRECTORY)
    assert set(found[:2]) == {
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Tài nguyên và Môi trường",
    }


@pytest.mark.parametrize("name", ["Sở Ngoại giao mới", "Ban Dân tộc", "Sở", ""])
def test_sharing_only_common_words_is_no_resemblance(name: str) -> None:
    assert "Sở Tài chính" not in closest_names(name, DIRECTORY)


def test_limit_and_no_repeats() -> None:
    found = closest_names("Sở Văn hóa", [*DIRECTORY, *DIRECTORY], limit=1)
    assert found == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_a_body_of_another_kind_is_never_suggested() -> None:
    candidates = ["Sở Tài chính", "Sở Giao thông vận tải", "Bộ Tài chính"]
    assert closest_names("Bộ Tài chính", candidates) == ["Bộ Tài chính"]
    assert closest_names("Bộ Tài chính", ["Sở Tài chính"]) == []
