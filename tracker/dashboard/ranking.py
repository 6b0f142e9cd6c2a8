"""The ranking's rows, written in Python rather than by the template: sixty agencies of
fourteen cells each took three quarters of the board's rendering (3.5 of 4.4 ms) as a Jinja
loop. Each status's address is built once for the board, then given each agency's id."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from markupsafe import Markup, escape

from tracker.dashboard.links import FigureLinks, figure_html
from tracker.domain.dashboard import AgencyLine
from tracker.domain.formatting import vn_number
from tracker.domain.status import TaskStatus

AgencyUrl = Callable[[object], str] | None  # an agency's address, escaped for HTML


def ranking_rows(
    lines: Iterable[AgencyLine], links: FigureLinks, statuses: Sequence[TaskStatus]
) -> Markup:
    """A row per agency, in the given order: its place, its name and total linked to its
    tasks, a count per status linked to those tasks (bare where the board's status filter
    excludes it), its on-time rate, its overdue tasks linked, and its average days late."""
    tasks_of = links.html_each("co_quan")
    status_urls = [(s, links.html_each("co_quan", trang_thai=s.value)) for s in statuses]
    overdue_of = links.html_each("co_quan", trang_thai=TaskStatus.OVERDUE.value)
    rows = []
    for place, line in enumerate(lines, start=1):
        agency, counts = line.agency_id, line.counts
        agency_url = _address(tasks_of, agency)
        cells = "".join(_count_cell(counts[s], url_of, agency) for s, url_of in status_urls)
        average = line.average_days_late
        rows.append(
            f'<tr><td class="number">{place}</td>'
            f'<th scope="row"><a href="{agency_url}">{escape(line.name)}</a></th>'
            f'<td class="number"><a href="{agency_url}">{vn_number(line.total)}</a></td>'
            f"{cells}"
            f'<td class="number">{line.on_time_rate.text}</td>'
            f"{_count_cell(counts[TaskStatus.OVERDUE], overdue_of, agency)}"
            f'<td class="number">{"—" if average is None else vn_number(average, 1)}</td></tr>'
        )
    return Markup("".join(rows))  # noqa: S704 - names and addresses escaped, the rest numbers


def _address(html_of: AgencyUrl, agency: int) -> str:
    return html_of(agency) if html_of is not None else ""


def _count_cell(count: int, html_of: AgencyUrl, agency: int) -> str:
    """The count (digits and dots) linked to the agency's tasks it counts, or bare."""
    url = html_of(agency) if html_of is not None else None
    return f'<td class="number">{figure_html(vn_number(count), url)}</td>'
