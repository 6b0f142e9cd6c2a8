"""The benchmark's data set, as rows: size, spread and mix, without a database."""

from collections import Counter
from datetime import date, timedelta

import pytest

from tracker.bench.dataset import (
    EXTENSION_NOTICE_DAYS,
    Dataset,
    SeedPlan,
    build_dataset,
)

TODAY = date(2026, 11, 22)
AGENCIES = list(range(1, 61))


@pytest.fixture(scope="module")
def data() -> Dataset:
    plan = SeedPlan(tasks=5_000, agency_ids=AGENCIES, today=TODAY)
    return build_dataset(plan, secretary_id=1, officer_ids={a: 100 + a for a in AGENCIES})


def test_it_holds_exactly_the_planned_tasks_with_unique_ids(data: Dataset) -> None:
    items = [task for task in data.tasks if task["series_id"] is None]
    assert len(items) == 5_000
    assert len({task["id"] for task in data.tasks}) == len(data.tasks)
    assert len(data.notices) == 200


def test_recurring_items_come_with_their_quarters_up_to_today(data: Dataset) -> None:
    series = {task["id"]: task for task in data.tasks if task["recurrence"] == "quarterly"}
    occurrences = [task for task in data.tasks if task["series_id"] is not None]
    assert 150 < len(series) < 450 and len(occurrences) > 2 * len(series)
    for occurrence in occurrences:
        owner = series[occurrence["series_id"]]
        deadline = occurrence["deadline"]
        assert isinstance(deadline, date) and deadline.month in (3, 6, 9, 12)
        assert deadline <= owner["recurrence_until"]  # type: ignore[operator]
        assert occurrence["lead_agency_id"] == owner["lead_agency_id"]
        assert occurrence["period_key"] == f"{deadline.year}-Q{deadline.month // 3}"
    keys = [(o["series_id"], o["period_key"]) for o in occurrences]
    assert len(keys) == len(set(keys))


def test_notices_spread_over_eight_years_and_never_into_the_future(data: Dataset) -> None:
    years = {notice["issued_year"] for notice in data.notices}
    assert years == set(range(2019, 2027))
    assert max(notice["issued_on"] for notice in data.notices) <= TODAY  # type: ignore[type-var]


def test_every_agency_leads_tasks_and_nobody_coordinates_their_own(data: Dataset) -> None:
    leads = {task["id"]: task["lead_agency_id"] for task in data.tasks}
    assert set(leads.values()) == set(AGENCIES)
    assert all(row["agency_id"] != leads[row["task_id"]] for row in data.coordinators)


def test_the_mix_of_outcomes_is_realistic(data: Dataset) -> None:
    due = [task for task in data.tasks if task["recurrence"] is None]
    states = Counter(task["state"] for task in due)
    assert 0.5 < states["completed"] / len(due) < 0.85
    assert states["in_progress"] > 500 and states["submitted"] > 0 and states["declined"] > 0
    late = [t for t in data.tasks if t["completed_on"] and t["deadline"]
            and t["completed_on"] > t["deadline"]]  # fmt: skip
    assert 0.1 < len(late) / states["completed"] < 0.5
    without_deadline = [task for task in due if task["deadline"] is None]
    assert 0.1 < len(without_deadline) / len(due) < 0.25
    assert all(
        task["completed_on"] is None or task["completed_on"] <= TODAY  # type: ignore[operator]
        for task in data.tasks
    )


def test_deadline_phrases_match_the_deadlines(data: Dataset) -> None:
    quarterly = [task for task in data.tasks if str(task["deadline_text"]).startswith("trong Quý")]
    assert quarterly
    for task in quarterly:
        deadline = task["deadline"]
        assert isinstance(deadline, date)
        assert task["deadline_text"].endswith(f"/{deadline.year}")  # type: ignore[union-attr]
        assert deadline.month in (3, 6, 9, 12)


