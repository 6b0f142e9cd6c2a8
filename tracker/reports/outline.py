"""The report's sections in order, with their paragraphs and tables, for the Markdown and
Word versions to lay out each in its own way: the same words, the same order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeAlias

from tracker.domain.report_figures import ReportFigures
from tracker.domain.report_narrative import CLOSING_SECTIONS, OPENING, paragraphs
from tracker.reports.wording import (
    AGENCY_HEADERS,
    MAX_LISTED_OVERDUE,
    OVERDUE_HEADERS,
    TOTAL_LABEL,
    agency_cells,
    change_sentences,
    intake_sentence,
    more_overdue_line,
    notice_sentence,
    on_time_sentence,
    overdue_cells,
    period_line,
    totals_sentence,
)

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass(frozen=True)
class Table:
    kind: str  # "agencies" or "overdue": the layout a format gives it
    headers: tuple[str, ...]
    rows: list[list[str]]
    total_row: bool = False  # the last row is the total


Block: TypeAlias = str | Table  # a paragraph or a table


@dataclass(frozen=True)
class Part:
    heading: str | None  # "I. Kết quả chung"; None for the opening
    blocks: list[Block]


def report_outline(figures: ReportFigures, narrative: Mapping[str, str]) -> list[Part]:
    """The report from its opening to its closing line."""
    opening = Part(None, [*paragraphs(narrative[OPENING.key]), period_line(figures)])
    sections: list[tuple[str, list[Block]]] = [
        ("Kết quả chung", _general(figures)),
        ("Kết quả theo cơ quan, đơn vị", [_agency_table(figures)]),
    ]
    if figures.notices:
        sections.append(
            (
                "Kết quả thực hiện các văn bản theo dõi riêng",
                [f"{n}. {notice_sentence(s)}" for n, s in enumerate(figures.notices, 1)],
            )
        )
    sections.append(("Nhiệm vụ quá hạn", _overdue_blocks(figures)))
    sections += [(s.heading, list(paragraphs(narrative[s.key]))) for s in CLOSING_SECTIONS]
    parts = [opening]
    parts += [
        Part(f"{ROMAN[index]}. {heading}", blocks)
        for index, (heading, blocks) in enumerate(sections)
    ]
    closing = f"Trên đây là báo cáo kết quả thực hiện nhiệm vụ {figures.period_label}./."
    parts.append(Part(None, [closing]))
    return parts


def _general(figures: ReportFigures) -> list[Block]:
    intake = intake_sentence(figures)
    blocks: list[Block] = [totals_sentence(figures)]
    if intake:
        blocks.append(intake)
    blocks.append(on_time_sentence(figures))
    return blocks + list(change_sentences(figures))


def _agency_table(figures: ReportFigures) -> Table:
    rows = [agency_cells(str(n), r.agency, r.counts) for n, r in enumerate(figures.agencies, 1)]
    rows.append(agency_cells("", TOTAL_LABEL, figures.totals))
    return Table("agencies", AGENCY_HEADERS, rows, total_row=True)


def _overdue_blocks(figures: ReportFigures) -> list[Block]:
    if not figures.overdue:
        return ["Không có nhiệm vụ quá hạn."]
    listed = figures.overdue[:MAX_LISTED_OVERDUE]
    rows = [overdue_cells(number, row) for number, row in enumerate(listed, 1)]
    more = more_overdue_line(figures)
    return [Table("overdue", OVERDUE_HEADERS, rows), *([more] if more else [])]
