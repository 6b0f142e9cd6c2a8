"""Writing the search documents of notices and tasks.

The functions work on the session's connection with Core statements, so that the flush hook
(`tracker.search.hooks`) can call them while the session is flushing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, delete, insert, select
from sqlalchemy.orm import Session

from tracker.agencies.models import Agency, AgencyAlias
from tracker.domain.formatting import vn_date
from tracker.domain.search_text import index_words
from tracker.notices.models import Notice
from tracker.search.models import SearchDocument
from tracker.tasks.models import Task, task_coordinators

BATCH = 5_000

documents = cast(Table, SearchDocument.__table__)
tasks = cast(Table, Task.__table__)
notices = cast(Table, Notice.__table__)


def reindex_tasks(session: Session, task_ids: Collection[int]) -> int:
    """Rewrite the search documents of these tasks, e.g. after a bulk UPDATE that the flush
    hook did not see. Returns the number written."""
    session.flush()
    return write_documents(session.connection(), task_ids=task_ids)


def reindex_notices(session: Session, notice_ids: Collection[int]) -> int:
    """Rewrite the search documents of these notices and of all their tasks."""
    session.flush()
    return write_documents(session.connection(), notice_ids=notice_ids)


def reindex_agencies(session: Session, agency_ids: Collection[int]) -> int:
    """Rewrite the documents of the tasks these agencies lead or coordinate: after a merge,
    a split, a new name or a new alias."""
    session.flush()
    return write_documents(session.connection(), agency_ids=agency_ids)


def rebuild(session: Session) -> int:
    """Rewrite every search document, in batches; returns the number written."""
    session.flush()
    connection = session.connection()
    connection.execute(delete(documents))
    notice_ids = connection.scalars(select(notices.c.id).order_by(notices.c.id)).all()
    task_ids = connection.scalars(select(tasks.c.id).order_by(tasks.c.id)).all()
    written = 0
    for chunk in _chunks(notice_ids):
        written += _insert(connection, _notice_rows(connection, chunk))
    for chunk in _chunks(task_ids):
        written += _insert(connection, _task_rows(connection, chunk))
    return written


def write_documents(
    connection: Connection,
    *,
    task_ids: Collection[int] = (),
    notice_ids: Collection[int] = (),
    agency_ids: Collection[int] = (),
) -> int:
    """Replace the documents of these tasks and notices (those deleted meanwhile get none),
    with those of the notices' tasks, which carry the notice's number, and of the tasks the
    agencies lead or coordinate, which carry their names. Returns the number written."""
    written = 0
    for chunk in _chunks(sorted(notice_ids)):
        connection.execute(
            delete(documents).where(documents.c.notice_id.in_(chunk), documents.c.task_id.is_(None))
        )
        written += _insert(connection, _notice_rows(connection, chunk))
    all_task_ids = set(task_ids)
    if notice_ids:
        all_task_ids.update(
            connection.scalars(select(tasks.c.id).where(tasks.c.notice_id.in_(notice_ids)))
        )
    if agency_ids:
        leads = select(tasks.c.id).where(tasks.c.lead_agency_id.in_(agency_ids))
        coordinates = select(task_coordinators.c.task_id).where(
            task_coordinators.c.agency_id.in_(agency_ids)
        )
        all_task_ids.update(connection.scalars(leads.union(coordinates)))
    for chunk in _chunks(sorted(all_task_ids)):
        connection.execute(delete(documents).where(documents.c.task_id.in_(chunk)))
        written += _insert(connection, _task_rows(connection, chunk))
    return written


def _notice_rows(connection: Connection, notice_ids: Sequence[int]) -> list[dict[str, Any]]:
    found = connection.execute(
        select(
            notices.c.id, notices.c.title, notices.c.kind, notices.c.number, notices.c.issued_on
        ).where(notices.c.id.in_(notice_ids))
    )
    return [
        {
            "notice_id": row.id,
            "task_id": None,
            "body": index_words(row.title),
            "lead_agency": "",
            "other_agencies": "",
            "number": index_words(f"{row.kind.label} {row.number or ''} {vn_date(row.issued_on)}"),
            "deadline": "",
        }
        for row in found
    ]


def _task_rows(connection: Connection, task_ids: Sequence[int]) -> list[dict[str, Any]]:
    found = connection.execute(
        select(
            tasks.c.id,
            tasks.c.notice_id,
            tasks.c.text,
            tasks.c.group_label,
            tasks.c.lead_agency_id,
            tasks.c.deadline,
            tasks.c.deadline_text,
            notices.c.kind,
            notices.c.number,
        )
        .join_from(tasks, notices, tasks.c.notice_id == notices.c.id)
        # A recurring task is found as its series; its occurrences repeat the series' words.
        .where(tasks.c.id.in_(task_ids), tasks.c.series_id.is_(None))
    ).all()
    coordinators: defaultdict[int, list[int]] = defaultdict(list)
    for task_id, agency_id in connection.execute(
        select(task_coordinators.c.task_id, task_coordinators.c.agency_id).where(
            task_coordinators.c.task_id.in_(task_ids)
        )
    ):
        coordinators[task_id].append(agency_id)
    wanted = {row.lead_agency_id for row in found} | {
        agency_id for ids in coordinators.values() for agency_id in ids
    }
    names = _agency_words(connection, wanted)
    return [
        {
            "notice_id": row.notice_id,
            "task_id": row.id,
            "body": index_words(row.text),
            "lead_agency": names.get(row.lead_agency_id, ""),
            "other_agencies": " ".join(
                [
                    *(names.get(i, "") for i in coordinators[row.id]),
                    index_words(row.group_label or ""),
                ]
            ).strip(),
            "number": index_words(f"{row.kind.label} {row.number or ''}"),
            "deadline": index_words(f"{row.deadline_text or ''} {vn_date(row.deadline)}"),
        }
        for row in found
    ]


def _agency_words(connection: Connection, agency_ids: Collection[int]) -> dict[int, str]:
    """Each agency's name, short name and aliases, as index words."""
    agency, alias = Agency.__table__, AgencyAlias.__table__
    spellings: defaultdict[int, list[str]] = defaultdict(list)
    for agency_id, name, short_name in connection.execute(
        select(agency.c.id, agency.c.name, agency.c.short_name).where(agency.c.id.in_(agency_ids))
    ):
        spellings[agency_id] += [name, short_name or ""]
    for agency_id, name in connection.execute(
        select(alias.c.agency_id, alias.c.name).where(alias.c.agency_id.in_(agency_ids))
    ):
        spellings[agency_id].append(name)
    return {agency_id: index_words(" ".join(names)) for agency_id, names in spellings.items()}


def _insert(connection: Connection, rows: list[dict[str, Any]]) -> int:
    if rows:
        connection.execute(insert(documents), rows)
    return len(rows)


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]
