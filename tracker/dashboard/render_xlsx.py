"""The dashboard's current view as a workbook: the summary, the overdue tasks and the agency
ranking, each sheet titled with the filters it was drawn with."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from tracker.domain.dashboard import AgencyLine, DashboardFigures
from tracker.domain.formatting import vn_date
from tracker.domain.outcomes import ON_TIME_RATE, ON_TIME_RATE_BASE
from tracker.domain.status import TaskStatus
from tracker.reports.issuer import ReportIssuer
from tracker.reports.render_xlsx import (
    Percent,
    Value,
    prepare_print,
    write_heading,
    write_table_row,
)
from tracker.tasks.models import Task

TITLE = "Tình hình thực hiện nhiệm vụ"
RANKING_HEADERS = (
    "TT", "Cơ quan", "Tổng số", "Trước hạn", "Đúng hạn", "Trễ hạn", "Trong hạn", "Quá hạn",
    "Thường xuyên", ON_TIME_RATE, "Số ngày trễ bình quân",
)  # fmt: skip
OVERDUE_HEADERS = ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Văn bản", "Hạn xử lý", "Số ngày quá hạn")


def dashboard_workbook(
    figures: DashboardFigures,
    agencies: Sequence[AgencyLine],
    overdue: Sequence[Task],
    filter_lines: list[str],
    issuer: ReportIssuer,
) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Tổng hợp"
    _summary(summary, figures, filter_lines, issuer)
    _overdue(workbook.create_sheet("Quá hạn"), overdue, filter_lines, issuer)
    _ranking(workbook.create_sheet("Xếp hạng cơ quan"), agencies, filter_lines, issuer)
    workbook.properties.title = TITLE
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _heading(
    sheet: Worksheet, title: str, lines: list[str], issuer: ReportIssuer, width: int
) -> int:
    subtitle = f"Số liệu đến ngày {vn_date(issuer.issued_on)}; " + "; ".join(lines)
    return write_heading(sheet, [title, subtitle], issuer, width)


def _summary(
    sheet: Worksheet, figures: DashboardFigures, lines: list[str], issuer: ReportIssuer
) -> None:
    row = _heading(sheet, TITLE, lines, issuer, 4)
    write_table_row(sheet, row, ["TT", "Tình trạng", "Số nhiệm vụ", "Tỷ lệ"], header=True)
    rows: list[list[Value]] = []
    for status in TaskStatus:
        count, whole = figures.share(status)
        rows.append([status.label, count, Percent.of(count, whole)])
    rows.append(["Tổng số", figures.total, ""])
    rate = figures.on_time_rate
    rows.append([f"{ON_TIME_RATE} (trên số {ON_TIME_RATE_BASE})", rate.base, Percent(rate.value)])
    for level, count in figures.ladder.items():
        rows.append([f"Cảnh báo: {level.label}", count, ""])
    for number, values in enumerate(rows, 1):
        write_table_row(sheet, row + number, [number, *values])
    prepare_print(sheet, row, (6, 44, 14, 12))


def _overdue(
    sheet: Worksheet, tasks: Sequence[Task], lines: list[str], issuer: ReportIssuer
) -> None:
    row = _heading(sheet, "Nhiệm vụ quá hạn, lâu nhất trước", lines, issuer, len(OVERDUE_HEADERS))
    write_table_row(sheet, row, list(OVERDUE_HEADERS), header=True)
    for number, task in enumerate(tasks, 1):
        deadline = task.deadline or issuer.issued_on
        values: list[Value] = [
            number,
            task.text,
            task.lead_agency.name,
            f"{task.notice.kind.label} {task.notice.number or ''}".strip(),
            deadline,
            (issuer.issued_on - deadline).days,
        ]
        write_table_row(sheet, row + number, values)
    prepare_print(sheet, row, (6, 70, 30, 22, 12, 12))


def _ranking(
    sheet: Worksheet, agencies: Sequence[AgencyLine], lines: list[str], issuer: ReportIssuer
) -> None:
    title = "Xếp hạng cơ quan theo tỷ lệ hoàn thành đúng hạn"
    row = _heading(sheet, title, lines, issuer, len(RANKING_HEADERS))
    write_table_row(sheet, row, list(RANKING_HEADERS), header=True)
    for number, line in enumerate(agencies, 1):
        counts = [line.counts[status] for status in TaskStatus]
        rate = Percent(line.on_time_rate.value)
        late = line.average_days_late
        values: list[Value] = [
            number, line.name, line.total, *counts, rate,
            round(late, 1) if late is not None else "—",
        ]  # fmt: skip
        write_table_row(sheet, row + number, values)
    prepare_print(sheet, row, (6, 36, 10, 10, 10, 10, 10, 10, 12, 14, 16))
