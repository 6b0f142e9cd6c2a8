"""The directory as CSV: an export Excel opens in Vietnamese, and an all-or-nothing import."""

import csv
import io
from collections.abc import Callable

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from tests.factories import agency, make_task
from tests.support.forms import csrf_token
from tests.support.spreadsheets import FORMULA_STARTS, give_formula_names
from tracker.agencies import csv_views
from tracker.agencies.models import Agency, AgencyChange
from tracker.domain.agency_csv import HEADERS
from tracker.extensions import db

Login = Callable[[str], FlaskClient]
EXPORT = "/quan-tri/co-quan/xuat-csv"
IMPORT = "/quan-tri/co-quan/nhap-csv"


def upload(client: FlaskClient, data: bytes) -> object:
    return client.post(
        IMPORT,
        data={"csrf_token": csrf_token(client, IMPORT), "document": (io.BytesIO(data), "d.csv")},
        content_type="multipart/form-data",
    )


def csv_bytes(*rows: str) -> bytes:
    return "\r\n".join([",".join(HEADERS), *rows]).encode("utf-8-sig")


def snapshot() -> list[tuple[object, ...]]:
    agencies = db.session.scalars(select(Agency).order_by(Agency.code)).all()
    return [
        (
            a.code,
            a.name,
            a.short_name,
            a.kind,
            a.active,
            a.successor_id,
            sorted(x.name for x in a.aliases),
            sorted(g.code for g in a.groups),
        )
        for a in agencies
    ]


def test_the_export_starts_with_a_bom_and_lists_every_agency(login: Login) -> None:
    response = login("quantri").get(EXPORT)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.data.startswith(b"\xef\xbb\xbf")
    text = response.data.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == ",".join(HEADERS)
    assert len(lines) == 1 + db.session.scalar(select(func.count()).select_from(Agency))
    assert '"Sở Văn hóa, Thể thao và Du lịch",Sở VHTT&DL,"Sở, ban, ngành",Có' in text
    finance = next(line for line in lines if line.startswith("stc,"))
    assert "so-ban-nganh; bcd-cchc" in finance or "bcd-cchc; so-ban-nganh" in finance


def test_exporting_then_importing_changes_nothing(login: Login) -> None:
    client = login("quantri")
    agency("stttt").active, agency("stttt").successor = False, agency("skhcn")
    db.session.commit()
    before = snapshot()
    response = upload(client, client.get(EXPORT).data)
    assert response.status_code == 302
    db.session.expire_all()
    assert snapshot() == before
    assert db.session.scalars(select(AgencyChange)).all() == []


def test_an_import_creates_and_updates_by_code(login: Login) -> None:
    client = login("quantri")
    response = upload(
        client,
        csv_bytes(
            'sdl,Sở Du lịch,SDL,"Sở, ban, ngành",Có,so-ban-nganh,Sở DL; Sở Du lịch tỉnh,',
            'stc,Sở Tài chính,STC,"Sở, ban, ngành",Có,,Sở TC,',
        ),
    )
    assert response.status_code == 302
    db.session.expire_all()
    tourism = agency("sdl")
    assert {a.name for a in tourism.aliases} == {"Sở Du lịch", "SDL", "Sở DL", "Sở Du lịch tỉnh"}
    assert [g.code for g in tourism.groups] == ["so-ban-nganh"]
    finance = agency("stc")
    assert finance.short_name == "STC" and finance.groups == []
    assert {a.name for a in finance.aliases} == {"Sở Tài chính", "STC", "Sở TC"}


def test_any_bad_row_saves_nothing_and_names_its_line(login: Login) -> None:
    client = login("quantri")
    make_task(lead="ttxtdt")
    db.session.commit()
    before = snapshot()
    response = upload(
        client,
        csv_bytes(
            'sdl,Sở Du lịch,SDL,"Sở, ban, ngành",Có,,,',
            'snv2,Sở Nội vụ,,"Sở, ban, ngành",Có,,,',
            'sx,Sở X,,"Sở, ban, ngành",Có,nhom-la,Sở TC,',
            'ttxtdt,Trung tâm Xúc tiến Đầu tư tỉnh,,"Sở, ban, ngành",Không,,,',
            'stttt,Sở Thông tin và Truyền thông,,"Sở, ban, ngành",Không,,,snv',
        ),
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    for message in (
        "Dòng 3: Tên “Sở Nội vụ” đã dùng cho cơ quan mã snv.",
        "Dòng 4: Tên gọi “Sở TC” đã dùng cho Sở Tài chính.",
        "Dòng 4: không có nhóm mã “nhom-la”.",
        "Dòng 5: Trung tâm Xúc tiến Đầu tư tỉnh còn",
        "Dòng 6: muốn đổi cơ quan kế thừa của cơ quan đã có",
    ):
        assert message in page, message
    assert "Dòng 2" not in page
    db.session.expire_all()
    assert snapshot() == before


def test_files_too_large_or_not_csv_are_refused(
    login: Login, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a small limit: the test client would spool a body of megabytes to an unclosed file
    monkeypatch.setattr(csv_views, "CSV_MAX_BYTES", 1024)
    client = login("quantri")
    response = upload(client, b"x" * 1025)
    assert response.status_code == 400 and "Tệp quá lớn" in response.get_data(as_text=True)
    response = upload(client, b"\xff\xfe\x00garbage")
    assert response.status_code == 400 and "UTF-8" in response.get_data(as_text=True)


def test_names_that_open_like_formulas_are_exported_as_text(login: Login) -> None:
    client = login("quantri")
    give_formula_names(db.session())
    text = client.get(EXPORT).data.decode("utf-8-sig")
    names = [row[1] for row in csv.reader(io.StringIO(text, newline=""))][1:]
    assert {name[1] for name in names} == set(FORMULA_STARTS)
    assert all(name.startswith("'") for name in names)


def test_names_that_open_like_formulas_read_back_unchanged(login: Login) -> None:
    # A leading tab or line break is trimmed on import like any other blank around a name.
    client = login("quantri")
    give_formula_names(db.session(), starts=("=", "+", "-", "@"))
    db.session.commit()
    before = [row[:3] for row in snapshot()]
    response = upload(client, client.get(EXPORT).data)
    assert response.status_code == 302
    db.session.expire_all()
    assert [row[:3] for row in snapshot()] == before
