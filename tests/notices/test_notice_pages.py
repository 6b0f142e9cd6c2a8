import re
from collections.abc import Callable

from flask.testing import FlaskClient

from tracker.extensions import db
from tracker.notices.models import Notice

Login = Callable[[str], FlaskClient]


def notice_473() -> Notice:
    notice = db.session.scalar(db.select(Notice).where(Notice.number == "473/TB-VPUBND"))
    assert notice is not None
    return notice


def test_notice_page_groups_tasks_by_lead_agency(login: Login) -> None:
    page = login("vanphong").get(f"/thong-bao/{notice_473().id}").get_data(as_text=True)
    headings = re.findall(r'<h3 id="agency-\d+">([^<]+?) <small', page)
    assert "Sở Nội vụ" in headings
    assert "Sở Tài chính" in headings
    assert len(headings) == len(set(headings)), "one section per agency"
    assert "Thông báo số 473/TB-VPUBND" in page
    assert "“trong Quý III/2017”" in page


def test_officer_sees_only_tasks_her_agency_leads_or_coordinates(login: Login) -> None:
    page = login("stc").get(f"/thong-bao/{notice_473().id}").get_data(as_text=True)
    headings = re.findall(r'<h3 id="agency-\d+">([^<]+?) <small', page)
    # Sở Tài chính leads its own items and coordinates Sở Nội vụ's plan (II.2.2) with
    # "các Sở, Ban, ngành"; nothing of Sở Y tế or any other agency shows.
    assert headings == ["Sở Tài chính", "Sở Nội vụ"]
    # its 3 own items, the steering committee item (II.1), the 8 items addressed to every
    # department (II.11), section III, and the coordinated plan
    assert page.count('class="task-card"') == 3 + 1 + 8 + 1 + 1


def test_notice_body_is_rendered_safely(login: Login) -> None:
    notice = notice_473()
    notice.body += "\n\n<script>alert('x')</script>"
    db.session.commit()
    page = login("vanphong").get(f"/thong-bao/{notice.id}").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "<strong>II. Một số nhiệm vụ trọng tâm trong thời gian tới</strong>" in page


def test_notice_list_counts_visible_tasks(login: Login) -> None:
    page = login("stc").get("/thong-bao/").get_data(as_text=True)
    assert "473/TB-VPUBND" in page
    assert "1520/UBND-KGVX" in page
