"""The dashboard's current view as a workbook: the summary, the overdue tasks and the agency
ranking, each sheet titled with the filters it was drawn with. The overdue tasks are written
as they are read, so the list is never held whole."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import IO

from tracker.domain.dashboard import AgencyLine, DashboardFigures, OverdueLine
from tracker.domain.formatting import vn_date
from tracker.domain.outcomes import ON_TIME_RATE, ON_TIME_RATE_BASE
from tracker.domain.status import TaskStatus
from tracker.reports.issuer import ReportIssuer
from tracker.reports.sheet_writer import Percent, Value, new_workbook, write_list

TITLE = "Tình hình thực hiện nhiệm vụ"
SUMMARY_HEADERS = ("TT", "Tình trạng", "Số nhiệm vụ", "Tỷ lệ")
RANKING_HEADERS = (
    "TT", "Cơ quan", "Tổng số", "Trước hạn", "Đúng hạn", "Trễ hạn", "Trong hạn", "Quá hạn",
    "Thường xuyên", ON_TIME_RATE, "Số ngày trễ bình quân",
)  # fmt: skip
OVERDUE_HEADERS = ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Văn bản", "Hạn xử lý", "Số ngày quá hạn")


def dashboard_workbook(
    figures: DashboardFigures,
    agencies: Sequence[AgencyLine],
    overdue: Iterable[OverdueLine],
    filter_lines: list[str],
    issuer: ReportIssuer,
    out: IO[bytes],
) -> None:
    """Write the workbook into `out`."""
    workbook = new_workbook(TITLE)
    subtitle = f"Số liệu đến ngày {vn_date(issuer.issued_on)}; " + "; ".join(filter_lines)
    write_list(
        workbook,
        "Tổng hợp",
        [TITLE, subtitle],
        issuer,
        SUMMARY_HEADERS,
        _summary(figures),
        (6, 44, 14, 12),
    )
    write_list(
        workbook,
        "Quá hạn",
        ["Nhiệm vụ quá hạn, lâu nhất trước", subtitle],
        issuer,
        OVERDUE_HEADERS,
        _overdue(overdue, issuer),
        (6, 70, 30, 22, 12, 12),
    )
    write_list(
        workbook,
        "Xếp hạng cơ quan",
        ["Xếp hạng cơ quan theo tỷ lệ hoàn thành đúng hạn", subtitle],
        issuer,
        RANKING_HEADERS,
        _ranking(agencies),
        (6, 36, 10, 10, 10, 10, 10, 10, 12, 14, 16),
    )
    workbook.save(out)


def _summary(figures: DashboardFigures) -> list[list[Value]]:
    rows: list[list[Value]] = []
    for status in TaskStatus:
        count, whole = figures.share(status)
        rows.append([status.label, count, Percent.of(count, whole)])
    rows.append(["Tổng số", figures.total, ""])
    rate = figures.on_time_rate
    rows.append([f"{ON_TIME_RATE} (trên số {ON_TIME_RATE_BASE})", rate.base, Percent(rate.value)])
    for level, count in figures.ladder.items():
        rows.append([f"Cảnh báo: {level.label}", count, ""])
    return [[number, *values] for number, values in enumerate(rows, 1)]


def _overdue(lines: Iterable[OverdueLine], issuer: ReportIssuer) -> Iterator[list[Value]]:
    for number, line in enumerate(lines, 1):
        days = (issuer.issued_on - line.deadline).days
        yield [number, line.text, line.agency, line.notice, line.deadline, days]


def _ranking(agencies: Sequence[AgencyLine]) -> list[list[Value]]:
    rows: list[list[Value]] = []
    for number, line in enumerate(agencies, 1):
        counts = [line.counts[status] for status in TaskStatus]
        late = line.average_days_late
        rows.append([
            number, line.name, line.total, *counts, Percent(line.on_time_rate.value),
            round(late, 1) if late is not None else "—",
        ])  # fmt: skip
    return rows
