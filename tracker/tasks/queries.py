"""Reusable task queries. Each takes a Select (already scoped by `tracker.access`) and
returns a Select, so a view can paginate it and a job can stream it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import (
    Case,
    ColumnElement,
    Select,
    and_,
    case,
    exists,
    func,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import aliased, joinedload

from tracker.audit.models import NOTICE_PUBLISHED, Event
from tracker.db import written
from tracker.domain.scorecard import Outcome
from tracker.domain.status import TaskStatus
from tracker.domain.waiting import Waiting
from tracker.extensions import db
from tracker.tasks.models import (
    ExplanationRequest,
    ExtensionRequest,
    ExtensionState,
    Task,
    TaskState,
)


def not_paused(today: date) -> ColumnElement[bool]:
    """Tasks no later document has paused beyond yesterday."""
    return or_(Task.paused_until.is_(None), Task.paused_until < today)


def extension_pending() -> ColumnElement[bool]:
    """The extension requests waiting for a decision, with the state written into the SQL: a
    database uses the partial index of these requests only for the condition it was made
    with, never for a parameter that could hold any state."""
    return _extension_waits(ExtensionRequest)


def _extension_waits(request: Any) -> ColumnElement[bool]:
    return cast(ColumnElement[bool], request.state == written(ExtensionState.PENDING.value))


def _explanation_waits(request: Any) -> ColumnElement[bool]:
    return and_(request.answered_at.is_not(None), request.reviewed_at.is_(None))


WaitingRequest = type[ExtensionRequest] | type[ExplanationRequest]
# What waits on a request rather than on the task's state: the request, and what makes one wait
# (as the partial indexes of the requests that wait have it).
_REQUESTS: dict[Waiting, tuple[WaitingRequest, Callable[[Any], ColumnElement[bool]]]] = {
    Waiting.EXTENSION: (ExtensionRequest, _extension_waits),
    Waiting.EXPLAINED: (ExplanationRequest, _explanation_waits),
}


def waiting_predicate(kind: Waiting) -> ColumnElement[bool]:
    """The tasks on which `kind` waits for the office or a leader."""
    if kind is Waiting.SUBMITTED:
        return Task.state == written(TaskState.SUBMITTED.value)
    if kind is Waiting.DECLINED:
        return Task.state == written(TaskState.DECLINED.value)
    # the few tasks with a request waiting, found from the requests' side
    request, waits = _REQUESTS[kind]
    return Task.id.in_(select(request.task_id).where(waits(request)))


def waiting_requests(kind: Waiting) -> tuple[WaitingRequest, list[ColumnElement[bool]]] | None:
    """For a kind that waits on a request: the request, and the conditions that keep, of each
    task, the first request that waits (a task has one extension pending at a time, but may
    have several answers unread); None for a kind the task's state says."""
    if kind not in _REQUESTS:
        return None
    request, waits = _REQUESTS[kind]
    same_task = aliased(request)
    # The first by id, as a value looked up for each request: read as NOT EXISTS an earlier
    # one, PostgreSQL hashes the few requests that wait and then sorts the list.
    first_id = select(func.min(same_task.id)).where(
        same_task.task_id == request.task_id, waits(same_task)
    )
    return request, [waits(request), request.id == first_id.scalar_subquery()]


def status_expression(today: date) -> Case[str]:
    """`tracker.domain.status.task_status` as SQL, so lists filter and count in the database.
    A test checks that both agree on every boundary."""
    return case(
        (Task.deadline.is_(None), TaskStatus.ONGOING.value),
        (Task.completed_on < Task.deadline, TaskStatus.EARLY.value),
        (Task.completed_on == Task.deadline, TaskStatus.ON_TIME.value),
        (Task.completed_on > Task.deadline, TaskStatus.LATE.value),
        (and_(Task.deadline < today, not_paused(today)), TaskStatus.OVERDUE.value),
        else_=TaskStatus.WITHIN_DEADLINE.value,
    )


