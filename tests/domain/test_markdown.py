from tracker.domain.markdown import plain_text, render_markdown


def test_markdown_is_rendered() -> None:
    html = render_markdown("Đã kiểm tra **5/12** cơ quan.\n\n- một\n- hai")
    assert "<strong>5/12</strong>" in html
    assert "<li>một</li>" in html


def test_scripts_and_handlers_do_not_survive() -> None:
    html = render_markdown(
        '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n'
        '[bấm](javascript:alert(3)) <a href="https://example.org" onclick="x()">ok</a>'
    )
    assert "<script" not in html
    assert "onerror" not in html
    assert "onclick" not in html
    assert "javascript:" not in html
    assert 'href="https://example.org"' in html
    assert 'rel="noopener noreferrer"' in html


def test_plain_text_keeps_the_words_without_the_marks() -> None:
    assert plain_text("Đã kiểm tra **5/12** cơ quan.\n\n- một & hai\n- <b>ba</b>") == (
        "Đã kiểm tra 5/12 cơ quan. một & hai ba"
    )


def test_plain_text_of_a_text_without_marks_is_the_text_tidied() -> None:
    assert plain_text("Đã trình  UBND tỉnh\nngày 02/12.") == "Đã trình UBND tỉnh ngày 02/12."
    assert plain_text("1. Một\n2. Hai") == "Một Hai"  # a numbered list is read as one
    assert plain_text("Xem [văn bản](https://x.vn) & <i>ghi chú</i>") == "Xem văn bản & ghi chú"
