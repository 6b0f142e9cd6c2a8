"""Benchmark: with 100,000 tasks over 60 agencies, a reminder pass must take under 10 s and
the whole province's quarterly XLSX report under 5 s.

Builds a throwaway SQLite database (or uses DATABASE_URL) through the migrations, a directory
of 60 agencies with two officers each, 500 notices over five years and 100,000 tasks with a
realistic mix of deadlines, completions and tasks without deadline; then times one reminder
pass (claiming every reminder and writing the messages, no mail sent) and the quarterly report
(figures from the database, frozen, rendered to XLSX).

Usage: .venv/bin/python scripts/bench_jobs.py [--tasks 100000] [--agencies 60]
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import insert

from tracker import create_app
from tracker.agencies.models import Agency, AgencyKind
from tracker.auth.models import Role, User
from tracker.domain.periods import period_containing
from tracker.domain.reminders import ReminderPolicy
from tracker.extensions import db
from tracker.notices.models import Notice, NoticeKind, NoticeState
from tracker.reminders.services import run_reminder_pass
from tracker.reports.documents import render_report
from tracker.reports.figures_store import figures_from_json
from tracker.reports.services import build_report, resolve_scope
from tracker.tasks.models import Task, TaskState

TODAY = date(2026, 11, 22)


def seed(agency_count: int, task_count: int, rng: random.Random) -> None:
    agencies = [
        {
            "code": f"cq{n}",
            "name": f"Cơ quan thử nghiệm số {n}",
            "kind": AgencyKind.DEPARTMENT,
            "active": True,
        }
        for n in range(agency_count)
    ]
    db.session.execute(insert(Agency), agencies)
    agency_ids = list(db.session.scalars(db.select(Agency.id)))
    password = User(username="x", full_name="x", role=Role.AGENCY_OFFICER)
    password.set_password("bench")
    db.session.execute(
        insert(User),
        [
            {
                "username": f"u{a}-{k}",
                "full_name": f"Chuyên viên {a}-{k}",
                "email": f"u{a}-{k}@x.vn",
                "password_hash": password.password_hash,
                "role": Role.AGENCY_OFFICER,
                "agency_id": a,
                "active": True,
            }
            for a in agency_ids
            for k in range(2)
        ],
    )
    notices = [
        {
            "number": f"{n}/TB-UBND",
            "issued_on": TODAY - timedelta(days=rng.randint(0, 5 * 365)),
            "title": f"Thông báo {n}",
            "kind": NoticeKind.NOTICE,
            "body": "",
            "state": NoticeState.PUBLISHED,
        }
        for n in range(1, 501)
    ]
    for notice in notices:
        notice["issued_year"] = notice["issued_on"].year
    db.session.execute(insert(Notice), notices)
    notice_rows = list(db.session.execute(db.select(Notice.id, Notice.issued_on)))
    tasks = []
    for n in range(task_count):
        notice_id, issued_on = rng.choice(notice_rows)
        deadline = issued_on + timedelta(days=rng.randint(10, 400)) if rng.random() < 0.7 else None
        done = deadline is not None and deadline < TODAY and rng.random() < 0.8
        completed = deadline + timedelta(days=rng.randint(-20, 15)) if done else None
        tasks.append(
            {
                "notice_id": notice_id,
                "ref": str(n % 30),
                "text": f"Nhiệm vụ số {n}",
                "lead_agency_id": rng.choice(agency_ids),
                "deadline": deadline,
                "original_deadline": deadline,
                "state": TaskState.COMPLETED if done else TaskState.IN_PROGRESS,
                "submitted_on": completed,
                "completed_on": completed,
                "version": 1,
            }
        )
    for start in range(0, len(tasks), 5000):
        db.session.execute(insert(Task), tasks[start : start + 5000])
    db.session.commit()


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
        }
    )
    with app.app_context():
        upgrade()
        timed(
            f"seed {args.tasks} tasks, {args.agencies} agencies",
            lambda: seed(args.agencies, args.tasks, random.Random(2026)),  # noqa: S311 - sample data
        )
        summary = timed(
            "reminder pass",
            lambda: run_reminder_pass(
                db.session(), TODAY, ReminderPolicy(), "http://127.0.0.1:5000"
            ),
        )
        db.session.commit()
        print(
            f"  {summary.reminders} reminders to {summary.recipients} recipients, "
            f"{len(summary.mail_ids)} messages written"
        )
        period = period_containing(date(2026, 9, 30), "quarterly")

        def quarterly_xlsx() -> int:
            report = build_report(db.session(), period, resolve_scope(db.session(), "all"), TODAY)
            db.session.commit()
            content = render_report(figures_from_json(report.figures), "xlsx", app.config, TODAY)
            return len(content)

        size = timed(f"quarterly XLSX report ({period.key}, whole province)", quarterly_xlsx)
        print(f"  {size} bytes")


if __name__ == "__main__":
    main()
