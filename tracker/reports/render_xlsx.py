"""A completion report as an Excel workbook, ready to print on A4 landscape.

Counts, dates and days are written as numbers and dates, not text, so that a reader can sum,
sort and filter them; their formats ("#,##0", "dd/mm/yyyy") are shown with the separators of
the reader's own locale, hence "2.608" on a Vietnamese system and "2,608" on an English one.
Percentages are numbers too (0,8727 shown "87,27%" by the "0.00%" format), so that a reader
can sort or chart them; a share of nothing is "—". The change of the on-time rate is a number
of percentage points ("+10,00 điểm %"). Every cell goes through `write_cell`, which keeps
text that looks like a formula (an agency named "=...", a task starting "- ...") as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import TypeAlias

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from tracker.domain.formatting import vn_number
from tracker.domain.report_figures import ReportFigures, StatusCounts
from tracker.domain.spreadsheet_text import starts_like_formula
from tracker.reports.issuer import ReportIssuer
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
COUNT_FORMAT = "#,##0"
CHANGE_FORMAT = "+#,##0;-#,##0;0"
DATE_FORMAT = "dd/mm/yyyy"
SUMMARY_WIDTHS = (6, 42, 10, 10, 10, 10, 10, 10, 12, 16)
OVERDUE_WIDTHS = (6, 26, 20, 8, 50, 12, 10, 50)

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
_RIGHT = Alignment(horizontal="right", vertical="top", wrap_text=True)
_BOLD = Font(bold=True)

PERCENT_FORMAT = "0.00%"
POINTS_FORMAT = '+0.00" điểm %";-0.00" điểm %";0.00" điểm %"'


@dataclass(frozen=True)
class Percent:
    """A share written as a number with a percentage format; None is "—"."""

    value: float | None

    @classmethod
    def of(cls, part: int, whole: int) -> Percent:
        return cls(part / whole if whole else None)


@dataclass(frozen=True)
class Points:
    """A change in percentage points (10.0 for +10 points); None is "—"."""

    value: float | None


@dataclass(frozen=True)
class Sum:
    """A column's total as a formula over the rows above, so that it stays right when a
    reader corrects a figure."""

    column: int
    first_row: int
    last_row: int

    @property
    def formula(self) -> str:
        letter = get_column_letter(self.column)
        return f"=SUM({letter}{self.first_row}:{letter}{self.last_row})"


DECIMAL_FORMAT = "#,##0.0#"
Value: TypeAlias = str | int | float | date | Percent | Points | Sum
NOTICES_SHEET = "Văn bản theo dõi riêng"
NOTICE_HEADERS = ("STT", "Văn bản", "Trích yếu", *AGENCY_HEADERS[2:])
NOTICE_WIDTHS = (6, 24, 40, 10, 10, 10, 10, 10, 10, 12, 16)
INTAKE_LABELS = ("Trong đó: chuyển tiếp từ kỳ trước", "Trong đó: giao mới trong kỳ")


def render_xlsx(figures: ReportFigures, issuer: ReportIssuer) -> bytes:
    """The workbook: a "Tổng hợp" sheet (totals, change, agencies with their total as
    formulas), the overdue list, and the notices followed apart if any."""
    workbook = Workbook()
    summary = workbook.active
    summary.title = SUMMARY_SHEET
    _write_summary(summary, figures, issuer)
    _write_overdue(workbook.create_sheet(OVERDUE_SHEET), figures, issuer)
    if figures.notices:
        _write_notices(workbook.create_sheet(NOTICES_SHEET), figures, issuer)
    workbook.properties.title = figures.title
    workbook.properties.creator = issuer.office
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_summary(sheet: Worksheet, figures: ReportFigures, issuer: ReportIssuer) -> None:
    width = len(AGENCY_HEADERS)
    row = write_heading(sheet, [figures.title, period_line(figures)], issuer, width)
    row = _write_totals(sheet, row, figures)
    write_line(sheet, row, "II. KẾT QUẢ THEO CƠ QUAN, ĐƠN VỊ", width, _BOLD)
    header_row = row + 1
    write_table_row(sheet, header_row, list(AGENCY_HEADERS), header=True)
    for number, agency in enumerate(figures.agencies, 1):
        counts = agency.counts
        values: list[Value] = [number, agency.agency, *count_values(counts), _rate(counts)]
        write_table_row(sheet, header_row + number, values)
    first, last = header_row + 1, header_row + len(figures.agencies)
    counted = count_values(figures.totals)
    sums: list[Value] = [
        Sum(column, first, last) if figures.agencies else value
        for column, value in enumerate(counted, 3)
    ]
    write_table_row(sheet, last + 1, ["", TOTAL_LABEL, *sums, _rate(figures.totals)])
    for cell in sheet[last + 1]:
        cell.font = _BOLD
    prepare_print(sheet, header_row, SUMMARY_WIDTHS)


def _write_notices(sheet: Worksheet, figures: ReportFigures, issuer: ReportIssuer) -> None:
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
    _write_list(sheet, [title, period_line(figures)], issuer, NOTICE_HEADERS, rows, NOTICE_WIDTHS)


def _write_list(
    sheet: Worksheet,
    lines: list[str],
    issuer: ReportIssuer,
    headers: Sequence[str],
    rows: list[list[Value]],
    widths: Sequence[int],
    empty: str = "",
) -> None:
    """A sheet of one table under the heading: a row per item, or `empty` when none."""
    header_row = write_heading(sheet, lines, issuer, len(headers))
    write_table_row(sheet, header_row, list(headers), header=True)
    for number, values in enumerate(rows, 1):
        write_table_row(sheet, header_row + number, values)
    if not rows and empty:
        write_line(sheet, header_row + 1, empty, len(headers), Font())
    prepare_print(sheet, header_row, widths)


def write_heading(sheet: Worksheet, lines: list[str], issuer: ReportIssuer, width: int) -> int:
    """The issuer, then the title (bold, larger) and further lines; returns the next free row
    after a blank one."""
    write_line(sheet, 1, issuer.office, width, _BOLD, centred=False)
    write_line(sheet, 2, lines[0].upper(), width, Font(bold=True, size=14))
    for offset, line in enumerate(lines[1:], 3):
        write_line(sheet, offset, line, width, Font(italic=True))
    return len(lines) + 3


def _write_totals(sheet: Worksheet, row: int, figures: ReportFigures) -> int:
    """The totals block and, when known, the previous period and the change; returns the next
    free row after a blank one."""
    counts = figures.totals
    shares = [Percent.of(value, counts.with_deadline) for value in count_values(counts)[1:6]]
    rows: list[tuple[str, list[Value], str]] = [
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
    write_line(sheet, row, "I. TỔNG HỢP CHUNG", len(AGENCY_HEADERS), _BOLD)
    _write_block_row(sheet, row + 1, "Chỉ tiêu", list(AGENCY_HEADERS[2:]), header=True)
    for offset, (label, values, number_format) in enumerate(rows, 2):
        _write_block_row(sheet, row + offset, label, values, number_format=number_format)
    return row + len(rows) + 3


def _change_rows(
    current: StatusCounts, previous: StatusCounts, label: str, lead: str
) -> list[tuple[str, list[Value], str]]:
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


def _write_overdue(sheet: Worksheet, figures: ReportFigures, issuer: ReportIssuer) -> None:
    rows: list[list[Value]] = [
        [n, t.agency, t.notice, t.ref, t.text, t.deadline, t.days_overdue, t.situation]
        for n, t in enumerate(figures.overdue, 1)
    ]
    title = f"Danh sách nhiệm vụ quá hạn - {figures.period_label}"
    _write_list(
        sheet,
        [title, period_line(figures)],
        issuer,
        OVERDUE_HEADERS,
        rows,
        OVERDUE_WIDTHS,
        empty="Không có nhiệm vụ quá hạn.",
    )


def write_line(
    sheet: Worksheet, row: int, text: str, width: int, font: Font, *, centred: bool = True
) -> None:
    """A line of text across the table's width."""
    cell = write_cell(sheet, row, 1, text)
    cell.font = font
    cell.alignment = _CENTRE if centred else Alignment(horizontal="left", vertical="center")
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _write_block_row(
    sheet: Worksheet,
    row: int,
    label: str,
    values: Sequence[Value],
    *,
    header: bool = False,
    number_format: str = COUNT_FORMAT,
) -> None:
    """A row of the totals block: the label across the first two columns, then the values
    under the agency table's columns."""
    write_table_row(sheet, row, [label, "", *values], header=header, number_format=number_format)
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)


