"""Benchmark: the pages the office, leaders and agencies open most, under load, at province
scale.

For each database the script starts a private Redis (and a throwaway PostgreSQL cluster),
migrates an empty database, fills it with `flask bench seed`, starts gunicorn as `make run`
does (2 workers), signs in as the office, the leader and an agency officer, warms each page
up, then drives it with wrk, each request on a new connection (`Connection: close`), and reads
wrk's latency distribution: with 8 connections, then alone (1 connection). Every response must be a
200: a page that answers with the sign-in form or an error fails the run.

Each page is measured in three modes: `cache` (the figures cache on, as the app runs),
`nocache` (CACHE_SECONDS=0: every request computes its page, as right after a change) and
`writes` (cache on, while an agency officer reports progress on one of its tasks through the
task page's form once a second, each report moving the cache on; any report not saved fails
the run). After each server's measurements the resident memory of its workers is read.

Usage: .venv/bin/python scripts/bench_web.py [--databases sqlite,postgresql] [--tasks 100000]
       [--agencies 60] [--seconds 20] [--alone-seconds 5] [--connections 8] [--workers 2]
       [--modes cache,nocache,writes] [--write]
--write replaces the table in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redis import Redis  # noqa: E402

from scripts.bench_server import flask_command, gunicorn, throwaway_database  # noqa: E402
from tests.support.services import redis_server  # noqa: E402
from tracker.bench.client import Browser, Writer, open_task_with_progress_form  # noqa: E402
from tracker.bench.load import (  # noqa: E402
    DATABASE_LABELS,
    MODES,
    Measure,
    ServerMemory,
    WrkResult,
    parse_wrk,
    table,
    worker_memory,
)
from tracker.cache import VERSION_KEY  # noqa: E402
from tracker.demo.loader import DEMO_PASSWORD  # noqa: E402

MARKER = "<!-- bench_web table -->"
WRITER = "stc"  # the officer of Sở Tài chính reports progress in the `writes` mode


@dataclass(frozen=True)
class Page:
    label: str
    username: str
    path: str
    expect: str  # text the page must contain: not the sign-in form, not an error page


PAGES = (
    Page("Tổng quan (dashboard)", "lanhdao", "/tong-quan", "Tổng quan"),
    Page("Trang chủ Văn phòng (việc chờ xử lý)", "vanphong", "/", "Việc cần xử lý"),
    Page("Danh sách quá hạn", "lanhdao", "/nhiem-vu/?trang_thai=qua_han", "Quá hạn"),
    Page("Nhiệm vụ của một sở", "snv", "/nhiem-vu/", "Sở Nội vụ"),
)


@dataclass
class Results:
    measures: list[Measure]
    memory: list[ServerMemory]
    notes: list[str]  # what the writer did, per database


def main() -> None:
    # A plain `kill` unwinds like Ctrl-C, so gunicorn, Redis and PostgreSQL are stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    options = _options()
    print(f"tracker from {ROOT}", file=sys.stderr)
    results = Results([], [], [])
    for database in options.databases.split(","):
        _measure_database(database, options, results)
    text = _section(results, options)
    print(text)
    if options.write:
        _write(text)


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--agencies", type=int, default=60)
    parser.add_argument("--seconds", type=int, default=20, help="per page and mode, loaded")
    parser.add_argument("--alone-seconds", type=int, default=5, help="per page and mode, alone")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--modes", default=",".join(MODES), help=f"among {', '.join(MODES)}")
    parser.add_argument("--write", action="store_true")
    options = parser.parse_args()
    unknown = set(options.modes.split(",")) - set(MODES)
    if unknown:
        parser.error(f"unknown modes: {', '.join(sorted(unknown))}")
    return options


def _measure_database(database: str, options: argparse.Namespace, results: Results) -> None:
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-web-")))
        redis_url = stack.enter_context(redis_server())
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "REDIS_URL": redis_url,
            "DATABASE_URL": stack.enter_context(throwaway_database(database, workdir)),
            "SECRET_KEY": "benchmark",
            "FLASK_APP": "wsgi",
        }
        flask_command(env, "db", "upgrade")
        started = time.perf_counter()
        size = ("--agencies", str(options.agencies), "--tasks", str(options.tasks))
        flask_command(env, "bench", "seed", *size)
        print(f"{database}: seeded in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        modes = options.modes.split(",")
        # One server with the cache on for `cache` and `writes`, one with it off.
        for cached, server_modes in (
            (True, [mode for mode in modes if mode != "nocache"]),
            (False, [mode for mode in modes if mode == "nocache"]),
        ):
            if server_modes:
                server_env = {**env, "CACHE_SECONDS": "600" if cached else "0"}
                with gunicorn(server_env, options.workers) as (base, master_pid):
                    for mode in server_modes:
                        _measure_mode(database, mode, base, redis_url, options, results)
                    memory = worker_memory(master_pid)
                if len(memory) != options.workers:
                    raise RuntimeError(f"{len(memory)} gunicorn workers, not {options.workers}")
                rss = tuple(memory[pid] for pid in sorted(memory))
                results.memory.append(ServerMemory(database, tuple(server_modes), rss))
                print(f"{database} {server_modes}: workers' RSS {rss} KiB", file=sys.stderr)


def _measure_mode(
    database: str,
    mode: str,
    base: str,
    redis_url: str,
    options: argparse.Namespace,
    results: Results,
) -> None:
    browsers = {page.username: Browser(base) for page in PAGES}
    for username, browser in browsers.items():
        browser.sign_in(username, DEMO_PASSWORD)
    with _writer(base, redis_url, active=mode == "writes", results=results, database=database):
        for page in PAGES:
            cookie = browsers[page.username].cookie_header()
            _warm_up(browsers[page.username], page)
            loaded = _wrk(base, page, cookie, options.connections, options.seconds)
            alone = _wrk(base, page, cookie, 1, options.alone_seconds)
            measure = Measure(database, mode, _page_title(page), loaded, alone)
            results.measures.append(measure)
            print(f"{database} {mode} {page.path}: {loaded} alone {alone}", file=sys.stderr)


@contextmanager
def _writer(
    base: str, redis_url: str, *, active: bool, results: Results, database: str
) -> Iterator[None]:
    """While active, an officer reports progress once a second; every report must be saved
    and move the figures cache on, or the run fails."""
    if not active:
        yield
        return
    browser = Browser(base)
    browser.sign_in(WRITER, DEMO_PASSWORD)
    redis = Redis.from_url(redis_url)
    version_before = int(redis.get(VERSION_KEY) or 0)
    writer = Writer(browser, open_task_with_progress_form(browser))
    started = time.monotonic()
    writer.start()
    try:
        yield
    finally:
        writer.stop()
    seconds = time.monotonic() - started
    moved = int(redis.get(VERSION_KEY) or 0) - version_before
    if writer.failures or writer.saved == 0:
        raise RuntimeError(f"the writer failed {len(writer.failures)} times: {writer.failures}")
    if moved < writer.saved:
        raise RuntimeError(f"{writer.saved} reports saved but the cache moved {moved} times")
    times = sorted(writer.seconds)
    note = (
        f"{DATABASE_LABELS[database]}: {writer.saved} progress reports saved in {seconds:.0f} s "
        f"on `{writer.task_path}`, none refused, each (task page, form, page after it) in "
        f"{times[len(times) // 2] * 1000:.0f} ms at the median and {times[-1] * 1000:.0f} ms "
        f"at most; the cache version moved {moved} times"
    )
    results.notes.append(note)
    print(note, file=sys.stderr)


def _warm_up(browser: Browser, page: Page) -> None:
    for _ in range(20):
        body = browser.get(page.path)
        if page.expect not in body or "Đăng xuất" not in body:
            raise RuntimeError(f"{page.path} is not the expected page: {body[:300]!r}")


def _wrk(base: str, page: Page, cookie: str, connections: int, seconds: int) -> WrkResult:
    output = subprocess.run(
        ["wrk", "--threads", str(min(2, connections)), "--connections", str(connections),
         "--duration", f"{seconds}s", "--latency", "--timeout", "10s",
         "--header", f"Cookie: {cookie}", "--header", "User-Agent: tracker-bench",
         "--header", "Connection: close", base + page.path],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return parse_wrk(output)


def _section(results: Results, options: argparse.Namespace) -> str:
    databases = options.databases.split(",")
    measures = sorted(
        results.measures,
        key=lambda m: (databases.index(m.database), _page_order(m.page), MODES.index(m.mode)),
    )
    lines = [
        MARKER,
        f"Measured on {date.today():%Y-%m-%d} with {options.tasks:,} tasks, {options.agencies} "
        f"agencies, Python {platform.python_version()} in `{sys.base_prefix}`, "
        f"gunicorn with {options.workers} workers, wrk with `Connection: close`: "
        f"{options.connections} connections for {options.seconds} s per page and mode, then "
        f"1 connection (alone) for {options.alone_seconds} s.",
        "",
        *table(measures, results.memory),
        "",
        *(f"Writer (`writes`), {note}." for note in results.notes),
        MARKER,
    ]
    return "\n".join(lines)


def _page_title(page: Page) -> str:
    return f"{page.label} (`{page.path}`)"


def _page_order(title: str) -> int:
    return [_page_title(page) for page in PAGES].index(title)


def _write(text: str) -> None:
    path = ROOT / "BENCHMARKS.md"
    before, _, rest = path.read_text().partition(MARKER)
    _, _, after = rest.partition(MARKER)
    path.write_text(before + text + after)


if __name__ == "__main__":
    main()
