"""In a real browser: an officer chooses SMS for her notifications, with her mobile number,
on a phone too; the administrator registers an agency system's webhook and reads its
secret once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Page, expect
from sqlalchemy import select

from tests.e2e.conftest import screenshot_path, sign_in
from tracker.auth.models import User
from tracker.extensions import db
from tracker.outbox.models import Webhook

pytestmark = pytest.mark.e2e
SIZES = [{"width": 1280, "height": 900}, {"width": 390, "height": 844}]


@pytest.fixture
def sms_offered(live_app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An SMS gateway set up; the officer's choices as they were, after."""
    monkeypatch.setitem(live_app.config, "SMS_GATEWAY_URL", "http://127.0.0.1:9/sms")
    with live_app.app_context():
        officer = db.session.scalar(select(User).where(User.username == "stc"))
        kept = (list(officer.notify_channels), officer.phone, officer.notify_rhythm)
    yield
    with live_app.app_context():
        officer = db.session.scalar(select(User).where(User.username == "stc"))
        officer.notify_channels, officer.phone, officer.notify_rhythm = kept
        db.session.commit()


@pytest.mark.parametrize("size", SIZES)
def test_an_officer_chooses_sms_with_her_mobile(
    page: Page, live_app: Flask, sms_offered: None, size: dict[str, int], tmp_path: Path
) -> None:
    page.set_viewport_size(size)
    sign_in(page, "stc")
    page.goto("/doi-mat-khau")
    page.get_by_label("Tin nhắn SMS").check()
    page.get_by_label("Số điện thoại di động (cho Zalo và SMS)").fill("024 1234 567")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đầu số 024 không phải đầu số di động")).to_be_visible()
    page.get_by_label("Số điện thoại di động (cho Zalo và SMS)").fill("+84 912 345 678")
    page.get_by_label("Gộp thành một tin mỗi chiều (17:00)").check()
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã lưu cách nhận thông báo: E-mail, Tin nhắn SMS")).to_be_visible()
    expect(page.get_by_label("Số điện thoại di động (cho Zalo và SMS)")).to_have_value(
        "0912 345 678"
    )
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    section = page.locator("section").filter(has=page.get_by_role("heading", name="Nhận thông báo"))
    section.screenshot(path=screenshot_path(f"account-channels-{size['width']}.png", tmp_path))
    with live_app.app_context():
        officer = db.session.scalar(select(User).where(User.username == "stc"))
        assert officer.phone == "84912345678" and "sms" in officer.notify_channels


@pytest.mark.parametrize("size", SIZES)
def test_the_administrator_registers_an_agency_systems_webhook(
    page: Page, live_app: Flask, size: dict[str, int], tmp_path: Path
) -> None:
    page.set_viewport_size(size)
    sign_in(page, "quantri")
    page.goto("/quan-tri/")
    page.get_by_role("link", name="Webhook").click()
    page.get_by_label("Tên hệ thống nhận").fill("Phần mềm quản lý văn bản Sở Tài chính")
    page.get_by_label("Nhận sự kiện về nhiệm vụ của").select_option(label="Sở Tài chính")
    page.get_by_label("Địa chỉ nhận (URL)").fill("https://qlvb.stc.example.gov.vn/tracker")
    page.get_by_label("Nhiệm vụ quá hạn").uncheck()
    page.get_by_role("button", name="Đăng ký").click()
    secret = page.get_by_label("Khóa bí mật").input_value()
    assert len(secret) == 64
    row = page.get_by_role("row").filter(has_text="Phần mềm quản lý văn bản Sở Tài chính")
    expect(row).to_contain_text("Đang gửi")
    assert "task.overdue" not in row.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_path(f"webhooks-{size['width']}.png", tmp_path))
    row.get_by_role("button", name="Xóa").click()
    expect(page.get_by_text("Đã xóa webhook")).to_be_visible()
    with live_app.app_context():
        assert db.session.scalar(select(Webhook)) is None
