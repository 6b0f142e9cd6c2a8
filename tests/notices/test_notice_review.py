"""Reviewing a draft's split and publishing it."""

from collections.abc import Callable
from datetime import date

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from tests.factories import agency
from tests.support.forms import csrf_token
from tracker.agencies.models import AgencyAlias
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeState
from tracker.notifications.models import Notification
from tracker.tasks.models import Task

Login = Callable[[str], FlaskClient]


@pytest.fixture
def draft(app: object) -> Notice:
    """The demo's plan under review: five items, one for a body the directory lacks."""
    notice = db.session.scalar(select(Notice).where(Notice.state == NoticeState.DRAFT))
    assert notice is not None and len(notice.draft_tasks) == 5
    return notice


def form_of(client: FlaskClient, notice: Notice, action: str, **changes: object) -> MultiDict:
    """The review form as the browser would send it, with `changes` per item index
    ("text_1": ...) and the pressed button."""
    url = f"/thong-bao/{notice.id}/xem-xet"
    data = MultiDict(
        {
            "csrf_token": csrf_token(client, url),
            "number": notice.number or "",
            "issued_on": notice.issued_on.strftime("%d/%m/%Y"),
            "kind": notice.kind.value,
            "place": notice.place or "",
            "signer": notice.signer or "",
            "title": notice.title,
            "action": action,
        }
    )
    for index, item in enumerate(notice.draft_tasks):
        prefix = f"items-{index}-"
        assignee = (
            f"a{item.agency_id}"
            if item.agency_id
            else ("keep" if item.member_ids or item.unknown_name else "")
        )
        values = {
            "draft_id": str(item.id),
            "assignee": changes.get(f"assignee_{index}", assignee),
            "text": changes.get(f"text_{index}", item.text),
            "deadline": changes.get(
                f"deadline_{index}", item.deadline.strftime("%d/%m/%Y") if item.deadline else ""
            ),
            "deadline_text": item.deadline_text or "",
            "recurrence": changes.get(
                f"recurrence_{index}", item.recurrence.value if item.recurrence else ""
            ),
            "recurrence_days": changes.get(f"days_{index}", item.recurrence_days or ""),
            "recurrence_until": changes.get(f"until_{index}", ""),
        }
        for key, value in values.items():
            data.add(prefix + key, value)
        for agency_id in item.coordinating_ids:
            data.add(prefix + "coordinating", str(agency_id))
    return data


def post(client: FlaskClient, notice: Notice, data: MultiDict) -> object:
    return client.post(f"/thong-bao/{notice.id}/xem-xet", data=data)


def test_edits_are_saved_and_marked(login: Login, draft: Notice) -> None:
    client = login("vanphong")
    response = post(client, draft, form_of(client, draft, "save", text_0="Nội dung đã sửa."))
    assert response.status_code == 302
    db.session.refresh(draft)
    assert draft.draft_tasks[0].text == "Nội dung đã sửa."
    assert [d.edited for d in draft.draft_tasks] == [True, False, False, False, False]


def test_impossible_date_is_refused_in_vietnamese_and_nothing_changes(
    login: Login, draft: Notice
) -> None:
    client = login("vanphong")
    before = draft.draft_tasks[0].deadline
    response = post(
        client, draft, form_of(client, draft, "save", deadline_0="31/02/2020", text_1="Khác.")
    )
    assert response.status_code == 400
    assert "Ngày không hợp lệ" in response.get_data(as_text=True)
    db.session.refresh(draft)
    assert draft.draft_tasks[0].deadline == before
    assert draft.draft_tasks[1].text != "Khác."


def test_the_reviewer_sets_a_recurring_schedule_and_an_impossible_one_is_refused(
    login: Login, draft: Notice
) -> None:
    client = login("vanphong")
    refused = post(
        client, draft, form_of(client, draft, "save", recurrence_0="dates", days_0="31/2")
    )
    assert refused.status_code == 400
    assert "Ngày 31/2 không có trong năm." in refused.get_data(as_text=True)
    db.session.refresh(draft)
    assert draft.draft_tasks[0].recurrence is None
    saved = post(
        client,
        draft,
        form_of(
            client, draft, "save", recurrence_0="dates", days_0="15/3, 30/9", until_0="31/12/2028"
        ),
    )
    assert saved.status_code == 302
    db.session.refresh(draft)
    item = draft.draft_tasks[0]
    assert (item.recurrence.value, item.recurrence_days, item.recurrence_until) == (
        "dates",
        "15/3, 30/9",
        date(2028, 12, 31),
    )


def test_add_remove_merge_and_split(login: Login, draft: Notice) -> None:
    client = login("vanphong")
    texts = [d.text for d in draft.draft_tasks]
    post(client, draft, form_of(client, draft, f"merge:{draft.draft_tasks[0].id}"))
    db.session.refresh(draft)
    assert len(draft.draft_tasks) == 4
    assert draft.draft_tasks[0].text == f"{texts[0]} {texts[1]}"
    post(client, draft, form_of(client, draft, f"split:{draft.draft_tasks[0].id}"))
    db.session.refresh(draft)
    assert len(draft.draft_tasks) == 5
    assert draft.draft_tasks[0].text + " " + draft.draft_tasks[1].text == f"{texts[0]} {texts[1]}"
    post(client, draft, form_of(client, draft, f"remove:{draft.draft_tasks[4].id}"))
    post(client, draft, form_of(client, draft, "add"))
    db.session.refresh(draft)
    assert len(draft.draft_tasks) == 5
    assert draft.draft_tasks[-1].text == ""
    assert [d.position for d in draft.draft_tasks] == [0, 1, 2, 3, 4]


