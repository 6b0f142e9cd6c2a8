"""The Government Office's two-way form of a frozen report, as a workbook: per agency, the
tasks with a deadline split into done (on time, trước hạn included; late) and not done
(within the deadline; overdue), with the province's on-time rate. The same figures as the
report, laid out the national way (DESIGN.md, "Status")."""

from __future__ import annotations

from tracker.domain.outcomes import ON_TIME_RATE
from tracker.domain.report_figures import ReportFigures, StatusCounts
from tracker.reports.issuer import ReportIssuer
from tracker.reports.sheet_writer import (
    Percent,
    SheetWriter,
    Value,
    new_workbook,
    workbook_bytes,
)
from tracker.reports.wording import TOTAL_LABEL, period_line

TITLE = "Biểu tổng hợp kết quả thực hiện nhiệm vụ (mẫu hai chiều)"
GROUPS = ("Đã hoàn thành", "Chưa hoàn thành")
HEADERS = (
    "STT",
    "Cơ quan, đơn vị",
    "Tổng số nhiệm vụ có thời hạn",
    "Đúng hạn (gồm trước hạn)",
    "Trễ hạn",
    "Trong hạn",
    "Quá hạn",
    ON_TIME_RATE,
)
WIDTHS = (6, 42, 14, 14, 12, 12, 12, 16)
# The header's columns in the group row: a group over its columns, or a column without a
# group spanning both header rows.
GROUP_SPANS = ((1, 1), (2, 2), (3, 3), (4, 5), (6, 7), (8, 8))


def two_way_values(counts: StatusCounts) -> list[Value]:
    """The counts in the order of HEADERS, from "Tổng số" to the rate."""
    return [
        counts.with_deadline,
        counts.early + counts.on_time,
        counts.late,
        counts.within,
        counts.overdue,
        Percent(counts.on_time_rate.value),
    ]


def render_two_way_xlsx(figures: ReportFigures, issuer: ReportIssuer) -> bytes:
    workbook = new_workbook(f"{figures.title} (mẫu hai chiều)")
    sheet = SheetWriter(workbook, "Mẫu hai chiều", WIDTHS)
    sheet.heading([TITLE, figures.title, period_line(figures)], issuer, len(HEADERS))
    group_row = sheet.row + 1
    sheet.table_row([*HEADERS[:3], GROUPS[0], "", GROUPS[1], "", HEADERS[7]], header=True)
    sheet.table_row(["", "", "", *HEADERS[3:7], ""], header=True)
    sheet.end_header()
    for first, last in GROUP_SPANS:
        last_row = group_row + 1 if first == last else group_row
        sheet.merge(group_row, first, last_row, last)
    for number, agency in enumerate(figures.agencies, 1):
        sheet.table_row([number, agency.agency, *two_way_values(agency.counts)])
    sheet.table_row(["", TOTAL_LABEL, *two_way_values(figures.totals)])
    return workbook_bytes(workbook)
