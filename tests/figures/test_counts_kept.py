"""The counts kept with the data stay equal to the tasks through a random sequence of every
change the app makes: the workflow, extensions, declining and reassignment, amendments (new
deadline, new lead, pause, cancellation), agencies merged and split, occurrences opened, new
notices, and days passing; and the dashboard reads the same figures from them as from the
tasks, on both databases."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

import pytest
from flask import Flask
from sqlalchemy import func, select

from tests.factories import make_notice, make_series, make_task
from tracker.access import filtered_task_parts, visible_tasks
from tracker.agencies.models import Agency
from tracker.agencies.succession import Decision, merge_agencies, split_agency
from tracker.auth.models import AGENCY_ROLES, Role, User
from tracker.dashboard.figures import counts_from_tasks, counts_kept
from tracker.domain.dashboard import build_figures, trend_periods
from tracker.domain.periods import custom_period, period_containing
from tracker.domain.status import TaskStatus, WarningLevel
from tracker.extensions import db
from tracker.figures import reading
from tracker.figures.cells import differences
from tracker.figures.list_totals import countable, list_total
from tracker.figures.upkeep import counts_for
from tracker.notices.models import NoticeKind
from tracker.scorecard.queries import tallied, tallies_from_tasks
from tracker.tasks import services
from tracker.tasks.amendments import ChangeRequest, DocumentEntry, amend
from tracker.tasks.filters import COORDINATING, LEAD, TaskFilters
from tracker.tasks.models import ChangeKind, Recurrence, Task, TaskState
from tracker.tasks.occurrences import open_occurrences
from tracker.tasks.workflow import NotAllowedError, WorkflowError

DUE_SOON = 3
START = date(2025, 2, 20)
STEPS = 90
LEADERS = ["published"]  # the visibility scope of a leader
CODES = ("stc", "snv", "sxd", "skhdt", "stttt", "skhcn", "sgtvt", "syt")
FILTERS = [
    TaskFilters(),
    TaskFilters(status=TaskStatus.OVERDUE),
    TaskFilters(status=TaskStatus.WITHIN_DEADLINE),
    TaskFilters(completed=True),
    TaskFilters(warning=WarningLevel.OVERDUE_30),
    TaskFilters(warning=WarningLevel.DUE_SOON),
    TaskFilters(kind=NoticeKind.NOTICE),
]


class Province:
    """The demo province at `day`, with the people who act on its tasks."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.day = START
        self.secretariat = _user(Role.SECRETARIAT)
        self.leader = _user(Role.LEADER)

    def tasks(self, *where: object) -> list[Task]:
        query = select(Task).where(Task.recurrence.is_(None), *where).order_by(Task.id)
        return list(db.session.scalars(query))

    def pick(self, *where: object) -> Task | None:
        found = self.tasks(*where)
        return self.rng.choice(found) if found else None

    def officer(self, task: Task) -> User:
        found = db.session.scalar(
            select(User).where(User.agency_id == task.lead_agency_id, User.active.is_(True))
        )
        return found if found is not None else self.secretariat

    def deadline(self) -> date | None:
        if self.rng.random() < 0.15:
            return None
        return self.day + timedelta(days=self.rng.randint(-150, 90))


def _user(role: Role) -> User:
    found = db.session.scalar(select(User).where(User.role == role).order_by(User.id))
    assert found is not None
    return found


def _active_agency(rng: random.Random, besides: set[int] = frozenset()) -> Agency:  # type: ignore[assignment]
    found = db.session.scalars(
        select(Agency).where(Agency.active.is_(True), Agency.id.not_in(besides)).order_by(Agency.id)
    ).all()
    return rng.choice(found)


def new_notice(p: Province) -> None:
    notice = make_notice(issued_on=p.day - timedelta(days=p.rng.randint(0, 30)))
    notice.kind = p.rng.choice(list(NoticeKind))
    for _ in range(p.rng.randint(1, 6)):
        completed = p.rng.random() < 0.3
        deadline = p.deadline()
        done_on = p.day - timedelta(days=p.rng.randint(0, 60)) if completed else None
        lead, *others = p.rng.sample(CODES, 1 + p.rng.choice([0, 0, 1, 2]))
        make_task(notice, lead=lead, coordinating=tuple(others), deadline=deadline,
                  completed_on=done_on)  # fmt: skip
    if p.rng.random() < 0.3:
        first = p.day + timedelta(days=p.rng.randint(-200, 30))
        every = p.rng.choice([Recurrence.MONTHLY, Recurrence.QUARTERLY])
        make_series(notice, first, lead=p.rng.choice(CODES), recurrence=every)


