"""Search words, query terms, and hits highlighted in the original spelling, escaped."""

import unicodedata

import pytest

from tracker.domain.search_text import (
    MAX_TERMS,
    highlight,
    hit_spans,
    index_words,
    query_terms,
    snippet,
)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Sở KH&ĐT", "so kh dt"),
        ("trong Quý III/2017", "trong quy iii 2017"),
        ("473/TB-VPUBND", "473 tb vpubnd"),
        ("ĐẮK  NÔNG\n(đơn_vị)", "dak nong don vi"),
        ("", ""),
    ],
)
def test_index_words_are_folded_and_split_on_anything_but_letters_and_digits(
    text: str, words: str
) -> None:
    assert index_words(text) == words


def test_query_terms_fold_like_the_index_and_drop_repeats_and_operators() -> None:
    assert query_terms("Sở NỘI VỤ quý iii") == ["so", "noi", "vu", "quy", "iii"]
    assert query_terms('"đắk" OR dak* -- NEAR(x)') == ["dak", "or", "near", "x"]
    assert query_terms("  ?!  ") == []
    assert len(query_terms(" ".join(f"w{i}" for i in range(30)))) == MAX_TERMS


def test_d_stroke_matches_d_which_unicode_decomposition_alone_does_not_give() -> None:
    assert unicodedata.normalize("NFD", "đ") == "đ"  # why fold() maps it by hand
    assert highlight("Đắk Nông, đường", ["dak", "duong"]) == (
        "<mark>Đắk</mark> Nông, <mark>đường</mark>"
    )


def test_highlight_marks_whole_words_that_start_with_a_term_whatever_the_case() -> None:
    assert highlight("Hoàn thành trong QUÝ III/2017", ["hoan", "quy", "iii"]) == (
        "<mark>Hoàn</mark> thành trong <mark>QUÝ</mark> <mark>III</mark>/2017"
    )
    assert highlight("Sở Nội vụ", ["oi"]) == "Sở Nội vụ"  # a word prefix, not any substring
    assert highlight("Sở Nội vụ", []) == "Sở Nội vụ"


def test_highlight_maps_decomposed_text_back_with_its_marks() -> None:
    def nfd(text: str) -> str:
        return unicodedata.normalize("NFD", text)

    assert highlight(nfd("Sở Nội vụ"), ["noi", "vu"]) == nfd("Sở <mark>Nội</mark> <mark>vụ</mark>")


def test_highlight_escapes_the_text_before_adding_marks() -> None:
    text = '<script>alert("Sở")</script> & <mark>'
    assert highlight(text, ["so", "mark", "script"]) == (
        "&lt;<mark>script</mark>&gt;alert(&quot;<mark>Sở</mark>&quot;)&lt;/<mark>script</mark>&gt;"
        " &amp; &lt;<mark>mark</mark>&gt;"
    )
    # the entities written by escaping are never searched: "lt" and "quot" mark nothing
    assert "<mark>" not in highlight('a < b "c"', ["lt", "quot", "amp"])


def test_hit_spans_point_into_the_original_text() -> None:
    text = "Giao Sở Nội vụ"
    assert [text[start:end] for start, end in hit_spans(text, ["so", "vu"])] == ["Sở", "vụ"]


def test_snippet_keeps_short_texts_whole() -> None:
    assert snippet("Sở Nội vụ  chủ trì", ["chu"]) == "Sở Nội vụ <mark>chủ</mark> trì"


def test_snippet_cuts_a_long_text_between_words_around_the_first_hit() -> None:
    text = " ".join(["lời"] * 200 + ["Quý", "III/2017"] + ["kết"] * 200)
    cut = snippet(text, ["quy"], length=80)
    assert cut.startswith("… lời") and cut.endswith("kết …")
    assert "<mark>Quý</mark> III/2017" in cut
    assert len(cut) < 120
    head = snippet(text, ["khong"], length=80)
    assert head.startswith("lời") and head.endswith(" …")
