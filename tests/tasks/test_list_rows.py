"""A task list's lines, written without the template's loop: escaped, cut, linked."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from flask import Flask, url_for
from jinja2 import Environment

from tracker.notices.models import NoticeKind
from tracker.tasks.listing import ListedTask
from tracker.tasks.models import TaskState
from tracker.tasks.rows import SHOWN_TEXT, task_rows_html
from tracker.templating import url_for_each_id

TODAY = date(2030, 5, 1)
TASK = ListedTask(
    id=7,
    text="rà soát <b>quy chế</b> & báo cáo",
    ref="2.a",
    period_key=None,
    deadline=date(2030, 6, 30),
    deadline_text="trong Quý II/2030",
    recurrence=None,
    cancelled_on=None,
    paused_until=None,
    state=TaskState.IN_PROGRESS,
    completed_on=None,
    notice_kind=NoticeKind.NOTICE,
    notice_number="473/TB-VPUBND",
    agency_name="Sở Nội vụ",
)


def rows(*tasks: ListedTask) -> str:
    env = Environment(autoescape=True)
    return str(task_rows_html(tasks, lambda task_id: f"/nv/{task_id}", TODAY, 7, env))


def test_a_line_escapes_what_it_shows_and_links_the_task() -> None:
    line = rows(TASK)
    assert '<a href="/nv/7">Rà soát &lt;b&gt;quy chế&lt;/b&gt; &amp; báo cáo</a>' in line
    assert "Thông báo 473/TB-VPUBND · mục 2.a" in line
    assert "<td>Sở Nội vụ</td>" in line
    assert "30/06/2030" in line and "“trong Quý II/2030”" in line
    assert 'class="badge badge-trong_han"' in line
    assert "<b>" not in line


def test_a_long_text_is_cut_at_a_word_and_a_period_is_named() -> None:
    long = replace(TASK, text="việc " * 60, period_key="2030-Q2", ref="")
    line = rows(long)
    shown = re.search(r'<a href="/nv/7">([^<]*)</a>', line)
    assert shown is not None and shown.group(1).endswith("...")
    assert len(shown.group(1)) <= SHOWN_TEXT
    assert "Kỳ: Quý II năm 2030" in line
    assert "· mục" not in line


def test_each_line_a_row_in_the_order_given() -> None:
    second = replace(TASK, id=8)
    assert re.findall(r'href="/nv/(\d+)"', rows(TASK, second)) == ["7", "8"]


def test_links_by_id_are_those_of_the_url_map(app: Flask) -> None:
    with app.test_request_context("/", base_url="http://tinh.example/theo-doi"):
        detail = url_for_each_id("tasks.task_detail", "task_id")
        for task_id in (1, 22, 2**31 - 2):
            assert detail(task_id) == url_for("tasks.task_detail", task_id=task_id)
        assert detail(5).startswith("/theo-doi/")


def test_every_short_value_is_escaped_too() -> None:
    odd = replace(
        TASK,
        ref='<i>2</i>"',
        notice_number="<b>473</b>/TB",
        deadline_text="<script>x</script>",
        agency_name="Sở <u>A</u> & B",
    )
    line = rows(odd, odd)
    assert "mục &lt;i&gt;2&lt;/i&gt;&quot;" in line
    assert "Thông báo &lt;b&gt;473&lt;/b&gt;/TB" in line
    assert "“&lt;script&gt;x&lt;/script&gt;”" in line
    assert line.count("<td>Sở &lt;u&gt;A&lt;/u&gt; &amp; B</td>") == 2
    assert not re.search(r"<(i|b|u|script)>", line)
