import pytest
from flask import Flask
from sqlalchemy import select

from tracker.audit.models import AuditLogAppendOnlyError, Event
from tracker.extensions import db


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
