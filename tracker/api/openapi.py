"""The OpenAPI 3.1 document of the API, built from small schema pieces so that each shape is
written once. The shapes are those of `tracker.api.serialize`; a schemathesis test calls every
operation and checks the answers against this document."""

from __future__ import annotations

from functools import cache
from typing import Any

from tracker.api.errors import CODES
from tracker.api.params import DEFAULT_PER_PAGE, MAX_PER_PAGE
from tracker.domain.labels import LabelledEnum
from tracker.domain.status import TaskStatus
from tracker.notices.models import NoticeKind, NoticeState
from tracker.params import MAX_ID, MAX_PAGE
from tracker.reports.models import ReportState
from tracker.tasks.models import Recurrence, TaskState

Schema = dict[str, Any]


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: Schema) -> Schema:
    return {"oneOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, Schema], description: str = "") -> Schema:
    """An object with exactly these properties, all present (null where a value may lack)."""
    schema: Schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def _labelled(enum: type[LabelledEnum]) -> Schema:
    listed = "; ".join(f"`{member.value}`: {member.label}" for member in enum)
    return _object(
        {"value": {"type": "string", "enum": [m.value for m in enum]}, "label": STRING},
        f"A coded value with its Vietnamese label ({listed}).",
    )


STRING: Schema = {"type": "string"}
INTEGER: Schema = {"type": "integer"}
COUNT: Schema = {"type": "integer", "minimum": 0}
ID: Schema = {"type": "integer", "minimum": 1}
DATE: Schema = {"type": "string", "format": "date"}
DATETIME: Schema = {"type": "string", "format": "date-time"}
URL: Schema = {"type": "string", "format": "uri", "description": "The same object on the web."}


def _page_of(item: str) -> Schema:
    return _object(
        {
            "items": {"type": "array", "items": _ref(item)},
            "page": ID,
            "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
            "total": COUNT,
            "pages": COUNT,
        },
        f"One page of {item} objects; a page past the last one is empty.",
    )


def _counts() -> Schema:
    per_status = {status.value: COUNT for status in TaskStatus}
    return _object(
        {**per_status, "total": COUNT, "completed": COUNT, "with_deadline": COUNT},
        "Tasks (or occurrences) per status, keyed by the status values of /statuses.",
    )


def _task_properties() -> dict[str, Schema]:
    return {
        "id": ID,
        "notice_id": ID,
        "ref": {"type": "string", "description": "The item's number in the notice."},
        "text": STRING,
        "lead_agency": _ref("Agency"),
        "deadline": _nullable(DATE),
        "deadline_text": _nullable(
            {"type": "string", "description": "The notice's words the deadline was read from."}
        ),
        "state": _labelled(TaskState),
        "status": _ref("Status"),
        "submitted_on": _nullable(DATE),
        "completed_on": _nullable(DATE),
        "web_url": URL,
    }


def _notice_properties() -> dict[str, Schema]:
    return {
        "id": ID,
        "number": _nullable(STRING),
        "kind": _labelled(NoticeKind),
        "title": STRING,
        "issued_on": DATE,
        "place": _nullable(STRING),
        "signer": _nullable(STRING),
        "state": _labelled(NoticeState),
        "published_at": _nullable(DATETIME),
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
        "built_at": _nullable(DATETIME),
        "web_url": URL,
    }


def _figures() -> Schema:
    overdue_row = _object(
        {
            "agency": STRING,
            "notice": STRING,
            "ref": STRING,
            "text": STRING,
            "deadline": DATE,
            "days_overdue": COUNT,
        }
    )
    return _object(
        {
            "title": STRING,
            "period_label": STRING,
            "start": DATE,
            "end": DATE,
            "scope_label": STRING,
            "totals": _ref("Counts"),
            "previous_totals": _nullable(_ref("Counts")),
            "agencies": {
                "type": "array",
                "items": _object({"agency": STRING, "counts": _ref("Counts")}),
            },
            "overdue": {"type": "array", "items": overdue_row},
        },
        "The figures frozen when the report was built.",
    )


def _schemas() -> dict[str, Schema]:
    status_count = _object(
        {
            "value": {"type": "string", "enum": [status.value for status in TaskStatus]},
            "label": STRING,
            "completed": {"type": "boolean"},
            "count": COUNT,
        }
    )
    progress = _object(
        {
            "id": ID,
            "created_at": DATETIME,
            "agency": _ref("Agency"),
            "percent": _nullable({"type": "integer", "minimum": 0, "maximum": 100}),
            "body": {"type": "string", "description": "Markdown, as the agency wrote it."},
        }
    )
    notice_brief = _object(
        {
            "id": ID,
            "number": _nullable(STRING),
            "kind": _labelled(NoticeKind),
            "title": STRING,
            "issued_on": DATE,
        }
    )
    return {
        "Error": _object(
            {
                "status": INTEGER,
                "error": {"type": "string", "enum": sorted(set(CODES.values()))},
                "message": {"type": "string", "description": "In Vietnamese, for people."},
            }
        ),
        "Agency": _object(
            {"id": ID, "code": STRING, "name": STRING, "short_name": _nullable(STRING)}
        ),
        "Status": _labelled(TaskStatus),
        "Counts": _counts(),
        "Notice": _object(_notice_properties()),
        "NoticeDetail": _object(
            {
                **_notice_properties(),
                "tasks": {"type": "array", "items": _ref("Task")},
                "statuses": {"type": "array", "items": status_count},
            }
        ),
        "NoticePage": _page_of("Notice"),
        "Task": _object(_task_properties()),
        "TaskDetail": _object(
            {
                **_task_properties(),
                "notice": notice_brief,
                "coordinating_agencies": {"type": "array", "items": _ref("Agency")},
                "group_label": _nullable(STRING),
                "original_deadline": _nullable(DATE),
                "recurrence": _nullable(_labelled(Recurrence)),
                "series_id": _nullable(ID),
                "period": _nullable(STRING),
                "progress_updates": {"type": "array", "items": progress},
            }
        ),
        "TaskPage": _page_of("Task"),
        "Statuses": _object(
            {
                "date": DATE,
                "total": COUNT,
                "items": {"type": "array", "items": status_count},
                "on_time_rate": _object(
                    {
                        "label": STRING,
                        "on_time": COUNT,
                        "base": COUNT,
                        "value": _nullable({"type": "number", "minimum": 0, "maximum": 1}),
                    },
                    "The province's on-time rate: completed before or on the deadline, of "
                    "the tasks completed or overdue; null when there are none.",
                ),
            }
        ),
        "Report": _object(_report_properties()),
        "ReportDetail": _object(
            {**_report_properties(), "figures": _nullable(_figures())},
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


def _path_id(name: str) -> Schema:
    return {"name": name, "in": "path", "required": True, "schema": {**ID, "maximum": MAX_ID}}


PAGING = [
    _query("page", {**ID, "maximum": MAX_PAGE, "default": 1}, "Page number, from 1."),
    _query(
        "per_page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE},
        "Items per page.",
    ),
]


def _error(description: str) -> Schema:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _operation(
    summary: str, schema: str, parameters: list[Schema], errors: tuple[int, ...]
) -> Schema:
    """A GET operation answering `schema`, with the errors it may give beyond 400, 401, 429."""
    descriptions = {
        403: "The token's owner may not read this kind of object.",
        404: "No such object, or the token's owner may not see it.",
    }
    responses: dict[str, Schema] = {
        "200": {"description": "OK", "content": {"application/json": {"schema": _ref(schema)}}}
    }
    responses["400"] = _error("A query parameter is unknown or malformed (the message says which).")
    for status in errors:
        responses[str(status)] = _error(descriptions[status])
    responses["401"] = {
        **_error("The token is missing, unknown or revoked, or its owner is deactivated."),
        "headers": {"WWW-Authenticate": {"schema": STRING}},
    }
    responses["429"] = _error("Too many requests for this token; try again later.")
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
    return {
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
            [_path_id("notice_id")],
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
            [_path_id("task_id")],
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
            (403,),
        ),
        "/reports/{report_id}": _operation(
            "A stored report with its figures (staff and leaders only)",
            "ReportDetail",
            [_path_id("report_id")],
            (403, 404),
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


@cache
def openapi_document() -> Schema:
    """The whole OpenAPI document (built once: it depends on nothing but the code)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Tracker API",
            "version": "1.0.0",
            "description": (
                "Read-only access to the notices, tasks, statuses and report figures that the "
                "owner of the token may see on the web, with the same rules. Create a token on "
                "the page Khóa API (/tai-khoan/khoa-api) and send it as `Authorization: Bearer "
                "<token>`. Dates are ISO 8601; coded values carry their Vietnamese label; error "
                "messages are in Vietnamese."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearerAuth": []}],
        "paths": _paths(),
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
            "schemas": _schemas(),
        },
    }
