"""Occurrences of recurring tasks: the rule's days, the periods and the window they open in."""

from datetime import date

import pytest

from tracker.domain.deadlines import find_deadline
from tracker.domain.recurrence import (
    RuleError,
    make_rule,
    occurrence_label,
    occurrences_open,
    parse_days,
    recurrence_of_days,
)

D = date


@pytest.mark.parametrize(
    ("kind", "first", "days_text", "expected"),
    [
        (
            "monthly",
            D(2026, 11, 20),
            None,
            "20/01, 20/02, 20/03, 20/04, 20/05, 20/06, 20/07, 20/08, 20/09, 20/10, 20/11, 20/12",
        ),
        ("quarterly", D(2026, 12, 20), None, "20/03, 20/06, 20/09, 20/12"),
        ("quarterly", D(2027, 1, 15), None, "15/01, 15/04, 15/07, 15/10"),
        ("quarterly", None, None, "31/03, 31/06, 31/09, 31/12"),
        ("semiannual", D(2026, 6, 30), None, "31/06, 31/12"),
        ("semiannual", D(2026, 6, 15), None, "15/06, 15/12"),
        ("annual", D(2024, 2, 29), None, "31/02"),
        ("annual", D(2026, 12, 31), None, "31/12"),
        ("annual", D(2026, 3, 10), None, "10/03"),
        ("dates", None, "30/9, 15/3", "15/03, 30/09"),
        ("semiannual", D(2026, 3, 15), "15/3 và 30/9", "15/03, 30/09"),
    ],
)
def test_the_rule_keeps_the_first_deadline_s_place_in_every_period(
    kind, first, days_text, expected
):
    days = make_rule(kind, first, days_text).days
    assert ", ".join(f"{d:02d}/{m:02d}" for m, d in days) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/2", "không có trong năm"),
        ("15/13", "không có trong năm"),
        ("hằng quý", "dạng ngày/tháng"),
    ],
)
def test_impossible_dates_are_refused_in_words(text, message):
    with pytest.raises(RuleError, match=message):
        parse_days(text)


def test_dates_without_any_date_are_refused():
    with pytest.raises(RuleError, match="cần ghi các ngày"):
        make_rule("dates", None)


def _open(kind, first, start, until, today, days_text=None):
    rule = make_rule(kind, first, days_text)
    return [(o.period.key, o.deadline) for o in occurrences_open(rule, start, until, today)]


@pytest.mark.parametrize(
    ("case", "kind", "first", "start", "until", "today", "expected"),
    [
        # A quarterly report due the 20th of each quarter's last month, begun in Q4: Q1 opens a
        # week before the quarter starts, not before.
        (
            "quarter, Q1 not open yet",
            "quarterly",
            D(2026, 12, 20),
            D(2026, 12, 20),
            None,
            D(2026, 12, 24),
            [("2026-Q4", D(2026, 12, 20))],
        ),
        (
            "quarter, Q1 opens a week ahead",
            "quarterly",
            D(2026, 12, 20),
            D(2026, 12, 20),
            None,
            D(2026, 12, 25),
            [("2026-Q4", D(2026, 12, 20)), ("2027-Q1", D(2027, 3, 20))],
        ),
        # Every month end, across a leap February and short months.
        (
            "month ends",
            "monthly",
            D(2024, 1, 31),
            D(2024, 1, 31),
            None,
            D(2024, 4, 1),
            [
                ("2024-01", D(2024, 1, 31)),
                ("2024-02", D(2024, 2, 29)),
                ("2024-03", D(2024, 3, 31)),
                ("2024-04", D(2024, 4, 30)),
            ],
        ),
        # 29 February every year falls on the 28th in common years.
        (
            "29 February",
            "annual",
            D(2024, 2, 29),
            D(2024, 2, 29),
            None,
            D(2026, 3, 1),
            [("2024", D(2024, 2, 29)), ("2025", D(2025, 2, 28)), ("2026", D(2026, 2, 28))],
        ),
        # Begun mid-period: this month's day has passed, so the first occurrence is next month.
        (
            "begun mid-period",
            "monthly",
            None,
            D(2026, 11, 25),
            None,
            D(2026, 12, 5),
            [("2026-11", D(2026, 11, 30)), ("2026-12", D(2026, 12, 31))],
        ),
        (
            "begun after the day",
            "monthly",
            D(2026, 12, 20),
            D(2026, 12, 20),
            None,
            D(2026, 12, 5),
            [("2026-12", D(2026, 12, 20))],
        ),
        # An end date stops the series, whatever today is.
        (
            "end date",
            "quarterly",
            D(2026, 3, 20),
            D(2026, 3, 20),
            D(2026, 9, 30),
            D(2027, 6, 1),
            [("2026-Q1", D(2026, 3, 20)), ("2026-Q2", D(2026, 6, 20)), ("2026-Q3", D(2026, 9, 20))],
        ),
        (
            "half-years",
            "semiannual",
            D(2026, 6, 15),
            D(2026, 6, 15),
            None,
            D(2027, 1, 1),
            [
                ("2026-H1", D(2026, 6, 15)),
                ("2026-H2", D(2026, 12, 15)),
                ("2027-H1", D(2027, 6, 15)),
            ],
        ),
    ],
)
def test_occurrences_open_in_order_within_the_series(
    case, kind, first, start, until, today, expected
):
    assert _open(kind, first, start, until, today) == expected


