"""Verbs on the passages the parser skipped: keep them with the draft, and let the reviewer
make one a task or set it aside. They change rows, write events and flush; the caller commits."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy.orm import Session

from tracker.audit.services import record_notice_event
from tracker.auth.models import User
from tracker.domain.deadlines import find_deadline
from tracker.domain.document_order import insertion_index
from tracker.domain.skipped_items import SkippedItem
from tracker.notices.drafts import DraftSkippedItem, DraftTask, SkipDecision
from tracker.notices.models import Notice
from tracker.notices.review import apply_assignee, renumber
from tracker.tasks.models import Recurrence


def skipped_rows(
    items: list[SkippedItem], decided: Collection[DraftSkippedItem] = ()
) -> list[DraftSkippedItem]:
    """Rows for the parser's skipped passages, in its order. A passage the reviewer already
    decided on (same ref, same text) keeps its row and so her decision."""
    by_passage = {(row.ref, row.text): row for row in decided if not row.pending}
    rows = []
    for position, item in enumerate(items):
        row = by_passage.pop((item.ref, item.text), None) or DraftSkippedItem(
            ref=item.ref, text=item.text
        )
        row.position, row.reason = position, item.reason
        rows.append(row)
    return rows


def take_as_task(
    session: Session,
    notice: Notice,
    item_id: int,
    assignee: str,
    deadline: date | None,
    actor: User,
    holidays: Collection[date],
) -> DraftTask | None:
    """Make a pending skipped passage an item of the split, for the agency or group the
    reviewer chose ("a<id>", "g<id>"), placed after the items before it in the notice. The
    deadline phrase is kept when the reviewer kept the proposed deadline."""
    item = _find(notice, item_id, pending=True)
    if item is None:
        return None
    finding = find_deadline(item.text, notice.issued_on, holidays)
    draft = DraftTask(
        ref=item.ref,
        text=item.text,
        deadline=deadline,
        deadline_text=finding.phrase if deadline and deadline == finding.deadline else None,
        recurrence=Recurrence(finding.recurrence) if finding.recurrence else None,
        recurrence_days=finding.recurrence_days,
        member_ids=[],
        coordinating_ids=[],
        notes=[],
        edited=True,
        position=0,
    )
    apply_assignee(session, draft, assignee)
    index = insertion_index(notice.body, [d.text for d in notice.draft_tasks], item.text)
    notice.draft_tasks.insert(index, draft)
    renumber(notice)
    session.flush()
    item.decision, item.draft_task_id = SkipDecision.TASK, draft.id
    _record(session, notice, actor, "notice.skipped_taken", item, item_number=draft.position + 1)
    return draft


def set_aside(session: Session, notice: Notice, item_id: int, actor: User) -> bool:
    """The reviewer read a pending passage and found no task in it."""
    item = _find(notice, item_id, pending=True)
    if item is None:
        return False
    item.decision = SkipDecision.NOT_TASK
    _record(session, notice, actor, "notice.skipped_set_aside", item)
    return True


def restore(session: Session, notice: Notice, item_id: int, actor: User) -> bool:
    """Put a passage set aside back among those waiting for the reviewer."""
    item = _find(notice, item_id, pending=False)
    if item is None or item.decision is not SkipDecision.NOT_TASK:
        return False
    item.decision = None
    _record(session, notice, actor, "notice.skipped_restored", item)
    return True


def _find(notice: Notice, item_id: int, *, pending: bool) -> DraftSkippedItem | None:
    return next((i for i in notice.draft_skipped if i.id == item_id and i.pending is pending), None)


def _record(
    session: Session, notice: Notice, actor: User, action: str, item: DraftSkippedItem, **more: int
) -> None:
    after = {"ref": item.ref, "text": item.text, "reason": item.reason.value, **more}
    record_notice_event(session, notice, actor.id, action, after)
    session.flush()
