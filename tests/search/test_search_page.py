"""The search page and the header's search box."""

from collections.abc import Callable

from flask.testing import FlaskClient

from tests.factories import make_task
from tracker.extensions import db

Login = Callable[[str], FlaskClient]


def test_the_page_lists_ranked_hits_with_the_words_marked(login: Login) -> None:
    page = login("lanhdao").get("/tim-kiem?q=so+noi+vu+quy+iii").get_data(as_text=True)
    assert "Tìm thấy 2 kết quả" in page
    assert "<mark>Quý</mark> <mark>III</mark>/2017" in page
    assert "Chủ trì: <mark>Sở</mark> <mark>Nội</mark> <mark>vụ</mark>" in page
    assert page.count('class="search-hit"') == 2
    assert "Nhiệm vụ</span>" in page and 'href="/nhiem-vu/' in page
    assert 'class="badge badge-' in page  # the status badge


def test_notices_show_as_documents(login: Login) -> None:
    page = login("vanphong").get("/tim-kiem?q=phat+trien+du+lich+so").get_data(as_text=True)
    assert "Văn bản</span>" in page and "Bản nháp" in page
    marked = ("Phát", "triển", "du", "lịch", "số")
    assert " ".join(f"<mark>{word}</mark>" for word in marked) in page


def test_an_empty_query_and_no_hits_get_a_friendly_message(login: Login) -> None:
    client = login("lanhdao")
    empty = client.get("/tim-kiem").get_data(as_text=True)
    assert "Nhập từ khóa để tìm văn bản và nhiệm vụ" in empty
    nothing = client.get("/tim-kiem?q=khongcogica").get_data(as_text=True)
    assert "Không tìm thấy văn bản hay nhiệm vụ nào khớp với “khongcogica”" in nothing


def test_query_and_task_text_are_escaped(login: Login) -> None:
    task = make_task(lead="snv")
    task.text = "<script>alert('x')</script> kiemtraxss"
    db.session.commit()
    client = login("lanhdao")
    page = client.get("/tim-kiem?q=kiemtraxss+<b>").get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<mark>kiemtraxss</mark>" in page
    assert "<b>" not in page and "&lt;b&gt;" in page


def test_results_are_paginated(login: Login) -> None:
    client = login("lanhdao")
    first = client.get("/tim-kiem?q=so").get_data(as_text=True)
    second = client.get("/tim-kiem?q=so&page=2").get_data(as_text=True)
    assert first.count('class="search-hit"') == 20
    assert "Trang 1 /" in first and "/tim-kiem?page=2&amp;q=so" in first
    assert "Trang 2 /" in second and '<ol class="search-results" start="21">' in second


def test_the_header_has_a_search_box_for_signed_in_users(client: FlaskClient, login: Login) -> None:
    assert client.get("/tim-kiem?q=so").status_code == 302  # to the sign-in page
    assert 'id="header-search-q"' not in client.get("/dang-nhap").get_data(as_text=True)
    signed_in = login("snv")
    home = signed_in.get("/").get_data(as_text=True)
    assert 'action="/tim-kiem"' in home and 'id="header-search-q"' in home
    results = signed_in.get("/tim-kiem?q=bien+che").get_data(as_text=True)
    assert 'name="q" placeholder="Tìm văn bản, nhiệm vụ…" value="bien che"' in results


def test_an_agency_page_shows_only_its_tasks(login: Login) -> None:
    hidden = make_task(lead="stc")
    hidden.text = "Nhiệm vụ riêng biematso"
    db.session.commit()
    page = login("snv").get("/tim-kiem?q=biematso").get_data(as_text=True)
    assert f"/nhiem-vu/{hidden.id}" not in page and "Không tìm thấy" in page


def test_the_lead_agency_finds_it(login: Login) -> None:
    task = make_task(lead="stc")
    task.text = "Nhiệm vụ riêng biematso"
    db.session.commit()
    page = login("stc").get("/tim-kiem?q=biematso").get_data(as_text=True)
    assert f"/nhiem-vu/{task.id}" in page
