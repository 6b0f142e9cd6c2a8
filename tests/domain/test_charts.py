"""SVG bar charts: scaled, escaped, every segment a link."""

import re
import xml.etree.ElementTree as ET

from tracker.domain.charts import Bar, Segment, horizontal_bars, vertical_bars

SVG = "{http://www.w3.org/2000/svg}"


def bars() -> list[Bar]:
    return [
        Bar("Sở <Nội> vụ", [Segment(30, "s-qua_han", "Sở Nội vụ — Quá hạn: 30", "/x?a=1&b=2"),
                           Segment(10, "s-dung_han", "Đúng hạn: 10", "/y")]),
        Bar("Sở Tài chính", [Segment(20, "s-qua_han", "Quá hạn: 20", None),
                             Segment(0, "s-dung_han", "Đúng hạn: 0", "/z")]),
    ]  # fmt: skip


def widths(svg: str) -> list[float]:
    return [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]


def test_the_charts_are_well_formed_svg_with_a_title() -> None:
    for svg in (horizontal_bars(bars(), "Biểu đồ"), vertical_bars(bars(), "Biểu đồ")):
        root = ET.fromstring(svg)  # noqa: S314 - our own output
        assert root.tag == f"{SVG}svg"
        assert root.find(f"{SVG}title").text == "Biểu đồ"  # type: ignore[union-attr]


def test_labels_and_links_are_escaped() -> None:
    svg = horizontal_bars(bars(), "t")
    assert "Sở &lt;Nội&gt; vụ" in svg
    assert 'href="/x?a=1&amp;b=2"' in svg


def test_lengths_are_proportional_and_empty_segments_are_left_out() -> None:
    svg = horizontal_bars(bars(), "t")
    first, second, third = widths(svg)
    assert first == 3 * second
    assert abs(third - 2 * second) < 0.2
    assert 'href="/z"' not in svg, "a segment of 0 is not drawn"


def test_a_segment_without_a_list_is_not_a_link() -> None:
    svg = horizontal_bars(bars(), "t")
    assert svg.count("<a ") == 2
    assert "Quá hạn: 20" in svg


def test_totals_use_vietnamese_numbers() -> None:
    big = [Bar("Quý III", [Segment(12_345, "s-qua_han", "x", "/")])]
    assert ">12.345<" in vertical_bars(big, "t")


def test_no_bars_still_draws_an_empty_chart() -> None:
    empty = ET.fromstring(vertical_bars([], "Trống"))  # noqa: S314 - our own output
    assert empty.tag == f"{SVG}svg"
