"""Benchmark: with 100,000 tasks over 60 agencies, a reminder pass must take under 10 s and
the whole province's quarterly XLSX report under 5 s.

Builds a throwaway SQLite database (or uses DATABASE_URL) through the migrations and fills it
with the benchmark province (`tracker.bench.seed`, the data set of `flask bench seed`); then
times one reminder pass (claiming every reminder and writing the messages, no mail sent) and
the quarterly report (figures from the database, frozen, rendered to XLSX).

Usage: .venv/bin/python scripts/bench_jobs.py [--tasks 100000] [--agencies 60]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from flask_migrate import upgrade

from tracker import create_app
from tracker.bench.seed import seed_province
from tracker.domain.periods import period_containing
from tracker.domain.reminders import ReminderPolicy
from tracker.extensions import db
from tracker.outbox.settings import ChannelSettings
from tracker.reminders.services import run_reminder_pass
from tracker.reports.documents import render_report
from tracker.reports.services import build_report, resolve_scope

TODAY = date(2026, 11, 22)


def timed(label: str, action):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - started
    print(f"{label}: {elapsed:.2f} s")
    return result


def main() -> None:
    options = argparse.ArgumentParser()
    options.add_argument("--tasks", type=int, default=100_000)
    options.add_argument("--agencies", type=int, default=60)
    args = options.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder / 'bench.sqlite3'}"
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": "bench",
            "UPLOAD_FOLDER": str(folder / "uploads"),
            "RATELIMIT_STORAGE_URI": "memory://",
            "CACHE_SECONDS": 0,  # no Redis here, and no pages to serve
        }
    )
    with app.app_context():
        upgrade()
        timed(
            f"seed {args.tasks} tasks, {args.agencies} agencies",
            lambda: seed_province(db.session(), args.agencies, args.tasks, TODAY),
        )
        db.session.commit()
        summary = timed(
            "reminder pass",
            lambda: run_reminder_pass(
                db.session(),
                TODAY,
                ReminderPolicy(),
                ChannelSettings.from_config(app.config),
                datetime.now(UTC),
            ),
        )
        db.session.commit()
        print(
            f"  {summary.reminders} reminders to {summary.recipients} recipients, "
            f"{len(summary.message_ids)} messages written"
        )
        period = period_containing(date(2026, 9, 30), "quarterly")

        def quarterly_xlsx() -> int:
            report = build_report(db.session(), period, resolve_scope(db.session(), "all"), TODAY)
            db.session.commit()
            content = render_report(report, "xlsx", app.config, TODAY)
            return len(content)

        size = timed(f"quarterly XLSX report ({period.key}, whole province)", quarterly_xlsx)
        print(f"  {size} bytes")


if __name__ == "__main__":
    main()
