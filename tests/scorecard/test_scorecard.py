"""The scorecard: counts per agency against tasks made here, the ranking, the export and who
may read it. The period is 2019-Q2, long past and untouched by the demo province."""

import re
from collections.abc import Callable
from datetime import date, timedelta
from io import BytesIO

import pytest
import time_machine
from flask.testing import FlaskClient
from openpyxl import load_workbook
from sqlalchemy import select

from tests.factories import make_notice, make_task
from tests.support.forms import csrf_token
from tests.support.spreadsheets import (
    FORMULA_STARTS,
    formula_starts_kept_as_text,
    give_formula_names,
)
from tracker.agencies.models import Agency
from tracker.audit.models import Event
from tracker.auth.models import User
from tracker.clock import today
from tracker.domain.periods import parse_period
from tracker.domain.scorecard import scorecard_outcome
from tracker.extensions import db
from tracker.notices.models import NoticeState
from tracker.scorecard.queries import agency_counts
from tracker.scorecard.weights import load_weights
from tracker.tasks.models import ExtensionRequest, ExtensionState, Task
from tracker.tasks.queries import outcome_expression

Login = Callable[[str], FlaskClient]
FindUser = Callable[[str], User]
QUARTER = parse_period("2019-Q2")
PAGE = "/bang-diem?ky=2019-Q2"
WEIGHTS_PAGE = "/quan-tri/bang-diem"


def extend(task: Task, until: date, requested_by: User, *, objective: bool) -> None:
    """An approved extension: the deadline moves, the original stays."""
    db.session.add(
        ExtensionRequest(
            task=task,
            requested_by_id=requested_by.id,
            previous_deadline=task.deadline,
            requested_deadline=until,
            reason="Chờ ý kiến của bộ",
            state=ExtensionState.APPROVED,
            objective_reason=objective,
        )
    )
    task.deadline = until
    db.session.flush()


@pytest.fixture
def quarter_tasks(user: FindUser) -> None:
    """Sở Tài chính: 1 on time, 3 late (one extended without an objective reason, one done
    after its objective extension), 1 overdue, 1 excused; out: a task without a deadline, one
    due after the quarter, one of a draft notice. Sở Nội vụ: 3 on time."""
    notice = make_notice(issued_on=date(2019, 3, 1))
    officer = user("stc")
    make_task(notice, "stc", deadline=date(2019, 4, 30), completed_on=date(2019, 4, 20))
    make_task(notice, "stc", deadline=date(2019, 5, 31), completed_on=date(2019, 6, 10))
    make_task(notice, "stc", deadline=date(2019, 6, 30))
    excused = make_task(notice, "stc", deadline=date(2019, 5, 15), completed_on=date(2019, 7, 20))
    extend(excused, date(2019, 7, 31), officer, objective=True)
    subjective = make_task(notice, "stc", deadline=date(2019, 5, 15), completed_on=date(2019, 6, 1))
    extend(subjective, date(2019, 6, 30), officer, objective=False)
    beyond = make_task(notice, "stc", deadline=date(2019, 4, 10), completed_on=date(2019, 5, 20))
    extend(beyond, date(2019, 5, 10), officer, objective=True)
    make_task(notice, "stc")
    make_task(notice, "stc", deadline=date(2019, 7, 1))
    make_task(make_notice(NoticeState.DRAFT), "stc", deadline=date(2019, 5, 1))
    for day in (1, 2, 3):
        make_task(notice, "snv", deadline=date(2019, 5, day), completed_on=date(2019, 5, day))


def test_counts_per_agency_by_outcome(quarter_tasks: None, user: FindUser) -> None:
    rows = agency_counts(db.session(), user("lanhdao"), QUARTER, date(2026, 1, 1), 3)
    by_name = {row.agency: row for row in rows}
    finance = by_name["Sở Tài chính"]
    assert (finance.due, finance.on_time, finance.late, finance.overdue, finance.excused) == (
        6,
        1,
        3,
        1,
        1,
    )
    home = by_name["Sở Nội vụ"]
    assert (home.due, home.on_time, home.late) == (3, 3, 0)
    assert set(by_name) == {"Sở Tài chính", "Sở Nội vụ"}


