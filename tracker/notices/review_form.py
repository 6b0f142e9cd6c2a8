"""Between the review form and the review verbs: filling the form from the draft, and reading
the reviewer's edits from it."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from wtforms import SelectChoice

from tracker.agencies.models import Agency
from tracker.agencies.queries import active_agencies, all_groups
from tracker.domain.deadlines import find_deadline
from tracker.domain.name_suggestions import closest_names
from tracker.extensions import db
from tracker.notices.drafts import DraftTask
from tracker.notices.forms import NoticeReviewForm
from tracker.notices.models import Notice
from tracker.notices.review import KEEP_AS_PARSED, HeaderEdit, ItemEdit
from tracker.notices.review_actions import ReviewEdits, SkippedChoice

NO_BODY_CHOSEN = SelectChoice("", "— Chọn cơ quan —")


def fill_review_form(
    form: NoticeReviewForm, notice: Notice, holidays: Collection[date], *, from_request: bool
) -> None:
    """Give every item and skipped passage its choices; on a first view, also the draft's
    values, and for each skipped passage the deadline its text gives."""
    if not from_request:
        _fill_values(form, notice, holidays)
    agencies = db.session.scalars(active_agencies()).all()
    groups = db.session.scalars(all_groups()).all()
    bodies = [SelectChoice(f"a{a.id}", a.name, optgroup="Cơ quan") for a in agencies] + [
        SelectChoice(f"g{g.id}", f"{g.name} ({len(g.members)} cơ quan)", optgroup="Nhóm cơ quan")
        for g in groups
    ]
    drafts = {str(d.id): d for d in notice.draft_tasks}
    for entry in form.items:
        found = drafts.get(entry.form.draft_id.data or "")
        keep = [] if found is None else _parsed_assignee_choice(found)
        entry.form.assignee.choices = [NO_BODY_CHOSEN, *keep, *bodies]
        entry.form.coordinating.choices = [SelectChoice(str(a.id), a.name) for a in agencies]
    for entry in form.skipped:
        entry.form.assignee.choices = [NO_BODY_CHOSEN, *bodies]


def _fill_values(form: NoticeReviewForm, notice: Notice, holidays: Collection[date]) -> None:
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
                "recurrence_days": draft.recurrence_days or "",
                "recurrence_until": draft.recurrence_until,
            }
        )
    for item in notice.pending_skipped:
        finding = find_deadline(item.text, notice.issued_on, holidays)
        form.skipped.append_entry(
            {"item_id": str(item.id), "assignee": "", "deadline": finding.deadline}
        )


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


def review_edits(form: NoticeReviewForm) -> ReviewEdits:
    """Everything the reviewer typed or chose, for the review verbs."""
    return ReviewEdits(header_edit(form), item_edits(form), skipped_choices(form))


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
                recurrence_days=item.recurrence_days.data or "",
                recurrence_until=item.recurrence_until.data,
            )
        )
    return edits


def skipped_choices(form: NoticeReviewForm) -> list[SkippedChoice]:
    return [
        SkippedChoice(
            item_id=int(entry.form.item_id.data),
            assignee=entry.form.assignee.data or "",
            deadline=entry.form.deadline.data,
        )
        for entry in form.skipped
        if (entry.form.item_id.data or "").isdigit()
    ]


def unknown_name_suggestions(notice: Notice) -> dict[int, list[Agency]]:
    """For each item still given to a name the directory lacks, the closest agencies' names."""
    unmapped = [d for d in notice.draft_tasks if d.unknown_name and d.agency_id is None]
    if not unmapped:
        return {}
    by_name = {agency.name: agency for agency in db.session.scalars(active_agencies())}
    return {
        draft.id: [by_name[name] for name in closest_names(draft.unknown_name or "", by_name)]
        for draft in unmapped
    }
