"""The directory's admin pages: adding, editing, renaming, deactivating agencies; groups."""

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from tests.factories import agency, make_task
from tests.support.forms import csrf_token
from tracker.agencies.models import Agency, AgencyAlias, AgencyChange, AgencyGroup
from tracker.agencies.queries import name_directory, open_tasks_of
from tracker.audit.models import Event
from tracker.extensions import db
from tracker.tasks.choices import agency_choices

Login = Callable[[str], FlaskClient]
PAGE = "/quan-tri/co-quan/"


def post_agency(client: FlaskClient, path: str, **fields: object) -> object:
    data = {"csrf_token": csrf_token(client, path), "kind": "department", **fields}
    return client.post(path, data=data)


def agency_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Agency)) or 0


@pytest.mark.parametrize(
    "path",
    [
        PAGE,
        f"{PAGE}moi",
        f"{PAGE}sap-nhap",
        f"{PAGE}nhom/",
        f"{PAGE}xuat-csv",
        f"{PAGE}nhap-csv",
    ],
)
@pytest.mark.parametrize("username", ["vanphong", "lanhdao", "stc"])
def test_only_the_admin_may_open_the_directory(login: Login, path: str, username: str) -> None:
    assert login(username).get(path).status_code == 403


def test_the_admin_index_links_to_the_directory(login: Login) -> None:
    page = login("quantri").get("/quan-tri/").get_data(as_text=True)
    assert 'href="/quan-tri/co-quan/"' in page and "Danh bạ cơ quan" in page


def test_the_list_filters_by_kind_activity_and_name_without_diacritics(login: Login) -> None:
    client = login("quantri")
    page = client.get(PAGE, query_string={"q": "tai chinh"}).get_data(as_text=True)
    assert "Sở Tài chính" in page and "Sở Nội vụ" not in page
    page = client.get(PAGE, query_string={"kind": "district"}).get_data(as_text=True)
    assert "UBND huyện Cư Jút" in page and "Sở Tài chính" not in page
    agency("ttxtdt").active = False
    db.session.commit()
    assert "Xúc tiến" not in client.get(PAGE).get_data(as_text=True)
    page = client.get(PAGE, query_string={"active": "0"}).get_data(as_text=True)
    assert "Trung tâm Xúc tiến Đầu tư tỉnh" in page and "Sở Tài chính" not in page


def test_the_admin_adds_an_agency_with_its_aliases_and_groups(login: Login) -> None:
    client = login("quantri")
    group = db.session.scalar(select(AgencyGroup).where(AgencyGroup.code == "so-ban-nganh"))
    response = post_agency(
        client,
        f"{PAGE}moi",
        code="sdl",
        name="Sở Du lịch",
        short_name="SDL",
        aliases="Sở DL\n\n  Sở Du lịch tỉnh  ",
        groups=str(group.id),
    )
    assert response.status_code == 302
    created = agency("sdl")
    assert created.name == "Sở Du lịch" and [g.code for g in created.groups] == ["so-ban-nganh"]
    assert {a.name for a in created.aliases} == {"Sở Du lịch", "SDL", "Sở DL", "Sở Du lịch tỉnh"}
    assert name_directory(db.session()).known("so du lich tinh").canonical == "Sở Du lịch"
    event = db.session.scalar(select(Event).where(Event.action == "agency.created"))
    assert event.subject_id == created.id and event.after["code"] == "sdl"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Sở DL; Sở Du lịch tỉnh" in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"code": "stc", "name": "Sở Mới"}, "Mã “stc” đã dùng cho Sở Tài chính."),
        (
            {"code": "smoi", "name": "Sở Tài chính"},
            "Tên “Sở Tài chính” đã dùng cho cơ quan mã stc.",
        ),
        (
            {"code": "smoi", "name": "Sở Mới", "aliases": "so tai chinh"},
            "Tên gọi “Sở Tài chính” đã dùng cho Sở Tài chính.",
        ),
        ({"code": "mã có dấu", "name": "Sở Mới"}, "Mã chỉ gồm chữ không dấu"),
        ({"code": "", "name": ""}, "Vui lòng nhập tên cơ quan."),
    ],
)
def test_duplicates_and_bad_codes_are_refused_and_nothing_is_saved(
    login: Login, fields: dict[str, str], message: str
) -> None:
    client = login("quantri")
    before = agency_count()
    response = post_agency(client, f"{PAGE}moi", **fields)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert agency_count() == before


