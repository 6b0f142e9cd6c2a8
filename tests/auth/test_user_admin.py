"""User administration by the admin, and every user changing her own password."""

import re
from collections.abc import Callable

from flask.testing import FlaskClient
from sqlalchemy import select

from tests.factories import agency
from tests.support.forms import csrf_token
from tracker.audit.models import Event
from tracker.auth.models import Role, User
from tracker.extensions import db

Login = Callable[[str], FlaskClient]
FindUser = Callable[[str], User]
USERS = "/quan-tri/nguoi-dung/"
NEW = "/quan-tri/nguoi-dung/moi"


def sign_in(client: FlaskClient, username: str, password: str) -> int:
    token = csrf_token(client, "/dang-nhap")
    data = {"username": username, "password": password, "csrf_token": token}
    return client.post("/dang-nhap", data=data).status_code


def sign_out(client: FlaskClient) -> None:
    client.post("/dang-xuat", data={"csrf_token": csrf_token(client, "/doi-mat-khau")})


def issued_password(page: str) -> str:
    match = re.search(r'class="issued-password"><code>([^<]+)</code>', page)
    assert match, page
    return match.group(1)


def create(client: FlaskClient, **fields: str) -> object:
    data = {"full_name": "Phạm Thị Lan", "email": "", "role": "agency_officer", "agency": "0"}
    return client.post(NEW, data={"csrf_token": csrf_token(client, NEW), **data, **fields})


def actions(username: str) -> list[str]:
    user_id = db.session.scalar(select(User.id).where(User.username == username))
    query = select(Event.action).where(Event.subject_type == "user", Event.subject_id == user_id)
    return list(db.session.scalars(query.order_by(Event.id)))


def test_a_new_account_signs_in_with_the_password_shown_once_and_must_change_it(
    login: Login,
) -> None:
    client = login("quantri")
    stc = agency("stc")
    response = create(client, username="lan.stc", agency=str(stc.id))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    password = issued_password(response.get_data(as_text=True))
    account = db.session.scalar(select(User).where(User.username == "lan.stc"))
    assert account.agency_id == stc.id and account.role is Role.AGENCY_OFFICER
    assert password not in account.password_hash and account.check_password(password)
    sign_out(client)
    assert sign_in(client, "lan.stc", password) == 302
    assert client.get("/nhiem-vu/").headers["Location"].endswith("/doi-mat-khau")
    change = {"current": password, "new": "mat-khau-moi", "repeat": "mat-khau-moi"}
    token = csrf_token(client, "/doi-mat-khau")
    assert client.post("/doi-mat-khau", data={"csrf_token": token, **change}).status_code == 302
    assert client.get("/nhiem-vu/").status_code == 200
    assert actions("lan.stc") == ["user.created", "user.password_changed"]


def test_an_initial_password_typed_by_the_admin_is_not_shown_again(login: Login) -> None:
    client = login("quantri")
    response = create(client, username="lanhdao2", role="leader", password="tam-thoi-123")
    assert response.status_code == 302
    assert "tam-thoi-123" not in client.get(USERS).get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.username == "lanhdao2")).must_change_password


def test_bad_account_details_are_refused_with_a_message(login: Login) -> None:
    client = login("quantri")
    stc = str(agency("stc").id)
    cases = [
        ({"username": "x.stc"}, "Vui lòng chọn cơ quan"),
        ({"username": "x.vp", "role": "secretariat", "agency": stc}, "mới gắn cơ quan"),
        ({"username": "stc", "agency": stc}, "Tên đăng nhập này đã được dùng."),
        ({"username": "x y", "agency": stc}, "Tên đăng nhập chỉ gồm"),
        ({"username": "x.ngan", "agency": stc, "password": "ngan"}, "từ 8 đến 200 ký tự"),
        ({"username": "x.thu", "agency": stc, "email": "khong-hop-le"}, "không hợp lệ"),
    ]
    for fields, message in cases:
        response = create(client, **fields)
        assert response.status_code == 400, fields
        assert message in response.get_data(as_text=True), fields
    assert db.session.scalars(select(User).where(User.username.like("x%"))).all() == []


def test_the_admin_edits_role_agency_name_and_email(login: Login, user: FindUser) -> None:
    client = login("quantri")
    target = user("snv")
    page = f"{USERS}{target.id}"
    data = {
        "csrf_token": csrf_token(client, page),
        "full_name": "Chuyên viên mới",
        "email": "moi@snv.gov.vn",
        "role": "agency_head",
        "agency": str(agency("stc").id),
    }
    assert client.post(page, data=data).status_code == 302
    db.session.refresh(target)
    assert (target.full_name, target.email, target.role) == (
        "Chuyên viên mới",
        "moi@snv.gov.vn",
        Role.AGENCY_HEAD,
    )
    assert target.agency_id == agency("stc").id
    event = db.session.scalar(select(Event).where(Event.action == "user.updated"))
    assert event.before["role"] == "agency_officer" and event.after["role"] == "agency_head"


