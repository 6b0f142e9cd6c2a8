"""In a real browser, without signing in: the public results of a notice show agencies,
deadlines and statuses, and no officer, progress report or piece of evidence; on a phone too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Page, expect
from sqlalchemy import select

from tracker.auth.models import User
from tracker.extensions import db
from tracker.notices.models import Notice
from tracker.tasks.models import Evidence, ProgressUpdate, Task

pytestmark = pytest.mark.e2e


@pytest.fixture
def public_notice(live_app: Flask) -> Iterator[dict[str, object]]:
    """Notice 473 made public, with what must stay private on it; private again after."""
    with live_app.app_context():
        notice = db.session.scalar(select(Notice).where(Notice.number == "473/TB-VPUBND"))
        notice.public = True
        db.session.commit()
        on_notice = Task.notice_id == notice.id
        found = {
            "id": notice.id,
            "names": db.session.scalars(select(User.full_name)).all(),
            "progress": db.session.scalars(
                select(ProgressUpdate.body).join(Task).where(on_notice)
            ).all(),
            "files": db.session.scalars(
                select(Evidence.file_name).join(Task).where(on_notice)
            ).all(),
        }
    yield found
    with live_app.app_context():
        db.session.get(Notice, found["id"]).public = False
        db.session.commit()


@pytest.mark.parametrize("size", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}])
def test_the_public_page_shows_results_and_nothing_private(
    page: Page, public_notice: dict[str, object], size: dict[str, int]
) -> None:
    page.set_viewport_size(size)
    page.goto("/cong-khai/")
    page.get_by_role("link", name="Thông báo 473/TB-VPUBND").click()
    expect(page.get_by_role("heading", name="Theo cơ quan chủ trì")).to_be_visible()
    expect(page.locator("table.tasks tbody tr").first).to_be_visible()
    text = page.locator("body").inner_text()
    secrets = [*public_notice["names"], *(p[:40] for p in public_notice["progress"])]  # type: ignore[misc]
    secrets += [f for f in public_notice["files"] if f]  # type: ignore[attr-defined]
    assert public_notice["progress"] and [s for s in secrets if s in text] == []
    expect(page.get_by_role("button", name="Đăng xuất")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
