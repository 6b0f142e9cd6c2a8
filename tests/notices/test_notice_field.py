"""The filter forms' "Văn bản" field: a notice found by what is typed, among those the user
may see; several or none are said, not dropped; suggestions as one types."""

from collections.abc import Callable
from datetime import date
from urllib.parse import parse_qs, urlsplit

from flask import Flask
from flask.testing import FlaskClient

from tests.factories import make_notice, make_task
from tracker.auth.models import User
from tracker.extensions import db
from tracker.notices.lookup import SUGGESTED, found_notices, suggested_notices
from tracker.notices.models import Notice, NoticeState
from tracker.notices.search_field import SHOWN

Login = Callable[[str], FlaskClient]


def numbered(number: str | None, issued_on: date, lead: str = "stc", **kind: NoticeState) -> Notice:
    notice = make_notice(issued_on=issued_on, **kind)
    notice.number = number
    make_task(notice, lead=lead, deadline=date(2030, 1, 10))
    return notice


def labels(found: list) -> list[str]:
    return [choice.label for choice in found]


def test_a_number_finds_its_notices_latest_first_and_a_label_the_one(
    app: Flask, user: Callable[[str], User]
) -> None:
    older = numbered("9473/TB-KTRA", date(2017, 7, 24))
    newer = numbered("9473/TB-KTRA", date(2018, 3, 2))
    numbered("94735/TB-KTRA", date(2018, 5, 6))
    db.session.commit()
    officer = user("stc")

    def found(text: str) -> list[str]:
        return labels(found_notices(db.session(), officer, text, 10))

    both = ["9473/TB-KTRA (02/03/2018)", "9473/TB-KTRA (24/07/2017)"]
    assert found("9473/tb-ktra") == both  # any case
    assert found("  9473 ") == both  # the number's first part, not 94735
    assert found("9473/TB-KTRA (24/07/2017)") == ["9473/TB-KTRA (24/07/2017)"]
    assert found("94735") == ["94735/TB-KTRA (06/05/2018)"]
    assert found("947") == ["94735/TB-KTRA (06/05/2018)", *both]  # a start of numbers
    assert found("tb-ktra") == ["94735/TB-KTRA (06/05/2018)", *both]  # within numbers
    assert found("9473/TB-KTRA (31/02/2017)") == []  # no such day
    assert found("94_3") == [] and found("%") == []  # wildcards are plain characters
    assert found("") == []
    assert [older.id, newer.id] == sorted(
        c.id for c in found_notices(db.session(), officer, "9473", 5)
    )


def test_only_the_notices_the_user_may_see_are_found_or_suggested(
    app: Flask, user: Callable[[str], User]
) -> None:
    numbered("12/TB-KTRA2", date(2031, 1, 5), lead="stc")
    numbered("12/TB-KTSNV", date(2031, 2, 5), lead="snv")
    numbered(None, date(2031, 3, 5), state=NoticeState.DRAFT)
    db.session.commit()
    officer, office = user("stc"), user("vanphong")
    assert labels(found_notices(db.session(), officer, "12", 10)) == ["12/TB-KTRA2 (05/01/2031)"]
    assert labels(suggested_notices(db.session(), officer, "tb-kt")) == ["12/TB-KTRA2 (05/01/2031)"]
    assert labels(suggested_notices(db.session(), office, ""))[:3] == [
        "Chưa có số (05/03/2031)",  # a draft the office has not numbered yet
        "12/TB-KTSNV (05/02/2031)",
        "12/TB-KTRA2 (05/01/2031)",
    ]
    draft = found_notices(db.session(), office, "Chưa có số (05/03/2031)", 10)
    assert labels(draft) == ["Chưa có số (05/03/2031)"]
    assert found_notices(db.session(), officer, "Chưa có số (05/03/2031)", 10) == []


def test_suggestions_are_the_latest_whose_number_contains_the_text(
    app: Flask, login: Login
) -> None:
    for day in range(1, SUGGESTED + 3):
        numbered(f"{day}/KH-KTRA", date(2025, 1, day))
    numbered("7/TB-KTRA2", date(2025, 2, 1))
    db.session.commit()
    client = login("stc")
    plans = client.get("/thong-bao/goi-y?q=kh-ktra").get_json()["notices"]
    assert len(plans) == SUGGESTED
    assert plans[0] == f"{SUGGESTED + 2}/KH-KTRA ({SUGGESTED + 2:02d}/01/2025)"
    assert client.get("/thong-bao/goi-y?q=7/tb").get_json() == {
        "notices": ["7/TB-KTRA2 (01/02/2025)"]
    }
    assert client.get("/thong-bao/goi-y?q=" + "x" * 5000).get_json() == {"notices": []}