def write_table_row(
    sheet: Worksheet,
    row: int,
    values: Sequence[Value],
    *,
    header: bool = False,
    number_format: str = COUNT_FORMAT,
) -> None:
    """A bordered row: headers bold and centred; numbers and dates formatted; text wrapped."""
    for column, value in enumerate(values, 1):
        cell = write_cell(sheet, row, column, value)
        cell.border = _BORDER
        if header:
            cell.font, cell.fill, cell.alignment = _BOLD, _HEADER_FILL, _CENTRE
        elif isinstance(value, date):
            cell.number_format, cell.alignment = DATE_FORMAT, _CENTRE
        elif isinstance(value, Sum):
            cell.number_format, cell.alignment = number_format, _RIGHT
        elif isinstance(value, Percent | Points):
            cell.alignment = _RIGHT
            if value.value is not None:
                cell.number_format = PERCENT_FORMAT if isinstance(value, Percent) else POINTS_FORMAT
        elif isinstance(value, float):
            cell.number_format, cell.alignment = DECIMAL_FORMAT, _RIGHT
        elif isinstance(value, int):
            cell.number_format = number_format
            cell.alignment = _CENTRE if column == 1 else _RIGHT
        else:
            cell.alignment = _RIGHT if value.endswith("%") else _LEFT


def write_cell(sheet: Worksheet, row: int, column: int, value: Value) -> Cell:
    """The cell holding `value`; text that a spreadsheet would run as a formula is typed as
    text and marked with Excel's own "text" prefix (shown to nobody, kept when the cell is
    edited), so that the reader sees exactly the value, with no apostrophe in front."""
    if isinstance(value, Percent | Points):
        return sheet.cell(row=row, column=column, value="—" if value.value is None else value.value)
    if isinstance(value, Sum):
        return sheet.cell(row=row, column=column, value=value.formula)
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and starts_like_formula(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def prepare_print(sheet: Worksheet, header_row: int, widths: Sequence[int]) -> None:
    """Column widths, a frozen header, and A4 landscape one page wide with the header row
    repeated on every page."""
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages tall as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "Trang &P/&N"