def test_a_deactivated_user_cannot_sign_in_until_reactivated(
    login: Login, user: FindUser, client: FlaskClient
) -> None:
    admin = login("quantri")
    target = user("stc")
    token = csrf_token(admin, f"{USERS}{target.id}")
    admin.post(f"{USERS}{target.id}/khoa", data={"csrf_token": token})
    assert not user("stc").active
    assert "Đã khóa" in admin.get(f"{USERS}?trang_thai=da_khoa").get_data(as_text=True)
    sign_out(admin)
    assert sign_in(client, "stc", "demo1234") == 401
    admin = login("quantri")  # a new session, so a new CSRF token
    token = csrf_token(admin, f"{USERS}{target.id}")
    admin.post(f"{USERS}{target.id}/mo-khoa", data={"csrf_token": token})
    assert actions("stc") == ["user.deactivated", "user.reactivated"]


def test_an_admin_cannot_lock_herself_out_nor_remove_the_last_admin(
    login: Login, user: FindUser
) -> None:
    client = login("quantri")
    me = user("quantri")
    page = f"{USERS}{me.id}"
    response = client.post(
        f"{page}/khoa", data={"csrf_token": csrf_token(client, page)}, follow_redirects=True
    )
    assert "Bạn không thể tự khóa tài khoản của mình." in response.get_data(as_text=True)
    demote = {"csrf_token": csrf_token(client, page), "full_name": "Q", "role": "secretariat"}
    response = client.post(page, data={**demote, "agency": "0"})
    assert response.status_code == 400
    assert "tài khoản quản trị cuối cùng" in response.get_data(as_text=True)
    db.session.refresh(me)
    assert me.active and me.role is Role.ADMIN
    assert actions("quantri") == []


def test_a_reset_password_replaces_the_old_one(
    login: Login, user: FindUser, client: FlaskClient
) -> None:
    admin = login("quantri")
    target = user("stc")
    page = f"{USERS}{target.id}"
    response = admin.post(f"{page}/dat-lai-mat-khau", data={"csrf_token": csrf_token(admin, page)})
    password = issued_password(response.get_data(as_text=True))
    assert len(password) >= 12
    sign_out(admin)
    assert sign_in(client, "stc", "demo1234") == 401
    assert sign_in(client, "stc", password) == 302
    assert actions("stc") == ["user.password_reset"]
    event = db.session.scalar(select(Event).where(Event.action == "user.password_reset"))
    assert event.before is None and event.after is None  # nothing of the password is logged


def test_changing_ones_own_password_checks_the_current_one_and_the_new_one(
    login: Login, client: FlaskClient
) -> None:
    login("lanhdao")
    page = "/doi-mat-khau"
    cases = [
        (
            {"current": "sai-mat-khau", "new": "mat-khau-moi", "repeat": "mat-khau-moi"},
            "không đúng",
        ),
        ({"current": "demo1234", "new": "mat-khau-moi", "repeat": "khac-han"}, "không khớp"),
        ({"current": "demo1234", "new": "ngan", "repeat": "ngan"}, "từ 8 đến 200 ký tự"),
    ]
    for fields, message in cases:
        response = client.post(page, data={"csrf_token": csrf_token(client, page), **fields})
        assert response.status_code == 400 and message in response.get_data(as_text=True)
    good = {"current": "demo1234", "new": "mat-khau-moi", "repeat": "mat-khau-moi"}
    assert (
        client.post(page, data={"csrf_token": csrf_token(client, page), **good}).status_code == 302
    )
    sign_out(client)
    assert sign_in(client, "lanhdao", "demo1234") == 401
    assert sign_in(client, "lanhdao", "mat-khau-moi") == 302


def test_only_the_admin_manages_users(login: Login, user: FindUser) -> None:
    client = login("vanphong")
    target = user("stc")
    assert client.get(USERS).status_code == 403
    assert client.get(NEW).status_code == 403
    token = csrf_token(client, "/doi-mat-khau")
    assert (
        client.post(f"{USERS}{target.id}/dat-lai-mat-khau", data={"csrf_token": token}).status_code
        == 403
    )


def test_the_list_filters_by_role_and_agency(login: Login) -> None:
    client = login("quantri")
    stc = agency("stc")
    by_agency = client.get(f"{USERS}?co_quan={stc.id}").get_data(as_text=True)
    assert ">stc</a>" in by_agency and ">snv</a>" not in by_agency
    leaders = client.get(f"{USERS}?vai_tro=leader").get_data(as_text=True)
    assert ">lanhdao</a>" in leaders and ">quantri</a>" not in leaders
