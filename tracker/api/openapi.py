"""The OpenAPI 3.1 document of the API, built from small schema pieces so that each shape is
written once. The shapes are those of `tracker.api.serialize`; a schemathesis test calls every
operation and checks the answers against this document."""

from __future__ import annotations

from functools import cache

from tracker.api.errors import CODES
from tracker.api.openapi_parts import (
    COUNT,
    DATE,
    DATETIME,
    ID,
    INTEGER,
    STRING,
    URL,
    Schema,
    error_response,
    labelled,
    nullable,
    obj,
    path_id,
    ref,
)
from tracker.api.openapi_writes import created_notice_properties, write_paths, write_schemas
from tracker.api.params import DEFAULT_PER_PAGE, MAX_PER_PAGE
from tracker.domain.status import TaskStatus
from tracker.notices.models import NoticeKind, NoticeState
from tracker.params import MAX_ID, MAX_PAGE
from tracker.reports.models import ReportState
from tracker.tasks.models import Recurrence, TaskState


def _page_of(item: str) -> Schema:
    return obj(
        {
            "items": {"type": "array", "items": ref(item)},
            "page": ID,
            "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
            "total": COUNT,
            "pages": COUNT,
        },
        f"One page of {item} objects; a page past the last one is empty.",
    )


def _counts() -> Schema:
    per_status = {status.value: COUNT for status in TaskStatus}
    return obj(
        {**per_status, "total": COUNT, "completed": COUNT, "with_deadline": COUNT},
        "Tasks (or occurrences) per status, keyed by the status values of /statuses.",
    )


def _task_properties() -> dict[str, Schema]:
    return {
        "id": ID,
        "notice_id": ID,
        "ref": {"type": "string", "description": "The item's number in the notice."},
        "text": STRING,
        "lead_agency": ref("Agency"),
        "deadline": nullable(DATE),
        "deadline_text": nullable(
            {"type": "string", "description": "The notice's words the deadline was read from."}
        ),
        "state": labelled(TaskState),
        "status": ref("Status"),
        "submitted_on": nullable(DATE),
        "completed_on": nullable(DATE),
        "web_url": URL,
    }


def _notice_properties() -> dict[str, Schema]:
    return {
        "id": ID,
        "number": nullable(STRING),
        "kind": labelled(NoticeKind),
        "title": STRING,
        "issued_on": DATE,
        "place": nullable(STRING),
        "signer": nullable(STRING),
        "issuer": nullable(STRING),
        "source_system": nullable(
            {"type": "string", "description": "The system that sent it through the API."}
        ),
        "source_id": nullable({"type": "string", "description": "Its id in that system."}),
        "state": labelled(NoticeState),
        "published_at": nullable(DATETIME),
        "task_count": {**COUNT, "description": "Tasks of the notice the caller may see."},
        "web_url": URL,
    }


def _report_properties() -> dict[str, Schema]:
    return {
        "id": ID,
        "period_key": {"type": "string", "examples": ["2024-Q2", "2024-H1", "2024-08", "2024"]},
        "scope": {"type": "string", "examples": ["all", "notice:12", "agency:stc", "group:x"]},
        "cut_off": DATE,
        "state": {"type": "string", "enum": [state.value for state in ReportState]},
        "created_at": DATETIME,
        "built_at": nullable(DATETIME),
        "web_url": URL,
    }


def _figures() -> Schema:
    overdue_row = obj(
        {
            "agency": STRING,
            "notice": STRING,
            "ref": STRING,
            "text": STRING,
            "deadline": DATE,
            "days_overdue": COUNT,
        }
    )
    return obj(
        {
            "title": STRING,
            "period_label": STRING,
            "start": DATE,
            "end": DATE,
            "scope_label": STRING,
            "totals": ref("Counts"),
            "previous_totals": nullable(ref("Counts")),
            "agencies": {
                "type": "array",
                "items": obj({"agency": STRING, "counts": ref("Counts")}),
            },
            "overdue": {"type": "array", "items": overdue_row},
        },
        "The figures frozen when the report was built.",
    )


