"""Costly counts kept in Redis until the data they count changes.

Every commit that writes tasks, notices or the agency directory moves one version number in
Redis forward, after the commit, so a page never keeps old figures under a new version. Cached
values are keyed by that version, so a change shows on the very next page view; they also
expire after `CACHE_SECONDS` (0 turns the cache off). When Redis cannot be reached, values are
computed as if there were no cache and pages keep working.

After a change, the first request for a value computes it. Those that ask for it meanwhile
are given the value of the version before, which was the data a moment ago, rather than wait
(they would all wait after every write, the others' requests taking the CPU the computation
needs); except the person who made the change, whose session keeps the version her change
made: she is never shown figures from before it, and waits for the new ones.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Sequence
from itertools import chain
from typing import TypeVar, cast

from flask import Flask, current_app, has_app_context, has_request_context
from flask import session as signed_in_session
from redis import Redis
from redis.exceptions import RedisError
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

logger = logging.getLogger(__name__)
Value = TypeVar("Value")
VERSION_KEY = "tracker:data-version"
# The tables whose rows the cached figures and pages show; writes elsewhere (sign-ins,
# notifications, the mail outbox) leave the cache alone.
COUNTED_TABLES = frozenset(
    {
        "task",
        "task_coordinator",
        "notice",
        "agency",
        "agency_group",
        "agency_group_member",
        "extension_request",
        "explanation_request",
    }
)
CHANGED = "tracker.counted_data_changed"
WROTE_VERSION = "wrote"  # the session's key for the version its user's last change made
LATEST = "latest"  # in place of the version: the key of the latest value computed


def remembered(name: str, parts: Sequence[object], compute: Callable[[], Value]) -> Value:
    """`compute()`, or what it gave for the same `name` and `parts` since the counted data
    last changed. Values must survive a JSON round trip unchanged (lists, not tuples)."""
    seconds = current_app.config.get("CACHE_SECONDS", 0)
    if not seconds:
        return compute()
    redis: Redis = current_app.extensions["redis"]
    try:
        version = int(redis.get(VERSION_KEY) or 0)
        key, latest = _key(name, version, parts), _key(name, LATEST, parts)
        stored: bytes | object | None = redis.get(key)
        if stored is None:
            stored = _computed_elsewhere(redis, key, latest)
    except RedisError:
        return compute()
    if isinstance(stored, bytes):
        value: Value = json.loads(stored)
        return value
    try:
        value = compute()
        _store(redis, key, latest, version, value, seconds)
    finally:
        if stored is _COMPUTING_HERE:
            _release(redis, key)
    return value


# Keeps the value (ARGV[2], JSON) of the version ARGV[1] under its key (KEYS[1]) and as the
# latest computed (KEYS[2], "version json"), for ARGV[3] seconds; the latest is left as it
# is when it holds a later version (a slower computation of an older one ended last).
_KEEP = """
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
local kept = redis.call('GET', KEYS[2])
if kept and tonumber(string.match(kept, '^%d+')) > tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[2], ARGV[1] .. ' ' .. ARGV[2], 'EX', ARGV[3])
return 1
"""


def _store(redis: Redis, key: str, latest: str, version: int, value: object, seconds: int) -> None:
    try:
        redis.eval(_KEEP, 2, key, latest, version, json.dumps(value), seconds)
    except RedisError:
        logger.warning("Redis unreachable: %s not cached", key)


# After a change, the first request for a value computes it while the others asking for it
# at that moment are given the value before, or wait for it (see the module's docstring):
# every worker computing the same board at once took the CPU the first needed, and made each
# of them wait longer than the one computation.
_COMPUTING_HERE = object()
COMPUTING_SECONDS = 10  # a computation taking longer (or its worker gone) is done again
WAITED_SECONDS = 2.0  # how long a request waits for another's computation, at most
POLL_SECONDS = 0.002


def _computed_elsewhere(redis: Redis, key: str, latest: str) -> bytes | object | None:
    """While another request computes the value: the latest one computed before, if this
    request may be shown it, else the value the other computed while this one waited for it.
    `_COMPUTING_HERE` when this request is to compute it (and tell the others when done);
    None when the other computation failed or is slow: this request computes it too, telling
    no one."""
    if redis.set(f"{key}:computing", 1, nx=True, ex=COMPUTING_SECONDS):
        return _COMPUTING_HERE
    before = _value_before(redis, latest)
    if before is not None:
        return before
    waited_until = time.monotonic() + WAITED_SECONDS
    while time.monotonic() < waited_until:
        time.sleep(POLL_SECONDS)
        pipeline = redis.pipeline()
        pipeline.get(key)
        pipeline.exists(f"{key}:computing")
        stored, computing = pipeline.execute()
        if stored is not None or not computing:
            return cast(bytes | None, stored)
    return None


def _value_before(redis: Redis, latest: str) -> bytes | None:
    """The latest value computed, unless it is of a version before the user's own change."""
    kept = redis.get(latest)
    if kept is None:
        return None
    version, _, value = cast(bytes, kept).partition(b" ")
    own_change = signed_in_session.get(WROTE_VERSION, 0) if has_request_context() else 0
    return value if int(version) >= own_change else None


def _release(redis: Redis, key: str) -> None:
    try:
        redis.delete(f"{key}:computing")
    except RedisError:
        logger.warning("Redis unreachable: the computation of %s ends by its expiry", key)


def _key(name: str, version: int | str, parts: Sequence[object]) -> str:
    digest = hashlib.sha256(json.dumps(list(parts), default=str).encode()).hexdigest()[:32]
    return f"tracker:cache:{version}:{name}:{digest}"


def init_cache(app: Flask) -> None:
    """Watch every session of the process for writes to the counted tables (once, however
    many apps a process builds)."""
    if not event.contains(Session, "after_commit", _forget_after_commit):
        event.listen(Session, "after_flush", _note_flushed_changes)
        event.listen(Session, "do_orm_execute", _note_bulk_writes)
        event.listen(Session, "after_commit", _forget_after_commit)
        event.listen(Session, "after_rollback", _drop_note)


def _note_flushed_changes(session: Session, _flush: UOWTransaction) -> None:
    changed = chain(session.new, session.dirty, session.deleted)
    if any(getattr(obj, "__tablename__", None) in COUNTED_TABLES for obj in changed):
        session.info[CHANGED] = True


def _note_bulk_writes(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in COUNTED_TABLES:
        state.session.info[CHANGED] = True


def _forget_after_commit(session: Session) -> None:
    if not session.info.pop(CHANGED, False) or not has_app_context():
        return
    if not current_app.config.get("CACHE_SECONDS"):
        return
    try:
        version = current_app.extensions["redis"].incr(VERSION_KEY)
    except RedisError:
        logger.warning("Redis unreachable: cached figures may stay old until they expire")
        return
    if has_request_context():  # her pages are never from before her change
        signed_in_session[WROTE_VERSION] = version


def _drop_note(session: Session) -> None:
    session.info.pop(CHANGED, None)
