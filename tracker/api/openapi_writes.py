"""The writes in the OpenAPI document: the bodies they take (with the limits the API checks,
so that a body the document allows is never refused as malformed), the Idempotency-Key header,
the scope each needs and every answer they give."""

from __future__ import annotations

from tracker.api.errors import CODES
from tracker.api.idempotency import KEY_HEADER, KEY_PATTERN, MAX_KEY_LENGTH, REPLAYED_HEADER
from tracker.api.notice_writes import (
    ISSUER_LENGTH,
    NUMBER_LENGTH,
    SOURCE_ID_LENGTH,
    SOURCE_SYSTEM_LENGTH,
)
from tracker.api.openapi_parts import (
    COUNT,
    DATE,
    ID,
    INTEGER,
    STRING,
    Schema,
    error_response,
    nullable,
    obj,
    path_id,
    ref,
)
from tracker.api.scopes import Scope
from tracker.params import MAX_ID
from tracker.tasks.forms import (
    CITATION_ISSUER_LENGTH,
    CITATION_KINDS,
    CITATION_NUMBER_LENGTH,
    PROGRESS_BODY_LENGTH,
)

VERSION: Schema = {
    **ID,
    "maximum": MAX_ID,
    "description": "The task's `version` as last read; if the task changed since, 409 and "
    "nothing is saved. Leave it out to act on the task as it is now.",
}
FILE: Schema = {"type": "string", "format": "binary"}


def _text(max_length: int, description: str) -> Schema:
    """A string with a visible character and no NUL (which no database column takes)."""
    return {
        "type": "string",
        "minLength": 1,
        "maxLength": max_length,
        "pattern": "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$",
        "description": description,
    }


def created_notice_properties() -> dict[str, Schema]:
    """What the answer to POST /notices adds to a notice."""
    problems = {"type": "array", "items": STRING}
    return {
        "proposed_task_count": {**COUNT, "description": "Tasks the parser read in the text."},
        "parser_problems": {
            **problems,
            "description": "What the parser could not read, in Vietnamese (a number or date "
            "stated in the request overrides the text's).",
        },
        "publication_problems": {
            **problems,
            "description": "What stops the draft from being published, in Vietnamese; empty "
            "once published.",
        },
        "review_url": nullable(
            {
                "type": "string",
                "format": "uri",
                "description": "Where the secretariat reviews the draft; null once published.",
            }
        ),
    }


def write_schemas() -> dict[str, Schema]:
    return {
        "NoticeConflict": obj(
            {
                "status": INTEGER,
                "error": {"type": "string", "enum": [CODES[409]]},
                "message": STRING,
                "notice_id": {**ID, "description": "The notice entered before."},
                "web_url": {"type": "string", "format": "uri"},
            },
            "The notice was entered before: the same document of the same system, or the "
            "same number in the same year.",
        ),
    }


def idempotency_header() -> Schema:
    return {
        "name": KEY_HEADER,
        "in": "header",
        "required": False,
        "schema": {
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_KEY_LENGTH,
            "pattern": KEY_PATTERN,
        },
        "description": "A key of your choosing, unique to this request (a UUID, say). Sent "
        "again with the same request within 24 hours, it gives the first answer again "
        f"(marked `{REPLAYED_HEADER}: true`) and nothing is done twice; with another request, "
        "422. Answers with status 429 or 5xx are not kept: send those again.",
    }


def _json_body(properties: dict[str, Schema], required: list[str], needed: bool) -> Schema:
    return {
        "required": needed,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": properties,
                    "required": required,
                    "additionalProperties": False,
                }
            }
        },
    }


def _multipart_body(properties: dict[str, Schema], required: list[str]) -> Schema:
    return {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": properties,
                    "required": required,
                    "additionalProperties": False,
                }
            }
        },
    }


