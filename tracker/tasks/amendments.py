"""Changing a published task by a later document (a notice in the system, or a letter
entered by its number, date and issuer) or correcting a mistake with a reason: the deadline,
the lead or coordinating agencies, the text; pausing it until a date; cancelling or
replacing it. Each change is a version of the task (`TaskChange`) with the document that
made it, an event on its timeline and a notice to the agencies concerned. A recurring
task's lead, text, coordinators, pause and cancellation go to its series and the
occurrences not yet handed in; a deadline is one occurrence's. The caller commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.agencies.models import Agency
from tracker.audit.services import record_task_event
from tracker.auth.models import Role, User
from tracker.db import utcnow
from tracker.domain.amendment_references import Reference, find_references
from tracker.domain.formatting import vn_date
from tracker.notices.models import Notice, NoticeState
from tracker.notifications.services import notify_agencies
from tracker.tasks.models import Amendment, ChangeKind, Task, TaskChange, TaskState
from tracker.tasks.occurrences import moving_with
from tracker.tasks.workflow import ConflictError, NotAllowedError, WorkflowError

MAY_AMEND = frozenset({Role.SECRETARIAT, Role.ADMIN})
ENDS = frozenset({ChangeKind.CANCEL, ChangeKind.REPLACE})


@dataclass(frozen=True)
class DocumentEntry:
    """The later document: a notice of the system (`notice_id`), or a letter by number,
    date and issuer. All empty for a correction."""

    notice_id: int | None = None
    number: str = ""
    issued_on: date | None = None
    issuer: str = ""

    @property
    def given(self) -> bool:
        return bool(self.notice_id or self.number.strip() or self.issued_on or self.issuer)


@dataclass(frozen=True)
class ChangeRequest:
    kind: ChangeKind
    deadline: date | None = None
    lead_agency_id: int | None = None
    coordinating_ids: tuple[int, ...] = ()
    text: str = ""
    paused_until: date | None = None
    reason: str = ""


def amend(
    session: Session,
    task: Task,
    actor: User,
    request: ChangeRequest,
    entry: DocumentEntry,
    *,
    today: date,
    version: int | None,
) -> list[TaskChange]:
    """Apply one change to the task (and what moves with it); refuses, saving nothing, what
    cannot be done, in Vietnamese."""
    if actor.role not in MAY_AMEND:
        raise NotAllowedError("amend")
    if version is not None and version != task.version:
        raise ConflictError()
    if task.cancelled_on is not None:
        raise WorkflowError("Nhiệm vụ đã bị hủy, không điều chỉnh được nữa.")
    document = _document(session, entry, actor, today) if entry.given else None
    if document is None and not request.reason.strip():
        raise WorkflowError("Sửa sai sót không theo văn bản cần nêu lý do.")
    after = _validated(session, task, request, document, today)
    targets = [task] if request.kind is ChangeKind.DEADLINE else moving_with(task)
    if request.kind in ENDS:  # what was done stays done; the acted task is ended all the same
        targets = [
            t for t in targets if t is task or t.is_series or t.state is not TaskState.COMPLETED
        ]
    changes = [_apply(session, target, actor, request, after, document) for target in targets]
    _tell(session, task, changes[0], document)
    return changes


def _document(session: Session, entry: DocumentEntry, actor: User, today: date) -> Amendment:
    """The document entered, or the one already recorded with the same number and date."""
    number, issued_on, issuer = entry.number.strip(), entry.issued_on, entry.issuer.strip()
    if entry.notice_id:
        notice = session.get(Notice, entry.notice_id)
        if notice is None or notice.state is not NoticeState.PUBLISHED or not notice.number:
            raise WorkflowError("Không tìm thấy văn bản đã chọn.")
        number, issued_on, issuer = notice.number, notice.issued_on, "UBND tỉnh"
    if not number or issued_on is None or not issuer:
        raise WorkflowError("Hãy ghi đủ số, ngày và cơ quan ban hành văn bản điều chỉnh.")
    if issued_on > today:
        raise WorkflowError("Ngày ban hành văn bản điều chỉnh không thể sau hôm nay.")
    found = session.scalar(
        select(Amendment).where(Amendment.number == number, Amendment.issued_on == issued_on)
    )
    if found is not None:
        return found
    document = Amendment(
        notice_id=entry.notice_id or None,
        number=number,
        issued_on=issued_on,
        issuer=issuer,
        created_by_id=actor.id,
    )
    session.add(document)
    session.flush()
    return document


def _validated(
    session: Session, task: Task, request: ChangeRequest, document: Amendment | None, today: date
) -> dict[str, Any]:
    """What the task becomes, checked before anything is written."""
    if request.kind in ENDS:
        return {"cancelled_on": document.issued_on if document is not None else today}
    return _CHECKS[request.kind](session, task, request, today)


def _new_deadline(_s: Session, task: Task, request: ChangeRequest, _t: date) -> dict[str, Any]:
    if request.deadline is None:
        raise WorkflowError("Hãy nhập thời hạn mới.")
    if task.is_series:
        raise WorkflowError("Thời hạn của nhiệm vụ định kỳ được điều chỉnh theo từng kỳ.")
    return {"deadline": request.deadline}


def _new_lead(session: Session, task: Task, request: ChangeRequest, _t: date) -> dict[str, Any]:
    agency = session.get(Agency, request.lead_agency_id or 0)
    if agency is None or not agency.active:
        raise WorkflowError("Hãy chọn cơ quan chủ trì mới đang hoạt động.")
    if agency.id == task.lead_agency_id:
        raise WorkflowError("Cơ quan chủ trì mới trùng với cơ quan hiện tại.")
    return {"lead_agency_id": agency.id}


def _new_coordinators(
    session: Session, task: Task, request: ChangeRequest, _t: date
) -> dict[str, Any]:
    ids = [i for i in dict.fromkeys(request.coordinating_ids) if i != task.lead_agency_id]
    found = session.scalars(select(Agency.id).where(Agency.id.in_(ids))).all()
    if len(found) != len(ids):
        raise WorkflowError("Có cơ quan phối hợp không có trong danh bạ.")
    return {"coordinating_ids": sorted(ids)}


def _new_text(_s: Session, _task: Task, request: ChangeRequest, _t: date) -> dict[str, Any]:
    if not request.text.strip():
        raise WorkflowError("Nội dung nhiệm vụ không được để trống.")
    return {"text": request.text.strip()}


def _pause(_s: Session, _task: Task, request: ChangeRequest, today: date) -> dict[str, Any]:
    if request.paused_until is None or request.paused_until < today:
        raise WorkflowError("Hãy nhập ngày tạm dừng đến, từ hôm nay trở đi.")
    return {"paused_until": request.paused_until}


_CHECKS = {
    ChangeKind.DEADLINE: _new_deadline,
    ChangeKind.LEAD: _new_lead,
    ChangeKind.COORDINATORS: _new_coordinators,
    ChangeKind.TEXT: _new_text,
    ChangeKind.PAUSE: _pause,
}


def _apply(
    session: Session,
    task: Task,
    actor: User,
    request: ChangeRequest,
    after: dict[str, Any],
    document: Amendment | None,
) -> TaskChange:
    before = _snapshot(task, after)
    for name, value in after.items():
        if name == "coordinating_ids":
            task.coordinating_agencies = list(
                session.scalars(select(Agency).where(Agency.id.in_(value)))
            )
        else:
            setattr(task, name, value)
    if request.kind in ENDS and task.is_series:
        task.recurrence_until = after["cancelled_on"]  # no period opens after it
    change = TaskChange(
        task=task,
        amendment=document,
        kind=request.kind,
        before=before,
        after=_jsonable(after),
        reason=request.reason.strip() or None,
        actor_id=actor.id,
    )
    session.add(change)
    task.updated_at = utcnow()
    session.flush()
    note = document.title if document is not None else f"Sửa sai sót: {request.reason.strip()}"
    record_task_event(
        session,
        task,
        actor.id,
        f"task.amended.{request.kind.value}",
        before=before,
        after={**_jsonable(after), "document": note},
    )
    return change


def _snapshot(task: Task, after: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in after:
        if name == "coordinating_ids":
            values[name] = sorted(agency.id for agency in task.coordinating_agencies)
        else:
            values[name] = getattr(task, name)
    return _jsonable(values)


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}


def _tell(session: Session, task: Task, change: TaskChange, document: Amendment | None) -> None:
    """The agencies that lead the task before and after the change are told what changed and
    by which document."""
    by = f" theo {document.title}" if document is not None else ""
    message = f"Nhiệm vụ được điều chỉnh ({change.kind.label.lower()}){by}"
    if change.kind is ChangeKind.DEADLINE and task.deadline is not None:
        message += f": hạn mới {vn_date(task.deadline)}"
    agencies = {task.lead_agency_id, change.before.get("lead_agency_id") or task.lead_agency_id}
    notify_agencies(
        session,
        ((int(agency_id), message) for agency_id in agencies),
        kind="task_amended",
        link=f"/nhiem-vu/{task.id}",
    )


@dataclass(frozen=True)
class HistoryLine:
    """One version of a task as its page states it."""

    change: TaskChange
    detail: str  # "từ 15/12/2026 thành 31/01/2027"

    @property
    def ends(self) -> bool:
        """The change cancelled or replaced the task."""
        return self.change.kind in ENDS


def history(session: Session, task: Task) -> list[HistoryLine]:
    """The task's versions, oldest first, each in words."""
    ids = {
        agency_id
        for change in task.changes
        for values in (change.before, change.after)
        for agency_id in [values.get("lead_agency_id"), *values.get("coordinating_ids", [])]
        if agency_id
    }
    names = dict(session.execute(select(Agency.id, Agency.name).where(Agency.id.in_(ids))).all())
    return [HistoryLine(change, _detail(change, names)) for change in task.changes]