def test_the_suggestions_need_a_signed_in_user(app: Flask, client: FlaskClient) -> None:
    response = client.get("/thong-bao/goi-y?q=1")
    assert response.status_code == 302 and "/dang-nhap" in response.location


def test_a_typed_number_of_one_notice_narrows_the_list_keeping_the_other_filters(
    app: Flask, login: Login
) -> None:
    notice = numbered("88/TB-KTRA", date(2024, 4, 1))
    other = numbered("89/TB-KTRA", date(2024, 4, 2))
    db.session.commit()
    client = login("stc")
    response = client.get("/nhiem-vu/?trang_thai=trong_han&van_ban=88&page=3")
    assert response.status_code == 302
    address = urlsplit(response.location)
    assert address.path == "/nhiem-vu/"
    assert parse_qs(address.query) == {"trang_thai": ["trong_han"], "thong_bao": [str(notice.id)]}
    page = client.get(response.location).get_data(as_text=True)
    assert 'value="88/TB-KTRA (01/04/2024)"' in page  # the field shows what narrows the list
    assert f"/thong-bao/{other.id}" not in page and "89/TB-KTRA" not in page


def test_a_number_of_several_notices_or_none_is_said_and_the_list_left_whole(
    app: Flask, login: Login
) -> None:
    first = numbered("5/TB-KTRA", date(2023, 1, 3))
    second = numbered("5/TB-KTRA", date(2024, 1, 3))
    db.session.commit()
    client = login("stc")
    page = client.get("/nhiem-vu/?van_ban=5%2FTB-KTRA&trang_thai=trong_han")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "«5/TB-KTRA» ứng với 2 văn bản" in text
    for notice in (second, first):
        assert f"?trang_thai=trong_han&amp;thong_bao={notice.id}" in text
    assert text.index("(03/01/2024)</a>") < text.index("(03/01/2023)</a>")
    assert text.count('href="/nhiem-vu/') >= 2  # both notices' tasks still listed
    assert 'value="5/TB-KTRA"' in text  # the text kept in the field, to correct
    missing = client.get("/nhiem-vu/?van_ban=999%2FXYZ").get_data(as_text=True)
    assert "Không tìm thấy văn bản nào có số «999/XYZ»" in missing
    assert client.get("/nhiem-vu/?van_ban=+").status_code == 200  # emptied: no notice filter
    long = client.get("/nhiem-vu/?van_ban=" + "9" * 5000).get_data(as_text=True)
    assert f"«{'9' * 100}»" in long and "9" * 101 not in long  # said as far as it was read


def test_a_long_list_of_matches_is_cut_and_says_so(app: Flask, login: Login) -> None:
    for year in range(2000, 2000 + SHOWN + 1):
        numbered("1/TB-KTRA2", date(year, 1, 2))
    db.session.commit()
    text = login("stc").get("/nhiem-vu/?van_ban=1%2FTB-KTRA2").get_data(as_text=True)
    assert f"ứng với {SHOWN} văn bản trở lên" in text
    assert text.count("1/TB-KTRA2 (02/01/") == SHOWN
    assert "Gõ đầy đủ số văn bản" in text


def test_the_dashboard_reads_the_field_too(app: Flask, login: Login) -> None:
    notice = numbered("301/TB-KTRA2", date(2024, 6, 1))
    db.session.commit()
    client = login("lanhdao")
    response = client.get("/tong-quan?van_ban=301%2Ftb-ktra2&theo=thang")
    assert response.status_code == 302
    assert parse_qs(urlsplit(response.location).query) == {
        "theo": ["thang"],
        "thong_bao": [str(notice.id)],
    }
    page = client.get(response.location).get_data(as_text=True)
    assert 'value="301/TB-KTRA2 (01/06/2024)"' in page
    missing = client.get("/tong-quan?van_ban=302").get_data(as_text=True)
    assert "Không tìm thấy văn bản nào có số «302»" in missing