def _write(
    summary: str,
    description: str,
    scope: Scope,
    body: Schema,
    success: tuple[int, str],
    conflict: Schema,
    parameters: list[Schema],
) -> Schema:
    status, schema = success
    replayed = {REPLAYED_HEADER: {"schema": {"type": "string", "enum": ["true"]}}}
    responses: dict[str, Schema] = {
        str(status): {
            "description": "Done" if status == 200 else "Created",
            "headers": replayed,
            "content": {"application/json": {"schema": ref(schema)}},
        },
        "400": error_response("The body, a field or the Idempotency-Key is malformed."),
        "401": {
            **error_response(
                "The token is missing, unknown or revoked, or its owner is deactivated."
            ),
            "headers": {"WWW-Authenticate": {"schema": STRING}},
        },
        "403": error_response(
            f"The token lacks the scope `{scope.value}` (or its owner's role no longer "
            "allows it), or the owner may not take this action on this object."
        ),
        "409": {
            "description": "In conflict with what is stored (the message says how).",
            "content": {"application/json": {"schema": conflict}},
        },
        "413": error_response("The request is larger than the server takes."),
        "422": error_response(
            "Well formed but refused: the workflow, the file, or an Idempotency-Key sent "
            "before with another request (the Vietnamese message says why)."
        ),
        "429": error_response("Too many requests, or too many writes, for this token."),
    }
    if parameters:
        responses["404"] = error_response("No such task, or the token's owner may not see it.")
    return {
        "post": {
            "summary": summary,
            "description": f"Needs the scope `{scope.value}`. {description}",
            "parameters": [*parameters, idempotency_header()],
            "requestBody": body,
            "responses": responses,
        }
    }


def _task_write(summary: str, description: str, body: Schema) -> Schema:
    return _write(
        summary,
        description,
        Scope.TASKS_WRITE,
        body,
        (200, "TaskDetail"),
        ref("Error"),
        [path_id("task_id")],
    )


def write_paths() -> dict[str, Schema]:
    """The write operations, by path (POST /notices joins the GET of /notices)."""
    version = {"version": VERSION}
    return {
        "/notices": _write(
            "Enter a notice sent by a document management system",
            "Reads the file as the page Nhập văn bản mới does (.docx, .pdf, .txt or .md) into "
            "a draft with the proposed tasks; the number, date and issuer given win over what "
            "the text says. With `publish=true` the draft is published at once if nothing "
            "stops it (else it stays a draft and `publication_problems` says why). The same "
            "`source_system` and `source_id` sent again answer 409 with the notice entered "
            "the first time.",
            Scope.NOTICES_WRITE,
            _multipart_body(
                {
                    "file": {**FILE, "description": "The notice: .docx, .pdf, .txt or .md."},
                    "number": _text(NUMBER_LENGTH, "Số, ký hiệu, e.g. 123/TB-UBND."),
                    "issued_on": {**DATE, "description": "Date issued."},
                    "issuer": _text(ISSUER_LENGTH, "The issuing body, e.g. UBND tỉnh Đắk Nông."),
                    "source_system": _text(SOURCE_SYSTEM_LENGTH, "e.g. VNPT iOffice."),
                    "source_id": _text(SOURCE_ID_LENGTH, "The document's id in that system."),
                    "publish": {"type": "boolean", "default": False},
                },
                ["file", "source_system", "source_id"],
            ),
            (201, "NoticeCreated"),
            {"oneOf": [ref("NoticeConflict"), ref("Error")]},
            [],
        ),
        "/tasks/{task_id}/progress": _task_write(
            "Report progress on a task (a coordinating agency's report is its contribution)",
            "",
            _json_body(
                {
                    "body": _text(PROGRESS_BODY_LENGTH, "The report, in Markdown."),
                    "percent": {"type": "integer", "minimum": 0, "maximum": 100},
                    **version,
                },
                ["body"],
                needed=True,
            ),
        ),
        "/tasks/{task_id}/evidence": _task_write(
            "Attach a file of evidence to a task",
            "The file is checked as on the page (PDF, DOC, DOCX, XLS, XLSX, ODT, JPG, PNG; the "
            "size limit); the same file twice is refused (422).",
            _multipart_body(
                {"file": FILE, **version},
                ["file"],
            ),
        ),
        "/tasks/{task_id}/citations": _task_write(
            "Cite the document that did the work (Quyết định số … ngày …)",
            "The date may not be after today (422).",
            _json_body(
                {
                    "kind": {"type": "string", "enum": list(CITATION_KINDS)},
                    "number": _text(CITATION_NUMBER_LENGTH, "Số, ký hiệu of the document."),
                    "signed_on": DATE,
                    "issuer": _text(CITATION_ISSUER_LENGTH, "The issuing body."),
                    **version,
                },
                ["kind", "number", "signed_on"],
                needed=True,
            ),
        ),
        "/tasks/{task_id}/hand-in": _task_write(
            "Report the task done (it then waits for the secretariat's acceptance)",
            "The task needs evidence first (422 without).",
            _json_body(version, [], needed=False),
        ),
    }
