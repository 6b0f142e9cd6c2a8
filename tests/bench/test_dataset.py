"""The benchmark's data set, as rows: size, spread and mix, without a database."""

from collections import Counter
from datetime import date

import pytest

from tracker.bench.dataset import Dataset, SeedPlan, build_dataset

TODAY = date(2026, 11, 22)
AGENCIES = list(range(1, 61))


@pytest.fixture(scope="module")
def data() -> Dataset:
    plan = SeedPlan(tasks=5_000, agency_ids=AGENCIES, today=TODAY)
    return build_dataset(plan, secretary_id=1, officer_ids={a: 100 + a for a in AGENCIES})


def test_it_holds_exactly_the_planned_tasks_with_unique_ids(data: Dataset) -> None:
    assert len(data.tasks) == 5_000
    assert len({task["id"] for task in data.tasks}) == 5_000
    assert len(data.notices) == 200


def test_notices_spread_over_eight_years_and_never_into_the_future(data: Dataset) -> None:
    years = {notice["issued_year"] for notice in data.notices}
    assert years == set(range(2019, 2027))
    assert max(notice["issued_on"] for notice in data.notices) <= TODAY  # type: ignore[type-var]


def test_every_agency_leads_tasks_and_nobody_coordinates_their_own(data: Dataset) -> None:
    leads = {task["id"]: task["lead_agency_id"] for task in data.tasks}
    assert set(leads.values()) == set(AGENCIES)
    assert all(row["agency_id"] != leads[row["task_id"]] for row in data.coordinators)


def test_the_mix_of_outcomes_is_realistic(data: Dataset) -> None:
    states = Counter(task["state"] for task in data.tasks)
    assert 0.5 < states["completed"] / 5_000 < 0.85
    assert states["in_progress"] > 500 and states["submitted"] > 0 and states["declined"] > 0
    late = [t for t in data.tasks if t["completed_on"] and t["deadline"]
            and t["completed_on"] > t["deadline"]]  # fmt: skip
    assert 0.1 < len(late) / states["completed"] < 0.5
    without_deadline = [task for task in data.tasks if task["deadline"] is None]
    assert 0.15 < len(without_deadline) / 5_000 < 0.25
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
    assert all(row["state"] == "approved" for row in data.extensions)
    assert any(row["objective_reason"] for row in data.extensions)


def test_the_same_plan_gives_the_same_rows() -> None:
    plan = SeedPlan(tasks=300, agency_ids=AGENCIES[:5], today=TODAY)
    officers = {a: a for a in AGENCIES[:5]}
    assert build_dataset(plan, 1, officers).tasks == build_dataset(plan, 1, officers).tasks
