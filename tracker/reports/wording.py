"""The report's wording shared by every format.

The sentences and table cells live here, once, so that the XLSX, DOCX and Markdown versions
of a report say exactly the same thing. The on-time rate is the province's one
(`tracker.domain.outcomes`); the other percentages are shares of the tasks with a deadline
(`StatusCounts.share`). "Hoàn thành đúng hạn" counts trước hạn and đúng hạn together, as in
the Government Office's two-way form (DESIGN.md, "Status").
"""

from __future__ import annotations

from tracker.domain.formatting import tasks_phrase, vn_date, vn_number, vn_percent
from tracker.domain.outcomes import ON_TIME_RATE, ON_TIME_RATE_BASE
from tracker.domain.report_figures import NoticeSection, OverdueRow, ReportFigures, StatusCounts

AGENCY_HEADERS = (
    "STT",
    "Cơ quan",
    "Tổng số",
    "Trước hạn",
    "Đúng hạn",
    "Trễ hạn",
    "Trong hạn",
    "Quá hạn",
    "Thường xuyên",
    ON_TIME_RATE,
)
OVERDUE_HEADERS = (
    "STT",
    "Cơ quan",
    "Văn bản",
    "Mục",
    "Nội dung",
    "Hạn xử lý",
    "Số ngày quá hạn",
    "Tình hình, giải trình",
)
TOTAL_LABEL = "Tổng cộng"
# A printed report lists at most this many overdue tasks; the spreadsheet lists them all.
MAX_LISTED_OVERDUE = 200


def count_values(counts: StatusCounts) -> tuple[int, ...]:
    """The counts in the order of AGENCY_HEADERS, from "Tổng số" to "Thường xuyên"."""
    return (
        counts.total,
        counts.early,
        counts.on_time,
        counts.late,
        counts.within,
        counts.overdue,
        counts.ongoing,
    )


def on_time_share(counts: StatusCounts) -> str:
    """The on-time rate as the report writes it, "—" when nothing is in its base."""
    return counts.on_time_rate.text


def on_time_rate(counts: StatusCounts) -> float | None:
    """The on-time rate in percent, for comparing two periods; None when it has no base."""
    value = counts.on_time_rate.value
    return None if value is None else 100 * value


def agency_cells(number: str, agency: str, counts: StatusCounts) -> list[str]:
    """One row of the agency table, as text."""
    counted = [vn_number(value) for value in count_values(counts)]
    return [number, agency, *counted, on_time_share(counts)]


def overdue_cells(number: int, row: OverdueRow) -> list[str]:
    """One row of the overdue list, as text."""
    return [
        str(number),
        row.agency,
        row.notice,
        row.ref,
        row.text,
        vn_date(row.deadline),
        vn_number(row.days_overdue),
        row.situation,
    ]


def period_line(figures: ReportFigures) -> str:
    """The period, its dates and the scope. The figures are frozen at the period's last day,
    which is therefore the cut-off date."""
    return (
        f"Kỳ báo cáo: {figures.period_label}, từ ngày {vn_date(figures.start)} "
        f"đến ngày {vn_date(figures.end)} (ngày chốt số liệu). Phạm vi: {figures.scope_label}."
    )


def totals_sentence(figures: ReportFigures) -> str:
    """The totals as the provinces' reports state them."""
    counts = figures.totals
    given = tasks_phrase(counts.total)
    if figures.items is not None and figures.items < counts.total:
        given = (
            f"{vn_number(figures.items)} nội dung, giao {vn_number(counts.total)} lượt "
            "nhiệm vụ cho các cơ quan"
        )
    return f"Trong {figures.period_label}, tổng số nhiệm vụ được giao là {given}" + (
        shares_sentence(counts)
    )


def shares_sentence(counts: StatusCounts) -> str:
    """What follows a total: its tasks with a deadline by status, each share of the total
    named in its own sentence, as the seeds write them; then the cancelled ones."""
    if counts.with_deadline == 0:
        ongoing = f" (thường xuyên {tasks_phrase(counts.ongoing)})" if counts.ongoing else ""
        return f"{ongoing}; không có nhiệm vụ nào có thời hạn.{cancelled_sentence(counts)}"

    def with_share(value: int) -> str:
        return f"{tasks_phrase(value)} ({counts.share(value)})"

    ongoing = f" và {tasks_phrase(counts.ongoing)} thường xuyên" if counts.ongoing else ""
    named = (
        f", gồm {tasks_phrase(counts.with_deadline)} có thời hạn{ongoing}" if counts.ongoing else ""
    )
    return (
        f"{named}. Trong {tasks_phrase(counts.with_deadline)} có thời hạn: đã hoàn thành "
        f"{with_share(counts.completed)}, gồm trước hạn {with_share(counts.early)}, "
        f"đúng hạn {with_share(counts.on_time)}, trễ hạn {with_share(counts.late)}; "
        f"đang trong hạn {with_share(counts.within)}; quá hạn {with_share(counts.overdue)}."
        f"{cancelled_sentence(counts)}"
    )


