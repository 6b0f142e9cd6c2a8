from datetime import date

import pytest

from tracker.domain.periods import parse_period, period_containing
from tracker.domain.reminders import OpenTask, Reminder, ReminderPolicy, reminders_due

POLICY = ReminderPolicy()
DEADLINE = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 22), []),
        (date(2026, 11, 23), [Reminder("before", "2026-11-30:7", 7)]),
        (date(2026, 11, 27), [Reminder("before", "2026-11-30:7", 3)]),
        (date(2026, 11, 29), [Reminder("before", "2026-11-30:1", 1)]),
        (date(2026, 11, 30), [Reminder("before", "2026-11-30:1", 0)]),
        (date(2026, 12, 1), [Reminder("overdue", "2026-11-30", -1)]),
        (date(2026, 12, 6), [Reminder("overdue", "2026-11-30", -6)]),
        (date(2026, 12, 7), [Reminder("overdue_weekly", "2026-11-30:w1", -7)]),
        (
            date(2026, 12, 14),
            [
                Reminder("overdue_weekly", "2026-11-30:w2", -14),
                Reminder("escalation", "2026-11-30", -14),
            ],
        ),
    ],
)
def test_reminders_before_on_and_after_the_deadline(today: date, expected: list[Reminder]) -> None:
    assert reminders_due(OpenTask(DEADLINE), today, POLICY) == expected


def test_a_missed_day_is_caught_up_and_keys_stay_the_same_inside_a_window() -> None:
    """The 7-day reminder has one key for the whole window, so a run on any day of it
    sends it once; the log does the rest."""
    keys = {
        reminders_due(OpenTask(DEADLINE), date(2026, 11, d), POLICY)[0].period
        for d in range(23, 29)
    }
    assert keys == {"2026-11-30:7"}


def test_an_extension_starts_the_reminders_again() -> None:
    before = reminders_due(OpenTask(DEADLINE), date(2026, 12, 1), POLICY)
    after = reminders_due(OpenTask(date(2026, 12, 31)), date(2026, 12, 24), POLICY)
    assert before[0].period != after[0].period


def test_tasks_without_deadline_get_a_quarterly_digest() -> None:
    assert reminders_due(OpenTask(None), date(2026, 11, 22), POLICY) == [
        Reminder("digest", "2026-Q4")
    ]
    quiet = ReminderPolicy(digest_without_deadline=False)
    assert reminders_due(OpenTask(None), date(2026, 11, 22), quiet) == []


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2017-Q3", date(2017, 7, 1), date(2017, 9, 30), "Quý III năm 2017"),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29), "tháng 2 năm 2020"),
        ("2018-H2", date(2018, 7, 1), date(2018, 12, 31), "6 tháng cuối năm 2018"),
        ("2019", date(2019, 1, 1), date(2019, 12, 31), "năm 2019"),
        (
            "2017-07-15..2017-08-14",
            date(2017, 7, 15),
            date(2017, 8, 14),
            "từ ngày 15/07/2017 đến ngày 14/08/2017",
        ),
    ],
)
def test_periods(text: str, start: date, end: date, label: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)


def test_previous_periods() -> None:
    assert parse_period("2017-Q1").previous().key == "2016-Q4"
    assert parse_period("2017-07-15..2017-08-14").previous().end == date(2017, 7, 14)
    assert period_containing(date(2017, 1, 5), "semiannual").previous().key == "2016-H2"


@pytest.mark.parametrize("text", ["2017-Q5", "17-Q3", "2017-13", "2017-09-31..2017-10-01", "x"])
def test_bad_periods_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_period(text)


@pytest.mark.parametrize(
    ("typed", "key", "title"),
    [
        ("Quý IV/2026", "2026-Q4", "Quý IV năm 2026"),
        ("quý 4 năm 2026", "2026-Q4", "Quý IV năm 2026"),
        ("Tháng 11/2026", "2026-11", "Tháng 11 năm 2026"),
        ("11/2026", "2026-11", "Tháng 11 năm 2026"),
        ("6 tháng đầu năm 2026", "2026-H1", "6 tháng đầu năm 2026"),
        ("6 tháng cuối năm 2026", "2026-H2", "6 tháng cuối năm 2026"),
        ("Năm 2026", "2026", "Năm 2026"),
        ("từ 01/10/2026 đến 15/11/2026", "2026-10-01..2026-11-15",
         "Từ ngày 01/10/2026 đến ngày 15/11/2026"),
        ("2026-Q4", "2026-Q4", "Quý IV năm 2026"),
    ],
)  # fmt: skip
def test_periods_are_typed_in_words_and_titled_with_their_numerals_intact(
    typed: str, key: str, title: str
) -> None:
    period = parse_period(typed)
    assert (period.key, period.title) == (key, title)


@pytest.mark.parametrize("typed", ["Quý V/2026", "tháng 13/2026", "31/02/2026 - 01/03/2026"])
def test_impossible_periods_in_words_are_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_period(typed)


@pytest.mark.parametrize(
    ("key", "before"),
    [
        ("2026-Q4", "2025-Q4"),
        ("2024-02", "2023-02"),
        ("2026-H1", "2025-H1"),
        ("2026", "2025"),
        ("2024-02-29..2024-03-10", "2023-02-28..2023-03-10"),
    ],
)
def test_the_same_period_a_year_before(key: str, before: str) -> None:
    assert parse_period(key).a_year_before().key == before
