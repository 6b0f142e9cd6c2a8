"""Verbs on tasks: what agencies, the secretariat and leaders do. Each checks the workflow
rules on the version of the task the user saw, changes rows, writes the event (which moves
the version) and flushes; the caller commits.

`version` is what the user's page showed; None only for callers that act on the task as it
is now (commands, jobs). The web always passes one: a form without it is refused as stale."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.agencies.models import Agency
from tracker.audit.services import record_task_event
from tracker.auth.models import Role, User
from tracker.db import utcnow
from tracker.domain.evidence_files import CheckedFile
from tracker.domain.formatting import vn_date
from tracker.domain.workflow import Action
from tracker.notifications.services import notify_agencies, notify_users
from tracker.tasks.models import (
    Evidence,
    ExplanationRequest,
    ExtensionRequest,
    ExtensionState,
    ProgressUpdate,
    Task,
    TaskState,
)
from tracker.tasks.occurrences import moving_with
from tracker.tasks.storage import EvidenceStore
from tracker.tasks.workflow import NotAllowedError, WorkflowError, require


def _event(session: Session, task: Task, actor: User, action: str, **details: Any) -> None:
    """Record the change and move the task's version, so that any page shown before it,
    even one about extensions, explanations or evidence, is stale from now on."""
    task.updated_at = utcnow()  # the task row is written, and its version_id_col moves
    before = details.pop("before", None)
    after = details.pop("after", None) or details or None
    record_task_event(session, task, actor.id, action, before=before, after=after)


def _with_words(message: str, label: str, words: str | None) -> str:
    """The message, then what the person wrote, so that the other side reads it too."""
    words = " ".join((words or "").split())
    return f"{message}. {label}: {words}" if words else message


def _link(task: Task) -> str:
    return f"/nhiem-vu/{task.id}"


def _tell_agency(session: Session, task: Task, message: str, kind: str) -> None:
    notify_agencies(session, [(task.lead_agency_id, message)], kind=kind, link=_link(task))


def _tell_secretariat(session: Session, task: Task, message: str, kind: str) -> None:
    secretaries = session.scalars(
        select(User).where(User.role == Role.SECRETARIAT, User.active.is_(True))
    ).all()
    notify_users(session, secretaries, message, kind=kind, link=_link(task))


def report_progress(
    session: Session,
    task: Task,
    actor: User,
    body: str,
    percent: int | None,
    *,
    today: date,
    version: int | None,
) -> ProgressUpdate:
    """A progress report of the lead agency; a coordinating agency's is its contribution."""
    body = body.strip()
    if not body:
        raise WorkflowError("Vui lòng nhập nội dung báo cáo.")
    lead = task.lead_agency_id == actor.agency_id
    require(task, actor, Action.REPORT_PROGRESS if lead else Action.CONTRIBUTE, today, version)
    update = ProgressUpdate(author=actor, agency_id=actor.agency_id, body=body, percent=percent)
    task.progress_updates.append(update)
    _event(
        session,
        task,
        actor,
        "task.progress_reported" if lead else "task.contributed",
        percent=percent,
    )
    return update


def add_file(
    session: Session,
    task: Task,
    actor: User,
    checked: CheckedFile,
    content: bytes,
    store: EvidenceStore,
    *,
    today: date,
    version: int | None,
    contribution: bool = False,
) -> Evidence:
    """A file of evidence; a coordinating agency attaches one to its contribution (and may
    then whenever it may contribute), the lead agency to the task at any time it is open."""
    lead = task.lead_agency_id == actor.agency_id
    require(
        task,
        actor,
        Action.CONTRIBUTE if contribution and not lead else Action.ADD_EVIDENCE,
        today,
        version,
    )
    digest = hashlib.sha256(content).hexdigest()
    same = next((e for e in task.evidence if e.sha256 == digest), None)
    if same is not None:
        raise WorkflowError(
            f"Tệp này đã có trong minh chứng của nhiệm vụ (“{same.file_name}”), không cần "
            "tải lên lần nữa."
        )
    evidence = Evidence(
        uploaded_by=actor,
        agency_id=actor.agency_id,
        file_name=checked.file_name,
        sha256=store.save(content),
        size=checked.size,
        content_type=checked.content_type,
    )
    task.evidence.append(evidence)
    _event(session, task, actor, "task.evidence_added", file_name=checked.file_name)
    return evidence


