"""The cells of every workbook the app writes, in openpyxl's write-only mode.

A sheet is written from its top row down: each row goes to openpyxl's temporary file as it is
added, so that a list of thousands of tasks never sits in memory as cells. The sheet's XML
opens with its column widths and its frozen pane, so the few rows above a table (the issuer,
the title, a totals block) are held until the table's header row is known (`end_header`).

Counts, dates and days are written as numbers and dates, not text, so that a reader can sum,
sort and filter them; their formats ("#,##0", "dd/mm/yyyy") are shown with the separators of
the reader's own locale, hence "2.608" on a Vietnamese system and "2,608" on an English one.
Percentages are numbers too (0,8727 shown "87,27%" by the "0.00%" format); a share of nothing
is "—". Every cell goes through `_cell`, which keeps text that looks like a formula (an agency
named "=...", a task starting "- ...") as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from io import BytesIO
from typing import Any, TypeAlias

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from tracker.domain.spreadsheet_text import starts_like_formula
from tracker.reports.issuer import ReportIssuer

COUNT_FORMAT = "#,##0"
CHANGE_FORMAT = "+#,##0;-#,##0;0"
DATE_FORMAT = "dd/mm/yyyy"
DECIMAL_FORMAT = "#,##0.0#"
PERCENT_FORMAT = "0.00%"
POINTS_FORMAT = '+0.00" điểm %";-0.00" điểm %";0.00" điểm %"'

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
_RIGHT = Alignment(horizontal="right", vertical="top", wrap_text=True)
BOLD = Font(bold=True)


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


Value: TypeAlias = str | int | float | date | Percent | Points | Sum
Look: TypeAlias = tuple[tuple[str, Any], ...]  # a cell's style attributes and their settings


def new_workbook(title: str) -> Workbook:
    """An empty write-only workbook (it has no sheet until `SheetWriter` adds one)."""
    workbook = Workbook(write_only=True)
    workbook.properties.title = title
    return workbook


def workbook_bytes(workbook: Workbook) -> bytes:
    """The saved workbook, for a file small enough to hold in memory."""
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class SheetWriter:
    """One sheet of a write-only workbook, ready to print on A4 landscape one page wide, with
    the table's header row repeated on every page and frozen on screen."""

    def __init__(self, workbook: Workbook, title: str, widths: Sequence[int]) -> None:
        self.sheet = workbook.create_sheet(title)
        self.row = 0  # the last row added
        self._held: list[list[Cell]] | None = []
        # Each distinct look is built once and shared: openpyxl would otherwise look every
        # font, border and alignment up again for each of thousands of cells.
        self._looks: dict[tuple[bool, int], tuple[Look, Any]] = {}
        for column, width in enumerate(widths, 1):
            self.sheet.column_dimensions[get_column_letter(column)].width = width
        _prepare_print(self.sheet)

    def heading(self, lines: Sequence[str], issuer: ReportIssuer, width: int) -> None:
        """The issuer, then the title (bold, larger) and further lines, then a blank row."""
        self.line(issuer.office, width, BOLD, centred=False)
        self.line(lines[0].upper(), width, Font(bold=True, size=14))
        for line in lines[1:]:
            self.line(line, width, Font(italic=True))
        self.blank()

    def line(self, text: str, width: int, font: Font, *, centred: bool = True) -> None:
        """A line of text across the table's width."""
        alignment = _CENTRE if centred else Alignment(horizontal="left", vertical="center")
        self._add([self._cell(text, (("font", font), ("alignment", alignment)))])
        self.merge(self.row, 1, self.row, width)

    def blank(self) -> None:
        self._add([])

    def table_row(
        self,
        values: Sequence[Value],
        *,
        header: bool = False,
        bold: bool = False,
        number_format: str = COUNT_FORMAT,
    ) -> None:
        """A bordered row: headers bold and centred; numbers and dates formatted; text
        wrapped."""
        cells = []
        for column, value in enumerate(values, 1):
            look = _table_look(_kind(value), column == 1, header, bold, number_format)
            cells.append(self._cell(value, look))
        self._add(cells)

    def end_header(self) -> None:
        """The row just added is the table's header: printed on top of every page and kept
        in view while the rows below it scroll. The rows held until now are written."""
        self.sheet.print_title_rows = f"{self.row}:{self.row}"
        self.sheet.freeze_panes = f"A{self.row + 1}"
        held, self._held = self._held or [], None
        for cells in held:
            self.sheet.append(cells)

    def merge(self, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
        self.sheet.merged_cells.add(
            CellRange(min_row=first_row, min_col=first_column, max_row=last_row,
                      max_col=last_column)
        )  # fmt: skip

    def _add(self, cells: list[Cell]) -> None:
        self.row += 1
        if self._held is None:
            self.sheet.append(cells)
        else:
            self._held.append(cells)

    def _cell(self, value: Value, look: Look) -> Cell:
        """The cell holding `value`; text that a spreadsheet would run as a formula is typed
        as text and marked with Excel's own "text" prefix (shown to nobody, kept when the
        cell is edited), so that the reader sees exactly the value, with no apostrophe."""
        cell = WriteOnlyCell(self.sheet, value=_written(value))
        formula_like = isinstance(value, str) and starts_like_formula(value)
        if formula_like:
            cell.data_type = "s"
        # A look is known by its identity: the table's are kept for good (`_table_look`),
        # and each other one by this cache, so that no other look can take its id.
        key = (formula_like, id(look))
        known = self._looks.get(key)
        if known is None:
            for name, setting in look:
                setattr(cell, name, setting)
            cell.quotePrefix = formula_like
            known = self._looks[key] = (look, cell._style)
        # Shared, not copied: a write-only cell is written once and never restyled.
        cell._style = known[1]
        return cell


def _written(value: Value) -> object:
    if isinstance(value, Percent | Points):
        return "—" if value.value is None else value.value
    if isinstance(value, Sum):
        return value.formula
    return value


def _kind(value: Value) -> str:
    """What decides the look of a table cell holding `value`."""
    if isinstance(value, date):
        return "date"
    if isinstance(value, Sum):
        return "sum"
    if isinstance(value, Percent | Points):
        if value.value is None:
            return "none"
        return "percent" if isinstance(value, Percent) else "points"
    if isinstance(value, float):
        return "decimal"
    if isinstance(value, int):
        return "count"
    return "share text" if value.endswith("%") else "text"


@cache
def _table_look(
    kind: str, first_column: bool, header: bool, bold: bool, number_format: str
) -> Look:
    """The border, font, fill, alignment and number format of a table cell of `kind`."""
    look: dict[str, Any] = {"border": _BORDER}
    if header:
        look |= {"font": BOLD, "fill": _HEADER_FILL, "alignment": _CENTRE}
    elif kind == "date":
        look |= {"number_format": DATE_FORMAT, "alignment": _CENTRE}
    elif kind == "sum":
        look |= {"number_format": number_format, "alignment": _RIGHT}
    elif kind in ("percent", "points"):
        shown = PERCENT_FORMAT if kind == "percent" else POINTS_FORMAT
        look |= {"number_format": shown, "alignment": _RIGHT}
    elif kind == "decimal":
        look |= {"number_format": DECIMAL_FORMAT, "alignment": _RIGHT}
    elif kind == "count":
        look |= {"number_format": number_format, "alignment": _CENTRE if first_column else _RIGHT}
    else:
        look |= {"alignment": _LEFT if kind == "text" else _RIGHT}
    if bold:
        look["font"] = BOLD
    return tuple(look.items())


def _prepare_print(sheet: Worksheet) -> None:
    """A4 landscape, one page wide and as many tall as the rows need, centred, numbered."""
    sheet.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "Trang &P/&N"


def write_list(
    workbook: Workbook,
    title: str,
    lines: Sequence[str],
    issuer: ReportIssuer,
    headers: Sequence[str],
    rows: Iterable[Sequence[Value]],
    widths: Sequence[int],
    empty: str = "",
) -> None:
    """A sheet of one table under the heading: a row per item, each written as `rows` gives
    it, or `empty` when there is none."""
    sheet = SheetWriter(workbook, title, widths)
    sheet.heading(lines, issuer, len(headers))
    sheet.table_row(headers, header=True)
    sheet.end_header()
    header_row = sheet.row
    for values in rows:
        sheet.table_row(values)
    if sheet.row == header_row and empty:
        sheet.line(empty, len(headers), Font())
