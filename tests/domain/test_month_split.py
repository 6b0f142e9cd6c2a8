"""A range of deadlines as whole months and the days at its ends."""

from datetime import date, timedelta

import pytest

from tracker.domain.month_split import MonthSplit, split_by_month

D = date


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (None, None, MonthSplit((None, None))),
        (D(2025, 1, 1), D(2025, 3, 31), MonthSplit((D(2025, 1, 1), D(2025, 3, 1)))),
        (
            D(2025, 1, 10),
            D(2026, 6, 15),
            MonthSplit(
                (D(2025, 2, 1), D(2026, 5, 1)),
                [(D(2025, 1, 10), D(2025, 1, 31)), (D(2026, 6, 1), D(2026, 6, 15))],
            ),
        ),
        (
            D(2025, 1, 10),
            None,
            MonthSplit((D(2025, 2, 1), None), [(D(2025, 1, 10), D(2025, 1, 31))]),
        ),
        (
            None,
            D(2024, 2, 28),
            MonthSplit((None, D(2024, 1, 1)), [(D(2024, 2, 1), D(2024, 2, 28))]),
        ),
        (None, D(2024, 2, 29), MonthSplit((None, D(2024, 2, 1)))),
        (D(2025, 3, 5), D(2025, 3, 20), MonthSplit(None, [(D(2025, 3, 5), D(2025, 3, 20))])),
        (D(2025, 3, 5), D(2025, 4, 20), MonthSplit(None, [(D(2025, 3, 5), D(2025, 4, 20))])),
        (D(2025, 3, 1), D(2025, 3, 20), MonthSplit(None, [(D(2025, 3, 1), D(2025, 3, 20))])),
        (D(2025, 3, 5), D(2025, 3, 31), MonthSplit(None, [(D(2025, 3, 5), D(2025, 3, 31))])),
        (D(2025, 3, 1), D(2025, 3, 31), MonthSplit((D(2025, 3, 1), D(2025, 3, 1)))),
        (D(2025, 12, 31), D(2026, 1, 1), MonthSplit(None, [(D(2025, 12, 31), D(2026, 1, 1))])),
        (D(2025, 5, 2), D(2025, 5, 1), MonthSplit(None)),
    ],
)
def test_a_range_is_cut_into_whole_months_and_days(
    start: date | None, end: date | None, expected: MonthSplit
) -> None:
    assert split_by_month(start, end) == expected


def test_every_day_of_a_range_is_counted_once() -> None:
    """Over many ranges, each day falls in exactly one of the months or the day ranges."""
    first = D(2023, 11, 20)
    days = [first + timedelta(days=n) for n in range(0, 500, 7)]
    for start in days:
        for end in days:
            if start > end:
                continue
            split = split_by_month(start, end)
            for day in (first + timedelta(days=n) for n in range(560)):
                in_months = split.months is not None and _in_months(day, split.months)
                in_days = sum(low <= day <= high for low, high in split.days)
                assert in_months + in_days == (start <= day <= end), (start, end, day)


def _in_months(day: date, months: tuple[date | None, date | None]) -> bool:
    low, high = months
    month = day.replace(day=1)
    return (low is None or low <= month) and (high is None or month <= high)
