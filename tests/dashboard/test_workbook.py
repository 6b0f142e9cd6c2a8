"""The dashboard's workbook at length: the overdue list is read in batches, written as it is
read, and sent from a temporary file in chunks, whole."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from io import BytesIO

import pytest
from flask.testing import FlaskClient
from openpyxl import load_workbook

from tests.factories import make_notice, make_task
from tracker.clock import today
from tracker.dashboard import figures, leadership

OVERDUE_TASKS = 600

Login = Callable[[str], FlaskClient]


def test_a_long_overdue_list_comes_out_whole_and_typed(
    login: Login, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(figures, "OVERDUE_BATCH", 50)  # many batches from the cursor
    monkeypatch.setattr(leadership, "XLSX_IN_MEMORY", 4096)  # the file goes to disk
    notice = make_notice()
    first = today() - timedelta(days=OVERDUE_TASKS + 30)
    for offset in reversed(range(OVERDUE_TASKS)):
        make_task(notice, "stc", deadline=first + timedelta(days=offset))
    response = login("lanhdao").get(f"/tong-quan.xlsx?thong_bao={notice.id}", buffered=False)
    assert response.status_code == 200
    assert response.is_streamed
    content = response.get_data()
    assert response.headers["Content-Length"] == str(len(content))
    sheet = load_workbook(BytesIO(content))["Quá hạn"]
    rows = [row for row in sheet.iter_rows() if isinstance(row[0].value, int)]
    assert [row[0].value for row in rows] == list(range(1, OVERDUE_TASKS + 1))
    oldest = rows[0][4]
    assert oldest.is_date and oldest.value.date() == first
    assert oldest.number_format == "dd/mm/yyyy"
    assert rows[0][3].value == f"Thông báo {notice.number}"
    assert rows[-1][5].value == 31  # the newest comes last
    assert all(row[2].value == "Sở Tài chính" and row[0].border.left.style for row in rows)
