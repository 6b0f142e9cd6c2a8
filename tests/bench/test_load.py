"""Reading wrk's report and the workers' memory, and finding a page's form, without a server."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.bench.client import BrowserError, form_fields
from tracker.bench.load import (
    LoadError,
    parent_pid,
    parse_wrk,
    resident_kib,
    worker_memory,
)

WRK_REPORT = """\
Running 3s test @ http://127.0.0.1:40211/tong-quan
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    10.81ms    3.02ms  40.12ms   80.00%
    Req/Sec   370.45     40.12   450.00     70.00%
  Latency Distribution
     50%  {p50}
     75%   12.00ms
     90%   14.00ms
     99%  {p99}
  2217 requests in 3.00s, 45.10MB read
Requests/sec:    738.25
Transfer/sec:     15.02MB
"""


@pytest.mark.parametrize(
    ("p50", "p99", "expected"),
    [
        ("10.35ms", "20.08ms", (10.35, 20.08)),
        ("850.00us", "1.20s", (0.85, 1200.0)),
        ("2.00s", "1.05m", (2000.0, 63_000.0)),
    ],
)
def test_wrk_latencies_are_read_in_milliseconds(
    p50: str, p99: str, expected: tuple[float, float]
) -> None:
    result = parse_wrk(WRK_REPORT.format(p50=p50, p99=p99))
    assert (result.p50_ms, result.p99_ms) == pytest.approx(expected)
    assert result.requests_per_second == 738.25
    assert result.requests == 2217


@pytest.mark.parametrize(
    "trouble",
    [
        "  Non-2xx or 3xx responses: 12\n",
        "  Socket errors: connect 0, read 3, write 0, timeout 0\n",
    ],
)
def test_a_report_with_errors_fails_the_run(trouble: str) -> None:
    report = WRK_REPORT.format(p50="1ms", p99="2ms").replace(
        "Requests/sec", trouble + "Requests/sec"
    )
    with pytest.raises(LoadError):
        parse_wrk(report)


def test_a_report_without_answers_fails_the_run() -> None:
    report = WRK_REPORT.format(p50="0.00us", p99="0.00us").replace("2217 requests", "0 requests")
    with pytest.raises(LoadError):
        parse_wrk(report)


def test_the_parent_is_read_past_a_command_name_with_spaces_and_parentheses() -> None:
    assert parent_pid("4242 (gunicorn: (worker) x) S 4200 4200 4200 0 -1 4194560") == 4200


def test_resident_memory_comes_from_vmrss() -> None:
    status = "Name:\tgunicorn\nVmPeak:\t  300000 kB\nVmRSS:\t  138540 kB\nThreads:\t1\n"
    assert resident_kib(status) == 138540
    assert resident_kib("Name:\tkthreadd\n") == 0


def test_worker_memory_counts_the_children_of_the_master(tmp_path: Path) -> None:
    processes = {"100": (1, 50_000), "101": (100, 140_000), "102": (100, 150_000), "7": (2, 9)}
    for pid, (parent, rss) in processes.items():
        (tmp_path / pid).mkdir()
        (tmp_path / pid / "stat").write_text(f"{pid} (gunicorn) S {parent} 1 1 0")
        (tmp_path / pid / "status").write_text(f"VmRSS:\t  {rss} kB\n")
    (tmp_path / "self").mkdir()

    assert worker_memory(100, tmp_path) == {101: 140_000, 102: 150_000}


TASK_PAGE = """
<form method="post" action="/nhiem-vu/12/gia-han">
  <input type="hidden" name="version" value="3"></form>
<form method="post" action="/nhiem-vu/12/tien-do" class="card" enctype="multipart/form-data">
  <input id="csrf_token" name="csrf_token" type="hidden" value="Ijk&amp;x">
  <input value="4" type="hidden" name="version">
  <textarea name="body"></textarea><input type="text" name="percent" value="">
</form>
"""


def test_the_hidden_fields_of_the_form_posting_to_an_action() -> None:
    assert form_fields(TASK_PAGE, "/nhiem-vu/12/tien-do") == {
        "csrf_token": "Ijk&x",
        "version": "4",
    }


def test_a_page_without_the_form_is_refused() -> None:
    with pytest.raises(BrowserError):
        form_fields(TASK_PAGE, "/nhiem-vu/12/hoan-thanh")
    with pytest.raises(BrowserError):
        form_fields(TASK_PAGE, None)
