"""A completion report as an Excel workbook, ready to print on A4 landscape, written through
`tracker.reports.sheet_writer` (numbers and dates as such, formula-like text kept as text).
The change of the on-time rate is a number of percentage points ("+10,00 điểm %"); the
agencies' totals are formulas over their rows.
"""

from __future__ import annotations

from openpyxl import Workbook

from tracker.domain.formatting import vn_number
from tracker.domain.report_figures import ReportFigures, StatusCounts
from tracker.reports.issuer import ReportIssuer
from tracker.reports.sheet_writer import (
    BOLD,
    CHANGE_FORMAT,
    COUNT_FORMAT,
    Percent,
    Points,
    SheetWriter,
    Sum,
    Value,
    new_workbook,
    workbook_bytes,
    write_list,
)
from tracker.reports.wording import (
    AGENCY_HEADERS,
    OVERDUE_HEADERS,
    TOTAL_LABEL,
    count_values,
    on_time_rate,
    period_line,
)

SUMMARY_SHEET = "Tổng hợp"
CANCELLED_LABEL = "Đã hủy/dừng thực hiện (không tính vào các số liệu khác)"
OVERDUE_SHEET = "Nhiệm vụ quá hạn"
SUMMARY_WIDTHS = (6, 42, 10, 10, 10, 10, 10, 10, 12, 16)
OVERDUE_WIDTHS = (6, 26, 20, 8, 50, 12, 10, 50)
NOTICES_SHEET = "Văn bản theo dõi riêng"
NOTICE_HEADERS = ("STT", "Văn bản", "Trích yếu", *AGENCY_HEADERS[2:])
NOTICE_WIDTHS = (6, 24, 40, 10, 10, 10, 10, 10, 10, 12, 16)
INTAKE_LABELS = ("Trong đó: chuyển tiếp từ kỳ trước", "Trong đó: giao mới trong kỳ")
TotalsRow = tuple[str, list[Value], str]


def render_xlsx(figures: ReportFigures, issuer: ReportIssuer) -> bytes:
    """The workbook: a "Tổng hợp" sheet (totals, change, agencies with their total as
    formulas), the overdue list, and the notices followed apart if any."""
    workbook = new_workbook(figures.title)
    workbook.properties.creator = issuer.office
    _write_summary(SheetWriter(workbook, SUMMARY_SHEET, SUMMARY_WIDTHS), figures, issuer)
    _write_overdue(workbook, figures, issuer)
    if figures.notices:
        _write_notices(workbook, figures, issuer)
    return workbook_bytes(workbook)


def _write_summary(sheet: SheetWriter, figures: ReportFigures, issuer: ReportIssuer) -> None:
    width = len(AGENCY_HEADERS)
    sheet.heading([figures.title, period_line(figures)], issuer, width)
    _write_totals(sheet, figures)
    sheet.line("II. KẾT QUẢ THEO CƠ QUAN, ĐƠN VỊ", width, BOLD)
    sheet.table_row(list(AGENCY_HEADERS), header=True)
    sheet.end_header()
    for number, agency in enumerate(figures.agencies, 1):
        counts = agency.counts
        sheet.table_row([number, agency.agency, *count_values(counts), _rate(counts)])
    first, last = sheet.row - len(figures.agencies) + 1, sheet.row
    counted = count_values(figures.totals)
    sums: list[Value] = [
        Sum(column, first, last) if figures.agencies else value
        for column, value in enumerate(counted, 3)
    ]
    sheet.table_row(["", TOTAL_LABEL, *sums, _rate(figures.totals)], bold=True)


def _write_notices(workbook: Workbook, figures: ReportFigures, issuer: ReportIssuer) -> None:
    rows: list[list[Value]] = [
        [
            number,
            section.heading,
            section.title,
            *count_values(section.counts),
            _rate(section.counts),
        ]
        for number, section in enumerate(figures.notices, 1)
    ]
    title = f"Các văn bản theo dõi riêng - {figures.period_label}"
    lines = [title, period_line(figures)]
    write_list(workbook, NOTICES_SHEET, lines, issuer, NOTICE_HEADERS, rows, NOTICE_WIDTHS)