def test_history_follows_each_task(data: Dataset) -> None:
    task_ids = {task["id"] for task in data.tasks}
    assert {row["task_id"] for row in data.progress} <= task_ids
    accepted = Counter(event["action"] for event in data.events)["task.accepted"]
    assert accepted == sum(task["state"] == "completed" for task in data.tasks)
    assert {row["state"] for row in data.extensions} <= {"approved", "pending"}
    assert any(row["objective_reason"] for row in data.extensions)


def test_the_same_plan_gives_the_same_rows() -> None:
    plan = SeedPlan(tasks=300, agency_ids=AGENCIES[:5], today=TODAY)
    officers = {a: a for a in AGENCIES[:5]}
    assert build_dataset(plan, 1, officers).tasks == build_dataset(plan, 1, officers).tasks


def test_most_tasks_have_an_officer_and_a_few_overdue_ones_are_paused(data: Dataset) -> None:
    assigned = [task for task in data.tasks if task["assignee_id"] is not None]
    assert 0.6 < len(assigned) / len(data.tasks) < 0.8
    paused = [task for task in data.tasks if task["paused_until"] is not None]
    assert paused and len(paused) < len(data.tasks) / 100
    for task in paused:
        assert task["completed_on"] is None and task["deadline"] < TODAY  # type: ignore[operator]
        assert task["paused_until"] > TODAY  # type: ignore[operator]


@pytest.fixture(scope="module")
def busy_year() -> Dataset:
    """A year's worth of tasks, so that today's queues are of a province's size."""
    plan = SeedPlan(tasks=5_000, agency_ids=AGENCIES, today=TODAY, years=1)
    return build_dataset(plan, secretary_id=1, officer_ids={a: 100 + a for a in AGENCIES})


def test_the_office_has_extensions_to_decide_today(busy_year: Dataset) -> None:
    tasks = {task["id"]: task for task in busy_year.tasks}
    pending = [row for row in busy_year.extensions if row["state"] == "pending"]
    assert 5 <= len(pending) <= 60
    assert len({row["task_id"] for row in pending}) == len(pending), "one pending per task"
    last_day = TODAY + timedelta(days=EXTENSION_NOTICE_DAYS)
    for row in pending:
        task = tasks[row["task_id"]]
        assert task["state"] == "in_progress" and task["completed_on"] is None
        assert row["previous_deadline"] == task["deadline"]
        assert TODAY <= task["deadline"] <= last_day  # type: ignore[operator]
        assert row["requested_deadline"] > task["deadline"]  # type: ignore[operator]
        assert row["created_at"].date() <= TODAY  # type: ignore[attr-defined]
    requested = Counter(e["task_id"] for e in busy_year.events
                        if e["action"] == "task.extension_requested")  # fmt: skip
    assert requested == Counter(row["task_id"] for row in pending)


def test_late_tasks_are_asked_to_explain_and_recent_answers_wait(busy_year: Dataset) -> None:
    tasks = {task["id"]: task for task in busy_year.tasks}
    explanations = busy_year.explanations
    waiting = [r for r in explanations if r["answered_at"] and r["reviewed_at"] is None]
    assert 3 <= len(waiting) < len(explanations) / 5
    assert any(row["reviewed_at"] for row in explanations)
    for row in explanations:
        task, asked = tasks[row["task_id"]], row["created_at"].date()  # type: ignore[attr-defined]
        assert task["deadline"] < asked <= TODAY  # type: ignore[operator]
        assert task["completed_on"] is None or task["completed_on"] > asked  # type: ignore[operator]
        answered, reviewed = row["answered_at"], row["reviewed_at"]
        assert (answered is None) == (row["answer"] is None) == (row["answered_by_id"] is None)
        assert reviewed is None or (answered is not None and answered < reviewed)
        assert answered is None or answered.date() <= TODAY  # type: ignore[attr-defined]
        assert reviewed is None or reviewed.date() <= TODAY  # type: ignore[attr-defined]
    actions = Counter(event["action"] for event in busy_year.events)
    assert actions["task.explanation_requested"] == len(explanations)
    assert actions["task.explanation_answered"] == sum(bool(r["answer"]) for r in explanations)
    assert actions["task.explanation_reviewed"] == sum(bool(r["reviewed_at"]) for r in explanations)