def withdraw_evidence(
    session: Session, task: Task, actor: User, evidence_id: int, *, today: date, version: int | None
) -> None:
    """The agency takes back a file or a cited document it gave, before the task is accepted;
    a task waiting for acceptance keeps at least one piece of evidence."""
    evidence = next((e for e in task.evidence if e.id == evidence_id), None)
    if evidence is None or evidence.agency_id != actor.agency_id:
        raise NotAllowedError("withdraw_evidence")
    require(task, actor, Action.WITHDRAW_EVIDENCE, today, version)
    if task.state is TaskState.SUBMITTED and len(task.evidence) == 1:
        raise WorkflowError(
            "Nhiệm vụ đang chờ xác nhận hoàn thành cần ít nhất một minh chứng: bổ sung minh "
            "chứng khác trước khi rút minh chứng này."
        )
    task.evidence.remove(evidence)
    name = evidence.file_name or f"{evidence.cited_kind or 'Văn bản'} số {evidence.cited_number}"
    _event(session, task, actor, "task.evidence_withdrawn", file_name=name)


def add_citation(
    session: Session,
    task: Task,
    actor: User,
    *,
    kind: str,
    number: str,
    signed_on: date,
    issuer: str,
    today: date,
    version: int | None,
) -> Evidence:
    """Cite the document that did the work ("Quyết định số 1118/QĐ-UBND ngày 03/6/2020")."""
    require(task, actor, Action.ADD_EVIDENCE, today, version)
    if signed_on > today:
        raise WorkflowError("Ngày của văn bản không thể sau ngày hôm nay.")
    evidence = Evidence(
        uploaded_by=actor,
        agency_id=actor.agency_id,
        cited_kind=kind.strip(),
        cited_number=number.strip(),
        cited_date=signed_on,
        cited_issuer=issuer.strip() or None,
    )
    task.evidence.append(evidence)
    _event(session, task, actor, "task.evidence_added", cited_number=number.strip())
    return evidence


def submit(session: Session, task: Task, actor: User, *, today: date, version: int | None) -> None:
    """The lead agency reports the task done, on today's date; evidence is required."""
    require(task, actor, Action.SUBMIT, today, version)
    if not task.evidence:
        raise WorkflowError(
            "Cần có minh chứng trước khi báo cáo hoàn thành: tải lên tệp hoặc nêu số, ngày "
            "văn bản đã thực hiện."
        )
    task.state, task.submitted_on = TaskState.SUBMITTED, today
    _event(session, task, actor, "task.submitted", submitted_on=today.isoformat())
    _tell_secretariat(
        session,
        task,
        f"{task.lead_agency.display_name} báo cáo hoàn thành một nhiệm vụ, chờ xác nhận",
        "task_submitted",
    )


def accept(session: Session, task: Task, actor: User, *, today: date, version: int | None) -> None:
    """The task is complete on the date the agency submitted it."""
    require(task, actor, Action.ACCEPT, today, version)
    task.state, task.completed_on = TaskState.COMPLETED, task.submitted_on
    _event(
        session,
        task,
        actor,
        "task.accepted",
        completed_on=task.completed_on.isoformat() if task.completed_on else None,
    )
    _tell_agency(session, task, "Văn phòng UBND đã xác nhận hoàn thành nhiệm vụ", "task_accepted")


def return_task(
    session: Session, task: Task, actor: User, reason: str, *, today: date, version: int | None
) -> None:
    require(task, actor, Action.RETURN, today, version)
    if not reason.strip():
        raise WorkflowError("Vui lòng nêu lý do trả lại.")
    task.state, task.submitted_on = TaskState.IN_PROGRESS, None
    _event(session, task, actor, "task.returned", reason=reason.strip())
    _tell_agency(
        session,
        task,
        _with_words("Văn phòng UBND tỉnh trả lại nhiệm vụ để thực hiện lại", "Lý do", reason),
        "task_returned",
    )


def request_extension(
    session: Session,
    task: Task,
    actor: User,
    new_deadline: date,
    reason: str,
    *,
    today: date,
    version: int | None,
) -> ExtensionRequest:
    require(task, actor, Action.REQUEST_EXTENSION, today, version)
    if not reason.strip():
        raise WorkflowError("Vui lòng nêu lý do xin gia hạn.")
    if task.deadline is not None and new_deadline <= task.deadline:
        raise WorkflowError("Hạn mới phải sau hạn hiện tại.")
    request = ExtensionRequest(
        requested_by=actor,
        previous_deadline=task.deadline,
        requested_deadline=new_deadline,
        reason=reason.strip(),
    )
    task.extension_requests.append(request)
    _event(
        session,
        task,
        actor,
        "task.extension_requested",
        requested_deadline=new_deadline.isoformat(),
        reason=reason.strip(),
    )
    _tell_secretariat(
        session,
        task,
        _with_words(
            f"{task.lead_agency.display_name} xin gia hạn một nhiệm vụ đến {vn_date(new_deadline)}",
            "Lý do",
            reason,
        ),
        "extension_requested",
    )
    return request


