"""The figures of a completion report, computed from plain task facts: one function shared
by the reports and the dashboard (DESIGN.md, "Status")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from tracker.domain.formatting import vn_percent
from tracker.domain.outcomes import OnTimeRate, on_time_rate
from tracker.domain.status import TaskStatus, task_status
from tracker.domain.text import fold


@dataclass(frozen=True)
class TaskFacts:
    """What a report needs to know of one task (or one occurrence of a recurring task)."""

    agency: str
    deadline: date | None
    completed_on: date | None
    original_deadline: date | None = None
    objective_delay: bool = False  # an extension was approved for an objective reason
    cancelled_on: date | None = None  # by a later document: out of the figures from that day
    paused_until: date | None = None  # by a later document: not overdue until the day after
    notice: str = ""
    ref: str = ""
    text: str = ""
    task_id: int = 0
    notice_id: int = 0
    issued_on: date | None = None  # the notice's date: given in the period or carried over


@dataclass(frozen=True)
class StatusCounts:
    early: int = 0
    on_time: int = 0
    late: int = 0
    within: int = 0
    overdue: int = 0
    ongoing: int = 0
    # Cancelled or stopped by a later document by the cut-off: shown apart, in no other figure.
    cancelled: int = 0

    @property
    def total(self) -> int:
        return self.early + self.on_time + self.late + self.within + self.overdue + self.ongoing

    @property
    def completed(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def with_deadline(self) -> int:
        return self.total - self.ongoing

    @property
    def on_time_rate(self) -> OnTimeRate:
        """The province's on-time rate (`tracker.domain.outcomes`)."""
        return on_time_rate(self.early + self.on_time, self.late, self.overdue)

    def share(self, part: int) -> str:
        """`part` as a percentage of the tasks with a deadline, as the reports write it."""
        return vn_percent(part, self.with_deadline)

    def of(self, status: TaskStatus) -> int:
        return {
            TaskStatus.EARLY: self.early,
            TaskStatus.ON_TIME: self.on_time,
            TaskStatus.LATE: self.late,
            TaskStatus.WITHIN_DEADLINE: self.within,
            TaskStatus.OVERDUE: self.overdue,
            TaskStatus.ONGOING: self.ongoing,
        }[status]


@dataclass(frozen=True)
class AgencyRow:
    agency: str
    counts: StatusCounts


@dataclass(frozen=True)
class OverdueRow:
    agency: str
    notice: str
    ref: str
    text: str
    deadline: date
    days_overdue: int
    task_id: int = 0
    # What stands against the task at the cut-off: the latest progress, the agency's
    # explanation, a pending extension and its reason. Empty in reports frozen before.
    situation: str = ""


@dataclass(frozen=True)
class Intake:
    """Where a period's tasks come from: notices of earlier periods, still open when it began
    (carried over), or notices issued within it (newly assigned). Cancelled tasks are in
    neither, so the two add up to the report's total."""

    carried_over: int
    newly_assigned: int


@dataclass(frozen=True)
class NoticeSection:
    """The figures of one notice the secretariat follows apart."""

    heading: str  # "Thông báo số 473/TB-VPUBND ngày 27/8/2026"
    title: str
    counts: StatusCounts


@dataclass(frozen=True)
class ReportFigures:
    """A report's figures, frozen at its cut-off date."""

    title: str
    period_label: str
    start: date
    end: date
    scope_label: str
    totals: StatusCounts
    agencies: list[AgencyRow] = field(default_factory=list)
    overdue: list[OverdueRow] = field(default_factory=list)
    previous_totals: StatusCounts | None = None
    # The same period a year before; None in reports frozen before it was counted.
    last_year_totals: StatusCounts | None = None
    # The notice items the tasks come from: a group item given to several agencies is one
    # item and several tasks. None in reports frozen before it was counted.
    items: int | None = None
    # None in reports frozen before these were counted.
    intake: Intake | None = None
    notices: list[NoticeSection] = field(default_factory=list)
    # Tasks due in the following period and not completed at the cut-off.
    upcoming: int | None = None
    next_period_label: str | None = None


def count_items(facts: Iterable[TaskFacts]) -> int:
    """How many notice items the tasks carry out: the tasks of one numbered item (same notice,
    item and text) given to several agencies count once; a task without an item number cannot
    be told apart from another with its words, so it counts as an item of its own."""
    facts = list(facts)
    unnumbered = sum(1 for fact in facts if not fact.ref)
    return unnumbered + len({(fact.notice, fact.ref, fact.text) for fact in facts if fact.ref})


def count_statuses(
    facts: Iterable[TaskFacts], cut_off: date, *, against_original: bool = False
) -> StatusCounts:
    """Counts per status at the cut-off date. A completion after the cut-off is not yet
    known then. Against the original deadline, an extension does not help; a delay whose
    objective reason was accepted is not counted late or overdue either way."""
    tally = dict.fromkeys(TaskStatus, 0)
    cancelled = 0
    for fact in facts:
        if _cancelled_by(fact, cut_off):
            cancelled += 1
        else:
            tally[_status_at(fact, cut_off, against_original)] += 1
    return StatusCounts(
        cancelled=cancelled,
        early=tally[TaskStatus.EARLY],
        on_time=tally[TaskStatus.ON_TIME],
        late=tally[TaskStatus.LATE],
        within=tally[TaskStatus.WITHIN_DEADLINE],
        overdue=tally[TaskStatus.OVERDUE],
        ongoing=tally[TaskStatus.ONGOING],
    )


def count_intake(facts: Iterable[TaskFacts], start: date, cut_off: date) -> Intake:
    """Carried over from before the period's `start`, or newly assigned in it."""
    counted = [fact for fact in facts if not _cancelled_by(fact, cut_off)]
    new = sum(1 for fact in counted if fact.issued_on is not None and fact.issued_on >= start)
    return Intake(carried_over=len(counted) - new, newly_assigned=new)


def _status_at(fact: TaskFacts, cut_off: date, against_original: bool) -> TaskStatus:
    deadline = (
        fact.original_deadline if against_original and fact.original_deadline else fact.deadline
    )
    if against_original and fact.objective_delay:
        deadline = fact.deadline
    completed = fact.completed_on if fact.completed_on and fact.completed_on <= cut_off else None
    return task_status(deadline, completed, cut_off, fact.paused_until)


def _cancelled_by(fact: TaskFacts, cut_off: date) -> bool:
    return fact.cancelled_on is not None and fact.cancelled_on <= cut_off


def figures_by_agency(facts: list[TaskFacts], cut_off: date) -> list[AgencyRow]:
    """One row per agency with a task, in the order agencies first appear."""
    by_agency: dict[str, list[TaskFacts]] = {}
    for fact in facts:
        by_agency.setdefault(fact.agency, []).append(fact)
    return [AgencyRow(agency, count_statuses(rows, cut_off)) for agency, rows in by_agency.items()]


def overdue_rows(facts: Iterable[TaskFacts], cut_off: date) -> list[OverdueRow]:
    """Tasks overdue at the cut-off, by agency, the longest overdue first in each."""
    rows = [
        OverdueRow(
            agency=fact.agency,
            notice=fact.notice,
            ref=fact.ref,
            text=fact.text,
            deadline=fact.deadline,
            days_overdue=(cut_off - fact.deadline).days,
            task_id=fact.task_id,
        )
        for fact in facts
        if fact.deadline is not None
        and not _cancelled_by(fact, cut_off)
        and _status_at(fact, cut_off, False) is TaskStatus.OVERDUE
    ]
    return sorted(rows, key=lambda row: (fold(row.agency), -row.days_overdue, row.task_id))
