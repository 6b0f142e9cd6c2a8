"""Links from a figure to the tasks it counts."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote_plus

from flask import g, url_for
from markupsafe import Markup, escape

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
    query = "&".join(_pair(key, value) for key, value in filters.with_args(**changes).items())
    return f"{_list_path()}?{query}" if query else _list_path()


@lru_cache(maxsize=4096)
def _pair(key: str, value: str) -> str:
    """One `key=value` of a query string, encoded once: the same few recur in every link."""
    return f"{quote_plus(key)}={quote_plus(value)}"


def _list_path() -> str:
    """The list's address, built once per request: a dashboard holds some 700 links, and
    building each through the URL map took a third of the page's time."""
    if "task_list_path" not in g:
        g.task_list_path = url_for("tasks.task_list")
    return str(g.task_list_path)


def figure_link(number: str, url: str | None, **attributes: str) -> Markup:
    """A figure linked to the tasks it counts (`task_list_url`), or the bare figure when
    there is nothing to show (no url); `data_figure="x"` becomes `data-figure="x"`. Written
    here rather than as a template macro: a board holds some 450 figures, and a Jinja macro
    call took ten times as long as this."""
    attrs = "".join(
        f' {name.replace("_", "-")}="{escape(value)}"' for name, value in attributes.items()
    )
    if url is None:
        return Markup(f"<span{attrs}>{escape(number)}</span>")  # noqa: S704 - escaped
    return Markup(f'<a href="{escape(url)}"{attrs}>{escape(number)}</a>')  # noqa: S704 - escaped
