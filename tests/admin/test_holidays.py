"""The admin's holiday calendar, and deadlines in working days that skip it."""

from collections.abc import Callable
from datetime import date

from flask.testing import FlaskClient
from sqlalchemy import select

from tests.support.forms import csrf_token
from tracker.admin.models import Holiday
from tracker.audit.models import Event
from tracker.extensions import db
from tracker.notices.models import Notice

Login = Callable[[str], FlaskClient]
PAGE = "/quan-tri/ngay-nghi"


def add(client: FlaskClient, day: str, name: str) -> object:
    return client.post(
        PAGE, data={"csrf_token": csrf_token(client, PAGE), "day": day, "name": name}
    )


def test_admin_adds_and_removes_days_off_with_an_audit_trail(login: Login) -> None:
    client = login("quantri")
    assert add(client, "10/02/2027", "Tết Nguyên đán").status_code == 302
    assert db.session.get(Holiday, date(2027, 2, 10)).name == "Tết Nguyên đán"
    page = client.get(PAGE).get_data(as_text=True)
    assert "10/02/2027" in page and "Tết Nguyên đán" in page
    client.post(f"{PAGE}/2027-02-10/xoa", data={"csrf_token": csrf_token(client, PAGE)})
    assert db.session.get(Holiday, date(2027, 2, 10)) is None
    actions = db.session.scalars(select(Event.action).where(Event.subject_type == "holiday")).all()
    assert actions == ["holiday.added", "holiday.removed"]


def test_fixed_holidays_of_a_year_are_added_once(login: Login) -> None:
    client = login("quantri")
    for _ in range(2):
        client.post(
            f"{PAGE}/co-dinh", data={"csrf_token": csrf_token(client, PAGE), "year": "2027"}
        )
    days = db.session.scalars(select(Holiday.day).where(Holiday.day >= date(2027, 1, 1))).all()
    assert date(2027, 9, 2) in days and date(2027, 4, 30) in days
    assert len(days) == len(set(days))


def test_impossible_dates_and_missing_names_are_refused(login: Login) -> None:
    client = login("quantri")
    response = add(client, "31/02/2027", "")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Ngày không hợp lệ" in page and "Vui lòng nhập tên ngày nghỉ." in page
    assert db.session.scalars(select(Holiday)).all() == []


def test_only_the_admin_edits_the_calendar(login: Login) -> None:
    client = login("vanphong")
    assert client.get(PAGE).status_code == 403
    assert add(client, "10/02/2027", "Tết").status_code == 403


def test_working_day_deadlines_skip_the_calendar(login: Login) -> None:
    """A notice of Friday 5 Feb 2027 asks for 3 working days: Mon 8, Tue 9, Wed 10; with
    Tết on 8-12 February the deadline moves to Wed 17."""
    client = login("quantri")
    for day in range(8, 13):
        add(client, f"{day:02d}/02/2027", "Tết Nguyên đán")
    client.post("/dang-xuat", data={"csrf_token": csrf_token(client, "/")})
    client = login("vanphong")
    text = (
        "Số: 5/TB-UBND\n\nĐắk Nông, ngày 05 tháng 02 năm 2027\n\nTHÔNG BÁO\n\nKết luận\n\n"
        "1. Giao Sở Nội vụ báo cáo trong 03 ngày làm việc kể từ ngày ký.\n"
    )
    client.post(
        "/thong-bao/moi", data={"csrf_token": csrf_token(client, "/thong-bao/moi"), "text": text}
    )
    notice = db.session.scalar(select(Notice).where(Notice.number == "5/TB-UBND"))
    assert notice.draft_tasks[0].deadline == date(2027, 2, 17)


def test_admin_edits_the_reminder_policy(login: Login) -> None:
    from tracker.reminders.policy import load_policy

    client = login("quantri")
    page = "/quan-tri/nhac-viec"
    assert "7, 1" in client.get(page).get_data(as_text=True)
    response = client.post(
        page,
        data={
            "csrf_token": csrf_token(client, page),
            "days_before": "10, 3,1",
            "weekly_while_overdue": "y",
            "escalate_after_days": "21",
        },
    )
    assert response.status_code == 302
    policy = load_policy(db.session())
    assert policy.days_before == (10, 3, 1)
    assert (policy.escalate_after_days, policy.on_overdue_day) == (21, False)
    bad = client.post(
        page,
        data={
            "csrf_token": csrf_token(client, page),
            "days_before": "7, abc",
            "escalate_after_days": "0",
        },
    )
    assert bad.status_code == 400
    assert "Nhập các số ngày từ 1 đến 90" in bad.get_data(as_text=True)
    assert load_policy(db.session()).days_before == (10, 3, 1)


def test_the_admin_index_links_every_section(login: Login) -> None:
    client = login("quantri")
    page = client.get("/quan-tri/").get_data(as_text=True)
    for href in ("/quan-tri/ngay-nghi", "/quan-tri/nhac-viec", "/quan-tri/hop-thu-di"):
        assert f'href="{href}"' in page


def test_only_the_admin_sees_the_admin_index(login: Login) -> None:
    assert login("vanphong").get("/quan-tri/").status_code == 403
