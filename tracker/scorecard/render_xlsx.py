"""The scorecard as an Excel workbook, in the house style of the reports' workbooks."""

from __future__ import annotations

from tracker.domain.formatting import vn_date
from tracker.domain.outcomes import ORIGINAL_DEADLINE_RATE
from tracker.domain.periods import Period
from tracker.domain.scorecard import ScoreRow, ScoreWeights, formula_text
from tracker.reports.issuer import ReportIssuer
from tracker.reports.sheet_writer import Percent, Value, new_workbook, workbook_bytes, write_list

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
    workbook = new_workbook(scorecard_title(period))
    lines = [
        scorecard_title(period),
        f"Kỳ đánh giá: {period.label} (từ ngày {vn_date(period.start)} đến ngày "
        f"{vn_date(period.end)}); số liệu đến ngày {vn_date(issuer.issued_on)}",
        formula_text(weights),
    ]
    values: list[list[Value]] = [
        [
            number,
            row.counts.agency,
            row.counts.due,
            row.counts.on_time,
            row.counts.late,
            row.counts.overdue,
            row.counts.excused,
            row.counts.pending,
            Percent(row.counts.on_time_rate.value),
            row.score,
            row.rank,
        ]
        for number, row in enumerate(rows, 1)
    ]
    empty = "Không có nhiệm vụ đến hạn trong kỳ."
    write_list(workbook, "Bảng điểm", lines, issuer, HEADERS, values, WIDTHS, empty)
    return workbook_bytes(workbook)
