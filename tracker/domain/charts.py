"""Stacked bar charts as SVG, drawn on the server: they need no script, print as sharply as
text, and every segment is a link to the tasks it counts.

Series are told apart by a CSS class (colours on screen, hatching in print, see tracker.css)
and each segment carries its number when it is wide enough, plus a <title> read out by screen
readers and shown on hover.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from tracker.domain.formatting import vn_number


@dataclass(frozen=True)
class Segment:
    value: int
    series: str  # a CSS class, e.g. "s-qua_han"
    title: str  # "Sở Nội vụ — Quá hạn: 12"
    href: str | None  # None: nothing to list


@dataclass(frozen=True)
class Bar:
    label: str
    segments: Sequence[Segment]

    @property
    def total(self) -> int:
        return sum(segment.value for segment in self.segments)


def horizontal_bars(bars: Sequence[Bar], title: str, width: int = 720) -> str:
    """One row per bar, label on the left, segments stacked to the right and scaled to the
    longest bar, with the bar's total after it."""
    label_width, row, top = 250, 26, 8
    plot = width - label_width - 60
    largest = max((bar.total for bar in bars), default=0) or 1
    height = top * 2 + row * max(len(bars), 1)
    parts = [_open(width, height, title)]
    for index, bar in enumerate(bars):
        y = top + index * row
        parts.append(
            f'<text class="chart-label" x="{label_width - 8}" y="{y + 17}" '
            f'text-anchor="end">{escape(_shorten(bar.label, 36))}</text>'
        )
        x = float(label_width)
        for segment in bar.segments:
            length = plot * segment.value / largest
            parts.append(_rect(segment, x, y + 4, length, row - 8, horizontal=True))
            x += length
        parts.append(
            f'<text class="chart-total" x="{x + 6:.1f}" y="{y + 17}">{vn_number(bar.total)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def vertical_bars(bars: Sequence[Bar], title: str, height: int = 260) -> str:
    """One column per bar (a month or quarter), segments stacked upwards from the axis,
    scaled to the tallest column, the label under it and the total above it."""
    column, left, bottom, top = 70, 10, 40, 24
    width = left * 2 + column * max(len(bars), 1)
    plot = height - bottom - top
    largest = max((bar.total for bar in bars), default=0) or 1
    parts = [_open(width, height, title)]
    axis = height - bottom
    for index, bar in enumerate(bars):
        x = left + index * column
        y = float(axis)
        for segment in bar.segments:
            length = plot * segment.value / largest
            y -= length
            parts.append(_rect(segment, x + 10, y, column - 20, length, horizontal=False))
        parts.append(
            f'<text class="chart-total" x="{x + column / 2}" y="{y - 6:.1f}" '
            f'text-anchor="middle">{vn_number(bar.total)}</text>'
            f'<text class="chart-label" x="{x + column / 2}" y="{axis + 18}" '
            f'text-anchor="middle">{escape(bar.label)}</text>'
        )
    parts.append(
        f'<line class="chart-axis" x1="{left}" y1="{axis}" x2="{width - left}" y2="{axis}"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _open(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'preserveAspectRatio="xMinYMin meet">'
        f"<title>{escape(title)}</title>"
    )


def _rect(segment: Segment, x: float, y: float, w: float, h: float, horizontal: bool) -> str:
    if segment.value <= 0:
        return ""
    number = ""
    if (w if horizontal else h) >= 24 and (h if horizontal else w) >= 14:
        number = (
            f'<text class="chart-number" x="{x + w / 2:.1f}" y="{y + h / 2 + 4:.1f}" '
            f'text-anchor="middle">{vn_number(segment.value)}</text>'
        )
    shape = (
        f'<rect class="{escape(segment.series)}" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" '
        f'height="{h:.1f}"><title>{escape(segment.title)}</title></rect>{number}'
    )
    return f'<a href="{escape(segment.href)}">{shape}</a>' if segment.href else shape


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