# `Task.urgency_rank` values (see URGENCY_RANK in the models)
OPEN_DUE, OPEN_UNDATED, COMPLETED_DUE, COMPLETED_UNDATED = 0, 1, 2, 3


def status_predicate(status: TaskStatus, today: date) -> ColumnElement[bool]:
    """The tasks in `status`, written as a rank and a range of deadlines, so that the index
    that orders the lists (`by_urgency`) also finds them (the CASE of `status_expression`
    would make the database read every task)."""
    match status:
        case TaskStatus.ONGOING:
            return Task.urgency_rank.in_((OPEN_UNDATED, COMPLETED_UNDATED))
        case TaskStatus.EARLY:
            return and_(Task.urgency_rank == COMPLETED_DUE, Task.completed_on < Task.deadline)
        case TaskStatus.ON_TIME:
            # the same day as two bounds: PostgreSQL takes two columns equal for one row in two
            # hundred, and read an agency's completed tasks and sorted them rather than read
            # them in order; two bounds it takes for one in nine, nearer the truth
            completed_on_deadline = and_(
                Task.completed_on >= Task.deadline, Task.completed_on <= Task.deadline
            )
            return and_(Task.urgency_rank == COMPLETED_DUE, completed_on_deadline)
        case TaskStatus.LATE:
            return and_(Task.urgency_rank == COMPLETED_DUE, Task.completed_on > Task.deadline)
        case TaskStatus.OVERDUE:
            return and_(Task.urgency_rank == OPEN_DUE, Task.deadline < today, not_paused(today))
        case TaskStatus.WITHIN_DEADLINE:
            return or_(*status_ranges(status, today))


def status_ranges(status: TaskStatus, today: date) -> list[ColumnElement[bool]]:
    """The tasks in `status` as conditions that keep no task in common, each of which an index
    reads as one range in the lists' order: the status's own condition, or for the tasks in
    time, those due from today on and those overdue but paused by a later document (a few,
    read from the index of paused tasks: found among every overdue task, they made the list
    of tasks in time read all of those first)."""
    if status is not TaskStatus.WITHIN_DEADLINE:
        return [status_predicate(status, today)]
    return [
        and_(Task.urgency_rank == OPEN_DUE, Task.deadline >= today),
        and_(
            Task.urgency_rank == OPEN_DUE,
            Task.deadline < today,
            Task.paused_until.is_not(None),
            Task.paused_until >= today,
        ),
    ]


def original_deadline() -> ColumnElement[date]:
    """The deadline as first assigned; a task without one recorded has only the current one."""
    return func.coalesce(Task.original_deadline, Task.deadline)


def outcome_expression(today: date) -> Case[str]:
    """`tracker.domain.scorecard.scorecard_outcome` as SQL; a test checks that both agree."""
    objective = exists().where(
        ExtensionRequest.task_id == Task.id,
        ExtensionRequest.state == ExtensionState.APPROVED,
        ExtensionRequest.objective_reason.is_(True),
    )
    completed = Task.completed_on.is_not(None)
    original = original_deadline()
    return Case(
        (and_(completed, Task.completed_on <= original), Outcome.ON_TIME.value),
        (and_(completed, objective, Task.completed_on <= Task.deadline), Outcome.EXCUSED.value),
        (completed, Outcome.LATE.value),
        (or_(original >= today, ~not_paused(today)), Outcome.PENDING.value),
        (and_(objective, Task.deadline >= today), Outcome.EXCUSED.value),
        else_=Outcome.OVERDUE.value,
    )


def completed_with_deadline() -> ColumnElement[bool]:
    """The tasks in one of the completed statuses (early, on time, late)."""
    return Task.urgency_rank == COMPLETED_DUE


DATED_RANKS = (OPEN_DUE, COMPLETED_DUE)  # the ranks of the tasks that have a deadline


