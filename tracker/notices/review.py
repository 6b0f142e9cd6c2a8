"""Editing a draft's proposed split: the reviewer's changes, and adding, removing, merging
and splitting items. Items the reviewer changed are marked, so that parsing again keeps them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from tracker.agencies.models import Agency, AgencyGroup
from tracker.audit.services import record_notice_event
from tracker.auth.models import User
from tracker.notices.drafts import DraftTask
from tracker.notices.models import Notice, NoticeKind
from tracker.tasks.models import Recurrence

KEEP_AS_PARSED = "keep"


@dataclass(frozen=True)
class ItemEdit:
    draft_id: int
    assignee: str  # "a<id>", "g<id>" or KEEP_AS_PARSED
    coordinating_ids: list[int]
    text: str
    deadline: date | None
    deadline_text: str
    recurrence: str
    recurrence_days: str = ""
    recurrence_until: date | None = None


@dataclass(frozen=True)
class HeaderEdit:
    number: str
    issued_on: date
    kind: str
    place: str
    signer: str
    title: str


def apply_review(
    session: Session, notice: Notice, header: HeaderEdit, items: list[ItemEdit], actor: User
) -> int:
    """Write the reviewer's changes; returns how many items changed."""
    notice.number = header.number.strip() or None
    notice.issued_on = header.issued_on
    notice.kind = NoticeKind(header.kind)
    notice.place = header.place.strip() or None
    notice.signer = header.signer.strip() or None
    notice.title = header.title.strip()
    drafts = {draft.id: draft for draft in notice.draft_tasks}
    changed = 0
    for edit in items:
        draft = drafts.get(edit.draft_id)
        if draft is not None and _apply_item(session, draft, edit):
            draft.edited = True
            changed += 1
    session.flush()
    if changed:
        record_notice_event(
            session, notice, actor.id, "notice.reviewed", {"changed_items": changed}
        )
    return changed


def _apply_item(session: Session, draft: DraftTask, edit: ItemEdit) -> bool:
    before = _snapshot(draft)
    apply_assignee(session, draft, edit.assignee)
    draft.coordinating_ids = [i for i in edit.coordinating_ids if i != draft.agency_id]
    draft.text = edit.text.strip()
    draft.deadline = edit.deadline
    draft.deadline_text = edit.deadline_text.strip() or None
    draft.recurrence = Recurrence(edit.recurrence) if edit.recurrence else None
    recurring = draft.recurrence is not None
    draft.recurrence_days = (edit.recurrence_days.strip() or None) if recurring else None
    draft.recurrence_until = edit.recurrence_until if recurring else None
    return _snapshot(draft) != before


def apply_assignee(session: Session, draft: DraftTask, choice: str) -> None:
    """Give the item the agency ("a<id>") or the group ("g<id>") chosen; "" clears it and
    KEEP_AS_PARSED leaves it as the parser found it."""
    if choice.startswith("a") and choice[1:].isdigit():
        draft.agency_id, draft.member_ids = int(choice[1:]), []
    elif choice.startswith("g") and choice[1:].isdigit():
        group = session.get(AgencyGroup, int(choice[1:]))
        if group is not None:
            draft.agency_id, draft.unknown_name = None, None
            draft.member_ids = [member.id for member in group.members if member.active]
            draft.assignee_label = group.name
    elif choice == "":
        draft.agency_id, draft.member_ids = None, []


def map_unknown_name(
    session: Session, notice: Notice, draft_id: int, agency_id: int
) -> DraftTask | None:
    """The reviewer picked the directory's agency for a name it does not know. The name stays
    on the item, so that publishing remembers it as the agency's alias."""
    draft = next((d for d in notice.draft_tasks if d.id == draft_id and d.unknown_name), None)
    agency = session.get(Agency, agency_id)
    if draft is None or agency is None or not agency.active:
        return None
    draft.agency, draft.member_ids = agency, []
    draft.edited = True
    return draft


def _snapshot(draft: DraftTask) -> tuple[object, ...]:
    return (
        draft.agency_id,
        tuple(draft.member_ids),
        draft.assignee_label,
        tuple(draft.coordinating_ids),
        draft.text,
        draft.deadline,
        draft.deadline_text,
        draft.recurrence,
        draft.recurrence_days,
        draft.recurrence_until,
    )


def add_item(notice: Notice) -> DraftTask:
    draft = DraftTask(position=len(notice.draft_tasks), text="", edited=True, notes=[])
    notice.draft_tasks.append(draft)
    return draft


def remove_item(notice: Notice, draft_id: int) -> None:
    notice.draft_tasks = [d for d in notice.draft_tasks if d.id != draft_id]
    renumber(notice)


def merge_with_next(notice: Notice, draft_id: int) -> bool:
    """Join an item with the one after it (the first one's assignee is kept)."""
    drafts = notice.draft_tasks
    index = next((i for i, d in enumerate(drafts) if d.id == draft_id), None)
    if index is None or index + 1 >= len(drafts):
        return False
    first, second = drafts[index], drafts[index + 1]
    first.text = f"{first.text.rstrip()} {second.text.lstrip()}".strip()
    first.coordinating_ids = first.coordinating_ids + [
        i for i in second.coordinating_ids if i not in first.coordinating_ids
    ]
    first.deadline = first.deadline or second.deadline
    first.deadline_text = first.deadline_text or second.deadline_text
    first.edited = True
    notice.draft_tasks = [d for d in drafts if d is not second]
    renumber(notice)
    return True


def split_item(notice: Notice, draft_id: int) -> bool:
    """Cut an item in two at the sentence boundary nearest its middle; both halves keep the
    assignee."""
    drafts = notice.draft_tasks
    index = next((i for i, d in enumerate(drafts) if d.id == draft_id), None)
    if index is None:
        return False
    original = drafts[index]
    cut = sentence_cut(original.text)
    if cut is None:
        return False
    second = DraftTask(
        ref=original.ref,
        assignee_label=original.assignee_label,
        agency_id=original.agency_id,
        member_ids=list(original.member_ids),
        unknown_name=original.unknown_name,
        coordinating_ids=list(original.coordinating_ids),
        text=original.text[cut:].strip(),
        notes=[],
        edited=True,
        position=0,
    )
    original.text = original.text[:cut].strip()
    original.edited = True
    drafts.insert(index + 1, second)
    renumber(notice)
    return True


def sentence_cut(text: str) -> int | None:
    """Where to cut a text in two: after the sentence end (". " or "; ") nearest its middle."""
    ends = [m.end() for m in re.finditer(r"[.;]\s+(?=\S)", text)]
    if not ends:
        return None
    middle = len(text) / 2
    return min(ends, key=lambda end: abs(end - middle))


def renumber(notice: Notice) -> None:
    """Positions follow the order of the items after one is added, removed or moved."""
    for position, draft in enumerate(notice.draft_tasks):
        draft.position = position
