"""Who may see what. Every view loads notices, tasks and files through these functions.

- admin and secretariat: every notice, drafts included, and every task;
- leader: published notices and their tasks;
- agency head and officer: published notices with a task led or coordinated by their agency,
  and only those tasks;
- anyone, signed in or not: the notices made public, their tasks' agency, deadline and status
  (`public_notices`, `public_tasks`), and nothing of officers, progress or evidence.
A user who may not see an object gets 404, so an agency cannot even learn that another
agency's task exists; one who may see it but not act gets 403 (`role_required`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from functools import partial, wraps
from typing import Any, TypeVar, cast

from flask import abort
from flask_login import current_user, login_required
from sqlalchemy import ColumnClause, ColumnElement, Select, or_, select
from sqlalchemy.sql.visitors import replacement_traverse

from tracker.auth.models import Role, User
from tracker.db import written
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeState
from tracker.tasks.filters import COORDINATING, LEAD, TaskFilters
from tracker.tasks.models import Evidence, Task, task_coordinators
from tracker.tasks.queries import waiting_requests

SEES_DRAFTS = frozenset({Role.ADMIN, Role.SECRETARIAT})
# Who enters, reviews, publishes and deletes notices (on the web and through the API).
NOTICE_EDITORS = (Role.SECRETARIAT, Role.ADMIN)
View = TypeVar("View", bound=Callable[..., Any])


def _agency_involved(agency_id: int | None) -> ColumnElement[bool]:
    """Tasks the agency leads or coordinates. A union of two index lookups: the same test
    written with OR would make the database read every task."""
    leads = select(Task.id).where(Task.lead_agency_id == agency_id)
    coordinates = select(task_coordinators.c.task_id).where(
        task_coordinators.c.agency_id == agency_id
    )
    return Task.id.in_(leads.union(coordinates))


# the state written into the SQL (`written`): PostgreSQL then plans the statements it has
# prepared (the menu's counts among them) for the published notices, not for any state
_PUBLISHED = Notice.state == written(NoticeState.PUBLISHED.value)


def _tasks_of_notices_seen_by(user: User) -> Select[Task]:
    """The tasks of the notices the user sees, joined with their notice (figures, reports
    and scorecards read its columns)."""
    query = select(Task).join(Task.notice)
    if user.role not in SEES_DRAFTS:
        query = query.where(_PUBLISHED)
    return query


def _listed_tasks_of_notices_seen_by(user: User) -> Select[Task]:
    """The same tasks for the lists, whose notice is asked of each task rather than joined:
    for a join SQLite builds a Bloom filter of the published notices by reading every
    notice's row (3 to 18 ms with notices of real length), where a list page needs the
    notices of its few dozen tasks (0.3 ms)."""
    query = select(Task)
    if user.role not in SEES_DRAFTS:
        query = query.where(Task.notice.has(_PUBLISHED))
    return query


def _tasks_seen_by(user: User) -> Select[Task]:
    query = _tasks_of_notices_seen_by(user)
    if user.role.is_agency_role:
        query = query.where(_agency_involved(user.agency_id))
    return query


def _falling_due(tasks: Select[Task]) -> Select[Task]:
    return tasks.where(Task.recurrence.is_(None), Task.cancelled_on.is_(None))


def agencies_seeing(task: Task) -> set[int]:
    """The agencies that see a published task: its lead and its coordinators, as
    `_agency_involved` selects them."""
    return {task.lead_agency_id} | {agency.id for agency in task.coordinating_agencies}


def visible_tasks(user: User) -> Select[Task]:
    """The tasks the user may see that fall due: every one-off task and each occurrence of
    a recurring one (the series itself never falls due), cancelled ones aside, as a query to
    filter, order or paginate further. Figures count these; the lists read the same tasks
    through `filtered_task_parts`."""
    return _falling_due(_tasks_seen_by(user))


def listed_tasks(user: User) -> Select[Task]:
    """The tasks of `visible_tasks` as a list reads them, most urgent or oldest first: each
    task's notice asked of it, not joined (`_listed_tasks_of_notices_seen_by`)."""
    tasks = _falling_due(_listed_tasks_of_notices_seen_by(user))
    if user.role.is_agency_role:
        tasks = tasks.where(_agency_involved(user.agency_id))
    return tasks


