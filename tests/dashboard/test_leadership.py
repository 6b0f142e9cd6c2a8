"""The leadership dashboard: every figure links to exactly the tasks it counts."""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from collections.abc import Callable, Iterator
from datetime import timedelta
from io import BytesIO
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_login import current_user, login_user
from openpyxl import load_workbook
from sqlalchemy import select, text

from tests.factories import make_task
from tests.support.spreadsheets import (
    FORMULA_STARTS,
    formula_starts_kept_as_text,
    give_formula_names,
)
from tests.support.statements import statements_sent
from tracker.access import visible_tasks
from tracker.agencies.models import AgencyGroup
from tracker.auth.models import User
from tracker.clock import today
from tracker.dashboard import figures
from tracker.dashboard.explanations import latest_explanations
from tracker.dashboard.leadership import EXPLANATIONS_SHOWN
from tracker.db import utcnow
from tracker.domain.formatting import vn_date, vn_number
from tracker.domain.status import TaskStatus
from tracker.extensions import db
from tracker.figures.upkeep import counts_for
from tracker.notices.models import Notice, NoticeState
from tracker.tasks.models import ExplanationRequest, Task

Login = Callable[[str], FlaskClient]
NUMBER_LINK = re.compile(r'<a href="(/nhiem-vu/\?[^"]*)"[^>]*>\s*(?:<span[^>]*>)?([\d.]+)<')
SEGMENT = re.compile(r'<a href="(/nhiem-vu/\?[^"]*)"><rect [^>]*><title>[^<]*: (\d+)</title>')


@pytest.fixture
def leader(app: Flask, login: Login, monkeypatch: pytest.MonkeyPatch) -> FlaskClient:
    monkeypatch.setitem(app.config, "PAGE_SIZE", 10_000)  # one page holds every task
    return login("lanhdao")


def listed(client: FlaskClient, url: str) -> int:
    page = client.get(html.unescape(url)).get_data(as_text=True)
    return len(set(re.findall(r'href="/nhiem-vu/(\d+)"', page)))


def figure_links(page: str) -> Iterator[tuple[str, int]]:
    for pattern in (NUMBER_LINK, SEGMENT):
        for url, number in pattern.findall(page):
            yield url, int(number.replace(".", ""))


@pytest.mark.parametrize(
    ("query", "at_least"),
    [("", 60), ("?ky={year}&theo=thang", 30), ("?loai=thong_bao&trang_thai=qua_han", 8)],
)
def test_every_number_is_the_count_of_the_list_it_opens(
    leader: FlaskClient, query: str, at_least: int
) -> None:
    page = leader.get(f"/tong-quan{query.format(year=today().year)}").get_data(as_text=True)
    links = dict(figure_links(page))
    assert len(links) >= at_least, "counts, ladder, charts and ranking link to their tasks"
    assert any(count > 0 for count in links.values())
    for url, count in links.items():
        assert listed(leader, url) == count, url


def test_a_group_filter_counts_only_its_members(leader: FlaskClient) -> None:
    group = db.session.scalars(select(AgencyGroup)).first()
    assert group is not None
    everything = leader.get("/tong-quan").get_data(as_text=True)
    grouped = leader.get(f"/tong-quan?nhom={group.id}").get_data(as_text=True)
    total = re.compile(r'data-figure="total">([\d.]+)<')
    assert int(total.findall(grouped)[0]) <= int(total.findall(everything)[0])
    for url, count in figure_links(grouped):
        assert f"nhom={group.id}" in url
        assert listed(leader, url) == count


def test_the_overdue_list_is_oldest_first_with_days_overdue(leader: FlaskClient) -> None:
    page = leader.get("/tong-quan").get_data(as_text=True)
    section = page.split('id="h-overdue"')[1].split("</table>")[0]
    days = [int(d.replace(".", "")) for d in re.findall(r'class="number">([\d.]+) ngày', section)]
    assert days, "the demo province has overdue tasks"
    assert days == sorted(days, reverse=True)


