import pytest
from flask import Flask
from sqlalchemy import select, text

from tracker.audit.models import AuditLogAppendOnlyError, Event
from tracker.extensions import db
from tracker.tasks.models import Task
from tracker.tasks.queries import task_timeline


def test_events_cannot_be_changed(app: Flask) -> None:
    event = db.session.scalars(select(Event)).first()
    assert event is not None
    event.note = "sửa lại"
    with pytest.raises(AuditLogAppendOnlyError):
        db.session.flush()
    db.session.rollback()


def test_events_cannot_be_deleted(app: Flask) -> None:
    event = db.session.scalars(select(Event)).first()
    db.session.delete(event)
    with pytest.raises(AuditLogAppendOnlyError):
        db.session.flush()
    db.session.rollback()


def test_task_page_shows_its_timeline(app: Flask, login) -> None:  # type: ignore[no-untyped-def]
    submitted = db.session.scalar(select(Event).where(Event.action == "task.accepted"))
    assert submitted is not None
    page = login("vanphong").get(f"/nhiem-vu/{submitted.task_id}").get_data(as_text=True)
    assert "Văn bản được ban hành, nhiệm vụ được giao" in page
    assert "Báo cáo hoàn thành, chờ xác nhận" in page
    assert "Văn phòng UBND xác nhận hoàn thành" in page
    assert page.index("được giao") < page.index("chờ xác nhận") < page.index("xác nhận hoàn thành")


def test_a_task_timeline_finds_the_publication_by_its_index(app: Flask) -> None:
    """The publication's action is written into the SQL, so that the database may find it
    by the partial index of the publications instead of reading the whole log."""
    task = db.session.scalars(select(Task)).first()
    assert task is not None
    timeline = task_timeline(task)
    assert "event.action = 'notice.published'" in str(timeline.compile(db.engine))
    sql = str(timeline.compile(db.engine, compile_kwargs={"literal_binds": True}))
    if db.engine.dialect.name == "sqlite":
        plan = " ".join(row[-1] for row in db.session.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
    else:
        with db.session.begin_nested():
            db.session.execute(text("SET LOCAL enable_seqscan = off"))
            plan = " ".join(db.session.execute(text(f"EXPLAIN {sql}")).scalars())
    assert "ix_event_publication" in plan
    assert "ix_event_task_id_occurred_at" in plan
    events = db.session.scalars(timeline).all()
    assert events[0].action == "notice.published"
