"""Keeping the search documents fresh: after every flush, rewrite the documents of the notices,
tasks and agencies the flush wrote.

A flush hook rather than calls in each service: notices are created, reparsed, published and
edited, tasks are reassigned, extended and moved by merges in a dozen verbs (and by the demo
and the tests' factories), and any verb that forgot a call would leave search quietly stale.
The documents are written in the same transaction, so a rollback drops them too. Only bulk
Core statements (the bench seed, an UPDATE of many tasks) bypass the ORM; their callers call
`tracker.search.index.reindex_*` or `flask search rebuild`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from tracker.agencies.models import Agency, AgencyAlias
from tracker.notices.models import Notice
from tracker.search.index import write_documents
from tracker.tasks.models import Task

# The attributes a document is made of; a task whose state alone changed keeps its document.
WATCHED: dict[type, tuple[str, ...]] = {
    Task: (
        "text",
        "group_label",
        "lead_agency",
        "lead_agency_id",
        "coordinating_agencies",
        "deadline",
        "deadline_text",
        "notice_id",
    ),
    Notice: ("title", "kind", "number", "issued_on"),
    Agency: ("name", "short_name"),
    AgencyAlias: ("name", "agency_id"),
}


def install_reindex_hook() -> None:
    """Listen to every session's flushes (once, however many apps are created)."""
    if not event.contains(Session, "after_flush", reindex_flushed):
        event.listen(Session, "after_flush", reindex_flushed)


def reindex_flushed(session: Session, _flush_context: Any) -> None:
    """Rewrite the documents of what the flush inserted or changed. Deleted notices and tasks
    lose theirs through the foreign keys' ON DELETE CASCADE."""
    changed: dict[type, set[int]] = {Task: set(), Notice: set(), Agency: set()}
    for obj in session.new | session.deleted:
        _note(changed, obj, whatever_changed=True)
    for obj in session.dirty:
        _note(changed, obj, whatever_changed=False)
    if any(changed.values()):
        write_documents(
            session.connection(),
            task_ids=changed[Task],
            notice_ids=changed[Notice],
            agency_ids=changed[Agency],
        )


def _note(changed: dict[type, set[int]], obj: object, whatever_changed: bool) -> None:
    """Add the ids whose documents `obj` changes: its own, or for an alias its agency's (and
    its former agency's when moved). A new or deleted row counts whatever its attributes."""
    kind = type(obj)
    if kind not in WATCHED:
        return
    attributes = inspect(obj).attrs
    histories = [attributes[name].history for name in WATCHED[kind]]
    if not (whatever_changed or any(history.has_changes() for history in histories)):
        return
    if isinstance(obj, AgencyAlias):
        changed[Agency].update(i for i in attributes["agency_id"].history.sum() if i is not None)
    else:
        changed[kind].add(attributes["id"].value)
