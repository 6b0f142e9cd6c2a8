"""The rules of the channels, without the network: phone numbers, SMS text and segments,
quiet hours, webhook signatures."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from tracker.domain.phones import PhoneNumberError, display_mobile, normalize_mobile
from tracker.domain.quiet_hours import QuietHours
from tracker.domain.sms_text import count_segments, sms_text
from tracker.domain.webhook_signature import is_authentic, sign


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        ("0912345678", "84912345678"),
        ("0912 345 678", "84912345678"),
        ("+84 912.345.678", "84912345678"),
        ("84-86-123-4567", "84861234567"),
        ("(039) 876 5432", "84398765432"),
        ("0587654321", "84587654321"),
    ],
)
def test_vietnamese_mobiles_as_people_write_them(written: str, normalized: str) -> None:
    assert normalize_mobile(written) == normalized


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("0241234567", "Đầu số 024 không phải đầu số di động"),  # a Hà Nội landline
        ("01234567890", "đã được chuyển sang 10 chữ số"),  # before the 2018 renumbering
        ("091234567", "có 10 chữ số"),
        ("0912abc678", "chỉ gồm chữ số"),
        ("0951234567", "Đầu số 095 không phải đầu số di động"),
    ],
)
def test_what_is_not_a_mobile_is_refused_with_the_reason(written: str, message: str) -> None:
    with pytest.raises(PhoneNumberError, match=message):
        normalize_mobile(written)


def test_a_number_is_shown_as_people_read_it() -> None:
    assert display_mobile("84912345678") == "0912 345 678"


def test_segments_of_gsm_and_of_unicode_text() -> None:
    assert count_segments("a" * 160).segments == 1
    assert count_segments("a" * 161).segments == 2  # 153 a part once split
    assert count_segments("a" * 306).segments == 2
    assert count_segments("a" * 307).segments == 3
    assert count_segments("{" * 80).segments == 1  # two places each: 160
    assert count_segments("{" * 81).segments == 2
    vietnamese = count_segments("Sở Tài chính" + "a" * 58)  # 70 characters of UCS-2
    assert vietnamese.unicode and vietnamese.segments == 1
    assert count_segments("Sở Tài chính" + "a" * 59).segments == 2  # 67 a part


def test_an_sms_without_diacritics_keeps_its_link_and_its_budget() -> None:
    message = "Văn phòng UBND đề nghị Sở Tài chính báo cáo tiến độ nhiệm vụ " * 6
    link = "https://tracker.daknong.gov.vn/nhiem-vu/123"
    sms = sms_text(message, link, unicode=False, max_segments=2)
    assert not sms.unicode and sms.segments == 2
    assert sms.text.startswith("Van phong UBND de nghi So Tai chinh bao cao tien do")
    assert sms.text.endswith("... " + link)
    short = sms_text("Có 2 nhiệm vụ mới", link, unicode=True, max_segments=1)
    assert short.unicode and short.text == f"Có 2 nhiệm vụ mới {link}" and short.segments == 1


def test_quiet_hours_hold_night_messages_until_the_morning_in_vietnam() -> None:
    quiet = QuietHours.parse("21:00-07:00")
    assert quiet == QuietHours(time(21), time(7))
    evening = datetime(2026, 12, 4, 15, 30, tzinfo=UTC)  # 22:30 in Vietnam
    assert quiet.send_after(evening) == datetime(2026, 12, 5, 0, 0, tzinfo=UTC)  # 07:00
    small_hours = datetime(2026, 12, 4, 20, 0, tzinfo=UTC)  # 03:00 on the 5th
    assert quiet.send_after(small_hours) == datetime(2026, 12, 5, 0, 0, tzinfo=UTC)
    afternoon = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)  # 15:00
    assert quiet.send_after(afternoon) is None
    assert QuietHours.parse("off") is None


def test_a_signature_proves_the_sender_and_the_freshness() -> None:
    body = b'{"event":"task.accepted"}'
    signature = sign("secret", 1_764_000_000, body)
    assert signature.startswith("sha256=") and len(signature) == 7 + 64
    assert is_authentic("secret", signature, 1_764_000_000, body, now=1_764_000_100)
    assert not is_authentic("other", signature, 1_764_000_000, body, now=1_764_000_100)
    assert not is_authentic("secret", signature, 1_764_000_000, body + b" ", now=1_764_000_100)
    assert not is_authentic("secret", signature, 1_764_000_000, body, now=1_764_001_000)  # stale
