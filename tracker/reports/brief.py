"""The meeting brief from the database: the open tasks the user may see, overdue or falling
due within the days ahead, of one leader's notices or of all, with their situations."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from tracker.access import visible_tasks
from tracker.agencies.models import Agency
from tracker.auth.models import User
from tracker.domain.meeting_brief import BriefTask, MeetingBrief, arrange_brief
from tracker.notices.leaders import notice_ids_of
from tracker.notices.models import Notice, NoticeState
from tracker.reports.situations import situations
from tracker.tasks.models import Task
from tracker.tasks.queries import not_paused


def meeting_brief(
    session: Session, user: User, today: date, ahead_days: int, leader: User | None
) -> MeetingBrief:
    query = (
        visible_tasks(user)
        .join(Task.lead_agency)
        .join(Task.notice)
        .where(
            Notice.state == NoticeState.PUBLISHED,
            Task.completed_on.is_(None),
            Task.deadline <= today + timedelta(days=ahead_days),
            not_paused(today),
        )
        .with_only_columns(Agency.name, Notice.number, Task.ref, Task.text, Task.deadline, Task.id)
    )
    if leader is not None:
        query = query.where(Task.notice_id.in_(notice_ids_of(session, leader)))
    rows = session.execute(query).all()
    found = situations(session, [row.id for row in rows], today)
    tasks = [
        BriefTask(agency, number or "", ref, text, deadline, task_id, found.get(task_id, ""))
        for agency, number, ref, text, deadline, task_id in rows
        if deadline is not None  # always, by the query; said for the type checker
    ]
    whose = leader.full_name.replace(" - ", ", ") if leader else None
    return arrange_brief(tasks, today, ahead_days, whose)
