"""Benchmark: the workbooks the app serves, alone, at province scale.

For each database the script starts a private Redis (and a throwaway PostgreSQL cluster),
migrates an empty database, fills it with `flask bench seed`, starts gunicorn as `make run`
does (2 workers) with the figures cache off (CACHE_SECONDS=0, so that every download counts
and lists its tasks again), signs in as the secretariat, then downloads each workbook one
request after another and times the first byte and the last. Each workbook is opened with
openpyxl once to check that it is whole. The resident memory (VmRSS) and its peak (VmHWM) of
every worker are read from /proc before the first download and after the last.

Usage: .venv/bin/python scripts/bench_exports.py [--databases sqlite,postgresql]
       [--tasks 100000] [--agencies 60] [--requests 10] [--label after] [--write]
--write adds the run's rows to the tables in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import load_workbook  # noqa: E402

from scripts.bench_server import flask_command, gunicorn, throwaway_database  # noqa: E402
from tests.support.services import redis_server  # noqa: E402
from tracker.bench.client import Browser  # noqa: E402
from tracker.bench.load import DATABASE_LABELS, worker_memory  # noqa: E402
from tracker.demo.loader import DEMO_PASSWORD  # noqa: E402

MARKER = "<!-- bench_exports rows -->"
MEMORY_MARKER = "<!-- bench_exports memory -->"
USERNAME = "vanphong"  # the secretariat sees the whole province
RANKING_LINK = re.compile(r'<th scope="row"><a href="/nhiem-vu/\?[^"]*co_quan=(\d+)')


@dataclass(frozen=True)
class Download:
    label: str
    path: str
    rows_sheet: str  # the sheet whose numbered rows are counted


@dataclass(frozen=True)
class Timing:
    database: str
    workbook: str
    first_byte_s: list[float]
    last_byte_s: list[float]
    size: int
    rows: int


@dataclass(frozen=True)
class Memory:
    """Each worker's resident memory and its peak so far (VmRSS, VmHWM), in KiB."""

    database: str
    before: tuple[tuple[int, int], ...]
    after: tuple[tuple[int, int], ...]


def main() -> None:
    # A plain `kill` unwinds like Ctrl-C, so gunicorn, Redis and PostgreSQL are stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    options = _options()
    print(f"tracker from {ROOT}", file=sys.stderr)
    timings: list[Timing] = []
    memory: list[Memory] = []
    for database in options.databases.split(","):
        _measure_database(database, options, timings, memory)
    rows, memory_rows = _rows(timings, memory, options)
    print("\n".join([*rows, "", *memory_rows]))
    if options.write:
        _write(rows, memory_rows)


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite")
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--agencies", type=int, default=60)
    parser.add_argument("--requests", type=int, default=10, help="per workbook")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--label", default="", help="what the run measured, for the table")
    parser.add_argument("--write", action="store_true")
    return parser.parse_args()


