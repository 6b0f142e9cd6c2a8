"""Verbs on notices: read one into a draft, review its split, publish it. They change rows,
write events and flush; the caller commits."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.agencies.models import Agency, AgencyAlias
from tracker.agencies.queries import DirectoryIds, directory_ids, name_directory
from tracker.audit.models import NOTICE_PUBLISHED
from tracker.audit.services import record_event, record_notice_event
from tracker.auth.models import User
from tracker.db import utcnow
from tracker.domain.agency_names import GROUP
from tracker.domain.calendar import local_today
from tracker.domain.notice_parser import ParsedNotice, parse_notice
from tracker.domain.proposed_tasks import ProposedTask
from tracker.domain.text import fold
from tracker.notices.drafts import DraftTask
from tracker.notices.metadata import DuplicateSourceError, StatedMetadata, find_by_source
from tracker.notices.models import Notice, NoticeKind, NoticeState
from tracker.notices.skipped import skipped_rows
from tracker.notifications.services import notify_agencies
from tracker.outbox.events import TaskEvent, announce
from tracker.tasks.models import Recurrence, Task
from tracker.tasks.occurrences import open_occurrences

NOTHING_STATED = StatedMetadata()


class DuplicateNoticeError(Exception):
    """The notice was entered before: same number in the same year."""

    def __init__(self, existing: Notice) -> None:
        super().__init__(f"notice {existing.number} of {existing.issued_year} exists already")
        self.existing = existing


@dataclass(frozen=True)
class Problem:
    """Why a draft cannot be published, for the web (Vietnamese) and the command line."""

    vietnamese: str
    english: str


class PublishError(Exception):
    """The draft cannot be published yet; `problems` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(problem.english for problem in problems))
        self.problems = problems


def find_duplicate(session: Session, number: str | None, issued_on: date | None) -> Notice | None:
    if not number or issued_on is None:
        return None
    return session.scalar(
        select(Notice).where(Notice.number == number, Notice.issued_year == issued_on.year)
    )


def create_draft(
    session: Session,
    *,
    text: str,
    source_name: str | None,
    author: User,
    today: date,
    holidays: Collection[date],
    stated: StatedMetadata = NOTHING_STATED,
) -> tuple[Notice, ParsedNotice]:
    """Parse the text and keep it as a draft notice with its proposed split; what the sender
    `stated` wins over the parser's reading. A notice that cannot be parsed is still kept,
    with no tasks and the parser's problems."""
    same_source = find_by_source(session, stated.source_system, stated.source_id)
    if same_source is not None:
        raise DuplicateSourceError(same_source)
    parsed = parse_notice(text, name_directory(session), today, holidays)
    number = stated.number or parsed.number
    issued_on = stated.issued_on or parsed.issued_on
    duplicate = find_duplicate(session, number, issued_on)
    if duplicate is not None:
        raise DuplicateNoticeError(duplicate)
    notice = Notice(
        number=number,
        issued_on=issued_on or today,
        issuer=stated.issuer,
        source_system=stated.source_system,
        source_id=stated.source_id,
        place=parsed.place,
        signer=parsed.signer,
        title=parsed.title or _first_line(text),
        kind=NoticeKind(parsed.kind) if parsed.kind else NoticeKind.NOTICE,
        body=text,
        state=NoticeState.DRAFT,
        created_by=author,
        source_name=source_name,
    )
    ids = directory_ids(session)
    notice.draft_tasks = [
        draft_from_proposal(ids, proposal, position)
        for position, proposal in enumerate(parsed.tasks)
    ]
    notice.draft_skipped = skipped_rows(parsed.skipped)
    session.add(notice)
    session.flush()
    record_notice_event(
        session,
        notice,
        author.id,
        "notice.created",
        {
            "number": notice.number,
            "proposed_tasks": len(parsed.tasks),
            "skipped_items": len(parsed.skipped),
        },
        note="; ".join(parsed.problems) or None,
    )
    return notice, parsed


