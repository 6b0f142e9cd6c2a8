"""The narrative sections of a period report, drafted from its figures, a sentence per fact
and nothing the figures do not say, for the secretariat to edit before the report is frozen.

A narrative is plain text per section; a line is a paragraph."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tracker.domain.formatting import tasks_phrase, vn_number
from tracker.domain.report_figures import AgencyRow, ReportFigures

MAX_SECTION_LENGTH = 20_000
LISTED_AGENCIES = 5


@dataclass(frozen=True)
class NarrativeSection:
    key: str
    heading: str  # as a heading of the report, in sentence case


OPENING = NarrativeSection("opening", "Mở đầu")
SHORTCOMINGS = NarrativeSection("shortcomings", "Tồn tại, hạn chế và nguyên nhân")
DIRECTIONS = NarrativeSection("directions", "Phương hướng, nhiệm vụ kỳ tới")
PROPOSALS = NarrativeSection("proposals", "Kiến nghị, đề xuất")
SECTIONS = (OPENING, SHORTCOMINGS, DIRECTIONS, PROPOSALS)
CLOSING_SECTIONS = (SHORTCOMINGS, DIRECTIONS, PROPOSALS)  # after the figures


def paragraphs(text: str) -> list[str]:
    """The section's paragraphs: its non-blank lines, each with its spaces tidied."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def narrative_for(stored: Mapping[str, str] | None, figures: ReportFigures) -> dict[str, str]:
    """The report's narrative: as stored (edited), the draft for any section not stored."""
    drafted = draft_narrative(figures)
    stored = stored or {}
    return {section.key: stored.get(section.key, drafted[section.key]) for section in SECTIONS}


def draft_narrative(figures: ReportFigures) -> dict[str, str]:
    """Every section drafted from the figures."""
    return {
        OPENING.key: _opening(figures),
        SHORTCOMINGS.key: "\n".join(_shortcomings(figures)),
        DIRECTIONS.key: "\n".join(_directions(figures)),
        PROPOSALS.key: "\n".join(_proposals(figures)),
    }


def _opening(figures: ReportFigures) -> str:
    return (
        "Thực hiện nhiệm vụ theo dõi, đôn đốc việc thực hiện các nhiệm vụ do UBND tỉnh, Chủ "
        "tịch UBND tỉnh giao, Văn phòng UBND tỉnh báo cáo tình hình thực hiện nhiệm vụ "
        f"{figures.period_label} (phạm vi: {figures.scope_label}) như sau:"
    )


def _shortcomings(figures: ReportFigures) -> list[str]:
    counts = figures.totals
    sentences = []
    if counts.overdue:
        sentences.append(
            f"Còn {tasks_phrase(counts.overdue)} quá hạn chưa hoàn thành "
            f"({counts.share(counts.overdue)} số nhiệm vụ có thời hạn), tại "
            f"{_agencies_with_overdue(figures.agencies)}."
        )
    if counts.late:
        sentences.append(f"Có {tasks_phrase(counts.late)} hoàn thành nhưng trễ hạn.")
    silent = sum(1 for row in figures.overdue if not row.situation)
    if silent:
        sentences.append(
            f"{tasks_phrase(silent).capitalize()} quá hạn chưa có báo cáo tiến độ, giải trình hoặc "
            "đề nghị gia hạn của cơ quan được giao."
        )
    if len(figures.overdue) > silent:
        sentences.append(
            "Nguyên nhân chậm trễ theo báo cáo, giải trình của các cơ quan được nêu tại danh "
            "sách nhiệm vụ quá hạn."
        )
    return sentences or ["Trong kỳ, không có nhiệm vụ quá hạn hoặc hoàn thành trễ hạn."]


def _directions(figures: ReportFigures) -> list[str]:
    counts = figures.totals
    sentences = []
    if counts.overdue:
        sentences.append(
            f"Tiếp tục đôn đốc các cơ quan hoàn thành {tasks_phrase(counts.overdue)} quá hạn."
        )
    if counts.within:
        sentences.append(
            f"Theo dõi, nhắc các cơ quan hoàn thành đúng hạn {tasks_phrase(counts.within)} đang "
            "trong hạn."
        )
    if figures.upcoming and figures.next_period_label:
        sentences.append(
            f"Trong {figures.next_period_label} có {tasks_phrase(figures.upcoming)} đến hạn "
            "đã được giao."
        )
    if counts.ongoing:
        sentences.append(f"Theo dõi việc thực hiện {tasks_phrase(counts.ongoing)} thường xuyên.")
    return sentences or ["Tiếp tục theo dõi, đôn đốc việc thực hiện các nhiệm vụ được giao."]


def _proposals(figures: ReportFigures) -> list[str]:
    if not figures.totals.overdue:
        return ["Đề nghị các cơ quan tiếp tục thực hiện các nhiệm vụ được giao đúng thời hạn."]
    sentences = [
        "Đề nghị Chủ tịch UBND tỉnh chỉ đạo Thủ trưởng các cơ quan có nhiệm vụ quá hạn khẩn "
        "trương hoàn thành, báo cáo kết quả; trường hợp không thể hoàn thành, báo cáo rõ "
        "nguyên nhân và đề xuất gia hạn bằng văn bản."
    ]
    if any(not row.situation for row in figures.overdue):
        sentences.append(
            "Đề nghị các cơ quan có nhiệm vụ quá hạn chưa báo cáo cập nhật tiến độ, giải trình "
            "trên hệ thống."
        )
    return sentences


def _agencies_with_overdue(agencies: list[AgencyRow]) -> str:
    """ "Sở A (3 nhiệm vụ), Sở B (2 nhiệm vụ) và 4 cơ quan khác", most overdue first."""
    late = sorted((row for row in agencies if row.counts.overdue), key=lambda r: -r.counts.overdue)
    named = ", ".join(
        f"{row.agency} ({tasks_phrase(row.counts.overdue)})" for row in late[:LISTED_AGENCIES]
    )
    rest = len(late) - LISTED_AGENCIES
    return f"{named} và {vn_number(rest)} cơ quan khác" if rest > 0 else named
