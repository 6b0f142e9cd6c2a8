"""Build the demo province: directory, accounts, notice 473/TB-VPUBND and a recent letter,
with dates moved close to today so every status shows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from tracker.admin.models import write_setting
from tracker.agencies.models import Agency
from tracker.audit.services import record_task_event
from tracker.auth.models import Role, User
from tracker.demo.directory import load_directory
from tracker.demo.scenario import (
    AMENDING_LETTER,
    AMENDING_LETTER_AGE_DAYS,
    LETTER_AMENDMENTS,
    LETTER_STEPS,
    NOTICE_473_STEPS,
    Citation,
    ScenarioStep,
    letter_text,
)
from tracker.domain.calendar import VIETNAM
from tracker.notices.models import Notice
from tracker.notices.services import create_draft, publish
from tracker.notifications.models import Notification
from tracker.tasks.amendments import ChangeRequest, DocumentEntry, amend
from tracker.tasks.models import ChangeKind, Evidence, ProgressUpdate, Task, TaskState
from tracker.tasks.occurrences import open_occurrences
from tracker.tasks.storage import EvidenceStore

DATA = Path(__file__).parent / "data"
DEMO_PASSWORD = "demo1234"  # noqa: S105 - the published password of the demo accounts
DEMO_SETTING = "demo"
DEMO_EMAIL_DOMAIN = "demo.tracker.local"
# Notice 473 is moved so that it reads as issued this many days before the demo is loaded.
NOTICE_473_AGE_DAYS = 100


@dataclass(frozen=True)
class Account:
    username: str
    role: Role
    agency: str | None


def database_is_empty(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(Agency)) == 0


def load_demo(session: Session, today: date, store: EvidenceStore) -> list[Account]:
    """Fill an empty database with the demo province; returns the accounts created. The
    notices go through the same reading and publication as a clerk's would."""
    agencies = load_directory(session, json.loads((DATA / "directory.json").read_text("utf-8")))
    users = _create_accounts(session, agencies)
    secretary = users["vanphong"]
    notice, shift = _read_and_publish(
        session,
        (DATA / "notice_473_daknong.md").read_text("utf-8"),
        "notice_473_daknong.md",
        secretary,
        today,
        move_to=today - timedelta(days=NOTICE_473_AGE_DAYS),
    )
    letter, _ = _read_and_publish(session, letter_text(today), None, secretary, today)
    letter.reported_apart = True  # the period reports give it a section of its own
    create_draft(
        session,
        text=(DATA / "ke_hoach_du_lich_so.md").read_text("utf-8"),
        source_name="ke_hoach_du_lich_so.md",
        author=secretary,
        today=today,
        holidays=(),
    )
    open_occurrences(session, today)
    scenario = _Scenario(session, users, store)
    for target, steps in ((notice, NOTICE_473_STEPS), (letter, LETTER_STEPS)):
        tasks = _tasks_by_item(session, target)
        for step in steps:
            task = tasks[step.item_index]
            if step.occurrence is not None:
                task = task.occurrences[step.occurrence]
            scenario.play(task, step, today)
    _amend_the_letter(session, letter, secretary, today)
    # The demo's past notifications are history: nobody is e-mailed them on the first run.
    session.execute(
        update(Notification)
        .where(Notification.sent_out_at.is_(None))
        .values(sent_out_at=Notification.created_at)
    )
    write_setting(
        session,
        DEMO_SETTING,
        {"loaded_on": today.isoformat(), "shift_days": shift.days, "notice": notice.number},
    )
    session.flush()
    return demo_accounts(session)


def _read_and_publish(
    session: Session,
    text: str,
    source_name: str | None,
    secretary: User,
    today: date,
    move_to: date | None = None,
) -> tuple[Notice, timedelta]:
    """Read a notice and publish its split as proposed; `move_to` moves its date, and every
    deadline with it, to another day."""
    notice, _ = create_draft(
        session, text=text, source_name=source_name, author=secretary, today=today, holidays=()
    )
    shift = (move_to - notice.issued_on) if move_to else timedelta(0)
    notice.issued_on += shift
    for draft in notice.draft_tasks:
        if draft.deadline is not None:
            draft.deadline += shift
    publish(session, notice, secretary, published_at=_at(notice.issued_on))
    return notice, shift


def _amend_the_letter(session: Session, letter: Notice, secretary: User, today: date) -> None:
    """The later letter's changes, recorded as the secretariat would."""
    document = DocumentEntry(
        number=AMENDING_LETTER,
        issued_on=today - timedelta(days=AMENDING_LETTER_AGE_DAYS),
        issuer="UBND tỉnh Đắk Nông",
    )
    tasks = _tasks_by_item(session, letter)
    for index, kind, days in LETTER_AMENDMENTS:
        day = today + timedelta(days=days) if days is not None else None
        request = ChangeRequest(ChangeKind(kind), deadline=day, paused_until=day)
        amend(session, tasks[index], secretary, request, document, today=today, version=None)


def demo_accounts(session: Session) -> list[Account]:
    """The demo's accounts (those still using the demo e-mail domain), staff first."""
    users = session.scalars(
        select(User).where(User.email.like(f"%@{DEMO_EMAIL_DOMAIN}")).order_by(User.id)
    )
    return [Account(u.username, u.role, u.agency.name if u.agency else None) for u in users]