def draft_from_proposal(ids: DirectoryIds, proposal: ProposedTask, position: int) -> DraftTask:
    """A draft row for a parsed item, its names resolved against the directory."""
    draft = DraftTask(
        position=position,
        ref=proposal.ref,
        assignee_label=proposal.assignee,
        text=proposal.text,
        deadline=proposal.deadline,
        deadline_text=proposal.deadline_text,
        recurrence=Recurrence(proposal.recurrence) if proposal.recurrence else None,
        recurrence_days=proposal.recurrence_days,
        notes=list(proposal.notes),
    )
    # a body this province's directory does not hold (a ministry, a collective the notice
    # words its own way) is left for the reviewer to map
    if proposal.assignee_kind == GROUP:
        draft.member_ids = ids.ids_for(proposal.members)
        if not draft.member_ids:
            draft.unknown_name = proposal.assignee
    elif proposal.unknown_assignee or proposal.assignee not in ids.agency_ids:
        draft.unknown_name = proposal.assignee
    else:
        draft.agency_id = ids.agency_ids[proposal.assignee]
    draft.coordinating_ids = [i for i in ids.ids_for(proposal.coordinating) if i != draft.agency_id]
    return draft


def reparse(
    session: Session, notice: Notice, actor: User, today: date, holidays: Collection[date]
) -> tuple[int, int]:
    """Parse the notice's text again. Items the reviewer edited are kept as they are; the
    others are replaced by the new split, and the skipped passages by the new ones (keeping
    the reviewer's decisions). Returns (kept, proposed)."""
    parsed = parse_notice(notice.body, name_directory(session), today, holidays)
    kept = [draft for draft in notice.draft_tasks if draft.edited]
    # an item made from a skipped passage stands for no parsed item of its ref
    made_from_skipped = {item.draft_task_id for item in notice.draft_skipped}
    kept_refs = Counter(draft.ref for draft in kept if draft.id not in made_from_skipped)
    ids = directory_ids(session)
    fresh = []
    for proposal in parsed.tasks:
        if kept_refs[proposal.ref] > 0:
            kept_refs[proposal.ref] -= 1
            continue
        fresh.append(draft_from_proposal(ids, proposal, 0))
    merged = sorted(kept, key=lambda d: d.position) + fresh
    for position, draft in enumerate(merged):
        draft.position = position
    notice.draft_tasks = merged
    notice.draft_skipped = skipped_rows(parsed.skipped, notice.draft_skipped)
    session.flush()
    counts = {"kept": len(kept), "proposed": len(fresh), "skipped_items": len(parsed.skipped)}
    record_notice_event(session, notice, actor.id, "notice.reparsed", counts)
    return len(kept), len(fresh)


def publish(
    session: Session, notice: Notice, actor: User, published_at: datetime | None = None
) -> list[Task]:
    """Create the tasks of a reviewed draft in one go, remember the reviewer's mappings of
    unknown names as aliases, and notify every agency that received a task. Skipped passages
    still waiting for the reviewer do not stop it; the event keeps them.
    `published_at` is now unless a past publication is being recorded."""
    problems = publication_problems(session, notice)
    if problems:
        raise PublishError(problems)
    wanted = {i for draft in notice.draft_tasks for i in draft.coordinating_ids}
    agencies = {a.id: a for a in session.scalars(select(Agency).where(Agency.id.in_(wanted)))}
    tasks: list[Task] = []
    for draft in notice.draft_tasks:
        tasks += _tasks_of(draft, agencies)
        _learn_alias(session, draft)
    for task in tasks:
        notice.tasks.add(task)
    notice.state = NoticeState.PUBLISHED
    notice.published_at = published_at or utcnow()
    unhandled = [{"ref": item.ref, "text": item.text} for item in notice.pending_skipped]
    notice.draft_tasks, notice.draft_skipped = [], []
    session.flush()
    # The occurrences due by the day of publication; the daily job opens the later ones.
    published_on = local_today(notice.published_at)
    open_occurrences(session, published_on, [task.id for task in tasks if task.is_series])
    record_notice_event(
        session,
        notice,
        actor.id,
        NOTICE_PUBLISHED,
        {"number": notice.number, "tasks": len(tasks), "skipped_unhandled": unhandled},
        occurred_at=notice.published_at,
    )
    announce(session, tasks, TaskEvent.ASSIGNED, NOTICE_PUBLISHED)
    per_agency = Counter(task.lead_agency_id for task in tasks)
    notify_agencies(
        session,
        (
            (agency_id, f"Có {count} nhiệm vụ mới từ {notice.kind.label} số {notice.number}")
            for agency_id, count in per_agency.items()
        ),
        kind="tasks_assigned",
        link=f"/thong-bao/{notice.id}",
    )
    return tasks