def intake_sentence(figures: ReportFigures) -> str | None:
    """Carried over from earlier periods and newly assigned, for reports that counted them."""
    intake = figures.intake
    if intake is None:
        return None
    carried, new = intake.carried_over, intake.newly_assigned
    total = carried + new
    if not new or not carried:
        origin = "chuyển tiếp từ kỳ trước" if carried else "được giao mới trong kỳ"
        return f"Cả {tasks_phrase(total)} đều là nhiệm vụ {origin}." if total else None
    return (
        f"Trong {tasks_phrase(total)}, có {tasks_phrase(carried)} chuyển tiếp từ kỳ trước "
        f"({vn_percent(carried, total)}) và {tasks_phrase(new)} được giao mới trong kỳ "
        f"({vn_percent(new, total)})."
    )


def notice_sentence(section: NoticeSection) -> str:
    """One followed notice: its tasks of the period and their shares."""
    return (
        f"{section.heading} ({section.title.rstrip('.')}): tổng số "
        f"{tasks_phrase(section.counts.total)}{shares_sentence(section.counts)}"
    )


def cancelled_sentence(counts: StatusCounts) -> str:
    """The tasks a later document cancelled or stopped, apart from every other figure."""
    if not counts.cancelled:
        return ""
    return (
        f" Ngoài ra, {vn_number(counts.cancelled)} nhiệm vụ đã hủy/dừng thực hiện theo văn bản "
        "điều chỉnh, không tính vào các số liệu trên."
    )


def on_time_sentence(figures: ReportFigures) -> str:
    """The on-time rate and what the percentages are shares of."""
    counts = figures.totals
    if counts.with_deadline == 0:
        return "Kỳ này không có nhiệm vụ có thời hạn nên không tính tỷ lệ hoàn thành đúng hạn."
    rate = counts.on_time_rate
    others = (
        f"Các tỷ lệ khác được tính trên {vn_number(counts.with_deadline)} nhiệm vụ có thời "
        "hạn; nhiệm vụ thường xuyên không có thời hạn nên không tính tỷ lệ."
    )
    if rate.base == 0:
        return (
            "Chưa có nhiệm vụ nào hoàn thành hoặc quá hạn nên chưa tính tỷ lệ hoàn thành đúng"
            f" hạn. {others}"
        )
    return (
        f"{ON_TIME_RATE} (trước hạn và đúng hạn, trên {vn_number(rate.base)} "
        f"{ON_TIME_RATE_BASE}) đạt {rate.text}. {others}"
    )


def change_sentences(figures: ReportFigures) -> list[str]:
    """The change against the previous period and against the same period a year before,
    for those the report counted."""
    compared = [("kỳ trước", figures.previous_totals),
                ("cùng kỳ năm trước", figures.last_year_totals)]  # fmt: skip
    return [_compared(name, figures.totals, other) for name, other in compared if other]


def _compared(name: str, current: StatusCounts, previous: StatusCounts) -> str:
    parts = [
        "tổng số nhiệm vụ " + _count_change(current.total, previous.total),
        "số nhiệm vụ đã hoàn thành " + _count_change(current.completed, previous.completed),
        "số nhiệm vụ quá hạn " + _count_change(current.overdue, previous.overdue),
        "tỷ lệ hoàn thành đúng hạn " + _rate_change(current, previous, name),
    ]
    return f"So với {name}, " + "; ".join(parts) + "."


def _count_change(current: int, previous: int) -> str:
    if current == previous:
        return f"không thay đổi ({vn_number(current)} nhiệm vụ)"
    direction, word = ("tăng", "lên") if current > previous else ("giảm", "xuống")
    return (
        f"{direction} {vn_number(abs(current - previous))} nhiệm vụ "
        f"(từ {vn_number(previous)} {word} {vn_number(current)})"
    )


def _rate_change(current: StatusCounts, previous: StatusCounts, name: str) -> str:
    now, before = on_time_rate(current), on_time_rate(previous)
    if now is None:
        return "không tính được (kỳ này chưa có nhiệm vụ hoàn thành hoặc quá hạn)"
    if before is None:
        return f"đạt {on_time_share(current)} ({name} không có nhiệm vụ hoàn thành hoặc quá hạn)"
    points = round(now - before, 2)
    if points == 0:
        return f"không thay đổi ({on_time_share(current)})"
    direction, word = ("tăng", "lên") if points > 0 else ("giảm", "xuống")
    return (
        f"{direction} {vn_number(abs(points), 2)} điểm phần trăm "
        f"(từ {on_time_share(previous)} {word} {on_time_share(current)})"
    )


def more_overdue_line(figures: ReportFigures) -> str | None:
    """ "và N nhiệm vụ khác" when the printed list stops short of every overdue task."""
    rest = len(figures.overdue) - MAX_LISTED_OVERDUE
    return f"và {vn_number(rest)} nhiệm vụ khác." if rest > 0 else None
