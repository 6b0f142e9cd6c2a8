"""Links from a figure to the tasks it counts."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from urllib.parse import quote_plus

from markupsafe import Markup, escape

from tracker.tasks.filters import TaskFilters

_MARK = "\x00"  # stands for the value of `FigureLinks.html_each`'s key while it is built


class FigureLinks:
    """The task list showing exactly the tasks a figure counts: a board's filters with the
    figure's own (a status, an agency, a period) put in. Made once per board, which holds
    some 700 links: the filters' part of each address is encoded once, here."""

    def __init__(self, filters: TaskFilters, list_path: str) -> None:
        self._filters = filters
        self._path = list_path
        self._pairs = {key: _pair(key, value) for key, value in filters.as_args().items()}

    def url(self, **changes: object) -> str | None:
        """The list's address; None when the figure's status and the filtered one exclude
        each other: the figure is then 0, with nothing to show."""
        pairs = dict(self._pairs)
        for key, value in changes.items():
            if value is None:
                continue
            text = str(value)
            if key == "trang_thai":
                within = self._filters.status_within(text)
                if within is None:
                    return None
                text = within
            pairs[key] = _pair(key, text)
        return f"{self._path}?{'&'.join(pairs.values())}" if pairs else self._path

    def html_each(self, key: str, **changes: object) -> Callable[[object], str] | None:
        """`url(**{key: value}, **changes)` escaped for HTML, for many values of one key
        (each agency's id, in the ranking): the rest of the address is built and escaped
        once. None where `url` gives None."""
        url = self.url(**{key: _MARK}, **changes)
        if url is None:
            return None
        # the marked pair is found whole: a value is encoded, so no other pair holds "=%00";
        # an encoded pair holds nothing HTML would read as markup
        before, _, after = (str(escape(part)) for part in url.partition(_pair(key, _MARK)))
        return lambda value: f"{before}{_pair(key, str(value))}{after}"


@lru_cache(maxsize=4096)
def _pair(key: str, value: str) -> str:
    """One `key=value` of a query string, encoded once: the same few recur in every link."""
    return f"{quote_plus(key)}={quote_plus(value)}"


def figure_link(number: str, url: str | None, **attributes: str) -> Markup:
    """A figure linked to the tasks it counts (`FigureLinks.url`), or the bare figure when
    there is nothing to show (no url); `data_figure="x"` becomes `data-figure="x"`. Written
    here rather than as a template macro: a board holds some 450 figures, and a Jinja macro
    call took ten times as long as this."""
    attrs = "".join(
        f' {name.replace("_", "-")}="{escape(value)}"' for name, value in attributes.items()
    )
    address = None if url is None else escape(url)
    return Markup(figure_html(escape(number), address, attrs))  # noqa: S704 - escaped


def figure_html(number: str, url: str | None, attrs: str = "") -> str:
    """`figure_link`'s markup of a number and an address the caller has escaped (the
    ranking's 540 counts, written without a Markup each)."""
    if url is None:
        return f"<span{attrs}>{number}</span>"
    return f'<a href="{url}"{attrs}>{number}</a>'