def _measure_database(
    database: str, options: argparse.Namespace, timings: list[Timing], memory: list[Memory]
) -> None:
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-xlsx-")))
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "REDIS_URL": stack.enter_context(redis_server()),
            "DATABASE_URL": stack.enter_context(throwaway_database(database, workdir)),
            "SECRET_KEY": "benchmark",
            "FLASK_APP": "wsgi",
            "CACHE_SECONDS": "0",
        }
        flask_command(env, "db", "upgrade")
        started = time.perf_counter()
        flask_command(
            env, "bench", "seed", "--agencies", str(options.agencies), "--tasks", str(options.tasks)
        )
        print(f"{database}: seeded in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        base, master_pid = stack.enter_context(gunicorn(env, options.workers))
        browser = Browser(base)
        browser.sign_in(USERNAME, DEMO_PASSWORD)
        downloads = _downloads(browser)
        before = _memory(master_pid)
        for download in downloads:
            timing = _time_downloads(database, browser, download, options.requests)
            timings.append(timing)
            print(
                f"{database} {download.path}: median {median(timing.last_byte_s):.3f} s, "
                f"max {max(timing.last_byte_s):.3f} s, {timing.rows:,} rows",
                file=sys.stderr,
            )
        after = _memory(master_pid)
        memory.append(Memory(database, before, after))
        print(f"{database}: workers (RSS, peak) before {before}, after {after}", file=sys.stderr)


def _downloads(browser: Browser) -> list[Download]:
    """The province's dashboard, one agency's (the one with the most overdue tasks), and the
    scorecard of the current quarter."""
    page = browser.get("/tong-quan?xep_theo=qua_han")
    agency = RANKING_LINK.search(page)
    if agency is None:
        raise RuntimeError("no agency in the dashboard's ranking")
    return [
        Download("Tổng quan, toàn tỉnh", "/tong-quan.xlsx", "Quá hạn"),
        Download("Tổng quan, một cơ quan", f"/tong-quan.xlsx?co_quan={agency[1]}", "Quá hạn"),
        Download("Bảng điểm", "/bang-diem.xlsx", "Bảng điểm"),
    ]


def _time_downloads(database: str, browser: Browser, workbook: Download, count: int) -> Timing:
    first_byte, last_byte = [], []
    content = b""
    for _ in range(count):
        started = time.perf_counter()
        with browser.opener.open(browser.base + workbook.path, timeout=60) as response:
            content = response.read(1)
            first_byte.append(time.perf_counter() - started)
            content += response.read()
            last_byte.append(time.perf_counter() - started)
            if response.status != 200 or "attachment" not in response.headers.get(
                "Content-Disposition", ""
            ):
                raise RuntimeError(f"{workbook.path} is not a download: {response.headers}")
    book = load_workbook(BytesIO(content), read_only=True)
    rows = sum(
        1
        for row in book[workbook.rows_sheet].iter_rows(values_only=True)
        if row and isinstance(row[0], int)
    )
    return Timing(database, workbook.label + f" (`{workbook.path}`)", first_byte, last_byte,
                  len(content), rows)  # fmt: skip


def _memory(master_pid: int) -> tuple[tuple[int, int], ...]:
    resident, peak = worker_memory(master_pid), worker_memory(master_pid, field="VmHWM")
    return tuple((resident[pid], peak[pid]) for pid in sorted(resident))


def _rows(
    timings: list[Timing], memory: list[Memory], options: argparse.Namespace
) -> tuple[list[str], list[str]]:
    when = f"{date.today():%Y-%m-%d}{', ' + options.label if options.label else ''}"
    rows = [
        f"| {when} | {DATABASE_LABELS[t.database]} | {t.workbook} | {t.rows:,} "
        f"| {median(t.first_byte_s) * 1000:.0f} ms "
        f"| {median(t.last_byte_s) * 1000:.0f} ms | {max(t.last_byte_s) * 1000:.0f} ms "
        f"| {t.size:,} bytes |"
        for t in timings
    ]
    memory_rows = [
        f"| {when} | {DATABASE_LABELS[m.database]} | {_mib(m.before, 0)} | {_mib(m.after, 0)} "
        f"| {_mib(m.before, 1)} | {_mib(m.after, 1)} |"
        for m in memory
    ]
    return rows, memory_rows


def _mib(workers: tuple[tuple[int, int], ...], field: int) -> str:
    return " / ".join(f"{worker[field] / 1024:.0f} MiB" for worker in workers)


def _write(rows: list[str], memory_rows: list[str]) -> None:
    """The rows go just before each table's marker, below the rows of earlier runs."""
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text()
    for marker, lines in ((MARKER, rows), (MEMORY_MARKER, memory_rows)):
        if marker not in text:
            raise RuntimeError(f"BENCHMARKS.md has no {marker}")
        text = text.replace(marker, "\n".join([*lines, marker]))
    path.write_text(text)


if __name__ == "__main__":
    main()
