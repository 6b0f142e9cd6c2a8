"""Factories with sensible defaults, for rows a test needs beyond the demo province."""

from __future__ import annotations

from datetime import date
from itertools import count

from sqlalchemy import select

from tracker.agencies.models import Agency
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeKind, NoticeState
from tracker.tasks.models import Evidence, Recurrence, Task, TaskState

_numbers = count(9000)


def agency(code: str) -> Agency:
    found = db.session.scalar(select(Agency).where(Agency.code == code))
    assert found is not None, code
    return found


def make_notice(
    state: NoticeState = NoticeState.PUBLISHED, issued_on: date | None = None
) -> Notice:
    notice = Notice(
        number=f"{next(_numbers)}/TB-VPUBND",
        issued_on=issued_on or date(2024, 3, 1),
        title="Thông báo kiểm thử",
        kind=NoticeKind.NOTICE,
        body="Nội dung",
        state=state,
    )
    db.session.add(notice)
    db.session.flush()
    return notice


def make_task(
    notice: Notice | None = None,
    lead: str = "stc",
    coordinating: tuple[str, ...] = (),
    deadline: date | None = None,
    completed_on: date | None = None,
) -> Task:
    task = Task(
        notice=notice or make_notice(),
        text="Nhiệm vụ kiểm thử",
        lead_agency=agency(lead),
        assigned_agency=agency(lead),
        coordinating_agencies=[agency(code) for code in coordinating],
        deadline=deadline,
        original_deadline=deadline,
        completed_on=completed_on,
        submitted_on=completed_on,
        state=TaskState.COMPLETED if completed_on else TaskState.IN_PROGRESS,
    )
    db.session.add(task)
    db.session.flush()
    return task


def make_file_evidence(task: Task, uploaded_by_id: int, sha256: str) -> Evidence:
    evidence = Evidence(
        task=task,
        uploaded_by_id=uploaded_by_id,
        agency_id=task.lead_agency_id,
        file_name="bao-cao.pdf",
        sha256=sha256,
        size=4,
        content_type="application/pdf",
    )
    db.session.add(evidence)
    db.session.flush()
    return evidence


def make_series(
    notice: Notice,
    first_deadline: date,
    lead: str = "sxd",
    recurrence: Recurrence = Recurrence.QUARTERLY,
) -> Task:
    """A recurring task ("định kỳ hằng quý báo cáo") whose first occurrence is due on
    `first_deadline`; open its occurrences with `tracker.tasks.occurrences`."""
    series = Task(
        notice=notice,
        ref="3",
        text="Định kỳ hằng quý báo cáo tiến độ các công trình trọng điểm",
        lead_agency=agency(lead),
        assigned_agency=agency(lead),
        deadline=first_deadline,
        original_deadline=first_deadline,
        recurrence=recurrence,
    )
    db.session.add(series)
    db.session.flush()
    return series