def test_the_figures_take_a_handful_of_queries(app: Flask, leader: FlaskClient) -> None:
    counts_for(db.session(), today(), app.config["DUE_SOON_DAYS"])  # as the midnight job does
    with statements_sent() as statements:
        assert leader.get("/tong-quan").status_code == 200
    # 10 for the figures (the day the kept counts stand for among them; the latest
    # explanations with their tasks in one), and three every page reads once: the signed-in
    # user, the demo banner with the unread messages, and what waits for the leader (the
    # menu's counts); the tests' savepoints aside.
    queries = [s for s in statements if not s.startswith(("SAVEPOINT", "RELEASE"))]
    assert len(queries) <= 13, "\n".join(s[:90] for s in queries)


def test_the_ends_of_a_period_of_days_are_counted_by_statements_built_once(
    leader: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A period that is not whole months has its days at both ends counted from the tasks;
    the statements that count them are built once per process, not on every uncached view
    (building one took longer than PostgreSQL takes to run it)."""
    builds: list[object] = []
    build = figures._by_agency

    def counting(*args: Any, **kwargs: Any) -> Any:
        builds.append(args)
        return build(*args, **kwargs)

    monkeypatch.setattr(figures, "_by_agency", counting)
    monkeypatch.setattr("tracker.statements._built", OrderedDict())  # none from earlier tests
    this_month = today().replace(day=1)
    start = (this_month - timedelta(days=40)).replace(day=10)
    end = (this_month + timedelta(days=40)).replace(day=20)
    url = f"/tong-quan?ky={start.isoformat()}..{end.isoformat()}"
    assert leader.get(url).status_code == 200
    first_view = len(builds)
    assert leader.get(url).status_code == 200
    assert first_view == 2  # the days from the 10th, and those up to the 20th
    assert len(builds) == first_view


def test_average_days_late_counts_late_and_overdue_tasks(leader: FlaskClient) -> None:
    """Worked out here task by task from the same tasks the grouped query sums up."""
    days: dict[str, list[int]] = {}
    for task in db.session.scalars(
        select(Task)
        .join(Task.notice)
        .where(
            Notice.state == NoticeState.PUBLISHED,
            Task.recurrence.is_(None),
            Task.cancelled_on.is_(None),
        )
    ):
        finished = task.completed_on or today()
        paused = task.completed_on is None and task.status(today()) is not TaskStatus.OVERDUE
        if task.deadline is not None and finished > task.deadline and not paused:
            days.setdefault(task.lead_agency.name, []).append((finished - task.deadline).days)
    page = leader.get("/tong-quan").get_data(as_text=True)
    rows = re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a>.*?([\d.,—]+)</td>\s*</tr>', page, re.S)
    shown = {html.unescape(name): value for name, value in rows}
    assert days, "the demo province has late and overdue tasks"
    for name, late in days.items():
        assert shown[name] == vn_number(sum(late) / len(late), 1), name


def test_the_view_exports_to_a_workbook(leader: FlaskClient) -> None:
    page = leader.get("/tong-quan?xep_theo=qua_han").get_data(as_text=True)
    response = leader.get("/tong-quan.xlsx?xep_theo=qua_han")
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.data))
    assert book.sheetnames == ["Tổng hợp", "Quá hạn", "Xếp hạng cơ quan"]
    summary = [row for row in book["Tổng hợp"].iter_rows(values_only=True) if row[1] == "Tổng số"]
    total = int(re.findall(r'data-figure="total">([\d.]+)<', page)[0].replace(".", ""))
    assert summary[0][2] == total
    overdue_rows = [r for r in book["Quá hạn"].iter_rows(values_only=True) if isinstance(r[0], int)]
    overdue = int(re.findall(r'data-status="qua_han">([\d.]+)<', page)[0].replace(".", ""))
    assert len(overdue_rows) == overdue
    ranking = [
        r for r in book["Xếp hạng cơ quan"].iter_rows(values_only=True) if isinstance(r[0], int)
    ]
    first_in_page = re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a>', page)[0]
    assert ranking[0][1] == html.unescape(first_in_page)


def test_agencies_do_not_get_the_dashboard(login: Login) -> None:
    client = login("snv")
    assert client.get("/tong-quan").status_code == 403
    assert client.get("/tong-quan.xlsx").status_code == 403


def test_the_secretariat_opens_it_too(login: Login) -> None:
    assert login("vanphong").get("/tong-quan").status_code == 200


def test_a_drilled_down_list_says_what_it_shows_and_keeps_it(leader: FlaskClient) -> None:
    from tests.factories import agency

    home_affairs = agency("snv")
    page = leader.get(f"/nhiem-vu/?co_quan={home_affairs.id}&canh_bao=qua_han_30").get_data(
        as_text=True
    )
    assert "Cơ quan: Sở Nội vụ · Cảnh báo: quá hạn trên 30 ngày" in page
    assert f'<option value="{home_affairs.id}" selected>Sở Nội vụ</option>' in page
    assert '<input type="hidden" name="canh_bao" value="qua_han_30">' in page


def test_names_and_texts_that_open_like_formulas_stay_text(leader: FlaskClient) -> None:
    give_formula_names(db.session())
    response = leader.get("/tong-quan.xlsx?xep_theo=qua_han")
    assert response.status_code == 200
    assert formula_starts_kept_as_text(response.data) == set(FORMULA_STARTS)


@pytest.mark.parametrize("period", ["2017-Q3", "2026-09-10..2026-11-20"])
def test_a_period_the_form_does_not_offer_is_shown_chosen(leader: FlaskClient, period: str) -> None:
    """A period older than the form's recent ones, or of days, reached by a link, is shown
    chosen rather than "Tất cả", so the figures never look unfiltered."""
    page = leader.get(f"/tong-quan?ky={period}").get_data(as_text=True)
    chosen = re.findall(r'<option value="([^"]*)" selected>', page)
    assert period in chosen
    plain = leader.get("/tong-quan").get_data(as_text=True)
    assert f'<option value="{period}"' not in plain


def test_the_latest_explanations_are_read_newest_first_from_their_index(
    app: Flask, user: Callable[[str], User]
) -> None:
    """The board's latest explanations: the database reads them newest first from the index
    of the time each was asked and stops at the few shown, instead of sorting them all."""
    with app.test_request_context():
        login_user(user("lanhdao"))
        query = latest_explanations(visible_tasks(current_user), EXPLANATIONS_SHOWN)
    sql = str(query.compile(db.engine, compile_kwargs={"literal_binds": True}))
    if db.engine.dialect.name == "sqlite":
        plan = " ".join(row[-1] for row in db.session.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
        assert "TEMP B-TREE" not in plan
    else:
        with db.session.begin_nested():
            # the test's few rows are sorted at no cost: is there an order to read instead?
            db.session.execute(text("SET LOCAL enable_sort = off"))
            plan = " ".join(db.session.execute(text(f"EXPLAIN {sql}")).scalars())
        assert "Sort" not in plan
    assert "ix_explanation_request_created_at" in plan


def test_the_latest_explanations_link_their_task_and_name_its_agency_in_one_statement(
    app: Flask, leader: FlaskClient, user: Callable[[str], User]
) -> None:
    """Each line links its task and names the task's lead agency as the lists do (its short
    name, else its name); the lines are read with their tasks in one statement, not one
    for the requests and one for each relation."""
    due = today() - timedelta(days=9)
    older, newer = make_task(lead="stc", deadline=due), make_task(lead="snv", deadline=due)
    older.text, newer.text = "báo cáo vốn đầu tư công", "rà soát biên chế"
    for task, answer, asked in ((older, "Chờ thẩm định giá.", 2), (newer, None, 1)):
        task.explanation_requests.append(
            ExplanationRequest(
                requested_by=user("lanhdao"),
                question="Vì sao chậm?",
                answer_by=today() + timedelta(days=3),
                answer=answer,
                created_at=utcnow() - timedelta(hours=asked),
            )
        )
    db.session.commit()

    with statements_sent() as statements:
        page = leader.get("/tong-quan").get_data(as_text=True)

    lines = page.split('id="h-explanations"')[1].split("</section>")[0]
    shown = re.findall(r'<a href="/nhiem-vu/(\d+)">([^<]*)</a>', lines)
    assert shown[:2] == [
        (str(newer.id), f"{newer.lead_agency.display_name}: Rà soát biên chế"),
        (str(older.id), f"{older.lead_agency.display_name}: Báo cáo vốn đầu tư công"),
    ]
    assert f"Chưa giải trình, hạn {vn_date(today() + timedelta(days=3))}" in lines
    assert "Đã giải trình: Chờ thẩm định giá." in lines
    board_lines = [s for s in statements if "explanation_request.answer_by" in s]
    assert len(board_lines) == 1 and "shown_task.text" in board_lines[0]
    by_ids = [s for s in statements if re.search(r"WHERE (task|agency)\.id IN", s)]
    assert by_ids == []