def filtered_task_parts(
    user: User, filters: TaskFilters, today: date, due_soon_days: int = 3
) -> list[Select[Task]]:
    """The tasks of `visible_tasks` that pass the filters, in parts that do not overlap,
    each of which the database reads from an index in the lists' order
    (`tracker.tasks.queries.by_urgency` merges them).

    The access parts (`_task_parts`) are one, or for an agency the tasks it leads and those
    it only coordinates; with the role filter of an agency's list (`LEAD` or `COORDINATING`),
    only the tasks it leads, or every task it coordinates. Each is taken once for each set
    of the filters' conditions (`TaskFilters.predicate_sets`). A part read from the rows of
    another table that copy some of the task's columns (coordinators, requests) has its
    conditions on those columns read the copies, so that it still comes in the lists' order
    from a range of that table's indexes (reading the task's own column, the database would
    find the tasks by it and sort them)."""
    requests = _waiting_requests_part(user, filters)
    if requests is not None:
        parts, filters = [requests], replace(filters, waiting=None)  # the part keeps to them
    else:
        parts = _task_parts(user, filters.role)
    sets = filters.predicate_sets(today, user.id, due_soon_days)
    return [
        part.where(*(_on_copies(predicate, copies) for predicate in predicates))
        for part, copies in parts
        for predicates in sets
    ]


# A part of `filtered_task_parts`, with the task's columns its rows hold copies of, by name.
Part = tuple[Select[Task], Mapping[str, ColumnElement[Any]]]


def _task_parts(user: User, role: str | None) -> list[Part]:
    """The access parts of `filtered_task_parts`."""
    if not user.role.is_agency_role:
        return [(listed_tasks(user), {})]
    tasks = _falling_due(_listed_tasks_of_notices_seen_by(user))
    leads = tasks.where(Task.lead_agency_id == user.agency_id)
    if role == LEAD:
        return [(leads, {})]
    coordinates = _coordinated(tasks, user.agency_id)
    if role == COORDINATING:
        return [(coordinates, _COORDINATOR_COPIES)]
    return [
        (leads, {}),
        (coordinates.where(Task.lead_agency_id != user.agency_id), _COORDINATOR_COPIES),
    ]


# The task's columns a coordinator row holds a copy of, kept by the database's triggers.
_COORDINATOR_COPIES = {
    name: task_coordinators.c[name]
    for name in ("urgency_rank", "deadline", "notice_id", "state", "assignee_id", "paused_until")
}


def _on_copies(
    predicate: ColumnElement[bool], copies: Mapping[str, ColumnElement[Any]]
) -> ColumnElement[bool]:
    """The condition on the task with the columns of which `copies` holds a copy read there."""
    if not copies:
        return predicate
    no_options: dict[str, Any] = {}
    return replacement_traverse(predicate, no_options, partial(_copy_of, copies=copies))


def _copy_of(element: Any, copies: Mapping[str, ColumnElement[Any]], **_kw: Any) -> Any:
    """The copy of a task column in `copies`; None keeps the element."""
    if isinstance(element, ColumnClause) and element.table is Task.__table__:
        return copies.get(element.name)
    return None


def _coordinated(tasks: Select[Task], agency_id: int | None) -> Select[Task]:
    """The tasks the agency coordinates, as their order keys (urgency rank, deadline, id)
    read from the coordinator row, which holds a copy kept by the database: so they come in
    the lists' order from the coordinator index (`by_urgency` reads the page's tasks by id)."""
    coordinator = task_coordinators.c
    return (
        tasks.join(task_coordinators, coordinator.task_id == Task.id)
        .where(coordinator.agency_id == agency_id)
        .with_only_columns(
            coordinator.urgency_rank.label("urgency_rank"),
            coordinator.deadline.label("deadline"),
            coordinator.task_id.label("id"),
        )
    )


def _waiting_requests_part(user: User, filters: TaskFilters) -> Part | None:
    """For the office's and the leaders' lists of what waits on a request (an extension to
    decide, an answer to read): the tasks on which one waits, as their order keys read from
    the request, which holds a copy kept by the database, so that they come in the lists'
    order from the index of the requests that wait. None for other lists (an agency's,
    which is offered no such filter, reads it as a condition on its own parts)."""
    found = waiting_requests(filters.waiting) if filters.waiting is not None else None
    if found is None or user.role.is_agency_role:
        return None
    request, conditions = found
    columns = request.__table__.c
    keys = listed_tasks(user).join(request, request.task_id == Task.id).where(*conditions)
    part = keys.with_only_columns(
        columns.task_urgency_rank.label("urgency_rank"),
        columns.task_deadline.label("deadline"),
        columns.task_id.label("id"),
    )
    return part, {"urgency_rank": columns.task_urgency_rank, "deadline": columns.task_deadline}