def _schemas() -> dict[str, Schema]:
    status_count = obj(
        {
            "value": {"type": "string", "enum": [status.value for status in TaskStatus]},
            "label": STRING,
            "completed": {"type": "boolean"},
            "count": COUNT,
        }
    )
    progress = obj(
        {
            "id": ID,
            "created_at": DATETIME,
            "agency": ref("Agency"),
            "percent": nullable({"type": "integer", "minimum": 0, "maximum": 100}),
            "body": {"type": "string", "description": "Markdown, as the agency wrote it."},
        }
    )
    notice_brief = obj(
        {
            "id": ID,
            "number": nullable(STRING),
            "kind": labelled(NoticeKind),
            "title": STRING,
            "issued_on": DATE,
        }
    )
    return {
        **write_schemas(),
        "Error": obj(
            {
                "status": INTEGER,
                "error": {"type": "string", "enum": sorted(set(CODES.values()))},
                "message": {"type": "string", "description": "In Vietnamese, for people."},
            }
        ),
        "Agency": obj({"id": ID, "code": STRING, "name": STRING, "short_name": nullable(STRING)}),
        "Status": labelled(TaskStatus),
        "Counts": _counts(),
        "Notice": obj(_notice_properties()),
        "NoticeDetail": obj(
            {
                **_notice_properties(),
                "tasks": {"type": "array", "items": ref("Task")},
                "statuses": {"type": "array", "items": status_count},
            }
        ),
        "NoticeCreated": obj({**_notice_properties(), **created_notice_properties()}),
        "NoticePage": _page_of("Notice"),
        "Task": obj(_task_properties()),
        "TaskDetail": obj(
            {
                **_task_properties(),
                "notice": notice_brief,
                "coordinating_agencies": {"type": "array", "items": ref("Agency")},
                "group_label": nullable(STRING),
                "original_deadline": nullable(DATE),
                "recurrence": nullable(labelled(Recurrence)),
                "series_id": nullable(ID),
                "period": nullable(STRING),
                "version": {
                    **ID,
                    "description": "Moves with every change: send it back with a write "
                    "to make sure nobody changed the task in between.",
                },
                "progress_updates": {"type": "array", "items": progress},
            }
        ),
        "TaskPage": _page_of("Task"),
        "Statuses": obj(
            {
                "date": DATE,
                "total": COUNT,
                "items": {"type": "array", "items": status_count},
                "on_time_rate": obj(
                    {
                        "label": STRING,
                        "on_time": COUNT,
                        "base": COUNT,
                        "value": nullable({"type": "number", "minimum": 0, "maximum": 1}),
                    },
                    "The province's on-time rate: completed before or on the deadline, of "
                    "the tasks completed or overdue; null when there are none.",
                ),
            }
        ),
        "Report": obj(_report_properties()),
        "ReportDetail": obj(
            {**_report_properties(), "figures": nullable(_figures())},
        ),
        "ReportPage": _page_of("Report"),
    }


def _query(name: str, schema: Schema, description: str) -> Schema:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


PAGING = [
    _query("page", {**ID, "maximum": MAX_PAGE, "default": 1}, "Page number, from 1."),
    _query(
        "per_page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE},
        "Items per page.",
    ),
]


def _operation(
    summary: str, schema: str, parameters: list[Schema], errors: tuple[int, ...]
) -> Schema:
    """A GET operation answering `schema`, with the errors it may give beyond 400, 401, 403,
    429."""
    descriptions = {404: "No such object, or the token's owner may not see it."}
    responses: dict[str, Schema] = {
        "200": {"description": "OK", "content": {"application/json": {"schema": ref(schema)}}}
    }
    responses["400"] = error_response(
        "A query parameter is unknown or malformed (the message says which)."
    )
    responses["403"] = error_response(
        "The token lacks the scope `read`, or its owner may not read this kind of object."
    )
    for status in errors:
        responses[str(status)] = error_response(descriptions[status])
    responses["401"] = {
        **error_response("The token is missing, unknown or revoked, or its owner is deactivated."),
        "headers": {"WWW-Authenticate": {"schema": STRING}},
    }
    responses["429"] = error_response("Too many requests for this token; try again later.")
    return {"get": {"summary": summary, "parameters": parameters, "responses": responses}}