def test_parsing_again_keeps_the_reviewers_edits(login: Login, draft: Notice) -> None:
    client = login("vanphong")
    post(client, draft, form_of(client, draft, "save", text_2="Sửa tay, phải giữ lại."))
    response = post(client, draft, form_of(client, draft, "reparse"))
    db.session.refresh(draft)
    texts = [d.text for d in draft.draft_tasks]
    assert "Sửa tay, phải giữ lại." in texts
    assert len(texts) == 5
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "giữ nguyên 1 mục đã chỉnh sửa" in page


def test_publish_refuses_an_unmapped_name_and_creates_nothing(login: Login, draft: Notice) -> None:
    client = login("vanphong")
    tasks_before = db.session.scalar(select(func.count()).select_from(Task))
    response = post(client, draft, form_of(client, draft, "publish"))
    assert response.status_code == 400
    assert "chưa chọn cơ quan chủ trì “Trung tâm Công viên địa chất Đắk Nông”" in (
        response.get_data(as_text=True)
    )
    assert db.session.scalar(select(func.count()).select_from(Task)) == tasks_before
    db.session.refresh(draft)
    assert draft.state is NoticeState.DRAFT


def test_publish_creates_the_tasks_notifies_and_learns_the_alias(
    login: Login, draft: Notice
) -> None:
    client = login("vanphong")
    culture = agency("svhttdl")
    unread_before = db.session.scalar(select(func.count()).select_from(Notification))
    response = post(client, draft, form_of(client, draft, "publish", assignee_1=f"a{culture.id}"))
    assert response.status_code == 302
    db.session.refresh(draft)
    assert draft.state is NoticeState.PUBLISHED and draft.draft_tasks == []
    tasks = db.session.scalars(draft.tasks.select().where(Task.series_id.is_(None))).all()
    # items 1-3 for one agency each, items 4-5 for the group of districts (8 members each)
    assert len(tasks) == 3 + 8 + 8
    # item 5 is reported every quarter: each district's series opens its first occurrence
    series = [task for task in tasks if task.is_series]
    assert len(series) == 8 and all(len(s.occurrences) == 1 for s in series)
    assert {t.group_label for t in tasks} == {None, "UBND các huyện, thị xã"}
    alias = db.session.scalar(
        select(AgencyAlias).where(AgencyAlias.name == "Trung tâm Công viên địa chất Đắk Nông")
    )
    assert alias is not None and alias.agency_id == culture.id
    assert db.session.scalar(select(func.count()).select_from(Notification)) > unread_before
    client.post("/dang-xuat", data={"csrf_token": csrf_token(client, "/")})
    officer_page = login("cujut").get("/").get_data(as_text=True)
    assert "Hướng dẫn các cơ sở lưu trú" in officer_page


def test_an_unknown_body_offers_close_names_and_picking_one_teaches_the_alias(
    login: Login, draft: Notice
) -> None:
    client = login("vanphong")
    unknown = next(d for d in draft.draft_tasks if d.unknown_name)
    centre = agency("tthcc")  # "Trung tâm Hành chính công tỉnh", the closest name
    page = client.get(f"/thong-bao/{draft.id}/xem-xet").get_data(as_text=True)
    assert "Tên gần giống trong danh bạ" in page
    assert f'value="pick:{unknown.id}:{centre.id}"' in page
    response = post(client, draft, form_of(client, draft, f"pick:{unknown.id}:{centre.id}"))
    assert response.status_code == 302 and response.headers["Location"].endswith(
        f"#muc-{unknown.id}"
    )
    db.session.refresh(unknown)
    assert (unknown.agency_id, unknown.edited) == (centre.id, True)
    name = "Trung tâm Công viên địa chất Đắk Nông"
    assert unknown.unknown_name == name
    page = client.get(f"/thong-bao/{draft.id}/xem-xet").get_data(as_text=True)
    assert "Tên gần giống trong danh bạ" not in page
    assert post(client, draft, form_of(client, draft, "publish")).status_code == 302
    alias = db.session.scalar(select(AgencyAlias).where(AgencyAlias.name == name))
    assert alias is not None and alias.agency_id == centre.id


def test_officers_see_their_new_tasks_in_their_inbox(login: Login, draft: Notice) -> None:
    client = login("vanphong")
    culture = agency("svhttdl")
    post(client, draft, form_of(client, draft, "publish", assignee_1=f"a{culture.id}"))
    client.post("/dang-xuat", data={"csrf_token": csrf_token(client, "/")})
    officer = login("svhttdl")
    home = officer.get("/").get_data(as_text=True)
    assert "tin chưa đọc" in home
    inbox = officer.get("/tin-moi/").get_data(as_text=True)
    assert f"Có 2 nhiệm vụ mới từ Kế hoạch số {draft.number}" in inbox
    officer.post("/tin-moi/da-doc", data={"csrf_token": csrf_token(officer, "/tin-moi/")})
    assert "tin chưa đọc" not in officer.get("/").get_data(as_text=True)
