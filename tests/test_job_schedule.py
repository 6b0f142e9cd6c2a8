"""`make run` starts RQ's cron scheduler on tracker.jobs.schedule: it must load in RQ."""

from redis import Redis
from rq.cron import CronScheduler

from tracker.jobs.schedule import SCHEDULE


def test_schedule_loads_into_rq_cron_scheduler(redis_url: str) -> None:
    scheduler = CronScheduler(connection=Redis.from_url(redis_url))
    scheduler.load_config_from_file("tracker.jobs.schedule")
    assert len(scheduler.get_jobs()) == len(SCHEDULE)
