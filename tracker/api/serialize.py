"""Rows as JSON-ready dicts, in the shapes the OpenAPI document (`tracker.api.openapi`)
describes. Dates and instants are ISO 8601; every coded value comes with its Vietnamese label."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask import url_for

from tracker.agencies.models import Agency
from tracker.domain.labels import LabelledEnum
from tracker.domain.notice_parser import ParsedNotice
from tracker.domain.outcomes import ON_TIME_RATE, on_time_rate
from tracker.domain.report_figures import ReportFigures, StatusCounts
from tracker.domain.status import TaskStatus
from tracker.notices.models import Notice
from tracker.reports.figures_store import figures_from_json
from tracker.reports.models import Report
from tracker.tasks.models import ProgressUpdate, Task

Json = dict[str, Any]


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def labelled(member: LabelledEnum) -> Json:
    return {"value": member.value, "label": member.label}


def agency_json(agency: Agency) -> Json:
    return {
        "id": agency.id,
        "code": agency.code,
        "name": agency.name,
        "short_name": agency.short_name,
    }


def notice_json(notice: Notice, task_count: int) -> Json:
    """A notice; `task_count` counts only the tasks the caller may see."""
    return {
        "id": notice.id,
        "number": notice.number,
        "kind": labelled(notice.kind),
        "title": notice.title,
        "issued_on": _iso(notice.issued_on),
        "place": notice.place,
        "signer": notice.signer,
        "issuer": notice.issuer,
        "source_system": notice.source_system,
        "source_id": notice.source_id,
        "state": labelled(notice.state),
        "published_at": _iso(notice.published_at),
        "task_count": task_count,
        "web_url": url_for("notices.notice_detail", notice_id=notice.id, _external=True),
    }


def created_notice_json(
    notice: Notice, task_count: int, parsed: ParsedNotice, problems: list[str]
) -> Json:
    """A notice just entered: what the parser proposed and found wrong, and, while it is a
    draft, what still stops its publication and where the secretariat reviews it."""
    review_url = (
        None
        if notice.is_published
        else url_for("notice_entry.review", notice_id=notice.id, _external=True)
    )
    return {
        **notice_json(notice, task_count),
        "proposed_task_count": len(parsed.tasks),
        "parser_problems": list(parsed.problems),
        "publication_problems": problems,
        "review_url": review_url,
    }


def task_json(task: Task, today: date, web_url: str | None = None) -> Json:
    """A task as lists show it; `web_url` where there is no request to build it from."""
    return {
        "id": task.id,
        "notice_id": task.notice_id,
        "ref": task.ref,
        "text": task.text,
        "lead_agency": agency_json(task.lead_agency),
        "deadline": _iso(task.deadline),
        "deadline_text": task.deadline_text,
        "state": labelled(task.state),
        "status": labelled(task.status(today)),
        "submitted_on": _iso(task.submitted_on),
        "completed_on": _iso(task.completed_on),
        "web_url": web_url or url_for("tasks.task_detail", task_id=task.id, _external=True),
    }


def task_detail_json(task: Task, today: date) -> Json:
    """A task with everything its page shows but the timeline and the files."""
    notice = task.notice
    return {
        **task_json(task, today),
        "notice": {
            "id": notice.id,
            "number": notice.number,
            "kind": labelled(notice.kind),
            "title": notice.title,
            "issued_on": _iso(notice.issued_on),
        },
        "coordinating_agencies": [agency_json(agency) for agency in task.coordinating_agencies],
        "group_label": task.group_label,
        "original_deadline": _iso(task.original_deadline),
        "recurrence": labelled(task.recurrence) if task.recurrence else None,
        "series_id": task.series_id,
        "period": task.period_key,
        "version": task.version,
        "progress_updates": [_progress_json(update) for update in task.progress_updates],
    }


def _progress_json(update: ProgressUpdate) -> Json:
    return {
        "id": update.id,
        "created_at": _iso(update.created_at),
        "agency": agency_json(update.agency),
        "percent": update.percent,
        "body": update.body,
    }


def on_time_rate_json(counts: dict[TaskStatus, int]) -> Json:
    on_time = counts[TaskStatus.EARLY] + counts[TaskStatus.ON_TIME]
    rate = on_time_rate(on_time, counts[TaskStatus.LATE], counts[TaskStatus.OVERDUE])
    return {"label": ON_TIME_RATE, "on_time": rate.on_time, "base": rate.base, "value": rate.value}


def status_counts_json(counts: dict[TaskStatus, int]) -> list[Json]:
    return [
        {**labelled(status), "completed": status.is_completed, "count": counts[status]}
        for status in TaskStatus
    ]


def report_json(report: Report) -> Json:
    """A stored report without its figures."""
    return {
        "id": report.id,
        "period_key": report.period_key,
        "scope": report.scope,
        "cut_off": _iso(report.cut_off),
        "state": report.state.value,
        "created_at": _iso(report.created_at),
        "built_at": _iso(report.built_at),
        "web_url": url_for("reports.report_detail", report_id=report.id, _external=True),
    }


def report_detail_json(report: Report) -> Json:
    """A stored report with its figures, frozen at its cut-off (None until it is built)."""
    figures = figures_from_json(report.figures) if report.figures else None
    return {**report_json(report), "figures": _figures_json(figures) if figures else None}


def _figures_json(figures: ReportFigures) -> Json:
    previous = figures.previous_totals
    return {
        "title": figures.title,
        "period_label": figures.period_label,
        "start": _iso(figures.start),
        "end": _iso(figures.end),
        "scope_label": figures.scope_label,
        "totals": _counts_json(figures.totals),
        "previous_totals": _counts_json(previous) if previous else None,
        "agencies": [
            {"agency": row.agency, "counts": _counts_json(row.counts)} for row in figures.agencies
        ],
        "overdue": [
            {
                "agency": row.agency,
                "notice": row.notice,
                "ref": row.ref,
                "text": row.text,
                "deadline": _iso(row.deadline),
                "days_overdue": row.days_overdue,
            }
            for row in figures.overdue
        ],
    }


def _counts_json(counts: StatusCounts) -> Json:
    """Counts per status, keyed by the status values of /statuses, with the totals."""
    return {
        **{status.value: counts.of(status) for status in TaskStatus},
        "total": counts.total,
        "completed": counts.completed,
        "with_deadline": counts.with_deadline,
    }
