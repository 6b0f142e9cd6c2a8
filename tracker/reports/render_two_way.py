"""The Government Office's two-way form of a frozen report, as a workbook: per agency, the
tasks with a deadline split into done (on time, trước hạn included; late) and not done
(within the deadline; overdue), with the province's on-time rate. The same figures as the
report, laid out the national way (DESIGN.md, "Status")."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook

from tracker.domain.outcomes import ON_TIME_RATE
from tracker.domain.report_figures import ReportFigures, StatusCounts
from tracker.reports.issuer import ReportIssuer
from tracker.reports.render_xlsx import (
    Percent,
    Value,
    prepare_print,
    write_heading,
    write_table_row,
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
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mẫu hai chiều"
    lines = [TITLE, figures.title, period_line(figures)]
    group_row = write_heading(sheet, lines, issuer, len(HEADERS))
    write_table_row(sheet, group_row, ["", "", "", GROUPS[0], "", GROUPS[1], "", ""], header=True)
    write_table_row(sheet, group_row + 1, list(HEADERS), header=True)
    for first, last in ((1, 1), (2, 2), (3, 3), (4, 5), (6, 7), (8, 8)):
        if first == last:  # the columns without a group span both header rows
            sheet.cell(group_row, first).value = HEADERS[first - 1]
            sheet.cell(group_row + 1, first).value = None
            sheet.merge_cells(start_row=group_row, start_column=first, end_row=group_row + 1,
                              end_column=first)  # fmt: skip
        else:
            sheet.merge_cells(start_row=group_row, start_column=first, end_row=group_row,
                              end_column=last)  # fmt: skip
    row = group_row + 2
    for number, agency in enumerate(figures.agencies, 1):
        write_table_row(sheet, row, [number, agency.agency, *two_way_values(agency.counts)])
        row += 1
    write_table_row(sheet, row, ["", TOTAL_LABEL, *two_way_values(figures.totals)])
    prepare_print(sheet, group_row + 1, WIDTHS)
    workbook.properties.title = f"{figures.title} (mẫu hai chiều)"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
