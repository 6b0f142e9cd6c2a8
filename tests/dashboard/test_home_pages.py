import re
from collections.abc import Callable

from flask.testing import FlaskClient

from tracker.access import visible_tasks
from tracker.auth.models import User
from tracker.clock import today
from tracker.domain.status import TaskStatus
from tracker.extensions import db
from tracker.tasks.models import Task

Login = Callable[[str], FlaskClient]


def task_ids(page: str) -> set[int]:
    return {int(i) for i in re.findall(r'href="/nhiem-vu/(\d+)"', page)}


def test_agency_home_lists_only_its_tasks_most_urgent_first(
    login: Login, user: Callable[[str], User]
) -> None:
    page = login("skhdt").get("/").get_data(as_text=True)
    ids = task_ids(page)
    assert ids
    agency_id = user("skhdt").agency_id
    for task in db.session.scalars(db.select(Task).where(Task.id.in_(ids))):
        involved = task.lead_agency_id == agency_id or agency_id in {
            a.id for a in task.coordinating_agencies
        }
        assert involved, task.id
    assert page.index("badge-qua_han") < page.index("badge-thuong_xuyen"), "overdue comes first"
    assert "Quá hạn trên 30 ngày" in page
    assert "Nhiệm vụ của Sở Kế hoạch và Đầu tư" in page


def test_leader_sees_counts_per_status_that_add_up(
    login: Login, user: Callable[[str], User]
) -> None:
    page = login("lanhdao").get("/").get_data(as_text=True)
    shown = {
        TaskStatus(status): int(number.replace(".", ""))
        for status, number in re.findall(r'data-status="(\w+)">([\d.]+)<', page)
    }
    tasks = db.session.scalars(visible_tasks(user("lanhdao"))).all()
    expected = {status: 0 for status in TaskStatus}
    for task in tasks:
        expected[task.status(today())] += 1
    assert shown == expected
    assert all(shown[status] > 0 for status in TaskStatus), "the demo shows every status"
    assert "Nhiệm vụ quá hạn, lâu nhất trước" in page


def test_leader_counts_link_to_the_tasks_behind_them(login: Login) -> None:
    client = login("lanhdao")
    page = client.get("/nhiem-vu/?trang_thai=qua_han").get_data(as_text=True)
    due = db.select(Task).where(Task.recurrence.is_(None))  # a series is due as its occurrences
    overdue = [t for t in db.session.scalars(due) if t.status(today()) is TaskStatus.OVERDUE]
    assert task_ids(page) == {t.id for t in overdue}


def test_secretariat_home_shows_tasks_awaiting_a_decision(login: Login) -> None:
    page = login("vanphong").get("/").get_data(as_text=True)
    assert "Chờ xác nhận hoàn thành (2)" in page
    assert "Chờ xác nhận" in page


def test_dates_are_shown_day_month_year(login: Login) -> None:
    page = login("lanhdao").get("/").get_data(as_text=True)
    assert re.search(r"Hôm nay: \d{2}/\d{2}/\d{4}", page)