def publication_problems(session: Session, notice: Notice) -> list[Problem]:
    """What still stops the draft from being published."""
    problems = []
    if notice.state is not NoticeState.DRAFT:
        problems.append(Problem("Văn bản đã được ban hành.", "the notice is published already"))
    if not notice.number:
        problems.append(Problem("Chưa có số, ký hiệu văn bản.", "the notice has no number"))
    elif find_duplicate(session, notice.number, notice.issued_on) not in (None, notice):
        problems.append(
            Problem(
                f"Số {notice.number} năm {notice.issued_year} đã có trong hệ thống.",
                f"number {notice.number} of {notice.issued_year} exists already",
            )
        )
    if not notice.draft_tasks:
        problems.append(Problem("Chưa có nhiệm vụ nào để giao.", "there is no task to assign"))
    for draft in notice.draft_tasks:
        ref = f" (mục {draft.ref} của văn bản)" if draft.ref else ""
        if draft.agency_id is None and not draft.member_ids:
            name = f" “{draft.unknown_name}”" if draft.unknown_name else ""
            problems.append(
                Problem(
                    f"Nhiệm vụ {draft.position + 1}{ref}: chưa chọn cơ quan chủ trì{name}.",
                    f"item {draft.position + 1}{ref} has no lead agency"
                    + (f" ({draft.unknown_name!r} is not in the directory)" if name else ""),
                )
            )
        if not draft.text.strip():
            problems.append(
                Problem(
                    f"Nhiệm vụ {draft.position + 1}{ref}: chưa có nội dung nhiệm vụ.",
                    f"item {draft.position + 1}{ref} has no text",
                )
            )
    return problems + _retired_agency_problems(session, notice)


def _retired_agency_problems(session: Session, notice: Notice) -> list[Problem]:
    """Items that would go to an agency closed (merged, split) since the draft was read."""
    wanted = {i for d in notice.draft_tasks for i in [d.agency_id, *d.member_ids] if i}
    retired = dict(
        session.execute(
            select(Agency.id, Agency.name).where(Agency.id.in_(wanted), Agency.active.is_(False))
        ).all()
    )
    problems = []
    for draft in notice.draft_tasks:
        for agency_id in [draft.agency_id, *draft.member_ids]:
            if agency_id in retired:
                problems.append(
                    Problem(
                        f"Nhiệm vụ {draft.position + 1}: {retired[agency_id]} đã ngừng hoạt động, "
                        "hãy chọn cơ quan khác.",
                        f"item {draft.position + 1} goes to inactive agency {agency_id}",
                    )
                )
    return problems


def _tasks_of(draft: DraftTask, agencies: dict[int, Agency]) -> list[Task]:
    """One task for an agency; one per member for a group, kept together by its label."""
    leads = [draft.agency_id] if draft.agency_id else list(draft.member_ids)
    group_label = draft.assignee_label if draft.agency_id is None else None
    coordinating = [agencies[i] for i in draft.coordinating_ids if i in agencies]
    return [
        Task(
            ref=draft.ref,
            text=draft.text,
            lead_agency_id=lead,
            assigned_agency_id=lead,
            group_label=group_label,
            coordinating_agencies=[a for a in coordinating if a.id != lead],
            deadline=draft.deadline,
            original_deadline=draft.deadline,
            deadline_text=draft.deadline_text,
            recurrence=draft.recurrence,
            recurrence_days=draft.recurrence_days,
            recurrence_until=draft.recurrence_until,
        )
        for lead in leads
    ]


def _learn_alias(session: Session, draft: DraftTask) -> None:
    """The reviewer mapped a name the directory did not know: remember it as an alias."""
    if not draft.unknown_name or draft.agency_id is None:
        return
    folded = fold(draft.unknown_name)
    if session.scalar(select(AgencyAlias).where(AgencyAlias.folded == folded)) is None:
        session.add(AgencyAlias(agency_id=draft.agency_id, name=draft.unknown_name))


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip(" #*"):
            return line.strip(" #*")[:500]
    return "Văn bản chưa đặt tên"


def delete_draft(session: Session, notice: Notice, actor: User) -> None:
    """Delete a notice never published (its proposed split with it); the log keeps its
    number and title."""
    if notice.state is not NoticeState.DRAFT:
        raise ValueError(f"notice {notice.id} is published: it cannot be deleted")
    record_event(
        session,
        actor_id=actor.id,
        action="notice.draft_deleted",
        subject_type="notice",
        subject_id=notice.id,
        after={"number": notice.number, "title": notice.title},
    )
    session.delete(notice)