def test_a_rename_keeps_the_old_name_for_old_notices_and_enters_the_history(
    login: Login,
) -> None:
    client = login("quantri")
    labour = agency("sldtbxh")
    path = f"{PAGE}{labour.id}/sua"
    form_page = client.get(path).get_data(as_text=True)
    assert "Sở LĐTBXH" in form_page
    response = post_agency(
        client, path, code="sldtbxh", name="Sở Nội vụ và Lao động", short_name="", aliases=""
    )
    assert response.status_code == 302
    db.session.expire_all()
    directory = name_directory(db.session())
    renamed = "Sở Nội vụ và Lao động"
    assert directory.known("Sở Lao động - Thương binh và Xã hội").canonical == renamed
    assert directory.known("Sở LĐ-TB&XH").canonical == renamed
    assert directory.known("Sở LĐTBXH") is None  # the admin cleared the other aliases
    change = db.session.scalar(select(AgencyChange).where(AgencyChange.agency_id == labour.id))
    assert (change.kind.value, change.old_name, change.new_name) == (
        "rename",
        "Sở Lao động - Thương binh và Xã hội",
        renamed,
    )
    page = client.get(f"{PAGE}{labour.id}").get_data(as_text=True)
    assert (
        "Đổi tên" in page and "Sở Lao động - Thương binh và Xã hội → Sở Nội vụ và Lao động" in page
    )


def test_editing_without_renaming_keeps_alias_rows(login: Login) -> None:
    client = login("quantri")
    finance = agency("stc")
    ids = set(db.session.scalars(select(AgencyAlias.id).where(AgencyAlias.agency_id == finance.id)))
    response = post_agency(
        client,
        f"{PAGE}{finance.id}/sua",
        code="stc",
        name="Sở Tài chính",
        short_name="Sở Tài chính",
        aliases="STC\nSở TC\nSở Tài chánh",
    )
    assert response.status_code == 302
    after = db.session.scalars(select(AgencyAlias).where(AgencyAlias.agency_id == finance.id))
    aliases = {alias.name: alias.id for alias in after}
    assert set(aliases) == {"Sở Tài chính", "STC", "Sở TC", "Sở Tài chánh"}
    assert ids < set(aliases.values())
    assert (
        db.session.scalar(select(AgencyChange).where(AgencyChange.agency_id == finance.id)) is None
    )


def test_an_agency_with_open_tasks_cannot_simply_be_deactivated(login: Login) -> None:
    client = login("quantri")
    centre = agency("ttxtdt")
    make_task(lead="ttxtdt")
    db.session.commit()
    still_open = db.session.scalars(open_tasks_of(centre.id)).all()
    path = f"{PAGE}{centre.id}"
    client.post(f"{path}/ngung-hoat-dong", data={"csrf_token": csrf_token(client, path)})
    page = client.get(path).get_data(as_text=True)
    assert f"còn {len(still_open)} nhiệm vụ chưa hoàn thành: hãy sáp nhập" in page
    assert agency("ttxtdt").active
    for task in still_open:
        task.lead_agency = agency("stc")
        task.coordinating_agencies = []
    db.session.commit()
    client.post(f"{path}/ngung-hoat-dong", data={"csrf_token": csrf_token(client, path)})
    assert not agency("ttxtdt").active
    assert str(centre.id) not in {choice.value for choice in agency_choices()}
    client.post(f"{path}/hoat-dong-lai", data={"csrf_token": csrf_token(client, path)})
    assert agency("ttxtdt").active
    kinds = db.session.scalars(
        select(AgencyChange.kind)
        .where(AgencyChange.agency_id == centre.id)
        .order_by(AgencyChange.id)
    ).all()
    assert [kind.value for kind in kinds] == ["deactivate", "reactivate"]
    assert "Hoạt động trở lại" in client.get(path).get_data(as_text=True)


def test_the_admin_creates_and_edits_a_group(login: Login) -> None:
    client = login("quantri")
    path = f"{PAGE}nhom/moi"
    ids = [str(agency(code).id) for code in ("stc", "snv")]
    response = client.post(
        path,
        data={
            "csrf_token": csrf_token(client, path),
            "code": "to-cong-tac",
            "name": "Tổ công tác cải cách",
            "aliases": "Thành viên Tổ công tác\nTổ công tác cải cách",
            "members": ids,
        },
    )
    assert response.status_code == 302
    group = db.session.scalar(select(AgencyGroup).where(AgencyGroup.code == "to-cong-tac"))
    assert group.aliases == ["Thành viên Tổ công tác"]
    assert {m.code for m in group.members} == {"stc", "snv"}
    assert "Tổ công tác cải cách" in client.get(f"{PAGE}nhom/").get_data(as_text=True)
    directory = name_directory(db.session())
    assert directory.members("Tổ công tác cải cách") == ["Sở Nội vụ", "Sở Tài chính"]
    edit = f"{PAGE}nhom/{group.id}/sua"
    duplicate = client.post(
        edit,
        data={
            "csrf_token": csrf_token(client, edit),
            "code": "ubnd-huyen",
            "name": "Tổ công tác cải cách",
            "members": ids,
        },
    )
    assert duplicate.status_code == 400
    assert "Mã nhóm “ubnd-huyen” đã có." in duplicate.get_data(as_text=True)
