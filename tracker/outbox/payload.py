"""The shape of what a provider is sent, as configuration: a JSON template whose strings
carry "{name}" placeholders."""

from __future__ import annotations

from typing import Any


def fill(template: Any, values: dict[str, str]) -> Any:
    """A JSON template with "{name}" placeholders in its strings, filled with the values:
    the shape an SMS gateway or a Zalo template asks for is configuration, not code."""
    if isinstance(template, str):
        for name, value in values.items():
            template = template.replace("{" + name + "}", value)
        return template
    if isinstance(template, list):
        return [fill(item, values) for item in template]
    if isinstance(template, dict):
        return {key: fill(item, values) for key, item in template.items()}
    return template
