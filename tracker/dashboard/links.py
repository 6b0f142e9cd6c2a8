"""Links from a figure to the tasks it counts."""

from __future__ import annotations

from typing import Any

from flask import url_for

from tracker.tasks.filters import TaskFilters


def task_list_url(filters: TaskFilters, **changes: object) -> str | None:
    """The task list showing exactly the tasks a figure counts: the dashboard's filters with
    the figure's own (a status, an agency, a period) put in. None when the figure's status
    and the filtered one exclude each other: the figure is then 0, with nothing to show."""
    if "trang_thai" in changes:
        status = filters.status_within(str(changes["trang_thai"]))
        if status is None:
            return None
        changes["trang_thai"] = status
    args: dict[str, Any] = dict(filters.with_args(**changes))
    return url_for("tasks.task_list", **args)
