"""Benchmark: the pages leaders and agencies open most, under load, at province scale.

Target: with 100,000 tasks over 60 agencies and 8 concurrent clients on a 2-core machine,
p50 under 50 ms and p99 under 200 ms for the dashboard, the overdue list and an agency's task
list, on SQLite and on PostgreSQL.

For each database the script starts a private Redis (and a throwaway PostgreSQL cluster),
migrates an empty database, fills it with `flask bench seed`, starts gunicorn as `make run`
does, signs in as the leader and as an agency officer, warms each page up, then drives it with
wrk (8 connections, keep-alive) and reads wrk's latency distribution. Every response must be a
200: a page that answers with the sign-in form or an error fails the run.

Each database is measured with the figures cache on (as it runs) and off (every request
computes its page, as right after a change).

Usage: .venv/bin/python scripts/bench_web.py [--databases sqlite,postgresql] [--tasks 100000]
       [--agencies 60] [--seconds 20] [--connections 8] [--workers 4] [--caches on,off]
       [--write]
--write replaces the table in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, OpenerDirector, build_opener

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.services import free_port, postgres_cluster, redis_server  # noqa: E402

BIN = Path(sys.executable).parent
PASSWORD = "demo1234"  # noqa: S105 - the seed's published password
MARKER = "<!-- bench_web table -->"
# Sessions are bound to the browser that signed in (Flask-Login's strong session protection):
# every request of the benchmark, wrk's included, presents the same one.
USER_AGENT = "tracker-bench"


@dataclass(frozen=True)
class Page:
    label: str
    username: str
    path: str
    expect: str  # text the page must contain: not the sign-in form, not an error page


PAGES = (
    Page("Tổng quan (dashboard)", "lanhdao", "/tong-quan", "Tổng quan"),
    Page("Danh sách quá hạn", "lanhdao", "/nhiem-vu/?trang_thai=qua_han", "Quá hạn"),
    Page("Nhiệm vụ của một sở", "snv", "/nhiem-vu/", "Sở Nội vụ"),
)


@dataclass(frozen=True)
class Measure:
    database: str
    cached: bool
    page: Page
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int


def main() -> None:
    options = _options()
    results: list[Measure] = []
    for database in options.databases.split(","):
        results += _measure_database(database, options)
    table = _table(results, options)
    print(table)
    if options.write:
        _write(table)


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--agencies", type=int, default=60)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--caches", default="on,off", help="figures cache on, off or both")
    parser.add_argument("--write", action="store_true")
    return parser.parse_args()


def _measure_database(database: str, options: argparse.Namespace) -> list[Measure]:
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-web-")))
        env = {
            **os.environ,
            "REDIS_URL": stack.enter_context(redis_server()),
            "DATABASE_URL": stack.enter_context(_database(database, workdir)),
            "SECRET_KEY": "benchmark",
            "FLASK_APP": "wsgi",
        }
        _flask(env, "db", "upgrade")
        started = time.perf_counter()
        size = ("--agencies", str(options.agencies), "--tasks", str(options.tasks))
        _flask(env, "bench", "seed", *size)
        print(f"{database}: seeded in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        measures = []
        for cache in options.caches.split(","):
            cached_env = {**env, "CACHE_SECONDS": "600" if cache == "on" else "0"}
            with _gunicorn(cached_env, options.workers) as base:
                cookies = {page.username: _sign_in(base, page.username) for page in PAGES}
                measures += [
                    _load(database, cache == "on", base, page, cookies[page.username], options)
                    for page in PAGES
                ]
        return measures


@contextmanager
def _database(database: str, workdir: Path) -> Iterator[str]:
    if database == "sqlite":
        yield f"sqlite:///{workdir / 'bench.sqlite3'}"
        return
    with postgres_cluster() as url:
        subprocess.run(
            ["psql", url.replace("+psycopg", ""), "-qc", "CREATE DATABASE bench"], check=True
        )
        yield url.rsplit("/", 1)[0] + "/bench"


def _flask(env: dict[str, str], *arguments: str) -> None:
    subprocess.run([str(BIN / "flask"), *arguments], cwd=ROOT, env=env, check=True)


@contextmanager
def _gunicorn(env: dict[str, str], workers: int) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "wsgi:app"],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_up(base: str) -> None:
    opener = build_opener()
    for _ in range(300):
        try:
            opener.open(f"{base}/dang-nhap", timeout=5).read()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


def _sign_in(base: str, username: str) -> str:
    """The session cookie of a signed-in user, as a Cookie header value."""
    jar = CookieJar()
    opener = build_opener(HTTPCookieProcessor(jar))
    opener.addheaders = [("User-Agent", USER_AGENT)]
    form = opener.open(f"{base}/dang-nhap").read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', form)
    if token is None:
        raise RuntimeError("no CSRF token on the sign-in page")
    data = {"username": username, "password": PASSWORD, "csrf_token": html.unescape(token[1])}
    answer = opener.open(f"{base}/dang-nhap", urlencode(data).encode())
    if answer.url.endswith("/dang-nhap"):
        raise RuntimeError(f"{username} could not sign in: {answer.read().decode()[-1500:]}")
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def _load(
    database: str, cached: bool, base: str, page: Page, cookie: str, options: argparse.Namespace
) -> Measure:
    _warm_up(base, page, cookie)
    output = subprocess.run(
        ["wrk", "--threads", "2", "--connections", str(options.connections),
         "--duration", f"{options.seconds}s", "--latency", "--timeout", "10s",
         "--header", f"Cookie: {cookie}", "--header", f"User-Agent: {USER_AGENT}",
         base + page.path],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    if "Non-2xx or 3xx responses" in output or "Socket errors" in output:
        raise RuntimeError(f"{page.path} answered with errors under load:\n{output}")
    measure = Measure(
        database=database,
        cached=cached,
        page=page,
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),  # type: ignore[index]
        p50_ms=_latency(output, "50%"),
        p99_ms=_latency(output, "99%"),
        requests=int(re.search(r"(\d+) requests in", output)[1]),  # type: ignore[index]
    )
    print(f"{database} {page.path}: {measure}", file=sys.stderr)
    return measure


def _warm_up(base: str, page: Page, cookie: str) -> None:
    opener: OpenerDirector = build_opener()
    opener.addheaders = [("Cookie", cookie), ("User-Agent", USER_AGENT)]
    for _ in range(20):
        response = opener.open(base + page.path)
        body = response.read().decode()
        if response.status != 200 or page.expect not in body or "Đăng xuất" not in body:
            title = re.search(r"<title>(.*?)</title>", body, re.S)
            raise RuntimeError(
                f"{page.path} answered {response.status} "
                f"{title[1].strip() if title else body[:200]!r}, not the expected page"
            )


def _latency(output: str, percentile: str) -> float:
    match = re.search(rf"^\s+{re.escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    if match is None:
        raise RuntimeError(f"no {percentile} latency in wrk's output:\n{output}")
    value, unit = float(match[1]), match[2]
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def _table(results: list[Measure], options: argparse.Namespace) -> str:
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    lines = [
        MARKER,
        f"Measured on {date.today():%Y-%m-%d} with {options.tasks:,} tasks, {options.agencies} "
        f"agencies, {options.connections} connections for {options.seconds} s per page, "
        f"gunicorn with {options.workers} workers.",
        "",
        "| database | figures cache | page | p50 | p99 | requests/s | requests |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {names[m.database]} | {'on' if m.cached else 'off'} "
        f"| {m.page.label} (`{m.page.path}`) | {m.p50_ms:.1f} ms "
        f"| {m.p99_ms:.1f} ms | {m.requests_per_second:.0f} | {m.requests:,} |"
        for m in results
    ]
    return "\n".join([*lines, MARKER])


def _write(table: str) -> None:
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text()
    before, _, rest = text.partition(MARKER)
    _, _, after = rest.partition(MARKER)
    path.write_text(before + table + after)


if __name__ == "__main__":
    main()
