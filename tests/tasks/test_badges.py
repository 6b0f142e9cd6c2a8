"""The badges a task shows in lists and on its page: one status, and what adds to it."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.tasks.badges import Badge, badges_html, deadline_html, task_badges
from tracker.tasks.models import Recurrence, Task, TaskState

TODAY = date(2026, 6, 15)


def task(**fields: object) -> Task:
    values: dict[str, object] = {"state": TaskState.IN_PROGRESS, "text": "Nhiệm vụ"}
    return Task(**(values | fields))


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"deadline": date(2026, 7, 1)}, [("trong_han", "Trong hạn")]),
        (
            {"deadline": date(2026, 6, 17)},
            [("trong_han", "Trong hạn"), ("sap_den_han", "Sắp đến hạn")],
        ),
        ({"deadline": date(2026, 6, 1)}, [("qua_han", "Quá hạn")]),
        (
            {"deadline": date(2026, 5, 1)},  # 45 days late
            [("qua_han", "Quá hạn"), ("qua_han_30", "Quá hạn trên 30 ngày")],
        ),
        (
            {"deadline": date(2026, 6, 1), "paused_until": date(2026, 6, 30)},
            [("paused", "Tạm dừng đến 30/06/2026"), ("trong_han", "Trong hạn")],
        ),
        (
            {"deadline": date(2026, 7, 1), "state": TaskState.SUBMITTED},
            [("trong_han", "Trong hạn"), ("submitted", "Chờ xác nhận")],
        ),
        (
            {"deadline": date(2026, 6, 1), "completed_on": date(2026, 6, 1)},
            [("dung_han", "Hoàn thành đúng hạn")],
        ),
        (
            {"state": TaskState.COMPLETED, "completed_on": date(2026, 6, 1)},
            [("thuong_xuyen", "Thường xuyên"), ("completed", "Đã hoàn thành")],
        ),
        (
            {"deadline": date(2026, 4, 1), "cancelled_on": date(2026, 5, 1)},
            [("cancelled", "Đã hủy/dừng thực hiện")],
        ),
        ({"recurrence": Recurrence.MONTHLY}, [("recurring", "Định kỳ hằng tháng")]),
    ],
)
def test_badges(fields: dict[str, object], expected: list[tuple[str, str]]) -> None:
    assert task_badges(task(**fields), TODAY, due_soon_days=3) == [Badge(*b) for b in expected]


def test_badges_are_spans_a_space_apart() -> None:
    html = badges_html([Badge("trong_han", "Trong hạn"), Badge("submitted", "Chờ xác nhận")])
    assert html == (
        '<span class="badge badge-trong_han">Trong hạn</span> '
        '<span class="badge badge-submitted">Chờ xác nhận</span>'
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, '<span class="muted">Không có hạn</span>'),
        ({"deadline": date(2026, 7, 1)}, '<span class="nowrap">01/07/2026</span>'),
        (
            {"deadline": date(2026, 9, 30), "deadline_text": "trong Quý III/2026 <gấp>"},
            '<span class="nowrap">30/09/2026</span>'
            '<br><small class="muted">“trong Quý III/2026 &lt;gấp&gt;”</small>',
        ),
        (
            {"recurrence": Recurrence.MONTHLY, "deadline_text": "trước ngày 25 hằng tháng"},
            "<span>Hạn theo từng kỳ</span>"
            '<br><small class="muted">“trước ngày 25 hằng tháng”</small>',
        ),
    ],
)
def test_deadline_cell(fields: dict[str, object], expected: str) -> None:
    assert deadline_html(task(**fields)) == expected
