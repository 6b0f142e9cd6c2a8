"""The next day of a schedule that names its days."""

from datetime import date

import pytest

from tracker.domain.recurring_days import (
    next_month_end,
    next_monthly_day,
    next_quarter_end_day,
    next_yearly_day,
)


@pytest.mark.parametrize(
    ("day", "on_or_after", "expected"),
    [
        (20, date(2025, 11, 20), date(2025, 11, 20)),  # the day itself
        (15, date(2025, 11, 20), date(2025, 12, 15)),
        (15, date(2025, 12, 20), date(2026, 1, 15)),  # over the year's end
        (31, date(2026, 2, 10), date(2026, 2, 28)),  # a short month's last day
        (31, date(2024, 2, 10), date(2024, 2, 29)),
        (30, date(2026, 1, 31), date(2026, 2, 28)),
    ],
)
def test_next_monthly_day(day: int, on_or_after: date, expected: date) -> None:
    assert next_monthly_day(day, on_or_after) == expected


@pytest.mark.parametrize(
    ("day", "on_or_after", "expected"),
    [
        (15, date(2025, 11, 20), date(2025, 12, 15)),
        (15, date(2025, 12, 16), date(2026, 3, 15)),
        (31, date(2026, 4, 1), date(2026, 6, 30)),
    ],
)
def test_next_quarter_end_day(day: int, on_or_after: date, expected: date) -> None:
    assert next_quarter_end_day(day, on_or_after) == expected


def test_next_yearly_day_and_month_end() -> None:
    assert next_yearly_day(11, 30, date(2025, 11, 24)) == date(2025, 11, 30)
    assert next_yearly_day(6, 15, date(2025, 11, 24)) == date(2026, 6, 15)
    assert next_yearly_day(2, 29, date(2025, 3, 1)) == date(2026, 2, 28)
    assert next_month_end(12, date(2025, 11, 18)) == date(2025, 12, 31)
    assert next_month_end(2, date(2025, 3, 1)) == date(2026, 2, 28)
    assert next_month_end(11, date(2025, 11, 30)) == date(2025, 11, 30)
