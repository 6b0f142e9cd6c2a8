"""Jinja filters, globals and response headers shared by every page."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Flask, has_request_context
from flask_login import current_user
from werkzeug.wrappers import Response

from tracker.admin.models import read_setting
from tracker.audit.labels import event_label
from tracker.clock import today
from tracker.demo.loader import DEMO_SETTING
from tracker.domain.calendar import local_datetime
from tracker.domain.formatting import vn_date, vn_datetime, vn_number, vn_percent
from tracker.domain.status import TaskStatus, WarningLevel, warning_level
from tracker.extensions import db
from tracker.notifications.queries import unread_count
from tracker.tasks.models import Task

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)


def _local_datetime_text(value: datetime | None) -> str:
    return vn_datetime(local_datetime(value)) if value is not None else ""


def install(app: Flask) -> None:
    def task_warning(task: Task) -> WarningLevel | None:
        return warning_level(task.deadline, task.completed_on, today(), app.config["DUE_SOON_DAYS"])

    def status_of(task: Task) -> TaskStatus:
        return task.status(today())

    app.jinja_env.filters.update(
        vn_date=vn_date,
        vn_datetime=_local_datetime_text,
        vn_number=vn_number,
    )
    app.jinja_env.globals.update(
        vn_percent=vn_percent,
        TaskStatus=TaskStatus,
        task_warning=task_warning,
        status_of=status_of,
        event_label=event_label,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    @app.context_processor
    def request_values() -> dict[str, Any]:
        return {
            "today": today(),
            "demo_banner": read_setting(db.session(), DEMO_SETTING),
            "unread_notifications": (
                unread_count(db.session(), current_user.id)
                if has_request_context() and current_user.is_authenticated
                else 0
            ),
        }

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response