def decide_extension(
    session: Session,
    task: Task,
    actor: User,
    *,
    approve: bool,
    note: str,
    approving_document: str,
    objective_reason: bool,
    today: date,
    version: int | None,
) -> None:
    """Approve (the deadline moves; the original stays recorded) or reject the pending
    request."""
    require(task, actor, Action.DECIDE_EXTENSION, today, version)
    request = next(r for r in task.extension_requests if r.state is ExtensionState.PENDING)
    request.state = ExtensionState.APPROVED if approve else ExtensionState.REJECTED
    request.decided_by, request.decided_at = actor, utcnow()
    request.decision_note = note.strip() or None
    request.approving_document = approving_document.strip() or None
    request.objective_reason = approve and objective_reason
    before = task.deadline
    if approve:
        task.deadline = request.requested_deadline
    _event(
        session,
        task,
        actor,
        "task.extension_approved" if approve else "task.extension_rejected",
        before={"deadline": before.isoformat() if before else None},
        after={
            "deadline": task.deadline.isoformat() if task.deadline else None,
            "objective_reason": request.objective_reason,
            "decision_note": request.decision_note,
            "approving_document": request.approving_document,
        },
    )
    verdict = "được chấp thuận" if approve else "không được chấp thuận"
    _tell_agency(
        session,
        task,
        _with_words(f"Đề nghị gia hạn {verdict}", "Ý kiến", request.decision_note),
        "extension_decided",
    )


def decline(
    session: Session, task: Task, actor: User, reason: str, *, today: date, version: int | None
) -> None:
    """The agency says the task is not within its competence."""
    require(task, actor, Action.DECLINE, today, version)
    if not reason.strip():
        raise WorkflowError("Vui lòng nêu lý do nhiệm vụ không thuộc thẩm quyền.")
    task.state = TaskState.DECLINED
    _event(session, task, actor, "task.declined", reason=reason.strip())
    _tell_secretariat(
        session,
        task,
        _with_words(
            f"{task.lead_agency.display_name} đề nghị giao nhiệm vụ cho cơ quan khác",
            "Lý do",
            reason,
        ),
        "task_declined",
    )


def reassign(
    session: Session,
    task: Task,
    actor: User,
    agency_id: int,
    note: str,
    *,
    today: date,
    version: int | None,
) -> None:
    require(task, actor, Action.REASSIGN, today, version)
    if agency_id == task.lead_agency_id:
        raise WorkflowError("Hãy chọn một cơ quan khác để giao lại.")
    moving = moving_with(task)
    _refuse_duplicate(session, task, agency_id, [t.id for t in moving])
    before = task.lead_agency_id
    for moved in moving:
        moved.lead_agency_id, moved.assignee_id = agency_id, None
        if moved.state is TaskState.DECLINED:
            moved.state = TaskState.IN_PROGRESS
    task.state = TaskState.IN_PROGRESS
    session.flush()
    session.refresh(task, ["lead_agency"])
    _event(
        session,
        task,
        actor,
        "task.reassigned",
        before={"lead_agency_id": before},
        after={
            "lead_agency_id": agency_id,
            "lead_agency": task.lead_agency.name,
            "note": note.strip() or None,
        },
    )
    _tell_agency(session, task, "Cơ quan được giao thêm một nhiệm vụ", "task_assigned")


def _refuse_duplicate(session: Session, task: Task, agency_id: int, moving_ids: list[int]) -> None:
    """A task of a group item (every department, each its own task) declined by one member
    must not go to another member that already holds the same item of the same notice
    (the tasks moving with it, a recurring task's series and occurrences, aside)."""
    held = session.scalar(
        select(Task.id)
        .where(
            Task.notice_id == task.notice_id,
            Task.ref == task.ref,
            Task.text == task.text,
            Task.lead_agency_id == agency_id,
            Task.id.not_in(moving_ids),
        )
        .limit(1)
    )
    if held is None:
        return
    agency = session.get(Agency, agency_id)
    name = agency.name if agency is not None else "Cơ quan được chọn"
    item = f"mục {task.ref} của " if task.ref else ""
    raise WorkflowError(
        f"{name} đã được giao chính nhiệm vụ này ({item}cùng văn bản); giao lại sẽ tạo một "
        "nhiệm vụ trùng. Hãy chọn cơ quan khác, hoặc đề nghị cơ quan đã từ chối tiếp tục "
        "thực hiện."
    )