def _detail(change: TaskChange, names: dict[int, str]) -> str:
    def words(values: dict[str, Any]) -> str:
        (name, value), *_ = values.items()
        if name == "lead_agency_id":
            return names.get(value, "")
        if name == "coordinating_ids":
            return ", ".join(names.get(i, "") for i in value) or "không có"
        if name == "text":
            return f"“{value}”"
        return vn_date(date.fromisoformat(value)) if value else "không có"

    if change.kind in ENDS:
        return f"từ ngày {words(change.after)}"
    if change.kind is ChangeKind.PAUSE:
        return f"đến hết ngày {words(change.after)}"
    return f"từ {words(change.before)} thành {words(change.after)}"


@dataclass(frozen=True)
class ProposedLink:
    """An earlier notice of the system that a document says it changes, with the tasks of
    the items it names (every task of the notice when it names none)."""

    reference: Reference
    notice: Notice
    tasks: list[Task]


def proposed_links(session: Session, text: str, notice_id: int) -> list[ProposedLink]:
    """The references of `text` to published notices of the system other than its own; a
    reference to a law or a document the system does not hold is left out."""
    links = []
    for reference in find_references(text):
        earlier = session.scalar(
            select(Notice)
            .where(
                func.lower(Notice.number) == reference.number.lower(),
                Notice.state == NoticeState.PUBLISHED,
                Notice.id != notice_id,
            )
            .order_by(Notice.issued_on.desc())
            .limit(1)
        )
        if earlier is None:
            continue
        tasks = session.scalars(
            select(Task)
            .where(Task.notice_id == earlier.id, Task.series_id.is_(None))
            .order_by(Task.id)
        ).all()
        named = [t for t in tasks if _names_item(t.ref, reference.items)]
        links.append(ProposedLink(reference, earlier, named))
    return links


def _names_item(ref: str, items: tuple[str, ...]) -> bool:
    """Whether a task's item ("II.3", "3.1", "3") is one of the items named ("3"); with none
    named, every task is."""
    if not items:
        return True
    parts = ref.lower().split(".")
    return any(item in (parts[-1], parts[0]) or ref.lower() == item for item in items)
