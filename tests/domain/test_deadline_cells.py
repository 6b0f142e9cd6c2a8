"""The time column of a task table, read as a clerk reads it."""

from datetime import date

import pytest

from tracker.domain.notice_parser import deadline_in_cell

ISSUED = date(2025, 11, 18)


@pytest.mark.parametrize(
    ("cell", "deadline", "recurrence"),
    [
        ("Quý IV/2025", date(2025, 12, 31), None),
        ("Năm 2026", date(2026, 12, 31), None),
        ("2025", date(2025, 12, 31), None),
        ("01/03/2026", date(2026, 3, 1), None),
        ("Trước ngày 30/11/2025", date(2025, 11, 30), None),
        ("Năm 2025 - 2026", date(2026, 12, 31), None),
        ("Năm 2025-2030", date(2030, 12, 31), None),
        ("Quý IV/2025- Quý II/2026", date(2026, 6, 30), None),
        ("Tháng 12/2025", date(2025, 12, 31), None),
        ("Hằng năm", None, "annual"),
        ("Thường xuyên", None, None),
        ("Theo Kế hoạch riêng", None, None),
        ("Sau khi có Quy chế của Trung ương", None, None),
    ],
)
def test_time_cells(cell: str, deadline: date | None, recurrence: str | None) -> None:
    finding = deadline_in_cell(cell, ISSUED, ())
    assert (finding.deadline, finding.recurrence) == (deadline, recurrence)
    assert finding.phrase == (cell if deadline else None)
