"""The periodic schedule, read by RQ's cron scheduler: `rq cron tracker.jobs.schedule`.

Each entry names a job function, the queue it runs on and a cron expression.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rq import cron

from tracker.jobs.figures import move_counts_to_today
from tracker.jobs.housekeeping import purge_idempotency_answers, refresh_statistics
from tracker.jobs.notifications import send_daily_notifications, send_new_notifications
from tracker.jobs.occurrences import open_recurring_occurrences
from tracker.jobs.outbox import announce_overdue_tasks, send_due_messages
from tracker.jobs.reminders import run_leader_digests, run_reminders
from tracker.jobs.reports import build_quarter_report


@dataclass(frozen=True)
class PeriodicJob:
    func: Callable[..., Any]
    queue: str
    cron: str


# RQ's cron runs in UTC: 00:00 UTC is 07:00 in Vietnam.
SCHEDULE: list[PeriodicJob] = [
    PeriodicJob(move_counts_to_today, "default", "1 17 * * *"),  # 00:01 in Vietnam
    PeriodicJob(open_recurring_occurrences, "default", "30 23 * * *"),
    PeriodicJob(run_reminders, "default", "0 0 * * *"),
    PeriodicJob(announce_overdue_tasks, "default", "5 0 * * *"),
    PeriodicJob(run_leader_digests, "default", "0 0 * * 1"),
    # what Redis did not take, what waited for the quiet hours, retries of dead workers
    PeriodicJob(send_due_messages, "mail", "*/5 * * * *"),
    PeriodicJob(send_new_notifications, "mail", "*/5 * * * *"),  # if the web could not queue
    PeriodicJob(send_daily_notifications, "mail", "0 10 * * *"),  # 17:00 in Vietnam
    PeriodicJob(build_quarter_report, "reports", "0 1 1 1,4,7,10 *"),
    PeriodicJob(purge_idempotency_answers, "default", "30 19 * * *"),  # 02:30 in Vietnam
    PeriodicJob(refresh_statistics, "default", "45 19 * * *"),  # 02:45 in Vietnam
]

for periodic_job in SCHEDULE:
    cron.register(periodic_job.func, queue_name=periodic_job.queue, cron=periodic_job.cron)
