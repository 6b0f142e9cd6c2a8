"""Filters of task lists, read from the query string and applied to a scoped query.

The dashboard links every figure to the task list with these same filters, so a number and
the list behind it always agree. Every filter is a plain comparison on indexed columns (dates
worked out in Python from today), never a computation over each task.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import TypeVar

from sqlalchemy import ColumnElement, Select, and_

from tracker.agencies.models import group_member_ids
from tracker.db import written
from tracker.domain.month_split import Range, split_by_month
from tracker.domain.periods import Period, parse_period
from tracker.domain.status import LONG_OVERDUE_STEPS, TaskStatus, WarningLevel
from tracker.domain.waiting import Waiting
from tracker.notices.models import Notice, NoticeKind
from tracker.params import query_id
from tracker.tasks.models import Task
from tracker.tasks.queries import (
    OPEN_DUE,
    completed_with_deadline,
    dated_ranks,
    not_paused,
    status_predicate,
    status_ranges,
    waiting_predicate,
    with_deadline,
)

LEAD, COORDINATING = "chu_tri", "phoi_hop"
COMPLETED = "hoan_thanh"  # the three completed statuses together
Choice = TypeVar("Choice", TaskStatus, NoticeKind, WarningLevel, Waiting)


@dataclass(frozen=True)
class TaskFilters:
    status: TaskStatus | None = None
    completed: bool = False  # any of the completed statuses
    notice_id: int | None = None
    due_from: date | None = None
    due_to: date | None = None
    period: Period | None = None  # deadlines within a month, quarter, half-year or year
    agency_id: int | None = None  # the lead agency
    group_id: int | None = None  # lead agencies in an agency group
    kind: NoticeKind | None = None  # kind of document the task comes from
    warning: WarningLevel | None = None
    # LEAD or COORDINATING, for an agency's own list: its parts are chosen by the access
    # layer (`tracker.access.filtered_task_parts`), not narrowed here
    role: str | None = None
    mine: bool = False  # only the tasks assigned to the signed-in officer
    waiting: Waiting | None = None  # what waits for the office or a leader

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> TaskFilters:
        """Unknown or malformed values are ignored rather than refused."""
        role = args.get("vai_tro")
        status = args.get("trang_thai", "")
        return cls(
            status=_enum(TaskStatus, status),
            completed=status == COMPLETED,
            notice_id=query_id(args, "thong_bao"),
            due_from=_date(args.get("han_tu", "")),
            due_to=_date(args.get("han_den", "")),
            period=_period(args.get("ky", "")),
            agency_id=query_id(args, "co_quan"),
            group_id=query_id(args, "nhom"),
            kind=_enum(NoticeKind, args.get("loai", "")),
            warning=_enum(WarningLevel, args.get("canh_bao", "")),
            role=role if role in (LEAD, COORDINATING) else None,
            mine=args.get("cua_toi") == "1",
            waiting=_enum(Waiting, args.get("cho_xu_ly", "")),
        )

    def apply(
        self,
        tasks: Select[Task],
        today: date,
        user_id: int,
        due_soon_days: int = 3,
    ) -> Select[Task]:
        """`tasks` narrowed to the filters but the role; `user_id` is the signed-in user's,
        for the "mine" filter."""
        return tasks.where(*self.predicates(today, user_id, due_soon_days))

    def predicates(
        self, today: date, user_id: int, due_soon_days: int = 3
    ) -> list[ColumnElement[bool]]:
        """The conditions on the task's columns `apply` adds."""
        if self.status is not None:
            ranks: ColumnElement[bool] | None = status_predicate(self.status, today)
        else:
            ranks = with_deadline() if self._dated_ranks() else None
        return self._predicates(today, user_id, due_soon_days, ranks)

    def predicate_sets(
        self, today: date, user_id: int, due_soon_days: int = 3
    ) -> list[list[ColumnElement[bool]]]:
        """`predicates` as sets of conditions that keep no task in common, each of which an
        index reads as one range in the lists' order: one set, or one for each range of
        ranks and deadlines of the status (`status_ranges`) or of the tasks with a deadline
        (`dated_ranks`). Several ranks together, PostgreSQL reads each rank's range and
        sorts what it found."""
        if self.status is not None:
            choices: list[ColumnElement[bool] | None] = [*status_ranges(self.status, today)]
        else:
            choices = [*dated_ranks()] if self._dated_ranks() else [None]
        return [self._predicates(today, user_id, due_soon_days, ranks) for ranks in choices]

    def _dated_ranks(self) -> bool:
        """Whether the filters ask for a range of deadlines and no rank: the tasks that have
        a deadline, whose ranks go before the range in the lists' indexes."""
        ranks_chosen = self.status is not None or self.completed or self.warning is not None
        return self.deadline_range() != (None, None) and not ranks_chosen

    def _predicates(
        self,
        today: date,
        user_id: int,
        due_soon_days: int,
        ranks: ColumnElement[bool] | None,
    ) -> list[ColumnElement[bool]]:
        found = self._scope_predicates(user_id)
        if ranks is not None:
            found.append(ranks)
        if self.completed:
            found.append(completed_with_deadline())
        if self.warning is not None:
            found.append(warning_predicate(self.warning, today, due_soon_days))
        start, end = self.deadline_range()
        # the range's ends written into the SQL: planned for any dates, PostgreSQL would
        # expect a few tasks in the range and read them all and sort them
        if start is not None:
            found.append(Task.deadline >= written(start))
        # Overdue tasks are due before today: an end of the range today or later adds nothing
        # (and a second bound on the deadline makes SQLite misjudge the index range).
        if end is not None and not (self.status is TaskStatus.OVERDUE and end >= today):
            found.append(Task.deadline <= written(end))
        return found

    def _scope_predicates(self, user_id: int) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.notice_id is not None:
            found.append(Task.notice_id == self.notice_id)
        if self.agency_id is not None:
            found.append(Task.lead_agency_id == self.agency_id)
        if self.group_id is not None:
            members = group_member_ids(self.group_id)
            found.append(Task.lead_agency_id.in_(members))
        if self.kind is not None:
            found.append(Task.notice.has(Notice.kind == self.kind))
        if self.mine:
            found.append(Task.assignee_id == user_id)
        if self.waiting is not None:
            found.append(waiting_predicate(self.waiting))
        return found

    def overdue(self) -> TaskFilters | None:
        """These filters narrowed to the overdue tasks; None when they keep none of them."""
        if self.completed or self.status not in (None, TaskStatus.OVERDUE):
            return None
        return replace(self, status=TaskStatus.OVERDUE)

    def by_month(self) -> tuple[Range | None, list[TaskFilters]]:
        """The deadlines asked for as whole months (`tracker.domain.month_split`; (None, None)
        when no deadline is asked for, None when the range holds no whole month) and, for
        the days left at its ends, these filters narrowed to each."""
        split = split_by_month(*self.deadline_range())
        days = [replace(self, period=None, due_from=low, due_to=high) for low, high in split.days]
        return split.months, days

    def deadline_range(self) -> tuple[date | None, date | None]:
        """The narrowest deadline range the dates and the period allow."""
        starts = [d for d in (self.due_from, self.period and self.period.start) if d]
        ends = [d for d in (self.due_to, self.period and self.period.end) if d]
        return (max(starts) if starts else None, min(ends) if ends else None)

    def status_within(self, value: str) -> str | None:
        """The status filter that selects the tasks both in `value` (a status or
        "hoan_thanh") and in this filter's status; None when no task can be in both."""
        current = self._status_arg()
        if not current or current == value:
            return value
        if current == COMPLETED and value != COMPLETED and TaskStatus(value).is_completed:
            return value
        if value == COMPLETED and self.status is not None and self.status.is_completed:
            return current
        return None

    def _status_arg(self) -> str:
        if self.completed:
            return COMPLETED
        return self.status.value if self.status else ""

    def as_args(self) -> dict[str, str]:
        """The filters back as query-string values, for pagination and drill-down links."""
        return dict(self._args)

    @cached_property
    def _args(self) -> dict[str, str]:
        """Worked out once: a dashboard asks for them for each of its 700 links."""
        values = {
            "trang_thai": self._status_arg(),
            "thong_bao": str(self.notice_id or ""),
            "han_tu": self.due_from.strftime("%d/%m/%Y") if self.due_from else "",
            "han_den": self.due_to.strftime("%d/%m/%Y") if self.due_to else "",
            "ky": self.period.key if self.period else "",
            "co_quan": str(self.agency_id or ""),
            "nhom": str(self.group_id or ""),
            "loai": self.kind.value if self.kind else "",
            "canh_bao": self.warning.value if self.warning else "",
            "vai_tro": self.role or "",
            "cua_toi": "1" if self.mine else "",
            "cho_xu_ly": self.waiting.value if self.waiting else "",
        }
        return {key: value for key, value in values.items() if value}


def warning_predicate(level: WarningLevel, today: date, due_soon_days: int) -> ColumnElement[bool]:
    """Open tasks at `level` of the warning ladder (`tracker.domain.status.warning_level`),
    as a range of deadlines. The long-overdue levels include the longer ones: "quá hạn trên
    30 ngày" counts those over 60 and 120 days too."""
    open_task = and_(Task.urgency_rank == OPEN_DUE, not_paused(today))
    if level is WarningLevel.DUE_SOON:
        return and_(open_task, Task.deadline >= today,
                    Task.deadline <= today + timedelta(days=due_soon_days))  # fmt: skip
    days = dict((step, days) for days, step in LONG_OVERDUE_STEPS).get(level, 0)
    return and_(open_task, Task.deadline < today - timedelta(days=days))


def _enum(kind: type[Choice], value: str) -> Choice | None:
    try:
        return kind(value)
    except ValueError:
        return None


def _period(value: str) -> Period | None:
    try:
        return parse_period(value) if value else None
    except ValueError:
        return None


def _date(value: str) -> date | None:
    for layout in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), layout).date()
        except ValueError:
            continue
    return None
