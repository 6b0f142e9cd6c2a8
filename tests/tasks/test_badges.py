"""The badges a task shows in lists and on its page: one status, and what adds to it."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.tasks.badges import Badge, task_badges
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
