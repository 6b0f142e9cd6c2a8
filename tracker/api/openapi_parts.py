"""The pieces the OpenAPI document is built of, shared by the reads and the writes."""

from __future__ import annotations

from typing import Any

from tracker.domain.labels import LabelledEnum
from tracker.params import MAX_ID

Schema = dict[str, Any]


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: Schema) -> Schema:
    return {"oneOf": [schema, {"type": "null"}]}


def obj(properties: dict[str, Schema], description: str = "") -> Schema:
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


def labelled(enum: type[LabelledEnum]) -> Schema:
    listed = "; ".join(f"`{member.value}`: {member.label}" for member in enum)
    return obj(
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


def path_id(name: str) -> Schema:
    return {"name": name, "in": "path", "required": True, "schema": {**ID, "maximum": MAX_ID}}


def error_response(description: str) -> Schema:
    return {"description": description, "content": {"application/json": {"schema": ref("Error")}}}
