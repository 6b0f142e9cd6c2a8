"""Jinja filters, globals and response headers shared by every page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from flask import Flask, g, has_request_context, request, url_for
from flask_login import current_user
from markupsafe import Markup
from werkzeug.wrappers import Response

from tracker.audit.labels import event_details, event_label, standing_decision
from tracker.clock import today
from tracker.domain.calendar import local_datetime
from tracker.domain.formatting import (
    sentence_case,
    vn_date,
    vn_datetime,
    vn_number,
    vn_percent,
)
from tracker.domain.outcomes import ON_TIME_RATE, ON_TIME_RATE_BASE, ORIGINAL_DEADLINE_RATE
from tracker.domain.periods import period_title
from tracker.domain.recurrence import occurrence_label
from tracker.domain.status import TaskStatus, is_paused
from tracker.menu import menu_values
from tracker.notices.search_field import notice_filter_url
from tracker.params import MAX_ID
from tracker.read_with_user import forget_on_commit
from tracker.tasks.badges import Shown, badges_html, deadline_html, task_badges
from tracker.tasks.listing import ListedTask
from tracker.tasks.models import Task
from tracker.tasks.rows import task_rows_html

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains"


def _page_values() -> dict[str, Any]:
    user = current_user if has_request_context() and current_user.is_authenticated else None
    menu = menu_values(user)
    return {
        "today": today(),
        "demo_banner": menu.demo_banner,
        "unread_notifications": menu.unread_notifications,
        # None for those nothing waits for (agencies): their menu says "Trang chủ"
        "waiting_count": menu.waiting_count,
    }


def url_for_each_id(endpoint: str, name: str) -> Callable[[int], str]:
    """`url_for(endpoint, name=id)` for many ids, built through the URL map once (a list of
    fifty tasks spent a third of its lines' time building their links one by one)."""
    values: dict[str, Any] = {name: MAX_ID}
    before, _, after = url_for(endpoint, **values).rpartition(str(MAX_ID))
    return lambda value: f"{before}{value}{after}"


def _local_datetime_text(value: datetime | None) -> str:
    return vn_datetime(local_datetime(value)) if value is not None else ""


def _mail_date_text(header: str | None) -> str:
    """An e-mail's Date header in Vietnam's time, as the rest of the app writes times."""
    try:
        return _local_datetime_text(parsedate_to_datetime(header)) if header else ""
    except (TypeError, ValueError):
        return header or ""


def install(app: Flask) -> None:
    def status_badge(task: Shown) -> Markup:
        return badges_html(task_badges(task, today(), app.config["DUE_SOON_DAYS"]))

    def task_rows(tasks: list[ListedTask]) -> Markup:
        return task_rows_html(
            tasks,
            url_for_each_id("tasks.task_detail", "task_id"),
            today(),
            app.config["DUE_SOON_DAYS"],
            app.jinja_env,
        )

    def task_paused(task: Task) -> bool:
        return is_paused(task.paused_until, today())

    app.jinja_env.filters.update(
        vn_date=vn_date,
        vn_datetime=_local_datetime_text,
        mail_date=_mail_date_text,
        sentence=sentence_case,
        vn_number=vn_number,
    )
    app.jinja_env.globals.update(
        vn_percent=vn_percent,
        TaskStatus=TaskStatus,
        status_badge=status_badge,
        task_rows=task_rows,
        deadline_cell=deadline_html,
        is_paused=task_paused,
        event_label=event_label,
        event_details=event_details,
        standing_decision=standing_decision,
        occurrence_label=occurrence_label,
        notice_filter_url=notice_filter_url,
        period_title=period_title,
        ON_TIME_RATE=ON_TIME_RATE,
        ON_TIME_RATE_BASE=ON_TIME_RATE_BASE,
        ORIGINAL_DEADLINE_RATE=ORIGINAL_DEADLINE_RATE,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    forget_on_commit()

    @app.context_processor
    def request_values() -> dict[str, Any]:
        """Read once per request, however many templates (a page and its cached parts)."""
        if not has_request_context():
            return _page_values()
        if "page_values" not in g:
            g.page_values = _page_values()
        return dict(g.page_values)

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if app.config["TRACKER_ENV"] == "production":
            # Production runs behind HTTPS only; a development server on http://127.0.0.1
            # must not teach the browser to refuse plain HTTP on that host for a year.
            response.headers.setdefault("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY)
        if _is_private(response):
            response.headers["Cache-Control"] = "no-store"
        return response


def _is_private(response: Response) -> bool:
    """Whether a response holds what only a signed-in user may read, so that neither the
    browser nor a proxy may keep a copy: every page or API answer for a signed-in user, and
    every download (evidence files, reports, the directory). Static files may be cached."""
    if request.endpoint == "static":
        return False
    if response.headers.get("Content-Disposition", "").startswith("attachment"):
        return True
    return g.get("api_user") is not None or current_user.is_authenticated
