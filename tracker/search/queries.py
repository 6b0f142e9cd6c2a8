"""Search over notices and tasks: one function whatever the database, ranked, limited to what
the user may see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import ColumnElement, Row, and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from tracker.access import visible_notice_items, visible_notices
from tracker.auth.models import User
from tracker.domain.search_text import query_terms
from tracker.notices.models import Notice
from tracker.params import PageNumbers
from tracker.search.backends import matches
from tracker.search.models import SearchDocument
from tracker.tasks.models import Task


@dataclass(frozen=True)
class SearchHit:
    """A notice, or a task (with its notice), that matched."""

    notice: Notice
    task: Task | None = None

    @property
    def kind(self) -> str:
        return "task" if self.task is not None else "notice"


@dataclass(frozen=True)
class SearchResults(PageNumbers):
    """One page of hits, best first."""

    query: str
    terms: list[str]
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    per_page: int = 20
    page: int = 1

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def search(
    session: Session, user: User, query: str, limit: int = 20, page: int = 1
) -> SearchResults:
    """The notices and tasks `user` may see whose words start with every word of `query`,
    ignoring case and diacritics ("so noi vu quy iii" finds "Sở Nội vụ ... Quý III/2017"),
    best first: a hit in the lead agency or the number ranks above one in the text; page
    `page` (from 1) of `limit` hits."""
    terms = query_terms(query)
    results = SearchResults(query, terms, per_page=limit, page=page)
    if not terms:
        return results
    found = matches(session.get_bind().dialect.name, terms)
    visible = found.query.where(_visible_to(user))
    total = session.scalar(select(func.count()).select_from(visible.subquery())) or 0
    ranked = session.execute(
        visible.order_by(
            found.score,
            # ties: newer notices first, each notice before its tasks
            SearchDocument.notice_id.desc(),
            SearchDocument.task_id.nulls_first(),
        )
        .limit(limit)
        .offset(results.offset)
    ).all()
    return replace(results, hits=_hits(session, ranked), total=total)


def _visible_to(user: User) -> ColumnElement[bool]:
    """Documents of the tasks and notices the access layer lets the user see."""
    task_ids = visible_notice_items(user).with_only_columns(Task.id)
    notice_ids = visible_notices(user).with_only_columns(Notice.id)
    return or_(
        SearchDocument.task_id.in_(task_ids),
        and_(SearchDocument.task_id.is_(None), SearchDocument.notice_id.in_(notice_ids)),
    )


def _hits(session: Session, rows: Sequence[Row[int, int, int | None, float]]) -> list[SearchHit]:
    """The notices and tasks of these documents, in their order, loaded in two queries."""
    task_ids = [row.task_id for row in rows if row.task_id is not None]
    tasks = {
        task.id: task
        for task in session.scalars(
            select(Task)
            .where(Task.id.in_(task_ids))
            .options(selectinload(Task.notice), selectinload(Task.lead_agency))
        )
    }
    notice_ids = [row.notice_id for row in rows if row.task_id is None]
    notices = {n.id: n for n in session.scalars(select(Notice).where(Notice.id.in_(notice_ids)))}
    return [
        SearchHit(notices[row.notice_id])
        if row.task_id is None
        else SearchHit(tasks[row.task_id].notice, tasks[row.task_id])
        for row in rows
    ]
