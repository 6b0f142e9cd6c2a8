"""Queue wiring: one Redis connection per app (made lazily), queues named by purpose."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from flask import Flask, current_app
from redis import Redis
from redis.exceptions import RedisError
from rq import Queue, Retry

logger = logging.getLogger(__name__)
QUEUES = ("default", "mail", "reports")


def init_queues(app: Flask) -> None:
    """Redis.from_url does not connect until first used: nothing happens at start-up."""
    app.extensions["redis"] = Redis.from_url(app.config["REDIS_URL"])


def enqueue(
    func: Callable[..., Any], *args: Any, queue: str = "default", retry: Retry | None = None
) -> bool:
    """Queue a job; False (and a log line) when Redis cannot be reached, so that the web
    keeps working: periodic jobs catch up from the database."""
    try:
        Queue(queue, connection=current_app.extensions["redis"]).enqueue(func, *args, retry=retry)
    except RedisError:
        logger.warning("Redis unreachable: %s not queued", getattr(func, "__name__", func))
        return False
    return True
