"""Filters of task lists, read from the query string and applied to a scoped query."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, exists

from tracker.domain.status import TaskStatus
from tracker.tasks.models import Task, task_coordinators
from tracker.tasks.queries import with_status

LEAD, COORDINATING = "chu_tri", "phoi_hop"


@dataclass(frozen=True)
class TaskFilters:
    status: TaskStatus | None = None
    notice_id: int | None = None
    due_from: date | None = None
    due_to: date | None = None
    role: str | None = None  # LEAD or COORDINATING, for an agency's own list
    mine: bool = False  # only the tasks assigned to the signed-in officer

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> TaskFilters:
        """Unknown or malformed values are ignored rather than refused."""
        notice = args.get("thong_bao", "")
        role = args.get("vai_tro")
        return cls(
            status=_status(args.get("trang_thai", "")),
            notice_id=int(notice) if notice.isdigit() else None,
            due_from=_date(args.get("han_tu", "")),
            due_to=_date(args.get("han_den", "")),
            role=role if role in (LEAD, COORDINATING) else None,
            mine=args.get("cua_toi") == "1",
        )

    def apply(
        self, tasks: Select[Task], today: date, agency_id: int | None, user_id: int
    ) -> Select[Task]:
        if self.status is not None:
            tasks = with_status(tasks, self.status, today)
        if self.notice_id is not None:
            tasks = tasks.where(Task.notice_id == self.notice_id)
        if self.due_from is not None:
            tasks = tasks.where(Task.deadline >= self.due_from)
        if self.due_to is not None:
            tasks = tasks.where(Task.deadline <= self.due_to)
        if self.role == LEAD:
            tasks = tasks.where(Task.lead_agency_id == agency_id)
        elif self.role == COORDINATING:
            tasks = tasks.where(
                exists().where(
                    task_coordinators.c.task_id == Task.id,
                    task_coordinators.c.agency_id == agency_id,
                )
            )
        if self.mine:
            tasks = tasks.where(Task.assignee_id == user_id)
        return tasks

    def as_args(self) -> dict[str, str]:
        """The filters back as query-string values, for pagination links."""
        values = {
            "trang_thai": self.status.value if self.status else "",
            "thong_bao": str(self.notice_id or ""),
            "han_tu": self.due_from.strftime("%d/%m/%Y") if self.due_from else "",
            "han_den": self.due_to.strftime("%d/%m/%Y") if self.due_to else "",
            "vai_tro": self.role or "",
            "cua_toi": "1" if self.mine else "",
        }
        return {key: value for key, value in values.items() if value}


def _status(value: str) -> TaskStatus | None:
    try:
        return TaskStatus(value)
    except ValueError:
        return None


def _date(value: str) -> date | None:
    for layout in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), layout).date()
        except ValueError:
            continue
    return None