def insist(
    session: Session, task: Task, actor: User, note: str, *, today: date, version: int | None
) -> None:
    require(task, actor, Action.INSIST, today, version)
    task.state = TaskState.IN_PROGRESS
    _event(session, task, actor, "task.insisted", note=note.strip() or None)
    _tell_agency(
        session,
        task,
        _with_words("Văn phòng UBND đề nghị cơ quan tiếp tục thực hiện nhiệm vụ", "Ý kiến", note),
        "task_insisted",
    )


def request_explanation(
    session: Session,
    task: Task,
    actor: User,
    question: str,
    answer_by: date,
    *,
    today: date,
    version: int | None,
) -> ExplanationRequest:
    require(task, actor, Action.REQUEST_EXPLANATION, today, version)
    if answer_by < today:
        raise WorkflowError("Hạn giải trình không thể trước ngày hôm nay.")
    request = ExplanationRequest(
        requested_by=actor,
        question=question.strip() or "Đề nghị giải trình lý do chậm thực hiện.",
        answer_by=answer_by,
    )
    task.explanation_requests.append(request)
    _event(
        session,
        task,
        actor,
        "task.explanation_requested",
        answer_by=answer_by.isoformat(),
        question=request.question,
    )
    _tell_agency(
        session,
        task,
        _with_words(
            f"Lãnh đạo UBND tỉnh yêu cầu giải trình nhiệm vụ quá hạn trước ngày "
            f"{vn_date(answer_by)}",
            "Nội dung",
            request.question,
        ),
        "explanation_requested",
    )
    return request


def answer_explanation(
    session: Session, task: Task, actor: User, answer: str, *, today: date, version: int | None
) -> None:
    require(task, actor, Action.ANSWER_EXPLANATION, today, version)
    if not answer.strip():
        raise WorkflowError("Vui lòng nhập nội dung giải trình.")
    request = next(r for r in task.explanation_requests if r.answer is None)
    request.answer, request.answered_by, request.answered_at = answer.strip(), actor, utcnow()
    _event(session, task, actor, "task.explanation_answered", answer=request.answer)
    notify_users(
        session,
        [request.requested_by],
        _with_words(
            f"{task.lead_agency.display_name} đã gửi giải trình nhiệm vụ quá hạn",
            "Giải trình",
            answer,
        ),
        kind="explanation_answered",
        link=_link(task),
    )


def review_explanation(
    session: Session, task: Task, actor: User, note: str, *, today: date, version: int | None
) -> None:
    """The office or a leader has read the agency's explanation: it leaves their queue."""
    require(task, actor, Action.REVIEW_EXPLANATION, today, version)
    for request in task.explanation_requests:
        if request.awaits_review:
            request.reviewed_at, request.reviewed_by = utcnow(), actor
    _event(session, task, actor, "task.explanation_reviewed", note=note.strip() or None)
    _tell_agency(
        session,
        task,
        _with_words(f"{actor.full_name} đã xem xét giải trình của cơ quan", "Ý kiến", note),
        "explanation_reviewed",
    )


def assign_officer(
    session: Session,
    task: Task,
    actor: User,
    officer: User | None,
    *,
    today: date,
    version: int | None,
) -> None:
    """The agency head gives the task to one of the agency's officers (or to nobody)."""
    require(task, actor, Action.ASSIGN_OFFICER, today, version)
    if officer is not None and officer.agency_id != actor.agency_id:
        raise WorkflowError("Chỉ giao được cho chuyên viên của cơ quan mình.")
    before = task.assignee_id
    for moved in moving_with(task):
        moved.assignee = officer
    _event(
        session,
        task,
        actor,
        "task.officer_assigned",
        before={"assignee_id": before},
        after={
            "assignee_id": officer.id if officer else None,
            "officer": officer.full_name if officer else None,
        },
    )
    if officer is not None:
        notify_users(
            session,
            [officer],
            "Bạn được phân công thực hiện một nhiệm vụ",
            kind="officer_assigned",
            link=_link(task),
        )
