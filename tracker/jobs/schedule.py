"""The periodic schedule, read by RQ's cron scheduler: `rq cron tracker.jobs.schedule`.

Each entry names a job function, the queue it runs on and a cron expression; the reminder
and report jobs add their entries here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rq import cron


@dataclass(frozen=True)
class PeriodicJob:
    func: Callable[..., Any]
    queue: str
    cron: str


SCHEDULE: list[PeriodicJob] = []

for periodic_job in SCHEDULE:
    cron.register(periodic_job.func, queue_name=periodic_job.queue, cron=periodic_job.cron)