def test_sql_outcome_agrees_with_the_domain(quarter_tasks: None) -> None:
    today = date(2019, 6, 1)  # mid-quarter: pending and excused-while-open cases too
    objective = {
        request.task_id
        for request in db.session.scalars(select(ExtensionRequest))
        if request.objective_reason and request.state is ExtensionState.APPROVED
    }
    tasks = db.session.scalars(select(Task).where(Task.original_deadline.is_not(None))).all()
    # paused by a later document: over yesterday, through today, through tomorrow
    for task, pause in zip(
        tasks, [None, today - timedelta(days=1), today, today + timedelta(days=1)] * 9, strict=False
    ):
        task.paused_until = pause
    db.session.flush()
    rows = db.session.execute(
        select(Task, outcome_expression(today)).where(Task.original_deadline.is_not(None))
    ).all()
    assert len(rows) > 10
    for task, outcome in rows:
        expected = scorecard_outcome(
            task.original_deadline,
            task.deadline,
            task.completed_on,
            task.id in objective,
            today,
            task.paused_until,
        )
        assert outcome == expected.value, task.id


_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.S)
_TAG = re.compile(r"<[^>]+>")


def page_rows(client: FlaskClient, path: str = PAGE) -> list[list[str]]:
    """The ranking table's rows as text cells."""
    response = client.get(path)
    assert response.status_code == 200
    body = response.get_data(as_text=True).split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        [_TAG.sub("", cell).strip() for cell in _CELL.findall(row)] for row in _ROW.findall(body)
    ]


def test_the_page_ranks_agencies_and_a_weight_change_reorders_them(
    quarter_tasks: None, login: Login
) -> None:
    client = login("quantri")
    rows = page_rows(client)
    assert rows == [
        ["1", "Sở Nội vụ", "3", "3", "0", "0", "0", "0", "100,00%", "3"],
        ["2", "Sở Tài chính", "6", "1", "3", "1", "1", "0", "20,00%", "-1,5"],
    ]
    notice = make_notice(issued_on=date(2019, 3, 1))
    for day in (4, 5, 6):  # Sở Tài chính: 4 on time, 3 late, 1 overdue; 1,5 points to 3
        make_task(notice, "stc", deadline=date(2019, 5, day), completed_on=date(2019, 5, day))
    assert [row[:2] + row[-1:] for row in page_rows(client)] == [
        ["1", "Sở Nội vụ", "3"],
        ["2", "Sở Tài chính", "1,5"],
    ]
    data = {"csrf_token": csrf_token(client, WEIGHTS_PAGE), "on_time": "1", "late": "0"}
    assert client.post(WEIGHTS_PAGE, data={**data, "overdue": "0"}).status_code == 302
    assert [row[:2] + row[-1:] for row in page_rows(client)] == [
        ["1", "Sở Tài chính", "4"],
        ["2", "Sở Nội vụ", "3"],
    ]
    client.post(WEIGHTS_PAGE, data={**data, "on_time": "0", "overdue": "0"})
    assert [row[:2] for row in page_rows(client)] == [["1", "Sở Nội vụ"], ["1", "Sở Tài chính"]]