def with_deadline() -> ColumnElement[bool]:
    """The tasks that have a deadline, as ranks: with a range of deadlines after it, the
    database reads the range within each rank, in the lists' order."""
    return Task.urgency_rank.in_([written(rank) for rank in DATED_RANKS])


def dated_ranks() -> list[ColumnElement[bool]]:
    """`with_deadline` as one condition for each rank."""
    return [Task.urgency_rank == written(rank) for rank in DATED_RANKS]


def by_urgency(
    parts: Sequence[Select[Task]], *loaded: str, first: int | None = None
) -> Select[Task]:
    """The tasks of `parts` (as `tracker.access.filtered_task_parts` gives them),
    open tasks with a deadline first (the oldest overdue at the top, then the nearest
    deadline), then open tasks without one, then completed tasks (those with a deadline
    first); the relationships named in `loaded` (each task's one notice or agency) are
    joined in the same query.

    The indexes on `urgency_rank, deadline, id` give this order within each part; several
    parts are merged by their order keys alone, and the page's tasks read by id after.
    `first` is how many rows the page reads at most (its offset and size): each part then
    gives only that many keys, so that a database which would rather join and sort every
    row of each part reads the few it needs from its index."""
    order: list[ColumnElement[Any]]
    if not merges_order_keys(parts):
        query = parts[0]
        order = [getattr(Task, name).expression for name in ORDER_KEY]
    else:
        keyed = [_order_keys(part, first) for part in parts]
        keys = (union_all(*keyed) if len(keyed) > 1 else keyed[0]).subquery("ordered")
        query = select(Task).join(keys, keys.c.id == Task.id)
        order = [keys.c[name] for name in ORDER_KEY]
    return query.order_by(*order).options(*(joinedload(getattr(Task, n)) for n in loaded))


ORDER_KEY = ("urgency_rank", "deadline", "id")


def merges_order_keys(parts: Sequence[Select[Task]]) -> bool:
    """Whether `by_urgency` merges the parts' order keys and reads the page's tasks by id
    after: for several parts, or one whose order key comes from another table; a single part
    of tasks is read in order as it is."""
    return not (len(parts) == 1 and len(parts[0].column_descriptions) == 1)


def _order_keys(part: Select[Task], first: int | None) -> Select[Any]:
    """The part's order keys; with `first`, only its first so many, in order."""
    keys = part.with_only_columns(*(part.selected_columns[name] for name in ORDER_KEY))
    if first is None:
        return keys
    return select(keys.order_by(*keys.selected_columns).limit(first).subquery())


def count_by_status(tasks: Select[Task], today: date) -> dict[TaskStatus, int]:
    """How many of the given tasks stand in each status (every status present, zeros too)."""
    scoped = tasks.with_only_columns(status_expression(today).label("status")).subquery()
    rows = select(scoped.c.status, func.count()).group_by(scoped.c.status)
    counts = dict.fromkeys(TaskStatus, 0)
    for status, count in db.session.execute(rows):
        counts[TaskStatus(status)] = count
    return counts


def count_by_notice(tasks: Select[Task], notice_ids: list[int]) -> dict[int, int]:
    """How many of the given tasks each of these notices holds (notices with none are left out)."""
    rows = (
        tasks.where(Task.notice_id.in_(notice_ids))
        .with_only_columns(Task.notice_id, func.count(Task.id))
        .group_by(Task.notice_id)
    )
    return {notice_id: count for notice_id, count in db.session.execute(rows)}


def task_timeline(task: Task) -> Select[Event]:
    """The task's events, oldest first, starting with the publication that assigned it. The
    action is written into the SQL, so that the publication is found by its partial index
    (`Event`): with a parameter, SQLite read the whole log (150 ms a task page at the
    benchmark province's 323,564 events)."""
    published = Event.action == written(NOTICE_PUBLISHED)
    assigned = and_(Event.notice_id == task.notice_id, published)
    return (
        select(Event)
        .where(or_(Event.task_id == task.id, assigned))
        .order_by(Event.occurred_at, Event.id)
    )
