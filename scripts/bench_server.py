"""The app as the benchmarks run it: a throwaway database migrated and filled through the
flask CLI, then gunicorn serving this tree's wsgi.py, as `make run` does."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.services import free_port, postgres_cluster
from tracker.bench.client import Browser

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@contextmanager
def throwaway_database(database: str, workdir: Path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file in `workdir`, or a database in a
    PostgreSQL cluster of its own."""
    if database == "sqlite":
        yield f"sqlite:///{workdir / 'bench.sqlite3'}"
        return
    with postgres_cluster() as url:
        subprocess.run(
            ["psql", url.replace("+psycopg", ""), "-qc", "CREATE DATABASE bench"], check=True
        )
        yield url.rsplit("/", 1)[0] + "/bench"


def flask_command(env: dict[str, str], *arguments: str) -> None:
    subprocess.run([str(BIN / "flask"), *arguments], cwd=ROOT, env=env, check=True)


@contextmanager
def gunicorn(env: dict[str, str], workers: int) -> Iterator[tuple[str, int]]:
    """The base URL and the master's pid of gunicorn serving this tree's wsgi.py."""
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "--chdir", str(ROOT), "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "wsgi:app"],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    browser = Browser(base)
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            browser.get("/dang-nhap")
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")
