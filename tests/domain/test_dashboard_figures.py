"""The dashboard's figures from grouped counts."""

from datetime import date

from tracker.domain.dashboard import agency_row, build_figures, rank_agencies, trend_periods
from tracker.domain.status import TaskStatus, WarningLevel

NAMES = {1: "Sở Nội vụ", 2: "Sở Tài chính", 3: "Sở Y tế"}


def figures():  # type: ignore[no-untyped-def]
    # agency, status, count, days late, then sắp đến hạn, quá hạn, > 30, > 60, > 120 days
    agency_rows = [
        agency_row(1, "truoc_han", 4, None, (0, 0, 0, 0, 0)),
        agency_row(1, "dung_han", 4, None, (0, 0, 0, 0, 0)),
        agency_row(1, "qua_han", 2, 20, (0, 2, 1, 0, 0)),
        agency_row(2, "tre_han", 5, 120, (0, 0, 0, 0, 0)),
        agency_row(2, "qua_han", 5, 180, (0, 5, 4, 3, 1)),
        agency_row(2, "trong_han", 3, None, (1, 0, 0, 0, 0)),
        agency_row(3, "thuong_xuyen", 7, None, (0, 0, 0, 0, 0)),
    ]
    trend_rows = [(2026, 7, "tre_han", 2), (2026, 9, "tre_han", 1), (2026, 10, "qua_han", 4)]
    periods = trend_periods(date(2026, 11, 22), "quy")
    return build_figures(agency_rows, trend_rows, NAMES, periods)


def test_totals_add_up_over_agencies() -> None:
    result = figures()
    assert result.total == 30
    assert result.completed == 13
    assert result.counts[TaskStatus.OVERDUE] == 7
    assert result.share(TaskStatus.EARLY) == (4, 13)
    assert result.share(TaskStatus.OVERDUE) == (7, 23), "a share of tasks with a deadline"
    assert result.ladder[WarningLevel.OVERDUE_30] == 5


def test_agency_lines_give_rates_and_average_days_late() -> None:
    lines = {line.name: line for line in figures().agencies}
    home = lines["Sở Nội vụ"]
    assert home.on_time == 8 and home.assessed == 10
    assert home.on_time_rate.value == 0.8 and home.on_time_rate.text == "80,00%"
    assert home.average_days_late == 10.0
    assert lines["Sở Tài chính"].average_days_late == 30.0
    assert lines["Sở Y tế"].on_time_rate.value is None, "nothing with a deadline yet"
    assert lines["Sở Y tế"].on_time_rate.text == "—"


def test_rankings() -> None:
    lines = figures().agencies
    assert [a.name for a in lines] == ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế"]
    assert rank_agencies(lines, "qua_han")[0].name == "Sở Tài chính"
    assert rank_agencies(lines, "tre_tb")[0].name == "Sở Tài chính"


def test_the_trend_covers_eight_quarters_oldest_first() -> None:
    trend = figures().trend
    assert [point.period.key for point in trend][-3:] == ["2026-Q2", "2026-Q3", "2026-Q4"]
    assert len(trend) == 8
    assert trend[-2].counts[TaskStatus.LATE] == 3
    assert trend[-1].counts[TaskStatus.OVERDUE] == 4


def test_the_monthly_trend_has_twelve_months() -> None:
    periods = trend_periods(date(2026, 11, 22), "thang")
    assert len(periods) == 12
    assert periods[0].key == "2025-12" and periods[-1].key == "2026-11"


def test_chart_columns_get_short_vietnamese_labels() -> None:
    from tracker.domain.periods import parse_period, short_label

    assert short_label(parse_period("2017-Q3")) == "Quý III/2017"
    assert short_label(parse_period("2017-08")) == "08/2017"
    assert short_label(parse_period("2017")) == "2017"