def test_given_dates_each_report_on_the_span_since_the_previous_date():
    rule = make_rule("dates", None, "15/3, 30/9")
    found = occurrences_open(rule, D(2026, 1, 1), None, D(2026, 10, 1))
    assert [(o.period.key, o.period.start, o.deadline) for o in found] == [
        ("2026-03-15", D(2025, 10, 1), D(2026, 3, 15)),
        ("2026-09-30", D(2026, 3, 16), D(2026, 9, 30)),
        ("2027-03-15", D(2026, 10, 1), D(2027, 3, 15)),
    ]
    assert found[0].period.label == "kỳ hạn ngày 15/03/2026"


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("2027-Q1", "Quý I năm 2027"),
        ("2027-03", "Tháng 3 năm 2027"),
        ("2027-H2", "6 tháng cuối năm 2027"),
        ("2027", "Năm 2027"),
        ("2027-03-15", "Kỳ hạn ngày 15/03/2027"),
    ],
)
def test_an_occurrence_is_named_by_its_period(key, label):
    assert occurrence_label(key) == label


@pytest.mark.parametrize(
    ("days", "kind"),
    [
        ("15/06, 15/12", "semiannual"),
        ("15/03, 30/09", "semiannual"),
        ("15/01, 30/05", "dates"),
        ("20/12", "annual"),
        ("15/1, 15/4, 15/7, 15/10", "quarterly"),
        ("10/1, 10/2, 10/3", "dates"),
    ],
)
def test_a_schedule_of_named_days_repeats_by_the_periods_it_covers(days, kind):
    assert recurrence_of_days(days) == kind


def test_named_days_must_fall_one_in_each_period_of_the_kind():
    with pytest.raises(RuleError, match="mỗi kỳ một ngày"):
        make_rule("semiannual", None, "15/1, 30/5")


@pytest.mark.parametrize(
    ("text", "recurrence", "days", "first"),
    [
        ("Báo cáo trước ngày 15/3 và 30/9 hằng năm.", "semiannual", "15/03, 30/09", D(2027, 3, 15)),
        ("Báo cáo trước ngày 15/1 và 31/5 hằng năm.", "dates", "15/01, 31/05", D(2027, 1, 15)),
        ("Báo cáo trước ngày 20 hằng tháng.", "monthly", None, D(2026, 12, 20)),
    ],
)
def test_the_parser_hands_the_named_days_to_the_rule(text, recurrence, days, first):
    finding = find_deadline(text, D(2026, 12, 4))
    assert (finding.recurrence, finding.recurrence_days, finding.deadline) == (
        recurrence,
        days,
        first,
    )
    rule = make_rule(finding.recurrence, finding.deadline, finding.recurrence_days)
    assert rule.deadlines_in(2027)[0] >= D(2027, 1, 1)
