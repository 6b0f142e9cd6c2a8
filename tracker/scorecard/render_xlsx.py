"""The scorecard as an Excel workbook, in the house style of the reports' workbooks."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from tracker.domain.formatting import vn_date
from tracker.domain.outcomes import ORIGINAL_DEADLINE_RATE
from tracker.domain.periods import Period
from tracker.domain.scorecard import ScoreRow, ScoreWeights, formula_text
from tracker.reports.issuer import ReportIssuer
from tracker.reports.render_xlsx import (
    Percent,
    Value,
    prepare_print,
    write_heading,
    write_line,
    write_table_row,
)

HEADERS = (
    "STT",
    "Cơ quan, đơn vị",
    "Đến hạn",
    "Đúng hạn",
    "Trễ hạn",
    "Quá hạn",
    "Trễ có lý do khách quan",
    "Chưa đến hạn",
    ORIGINAL_DEADLINE_RATE,
    "Điểm",
    "Xếp hạng",
)
WIDTHS = (6, 42, 9, 9, 9, 9, 14, 10, 11, 9, 9)


def scorecard_title(period: Period) -> str:
    return f"Bảng điểm thực hiện nhiệm vụ của các cơ quan, đơn vị {period.label}"


def render_scorecard_xlsx(
    period: Period, rows: list[ScoreRow], weights: ScoreWeights, issuer: ReportIssuer
) -> bytes:
    """One sheet: the issuer, the title naming the period, the formula, then the ranking."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Bảng điểm"
    lines = [
        scorecard_title(period),
        f"Kỳ đánh giá: {period.label} (từ ngày {vn_date(period.start)} đến ngày "
        f"{vn_date(period.end)}); số liệu đến ngày {vn_date(issuer.issued_on)}",
        formula_text(weights),
    ]
    header_row = write_heading(sheet, lines, issuer, len(HEADERS))
    write_table_row(sheet, header_row, list(HEADERS), header=True)
    for number, row in enumerate(rows, 1):
        counts = row.counts
        values: list[Value] = [
            number,
            counts.agency,
            counts.due,
            counts.on_time,
            counts.late,
            counts.overdue,
            counts.excused,
            counts.pending,
            Percent(row.counts.on_time_rate.value),
            row.score,
            row.rank,
        ]
        write_table_row(sheet, header_row + number, values)
    if not rows:
        empty = "Không có nhiệm vụ đến hạn trong kỳ."
        write_line(sheet, header_row + 1, empty, len(HEADERS), Font())
    prepare_print(sheet, header_row, WIDTHS)
    workbook.properties.title = scorecard_title(period)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
