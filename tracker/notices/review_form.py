"""Between the review form and the review verbs: filling the form from the draft, reading
the reviewer's edits from it, and running the button she pressed."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session
from wtforms import SelectChoice

from tracker.agencies.queries import active_agencies, all_groups
from tracker.auth.models import User
from tracker.extensions import db
from tracker.notices.drafts import DraftTask
from tracker.notices.forms import NoticeReviewForm
from tracker.notices.models import Notice
from tracker.notices.review import (
    KEEP_AS_PARSED,
    HeaderEdit,
    ItemEdit,
    add_item,
    apply_review,
    merge_with_next,
    remove_item,
    split_item,
)
from tracker.notices.services import PublishError, publish, reparse


@dataclass
class Outcome:
    messages: list[str] = field(default_factory=list)
    failed: bool = False
    published: bool = False
    anchor: str = ""


def fill_review_form(form: NoticeReviewForm, notice: Notice, *, from_request: bool) -> None:
    """Give every item its choices; on a first view, also the draft's values."""
    if not from_request:
        form.number.data = notice.number or ""
        form.issued_on.data = notice.issued_on
        form.kind.data = notice.kind.value
        form.place.data = notice.place or ""
        form.signer.data = notice.signer or ""
        form.title.data = notice.title
        for draft in notice.draft_tasks:
            form.items.append_entry(
                {
                    "draft_id": str(draft.id),
                    "assignee": _assignee_choice(draft.agency_id, draft.member_ids),
                    "coordinating": list(draft.coordinating_ids),
                    "text": draft.text,
                    "deadline": draft.deadline,
                    "deadline_text": draft.deadline_text or "",
                    "recurrence": draft.recurrence.value if draft.recurrence else "",
                }
            )
    agencies = db.session.scalars(active_agencies()).all()
    groups = db.session.scalars(all_groups()).all()
    agency_choices = [SelectChoice(f"a{a.id}", a.name, optgroup="Cơ quan") for a in agencies]
    group_choices = [
        SelectChoice(f"g{g.id}", f"{g.name} ({len(g.members)} cơ quan)", optgroup="Nhóm cơ quan")
        for g in groups
    ]
    drafts = {str(d.id): d for d in notice.draft_tasks}
    for entry in form.items:
        found = drafts.get(entry.form.draft_id.data or "")
        keep = [] if found is None else _parsed_assignee_choice(found)
        entry.form.assignee.choices = [
            SelectChoice("", "— Chọn cơ quan —"),
            *keep,
            *agency_choices,
            *group_choices,
        ]
        entry.form.coordinating.choices = [SelectChoice(str(a.id), a.name) for a in agencies]


def _parsed_assignee_choice(draft: DraftTask) -> list[SelectChoice]:
    """The choice "as the parser found it" for several groups together or an unknown name."""
    if draft.agency_id is not None:
        return []
    if draft.member_ids:
        return [SelectChoice(KEEP_AS_PARSED, draft.assignee_label)]
    if draft.unknown_name:
        return [SelectChoice(KEEP_AS_PARSED, f"“{draft.unknown_name}” (chưa có trong danh bạ)")]
    return []


def _assignee_choice(agency_id: int | None, member_ids: list[int]) -> str:
    if agency_id is not None:
        return f"a{agency_id}"
    return KEEP_AS_PARSED if member_ids else ""


def header_edit(form: NoticeReviewForm) -> HeaderEdit:
    assert form.issued_on.data is not None  # noqa: S101 - validated as required
    return HeaderEdit(
        number=form.number.data or "",
        issued_on=form.issued_on.data,
        kind=form.kind.data,
        place=form.place.data or "",
        signer=form.signer.data or "",
        title=form.title.data or "",
    )


def item_edits(form: NoticeReviewForm) -> list[ItemEdit]:
    edits = []
    for entry in form.items:
        item = entry.form
        if not (item.draft_id.data or "").isdigit():
            continue
        edits.append(
            ItemEdit(
                draft_id=int(item.draft_id.data),
                assignee=item.assignee.data or "",
                coordinating_ids=list(item.coordinating.data or []),
                text=item.text.data or "",
                deadline=item.deadline.data,
                deadline_text=item.deadline_text.data or "",
                recurrence=item.recurrence.data or "",
            )
        )
    return edits


def run_action(
    session: Session,
    notice: Notice,
    header: HeaderEdit,
    items: list[ItemEdit],
    action: str,
    actor: User,
    today: date,
    holidays: Collection[date],
) -> Outcome:
    """Save the reviewer's edits, then do what the pressed button asks."""
    apply_review(session, notice, header, items, actor)
    verb, _, target = action.partition(":")
    draft_id = int(target) if target.isdigit() else -1
    if verb == "publish":
        try:
            tasks = publish(session, notice, actor)
        except PublishError as error:
            return Outcome(messages=[p.vietnamese for p in error.problems], failed=True)
        return Outcome(messages=[f"Đã ban hành và giao {len(tasks)} nhiệm vụ."], published=True)
    if verb == "reparse":
        kept, proposed = reparse(session, notice, actor, today, holidays)
        return Outcome(
            [f"Đã phân tích lại: giữ nguyên {kept} mục đã chỉnh sửa, đề xuất {proposed} mục."]
        )
    if verb == "add":
        draft = add_item(notice)
        session.flush()
        return Outcome(["Đã thêm một mục trống ở cuối."], anchor=f"#muc-{draft.id}")
    if verb == "remove":
        remove_item(notice, draft_id)
        return Outcome(["Đã xóa mục."])
    if verb == "merge":
        merged = merge_with_next(notice, draft_id)
        return Outcome(["Đã gộp với mục bên dưới." if merged else "Không có mục bên dưới để gộp."])
    if verb == "split":
        done = split_item(notice, draft_id)
        message = "Đã tách thành hai mục." if done else "Không tìm thấy chỗ ngắt câu để tách."
        return Outcome([message], anchor=f"#muc-{draft_id}")
    return Outcome(["Đã lưu."])