def work_and_complete(p: Province) -> None:
    task = p.pick(Task.completed_on.is_(None), Task.cancelled_on.is_(None))
    if task is None:
        return
    officer = p.officer(task)
    services.report_progress(db.session(), task, officer, "Đang thực hiện", 50,
                             today=p.day, version=None)  # fmt: skip
    services.add_citation(db.session(), task, officer, kind="Công văn", number="12/CV",
                          signed_on=p.day, issuer="Sở", today=p.day, version=None)  # fmt: skip
    services.submit(db.session(), task, officer, today=p.day, version=None)
    if p.rng.random() < 0.75:
        services.accept(db.session(), task, p.secretariat, today=p.day, version=None)
    else:
        services.return_task(db.session(), task, p.secretariat, "Thiếu hồ sơ",
                             today=p.day, version=None)  # fmt: skip


def extend(p: Province) -> None:
    task = p.pick(Task.completed_on.is_(None), Task.deadline.is_not(None))
    if task is None or task.deadline is None:
        return
    new_deadline = max(task.deadline, p.day) + timedelta(days=p.rng.randint(1, 60))
    services.request_extension(db.session(), task, p.officer(task), new_deadline, "Chưa kịp",
                               today=p.day, version=None)  # fmt: skip
    services.decide_extension(db.session(), task, p.leader, approve=p.rng.random() < 0.7,
                              note="", approving_document="", objective_reason=True,
                              today=p.day, version=None)  # fmt: skip


def decline_and_reassign(p: Province) -> None:
    # a task of the notices made here: the demo notice's items went to nearly every agency
    made_here = Task.text == "Nhiệm vụ kiểm thử"
    task = p.pick(made_here, Task.completed_on.is_(None), Task.state == TaskState.IN_PROGRESS)
    if task is None:
        return
    services.decline(db.session(), task, p.officer(task), "Không thuộc thẩm quyền",
                     today=p.day, version=None)  # fmt: skip
    leading = set(
        db.session.scalars(select(Task.lead_agency_id).where(Task.notice_id == task.notice_id))
    )
    target = _active_agency(p.rng, leading)  # an agency not given the same item already
    services.reassign(db.session(), task, p.secretariat, target.id, "Giao lại",
                      today=p.day, version=None)  # fmt: skip


def amend_task(p: Province) -> None:
    task = p.pick(Task.cancelled_on.is_(None))
    if task is None:
        return
    kinds = [ChangeKind.DEADLINE, ChangeKind.LEAD, ChangeKind.COORDINATORS, ChangeKind.PAUSE,
             ChangeKind.CANCEL]  # fmt: skip
    others = {_active_agency(p.rng, {task.lead_agency_id}).id for _ in range(2)}
    request = ChangeRequest(
        kind=p.rng.choice(kinds),
        deadline=p.day + timedelta(days=p.rng.randint(-40, 60)),
        lead_agency_id=_active_agency(p.rng, {task.lead_agency_id}).id,
        coordinating_ids=tuple(sorted(others))[: p.rng.randint(0, 2)],
        paused_until=p.day + timedelta(days=p.rng.randint(1, 20)),
        reason="Sửa sai sót",
    )
    amend(db.session(), task, p.secretariat, request, DocumentEntry(), today=p.day, version=None)


def merge_or_split(p: Province) -> None:
    admin = _user(Role.ADMIN)
    decision = Decision("Quyết định 1/QĐ-UBND", p.day)
    first = _active_agency(p.rng)
    second = _active_agency(p.rng, {first.id})
    if p.rng.random() < 0.5:
        merge_agencies(db.session(), [first], second, decision, admin)
    else:
        third = _active_agency(p.rng, {first.id, second.id})
        split_agency(db.session(), first, [second, third], second, {}, decision, admin)


def pass_days(p: Province) -> None:
    p.day += timedelta(days=p.rng.choice([1, 1, 2, 7, 31, 45]))
    open_occurrences(db.session(), p.day)  # the counts move to the new day after the step


ACTIONS: list[Callable[[Province], None]] = [
    new_notice, work_and_complete, work_and_complete, extend, decline_and_reassign,
    amend_task, amend_task, merge_or_split, pass_days, pass_days,
]  # fmt: skip