def _paths() -> dict[str, Schema]:
    task_filters = [
        _query(
            "status",
            {"type": "string", "enum": [status.value for status in TaskStatus]},
            "Status computed from the dates today (see /statuses).",
        ),
        _query("notice_id", {**ID, "maximum": MAX_ID}, "Tasks of this notice."),
        _query("agency_id", {**ID, "maximum": MAX_ID}, "Tasks led by this agency (chủ trì)."),
        _query("due_from", DATE, "Deadline on or after this date."),
        _query("due_to", DATE, "Deadline on or before this date."),
    ]
    reads: dict[str, Schema] = {
        "/notices": _operation(
            "Notices the token's owner may see, the latest first",
            "NoticePage",
            [
                *PAGING,
                _query(
                    "year", {"type": "integer", "minimum": 1945, "maximum": 2100}, "Year issued."
                ),
                _query("kind", {"type": "string", "enum": [k.value for k in NoticeKind]}, "Kind."),
            ],
            (),
        ),
        "/notices/{notice_id}": _operation(
            "A notice with the tasks of it the owner may see",
            "NoticeDetail",
            [path_id("notice_id")],
            (404,),
        ),
        "/tasks": _operation(
            "Tasks the owner may see, the most urgent first",
            "TaskPage",
            [*PAGING, *task_filters],
            (),
        ),
        "/tasks/{task_id}": _operation(
            "A task with its agencies, deadline and progress reports",
            "TaskDetail",
            [path_id("task_id")],
            (404,),
        ),
        "/statuses": _operation(
            "The statuses, with how many of the owner's visible tasks stand in each today",
            "Statuses",
            [],
            (),
        ),
        "/reports": _operation(
            "Stored reports, the latest first (staff and leaders only)",
            "ReportPage",
            PAGING,
            (),
        ),
        "/reports/{report_id}": _operation(
            "A stored report with its figures (staff and leaders only)",
            "ReportDetail",
            [path_id("report_id")],
            (404,),
        ),
        "/openapi.json": {
            "get": {
                "summary": "This document",
                "security": [],
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    }
    writes = write_paths()
    return {path: {**reads.get(path, {}), **writes.get(path, {})} for path in reads | writes}


SCOPES = (
    "A personal token, made by its owner on the page Khóa API with the scopes her role "
    "allows: `read` (every GET), `notices:write` (POST /notices; the secretariat and the "
    "administrators), `tasks:write` (the POSTs on /tasks/{task_id}/…; agency officers and "
    "heads, on their own agency's tasks). A request outside the token's scopes answers 403."
)


@cache
def openapi_document() -> Schema:
    """The whole OpenAPI document (built once: it depends on nothing but the code)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Tracker API",
            "version": "1.0.0",
            "description": (
                "The notices, tasks, statuses and report figures that the owner of the token "
                "may see on the web, with the same rules; and, for tokens given a write scope, "
                "entering notices (the secretariat) and reporting on an agency's own tasks. "
                "Create a token on the page Khóa API (/tai-khoan/khoa-api) and send it as "
                "`Authorization: Bearer <token>`. Every write takes an `Idempotency-Key`. "
                "Dates are ISO 8601; coded values carry their Vietnamese label; error "
                "messages are in Vietnamese."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearerAuth": []}],
        "paths": _paths(),
        "components": {
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "description": SCOPES}
            },
            "schemas": _schemas(),
        },
    }
