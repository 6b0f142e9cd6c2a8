"""The scorecard's outcome of a task, its score and ranking, without an app."""

from datetime import date

import pytest

from tracker.domain.scorecard import (
    AgencyCounts,
    Outcome,
    ScoreWeights,
    format_points,
    formula_text,
    rank,
    recent_periods,
    score,
    scorecard_outcome,
)

DUE = date(2026, 3, 15)
EXTENDED = date(2026, 4, 15)


@pytest.mark.parametrize(
    ("deadline", "completed_on", "objective", "today", "expected"),
    [
        (DUE, date(2026, 3, 1), False, date(2026, 5, 1), Outcome.ON_TIME),  # early
        (DUE, DUE, False, date(2026, 5, 1), Outcome.ON_TIME),
        (DUE, date(2026, 3, 16), False, date(2026, 5, 1), Outcome.LATE),
        (DUE, None, False, DUE, Outcome.PENDING),
        (DUE, None, False, date(2026, 3, 16), Outcome.OVERDUE),
        # an extension without an objective reason does not help
        (EXTENDED, date(2026, 4, 1), False, date(2026, 5, 1), Outcome.LATE),
        (EXTENDED, None, False, date(2026, 4, 1), Outcome.OVERDUE),
        # an objective reason excuses the delay up to the approved deadline...
        (EXTENDED, date(2026, 4, 1), True, date(2026, 5, 1), Outcome.EXCUSED),
        (EXTENDED, EXTENDED, True, date(2026, 5, 1), Outcome.EXCUSED),
        (EXTENDED, None, True, EXTENDED, Outcome.EXCUSED),
        # ... and no further
        (EXTENDED, date(2026, 4, 16), True, date(2026, 5, 1), Outcome.LATE),
        (EXTENDED, None, True, date(2026, 4, 16), Outcome.OVERDUE),
        # done by the original deadline: on time, whatever the extension
        (EXTENDED, date(2026, 3, 10), True, date(2026, 5, 1), Outcome.ON_TIME),
    ],
)
def test_outcome_against_the_original_deadline(
    deadline: date, completed_on: date | None, objective: bool, today: date, expected: Outcome
) -> None:
    assert scorecard_outcome(DUE, deadline, completed_on, objective, today) is expected


def counts(agency: str, agency_id: int, **tally: int) -> AgencyCounts:
    return AgencyCounts(agency_id=agency_id, agency=agency, **tally)


def test_score_weighs_on_time_late_and_overdue_but_not_excused_delays() -> None:
    weights = ScoreWeights(on_time=2, late=0.5, overdue=1.5)
    row = counts("Sở Tài chính", 1, due=10, on_time=5, late=2, overdue=1, excused=2)
    assert score(row, weights) == 10 - 1 - 1.5
    assert score(row, weights) == score(
        counts("Sở Tài chính", 1, due=8, on_time=5, late=2, overdue=1), weights
    )


def test_equal_scores_share_a_rank_and_are_listed_by_name() -> None:
    rows = rank(
        [
            counts("Sở Y tế", 1, due=2, on_time=2),
            counts("Sở Xây dựng", 2, due=3, on_time=1, overdue=2),
            counts("Sở Đầu tư", 3, due=2, on_time=2),  # Đ sorts as D, before Y
            counts("Sở Công Thương", 4, due=3, on_time=3),
        ],
        ScoreWeights(),
    )
    assert [(row.counts.agency, row.score, row.rank) for row in rows] == [
        ("Sở Công Thương", 3.0, 1),
        ("Sở Đầu tư", 2.0, 2),
        ("Sở Y tế", 2.0, 2),
        ("Sở Xây dựng", -1.0, 4),
    ]


def test_weights_change_the_ranking() -> None:
    many_late = counts("A", 1, due=8, on_time=5, late=3)
    few_done = counts("B", 2, due=3, on_time=3)
    assert rank([many_late, few_done], ScoreWeights(1, 1, 1))[0].counts.agency == "B"
    assert rank([many_late, few_done], ScoreWeights(1, 0, 0))[0].counts.agency == "A"


def test_on_time_rate_counts_only_assessed_tasks() -> None:
    row = rank([counts("A", 1, due=6, on_time=3, late=1, excused=1)], ScoreWeights())[0]
    assert row.counts.pending == 1
    assert row.on_time_rate == "75,00%"
    assert rank([counts("B", 2, due=1)], ScoreWeights())[0].on_time_rate == "—"


def test_points_and_formula_read_the_vietnamese_way() -> None:
    assert [format_points(v) for v in (2.0, 0.5, -1.25, 1000.0)] == ["2", "0,5", "-1,25", "1.000"]
    assert formula_text(ScoreWeights(1, 0.5, 2)).startswith(
        "Điểm = 1 × số nhiệm vụ đúng hạn − 0,5 × số nhiệm vụ trễ hạn − 2 × số nhiệm vụ quá hạn"
    )


def test_recent_periods_go_back_from_today() -> None:
    quarters = recent_periods(date(2026, 2, 10), "quarterly", 3)
    assert [p.key for p in quarters] == ["2026-Q1", "2025-Q4", "2025-Q3"]
    assert recent_periods(date(2026, 2, 10), "monthly", 2)[1].label == "tháng 1 năm 2026"
