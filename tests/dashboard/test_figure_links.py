"""The dashboard's links from a figure to the tasks it counts, built without a request."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from markupsafe import escape

from tracker.dashboard.links import FigureLinks
from tracker.dashboard.ranking import ranking_rows
from tracker.domain.dashboard import AgencyLine
from tracker.domain.status import TaskStatus
from tracker.tasks.filters import TaskFilters

LIST = "/nhiem-vu/"


def query(url: str | None) -> dict[str, list[str]]:
    assert url is not None
    parts = urlsplit(url)
    assert parts.path == LIST
    return parse_qs(parts.query)


def test_a_figure_keeps_the_boards_filters_and_adds_its_own() -> None:
    links = FigureLinks(TaskFilters.from_args({"ky": "2017-Q3", "loai": "thong_bao"}), LIST)
    assert query(links.url(co_quan=7, trang_thai="qua_han")) == {
        "ky": ["2017-Q3"],
        "loai": ["thong_bao"],
        "co_quan": ["7"],
        "trang_thai": ["qua_han"],
    }
    assert links.url(co_quan=None) == links.url()


def test_without_filters_the_bare_list() -> None:
    links = FigureLinks(TaskFilters.from_args({}), LIST)
    assert links.url() == LIST
    assert links.url(canh_bao="qua_han_30") == f"{LIST}?canh_bao=qua_han_30"


def test_a_status_the_filter_excludes_links_nowhere() -> None:
    links = FigureLinks(TaskFilters.from_args({"trang_thai": "qua_han"}), LIST)
    assert links.url(trang_thai=TaskStatus.EARLY.value) is None
    assert query(links.url(trang_thai="qua_han"))["trang_thai"] == ["qua_han"]
    completed = FigureLinks(TaskFilters.from_args({"trang_thai": "hoan_thanh"}), LIST)
    assert query(completed.url(trang_thai="dung_han"))["trang_thai"] == ["dung_han"]


def test_html_each_puts_each_value_where_url_would_escaped() -> None:
    for args in (
        {},
        {"trang_thai": "qua_han", "ky": "2017-Q3"},
        {"co_quan": "5", "loai": "thong_bao"},
    ):
        links = FigureLinks(TaskFilters.from_args(args), LIST)
        for changes in ({}, {"trang_thai": "qua_han"}, {"trang_thai": "dung_han"}):
            html_of = links.html_each("co_quan", **changes)
            if links.url(co_quan=1, **changes) is None:
                assert html_of is None
                continue
            assert html_of is not None
            for agency in (1, 42, 1234):
                assert html_of(agency) == escape(links.url(co_quan=agency, **changes))


def test_ranking_rows_link_each_count_or_show_it_bare() -> None:
    links = FigureLinks(TaskFilters.from_args({"trang_thai": "qua_han"}), LIST)
    line = AgencyLine(3, "Sở <Tài chính>", days_late=30)
    line.counts[TaskStatus.OVERDUE] = 1234
    line.counts[TaskStatus.EARLY] = 0
    rows = ranking_rows([line], links, [TaskStatus.OVERDUE, TaskStatus.EARLY])
    overdue = '<a href="/nhiem-vu/?trang_thai=qua_han&amp;co_quan=3">1.234</a>'
    assert rows == (
        '<tr><td class="number">1</td>'
        '<th scope="row"><a href="/nhiem-vu/?trang_thai=qua_han&amp;co_quan=3">'
        "Sở &lt;Tài chính&gt;</a></th>"
        '<td class="number"><a href="/nhiem-vu/?trang_thai=qua_han&amp;co_quan=3">1.234</a></td>'
        f'<td class="number">{overdue}</td><td class="number"><span>0</span></td>'
        '<td class="number">0,00%</td>'
        f'<td class="number">{overdue}</td><td class="number">0,0</td></tr>'
    )