def visible_notice_items(user: User) -> Select[Task]:
    """The tasks the user may see as their notice gives them: one-off tasks and recurring
    series, without the series' occurrences."""
    return _tasks_seen_by(user).where(Task.series_id.is_(None))


def visibility_key(user: User) -> list[object]:
    """What decides which notices and tasks the user sees: users with the same key see the
    same ones, so figures counted for one may be reused for the others."""
    if user.role in SEES_DRAFTS:
        return ["all"]
    if user.role.is_agency_role:
        return ["agency", user.agency_id]
    return ["published"]


def public_notices() -> Select[Notice]:
    """The notices anyone may read without signing in: published ones the secretariat made
    public."""
    return select(Notice).where(Notice.state == NoticeState.PUBLISHED, Notice.public.is_(True))


def public_tasks(notice_id: int) -> Select[Task]:
    """The tasks of a public notice that fall due, as the public page shows them."""
    return (
        select(Task)
        .join(Task.notice)
        .where(
            Task.notice_id == notice_id,
            Notice.state == NoticeState.PUBLISHED,
            Notice.public.is_(True),
            Task.recurrence.is_(None),
            Task.cancelled_on.is_(None),
        )
    )


def visible_notices(user: User, *, newest: int | None = None) -> Select[Notice]:
    """All notices the user may see; with `newest`, only that many, the latest issued first.

    For an agency the same test is written two ways: all its notices are the set of notices
    of the tasks it leads or coordinates, read once; the newest few are found by walking the notices
    from the latest and asking of each whether the agency has a task in it, which stops at
    the limit instead of reading every task of the agency."""
    query = select(Notice)
    if user.role not in SEES_DRAFTS:
        query = query.where(_PUBLISHED)
    if user.role.is_agency_role and newest is None:
        coordinator = task_coordinators.c
        leads = select(Task.notice_id).where(Task.lead_agency_id == user.agency_id)
        coordinates = select(coordinator.notice_id).where(coordinator.agency_id == user.agency_id)
        query = query.where(Notice.id.in_(leads.union(coordinates)))
    elif user.role.is_agency_role:
        query = query.where(_has_task_of(user.agency_id))
    if newest is not None:
        query = query.order_by(Notice.issued_on.desc(), Notice.id.desc()).limit(newest)
    return query


def _has_task_of(agency_id: int | None) -> ColumnElement[bool]:
    """Notices with a task the agency leads or coordinates, asked of one notice at a time."""
    leads = select(Task.id).where(Task.notice_id == Notice.id, Task.lead_agency_id == agency_id)
    coordinator = task_coordinators.c
    coordinates = select(coordinator.task_id).where(
        coordinator.notice_id == Notice.id, coordinator.agency_id == agency_id
    )
    return or_(leads.exists(), coordinates.exists())


def get_notice_or_404(user: User, notice_id: int) -> Notice:
    notice = db.session.scalar(visible_notices(user).where(Notice.id == notice_id))
    if notice is None:
        abort(404)
    return notice


def get_task_or_404(user: User, task_id: int) -> Task:
    task = db.session.scalar(_tasks_seen_by(user).where(Task.id == task_id))
    if task is None:
        abort(404)
    return task


def get_evidence_or_404(user: User, task_id: int, evidence_id: int) -> Evidence:
    """Evidence of a task the user may see; the task id in the URL must be its own."""
    task = get_task_or_404(user, task_id)
    evidence = db.session.scalar(
        select(Evidence).where(Evidence.id == evidence_id, Evidence.task_id == task.id)
    )
    if evidence is None:
        abort(404)
    return evidence


def role_required(*roles: Role) -> Callable[[View], View]:
    """Signed in and holding one of `roles`; otherwise 403 (or the sign-in page)."""

    def decorate(view: View) -> View:
        @wraps(view)
        @login_required
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return cast(View, wrapped)

    return decorate


def get_draft_notice_or_404(user: User, notice_id: int) -> Notice:
    """A notice still under review, for the secretariat (others get 404)."""
    notice = get_notice_or_404(user, notice_id)
    if notice.state is not NoticeState.DRAFT:
        abort(404)
    return notice
