"""The dashboard's two charts: its figures turned into bars whose segments link to the task
list filtered to exactly the tasks they count."""

from __future__ import annotations

from tracker.dashboard.links import FigureLinks
from tracker.domain.charts import Bar, Segment, horizontal_bars, vertical_bars
from tracker.domain.dashboard import DashboardFigures, rank_agencies
from tracker.domain.periods import short_label
from tracker.domain.status import TaskStatus

# Bottom to top (left to right): the good news first.
SERIES = (
    TaskStatus.EARLY,
    TaskStatus.ON_TIME,
    TaskStatus.LATE,
    TaskStatus.OVERDUE,
    TaskStatus.WITHIN_DEADLINE,
    TaskStatus.ONGOING,
)
AGENCIES_CHARTED = 15


def trend_chart(figures: DashboardFigures, links: FigureLinks) -> str:
    bars = [
        Bar(
            short_label(point.period),
            [
                Segment(
                    point.counts[status],
                    f"s-{status.value}",
                    f"{point.period.label} — {status.label}: {point.counts[status]}",
                    links.url(ky=point.period.key, trang_thai=status.value),
                )
                for status in SERIES
                if status is not TaskStatus.ONGOING
            ],
        )
        for point in figures.trend
    ]
    return vertical_bars(bars, "Nhiệm vụ theo kỳ đến hạn và tình trạng")


def agency_chart(figures: DashboardFigures, links: FigureLinks) -> str:
    """The agencies with the most overdue tasks, each bar split by status."""
    lagging = rank_agencies(figures.agencies, "qua_han")[:AGENCIES_CHARTED]
    bars = [
        Bar(
            line.name,
            [
                Segment(
                    line.counts[status],
                    f"s-{status.value}",
                    f"{line.name} — {status.label}: {line.counts[status]}",
                    links.url(co_quan=line.agency_id, trang_thai=status.value),
                )
                for status in SERIES
            ],
        )
        for line in lagging
    ]
    return horizontal_bars(bars, "Tình trạng nhiệm vụ của các cơ quan có nhiều việc quá hạn nhất")