def test_the_export_names_the_period_and_matches_the_page(
    quarter_tasks: None, login: Login
) -> None:
    response = login("lanhdao").get("/bang-diem.xlsx?ky=2019-Q2")
    assert response.status_code == 200
    assert response.mimetype.endswith("spreadsheetml.sheet")
    sheet = load_workbook(BytesIO(response.data)).active
    values = list(sheet.iter_rows(values_only=True))
    assert "QUÝ II NĂM 2019" in values[1][0]
    header = next(i for i, row in enumerate(values) if row[0] == "STT")
    assert values[header][2:] == (
        "Đến hạn",
        "Đúng hạn",
        "Trễ hạn",
        "Quá hạn",
        "Trễ có lý do khách quan",
        "Chưa đến hạn",
        "Tỷ lệ đúng hạn theo hạn ban đầu",
        "Điểm",
        "Xếp hạng",
    )
    assert values[header + 1] == (1, "Sở Nội vụ", 3, 3, 0, 0, 0, 0, 1, 3, 1)
    assert values[header + 2] == (2, "Sở Tài chính", 6, 1, 3, 1, 1, 0, 0.2, -1.5, 2)
    rate, score = sheet.cell(header + 3, 9), sheet.cell(header + 3, 10)  # rows count from 1
    assert (rate.number_format, score.number_format) == ("0.00%", "#,##0.0#")


def test_the_running_period_counts_tasks_not_yet_due_apart(login: Login) -> None:
    with time_machine.travel(date(2019, 5, 20), tick=False):
        notice = make_notice(issued_on=date(2019, 3, 1))
        make_task(notice, "stc", deadline=date(2019, 5, 10))
        make_task(notice, "stc", deadline=date(2019, 6, 10))
        rows = page_rows(login("vanphong"), "/bang-diem")
    assert rows == [["1", "Sở Tài chính", "2", "0", "0", "1", "0", "1", "0,00%", "-1"]]


@pytest.mark.parametrize("username", ["stc", "snv.lanhdao"])
def test_agency_users_may_not_read_the_scorecard(login: Login, username: str) -> None:
    client = login(username)
    assert client.get(PAGE).status_code == 403
    assert client.get("/bang-diem.xlsx").status_code == 403


def test_a_period_that_is_not_a_month_or_a_quarter_is_refused(login: Login) -> None:
    response = login("lanhdao").get("/bang-diem?ky=2019-H1")
    assert response.status_code == 400
    assert "Kỳ đánh giá không hợp lệ" in response.get_data(as_text=True)


def test_weights_are_validated_audited_and_admin_only(login: Login) -> None:
    client = login("quantri")
    token = csrf_token(client, WEIGHTS_PAGE)
    bad = client.post(
        WEIGHTS_PAGE, data={"csrf_token": token, "on_time": "-1", "late": "abc", "overdue": ""}
    )
    assert bad.status_code == 400
    page = bad.get_data(as_text=True)
    assert "Nhập một số không âm" in page and "Vui lòng nhập một số" in page
    assert load_weights(db.session()).on_time == 1.0
    good = {"csrf_token": token, "on_time": "2", "late": "0,5", "overdue": "1.5"}
    assert client.post(WEIGHTS_PAGE, data=good).status_code == 302
    weights = load_weights(db.session())
    assert (weights.on_time, weights.late, weights.overdue) == (2.0, 0.5, 1.5)
    event = db.session.scalar(select(Event).where(Event.action == "scorecard_weights.changed"))
    assert event.before["late"] == 0.5 and event.after["on_time"] == 2.0
    assert "Điểm = 2 × số nhiệm vụ đúng hạn" in client.get(PAGE).get_data(as_text=True)
    client.post("/dang-xuat", data={"csrf_token": csrf_token(client, "/")})
    assert login("lanhdao").get(WEIGHTS_PAGE).status_code == 403


def test_agency_names_that_open_like_formulas_stay_text(login: Login) -> None:
    # One task due in this quarter for each of the agencies that get the six characters.
    notice, now = make_notice(), today()
    quarter_start = date(now.year, now.month - (now.month - 1) % 3, 1)
    for agency in db.session.scalars(select(Agency).order_by(Agency.id).limit(6)):
        make_task(notice, agency.code, deadline=quarter_start)
    give_formula_names(db.session())
    response = login("lanhdao").get("/bang-diem.xlsx")
    assert response.status_code == 200
    assert formula_starts_kept_as_text(response.data) == set(FORMULA_STARTS)