def dashboard_rows_agree(p: Province) -> None:
    """The dashboard's rows read from the counts are those counted from the tasks."""
    visible = visible_tasks(p.leader)
    quarter = period_containing(p.day, "quarterly")
    names = {a.id: a.name for a in db.session.scalars(select(Agency))}
    # ranges of deadlines that are not whole months: mid-month to mid-month, open on one
    # side, within one month, and a period of days
    ranges = [
        replace(FILTERS[0], due_from=p.day - timedelta(days=75), due_to=p.day + timedelta(days=20)),
        replace(FILTERS[1], due_from=p.day - timedelta(days=47)),
        replace(FILTERS[5], due_to=p.day + timedelta(days=2)),
        replace(FILTERS[4], due_from=date(2017, 2, 10)),  # from the first deadlines on
        replace(FILTERS[3], due_from=p.day.replace(day=3), due_to=p.day.replace(day=17)),
        replace(FILTERS[0], period=custom_period(p.day - timedelta(days=40), p.day)),
        replace(FILTERS[0], period=quarter, due_from=quarter.start + timedelta(days=9)),
    ]
    for filters in [*FILTERS, replace(FILTERS[0], period=quarter), *ranges]:
        periods = trend_periods(filters.period.end if filters.period else p.day, "quy")
        counts_for(db.session(), p.day, DUE_SOON)
        agency_rows, trend_rows = counts_from_tasks(visible, filters, p.day, DUE_SOON, periods)
        from_tasks = build_figures(agency_rows, trend_rows, names, periods)
        assert reading.answerable(filters, LEADERS)
        kept_rows = counts_kept(visible, filters, LEADERS, p.day, DUE_SOON, periods)
        kept = build_figures(*kept_rows, names, periods)
        assert kept == from_tasks, filters
        listed = filters.apply(visible, p.day, 0, DUE_SOON)
        counted = db.session.scalar(select(func.count()).select_from(listed.subquery()))
        assert countable(filters, p.leader)
        assert list_total(db.session(), p.leader, filters, p.day, DUE_SOON) == counted, filters
    for period in (quarter, quarter.previous(), period_containing(p.day, "annual")):
        kept_scores = tallied(reading.scorecard_rows(db.session(), period))
        live_scores = tallies_from_tasks(db.session(), visible, Task.lead_agency_id, period, p.day)
        assert kept_scores == live_scores, period


def agency_lists_agree(p: Province) -> None:
    """An agency's own list is counted from the counts as from the tasks it leads and those it
    coordinates, apart and together."""
    officers = select(User).join(User.agency).where(Agency.code.in_(CODES[:4])).order_by(User.id)
    for officer in db.session.scalars(officers.where(User.role.in_(AGENCY_ROLES))):
        for role in (None, LEAD, COORDINATING):
            days = replace(FILTERS[0], due_from=p.day - timedelta(days=50), due_to=p.day)
            for filters in (FILTERS[0], FILTERS[1], FILTERS[4], days):
                narrowed = replace(filters, role=role)
                listed = sum(
                    db.session.scalar(select(func.count()).select_from(
                        narrowed.apply(part, p.day, officer.id, DUE_SOON)
                        .subquery()
                    )) or 0
                    for part in filtered_task_parts(officer, TaskFilters(role=role), p.day)
                )  # fmt: skip
                assert countable(narrowed, officer)
                kept = list_total(db.session(), officer, narrowed, p.day, DUE_SOON)
                assert kept == listed, (officer.username, narrowed)


@pytest.mark.parametrize("seed", [17, 2026])
def test_counts_equal_the_tasks_after_any_sequence_of_changes(app: Flask, seed: int) -> None:
    p = Province(random.Random(seed))
    for _ in range(8):
        new_notice(p)
    db.session.commit()
    counts_for(db.session(), p.day, DUE_SOON)
    done: list[str] = []
    for step in range(STEPS):
        action = p.rng.choice(ACTIONS)
        try:
            with db.session.begin_nested():
                action(p)
            done.append(action.__name__)
        except (WorkflowError, NotAllowedError, ValueError):
            pass  # refused as a user would be, nothing saved
        db.session.commit()
        found = differences(db.session.connection(), counts_for(db.session(), p.day, DUE_SOON))
        assert not found, (step, done[-5:], found[:5])
        if step % 15 == 14:
            dashboard_rows_agree(p)
            agency_lists_agree(p)
    assert {action.__name__ for action in ACTIONS} == set(done)  # each was done, not only tried
