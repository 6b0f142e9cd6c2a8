"""The work queue of the office and of the leaders: every task on which something waits for
them (a hand-in, an extension, a decline, an explanation), oldest first, with counts."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from datetime import date, datetime
from functools import reduce
from typing import Any

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, case, func, null, select

from tracker.access import listed_tasks, visible_notices
from tracker.auth.models import Role, User
from tracker.db import read_columns, written
from tracker.domain.calendar import local_datetime
from tracker.domain.waiting import Waiting, waiting_for
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeState
from tracker.tasks.listing import ListedTask, as_listed
from tracker.tasks.listing import listed as listed_rows
from tracker.tasks.models import ExplanationRequest, ExtensionRequest, Task
from tracker.tasks.queries import extension_pending, waiting_predicate

LISTED = 20


@dataclass(frozen=True)
class QueueItem:
    task: ListedTask  # as a list shows it: read as plain rows, its lead named from the directory
    since: date | None  # the day, in Vietnam, it began to wait


@dataclass(frozen=True)
class QueueSection:
    kind: Waiting
    count: int
    items: list[QueueItem]


def work_queue(user: User, listed: int = LISTED) -> list[QueueSection]:
    """A section per kind the user decides on, each with its `listed` oldest tasks (none:
    the counts alone)."""
    sections = []
    for kind in waiting_for(user.role.value):
        tasks = listed_tasks(user).where(waiting_predicate(kind))
        if listed:
            sections.append(_section(kind, tasks, listed))
        else:
            sections.append(QueueSection(kind, _count(tasks), []))
    return sections


def _section(kind: Waiting, tasks: Select[Task], listed: int) -> QueueSection:
    """The `listed` oldest of the `tasks` waiting for `kind`, as a list reads them, with
    when each began to wait and how many wait in all, in one statement."""
    since = _since(kind)
    oldest = tasks.order_by(since, Task.id).limit(listed)
    count = _counted(tasks).scalar_subquery()
    rows = read_columns(db.session(), listed_rows(oldest).add_columns(since, count)).all()
    items = as_listed(db.session(), rows)  # the listed columns come first in each row
    waited = [QueueItem(task, _local_day(row[-2])) for task, row in zip(items, rows, strict=True)]
    return QueueSection(kind, rows[0][-1] if rows else 0, waited)


def waiting_by_role(role: SQLColumnExpression[Role]) -> ColumnElement[int | None]:
    """Everything waiting for a user of the `role` (a column: the database chooses), for the
    menu: the sum of the home page's sections (a task waiting twice, say handed in with an
    extension pending, counts twice), and the drafts to publish. NULL for those nothing
    waits for (agencies). The roles something waits for see the province's tasks, not an
    agency's, so what waits depends on the role alone."""
    return case(
        *[
            (role == written(waiting_role.value), waiting_of_role(waiting_role))
            for waiting_role in Role
            if waiting_for(waiting_role.value)
        ],
        else_=null(),
    )


def waiting_of_role(role: Role) -> ColumnElement[Any]:
    """`waiting_by_role` for a role known beforehand: that role's count alone."""
    return _waiting_total(User(role=role)) if waiting_for(role.value) else null()


def _waiting_total(user: User) -> ColumnElement[int]:
    # kind by kind, as the home page counts them: each count finds its few tasks by an
    # index, where one count of them all would read every task
    waiting: list[Select[Any]] = [
        listed_tasks(user).where(waiting_predicate(kind)) for kind in waiting_for(user.role.value)
    ]
    if user.role in PUBLISHERS:
        waiting.append(drafts_to_publish(user))
    counts: list[ColumnElement[int]] = [_counted(rows).scalar_subquery() for rows in waiting]
    return reduce(operator.add, counts)


PUBLISHERS = (Role.SECRETARIAT, Role.ADMIN)


def drafts_to_publish(user: User) -> Select[Notice]:
    """Drafts waiting to be reviewed and published, for those who publish (the state written
    into the SQL: SQLite then reads them by `ix_notice_state_created_at`, newest first)."""
    return visible_notices(user).where(Notice.state == written(NoticeState.DRAFT.value))


def _local_day(moment: date | datetime | None) -> date | None:
    if isinstance(moment, datetime):
        return local_datetime(moment).date()
    return moment


def _count(rows: Select[Any]) -> int:
    return db.session.scalar(_counted(rows)) or 0


def _counted(rows: Select[Any]) -> Select[int]:
    """How many `rows` (tasks or notices) there are, counted by id: no other column read."""
    ids = rows.with_only_columns(rows.selected_columns["id"])
    return select(func.count()).select_from(ids.subquery())


def _since(kind: Waiting) -> ColumnElement[Any]:
    """When the task began to wait: the hand-in day, the request, the answer, or the
    decline (the task's last change)."""
    if kind is Waiting.SUBMITTED:
        return Task.submitted_on.expression
    if kind is Waiting.EXTENSION:
        return (
            select(func.min(ExtensionRequest.created_at))
            .where(
                ExtensionRequest.task_id == Task.id,
                extension_pending(),
            )
            .scalar_subquery()
            .label("since")
        )
    if kind is Waiting.EXPLAINED:
        return (
            select(func.min(ExplanationRequest.answered_at))
            .where(
                ExplanationRequest.task_id == Task.id,
                ExplanationRequest.reviewed_at.is_(None),
            )
            .scalar_subquery()
            .label("since")
        )
    return Task.updated_at.expression