def _write_totals(sheet: SheetWriter, figures: ReportFigures) -> None:
    """The totals block and, when known, the previous period and the change, then a blank
    row."""
    counts = figures.totals
    shares = [Percent.of(value, counts.with_deadline) for value in count_values(counts)[1:6]]
    rows: list[TotalsRow] = [
        ("Số nhiệm vụ", [*count_values(counts), _rate(counts)], COUNT_FORMAT),
        (
            f"Tỷ lệ (trên {vn_number(counts.with_deadline)} nhiệm vụ có thời hạn)",
            ["", *shares, "", ""],
            COUNT_FORMAT,
        ),
    ]
    blank: list[Value] = [""] * (len(AGENCY_HEADERS) - 3)
    if figures.intake is not None:
        parts = (figures.intake.carried_over, figures.intake.newly_assigned)
        rows += [
            (label, [part, *blank], COUNT_FORMAT)
            for label, part in zip(INTAKE_LABELS, parts, strict=True)
        ]
    if counts.cancelled:  # apart from every other figure, as the report's text states them
        rows.append((CANCELLED_LABEL, [counts.cancelled, *blank], COUNT_FORMAT))
    if figures.previous_totals is not None:
        rows += _change_rows(counts, figures.previous_totals, "Kỳ trước", "So với kỳ trước")
    if figures.last_year_totals is not None:
        rows += _change_rows(
            counts, figures.last_year_totals, "Cùng kỳ năm trước", "So với cùng kỳ năm trước"
        )
    sheet.line("I. TỔNG HỢP CHUNG", len(AGENCY_HEADERS), BOLD)
    _write_block_row(sheet, ("Chỉ tiêu", list(AGENCY_HEADERS[2:]), COUNT_FORMAT), header=True)
    for row in rows:
        _write_block_row(sheet, row)
    sheet.blank()


def _change_rows(
    current: StatusCounts, previous: StatusCounts, label: str, lead: str
) -> list[TotalsRow]:
    """The rows comparing with another period: its counts, then the signed differences."""
    differences = [
        now - before
        for now, before in zip(count_values(current), count_values(previous), strict=True)
    ]
    return [
        (label, [*count_values(previous), _rate(previous)], COUNT_FORMAT),
        (
            f"{lead}: tăng (+), giảm (-)",
            [*differences, _points_change(current, previous)],
            CHANGE_FORMAT,
        ),
    ]


def _rate(counts: StatusCounts) -> Percent:
    return Percent(counts.on_time_rate.value)


def _points_change(current: StatusCounts, previous: StatusCounts) -> Points:
    """The change of the on-time rate in percentage points; "—" when a period has no base."""
    now, before = on_time_rate(current), on_time_rate(previous)
    if now is None or before is None:
        return Points(None)
    return Points(round(now - before, 2))


def _write_overdue(workbook: Workbook, figures: ReportFigures, issuer: ReportIssuer) -> None:
    rows: list[list[Value]] = [
        [n, t.agency, t.notice, t.ref, t.text, t.deadline, t.days_overdue, t.situation]
        for n, t in enumerate(figures.overdue, 1)
    ]
    title = f"Danh sách nhiệm vụ quá hạn - {figures.period_label}"
    write_list(
        workbook,
        OVERDUE_SHEET,
        [title, period_line(figures)],
        issuer,
        OVERDUE_HEADERS,
        rows,
        OVERDUE_WIDTHS,
        empty="Không có nhiệm vụ quá hạn.",
    )


def _write_block_row(sheet: SheetWriter, row: TotalsRow, *, header: bool = False) -> None:
    """A row of the totals block: the label across the first two columns, then the values
    under the agency table's columns."""
    label, values, number_format = row
    sheet.table_row([label, "", *values], header=header, number_format=number_format)
    sheet.merge(sheet.row, 1, sheet.row, 2)