def _tasks_by_item(session: Session, notice: Notice) -> list[Task]:
    """The first task of each item of the split, in order (a group item has several); a
    recurring item's series."""
    firsts: dict[tuple[str, str | None], Task] = {}
    items = notice.tasks.select().where(Task.series_id.is_(None)).order_by(Task.id)
    for task in session.scalars(items):
        firsts.setdefault((task.ref, task.group_label), task)
    return list(firsts.values())


def _create_accounts(session: Session, agencies: dict[str, Agency]) -> dict[str, User]:
    accounts = [
        ("quantri", "Quản trị hệ thống", Role.ADMIN, None),
        ("vanphong", "Nguyễn Thị Thu - Chuyên viên VP UBND tỉnh", Role.SECRETARIAT, None),
        ("lanhdao", "Trần Văn Hùng - Phó Chủ tịch UBND tỉnh", Role.LEADER, None),
        ("snv.lanhdao", "Lê Minh Tuấn - Giám đốc Sở Nội vụ", Role.AGENCY_HEAD, "snv"),
    ]
    accounts += [
        (code, f"Chuyên viên {agency.display_name}", Role.AGENCY_OFFICER, code)
        for code, agency in agencies.items()
    ]
    users: dict[str, User] = {}
    for username, full_name, role, agency_code in accounts:
        user = User(
            username=username,
            full_name=full_name,
            email=f"{username}@{DEMO_EMAIL_DOMAIN}",
            role=role,
            agency=agencies[agency_code] if agency_code else None,
        )
        user.set_password(DEMO_PASSWORD)
        session.add(user)
        users[username] = user
    session.flush()
    return users


class _Scenario:
    """Plays the demo's steps on tasks, writing the rows and events real users would."""

    def __init__(self, session: Session, users: dict[str, User], store: EvidenceStore) -> None:
        self.session, self.users, self.store = session, users, store

    def play(self, task: Task, step: ScenarioStep, today: date) -> None:
        """Progress two days before the work is handed in, evidence on that day, then the
        submission and its acceptance; without a submission the work day is today."""
        officer = self.users[task.lead_agency.code]
        submitted_on = None
        if step.submitted_after_deadline is not None:
            anchor = task.deadline or today
            submitted_on = min(today, anchor + timedelta(days=step.submitted_after_deadline))
        work_day = submitted_on or today
        if step.progress is not None:
            reported_on = work_day - timedelta(days=2)
            task.progress_updates.append(
                ProgressUpdate(
                    author=officer,
                    agency_id=officer.agency_id,
                    body=step.progress,
                    percent=step.percent,
                    created_at=_at(reported_on),
                )
            )
            self._event(
                task, officer, "task.progress_reported", {"percent": step.percent}, reported_on
            )
        if step.evidence_file is not None:
            self._attach_file(task, officer, step.evidence_file, work_day)
        if step.citation is not None:
            self._cite(task, officer, step.citation, work_day)
        if submitted_on is not None:
            task.state, task.submitted_on = TaskState.SUBMITTED, submitted_on
            self._event(
                task, officer, "task.submitted", {"submitted_on": str(submitted_on)}, submitted_on
            )
            if step.accepted:
                task.state, task.completed_on = TaskState.COMPLETED, submitted_on
                accepted_on = min(today, submitted_on + timedelta(days=1))
                self._event(
                    task,
                    self.users["vanphong"],
                    "task.accepted",
                    {"completed_on": str(submitted_on)},
                    accepted_on,
                )
        self.session.flush()

    def _attach_file(self, task: Task, officer: User, file_name: str, on: date) -> None:
        content = _demo_pdf(task.text)
        task.evidence.append(
            Evidence(
                uploaded_by=officer,
                agency_id=officer.agency_id,
                file_name=file_name,
                sha256=self.store.save(content),
                size=len(content),
                content_type="application/pdf",
                created_at=_at(on),
            )
        )
        self._event(task, officer, "task.evidence_added", {"file_name": file_name}, on)

    def _cite(self, task: Task, officer: User, citation: Citation, on: date) -> None:
        """Cite the document that did the work, signed the day before it was handed in."""
        task.evidence.append(
            Evidence(
                uploaded_by=officer,
                agency_id=officer.agency_id,
                cited_kind=citation.kind,
                cited_number=citation.number,
                cited_date=on - timedelta(days=1),
                cited_issuer=citation.issuer,
                created_at=_at(on),
            )
        )
        self._event(task, officer, "task.evidence_added", {"cited_number": citation.number}, on)

    def _event(self, task: Task, actor: User, action: str, after: dict[str, Any], on: date) -> None:
        record_task_event(self.session, task, actor.id, action, after=after, occurred_at=_at(on))


def _demo_pdf(title: str) -> bytes:
    """A small valid one-page PDF standing in for a signed document."""
    text = title.encode("ascii", "replace")[:60].replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 12 Tf 40 780 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 " + str(len(objects) + 1).encode() + b"\n0000000000 65535 f \n"
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R >>\n"
    out += b"startxref\n" + str(xref).encode() + b"\n%%EOF\n"
    return bytes(out)


def _at(day: date) -> datetime:
    """Nine in the morning in Vietnam on that day, as an aware UTC instant."""
    return datetime.combine(day, time(9, 0), VIETNAM).astimezone(UTC)
