"""Counted figures kept in a real Redis until the data they count changes."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from flask import Flask, session
from flask.testing import FlaskClient
from redis import Redis

from tests.factories import make_notice, make_task
from tests.support.services import free_port
from tracker import cache
from tracker.cache import remembered
from tracker.extensions import db
from tracker.notices.models import NoticeState
from tracker.notifications.models import Notification


@pytest.fixture
def cache_on(app: Flask, redis_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Redis]:
    redis = Redis.from_url(redis_url)
    redis.flushdb()
    monkeypatch.setitem(app.config, "CACHE_SECONDS", 60)
    monkeypatch.setitem(app.extensions, "redis", redis)
    yield redis
    redis.flushdb()


def counter() -> tuple[list[int], Callable[[], int]]:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    return calls, compute


def test_a_value_is_computed_once_until_tasks_change(cache_on: Redis) -> None:
    calls, compute = counter()
    assert remembered("figure", ["all"], compute) == 1
    assert remembered("figure", ["all"], compute) == 1
    assert remembered("figure", ["agency", 7], compute) == 2, "another key, another value"
    make_task()
    db.session.commit()
    assert remembered("figure", ["all"], compute) == 3
    assert len(calls) == 3


def computed_at_once(
    app: Flask, computes: list[Callable[[], object]], wrote: list[int | None] | None = None
) -> list[object]:
    """What `remembered("board", ["all"], ...)` gives each of the computations, asked by
    requests that start in their order 50 ms apart, each in a thread of its own; `wrote`,
    for each, the version her own last change made, as her session keeps it."""
    start = threading.Barrier(len(computes))
    results: list[object] = [None] * len(computes)

    def ask(index: int) -> None:
        with app.test_request_context():
            if wrote and wrote[index] is not None:
                session[cache.WROTE_VERSION] = wrote[index]
            start.wait()
            time.sleep(0.05 * index)
            try:
                results[index] = remembered("board", ["all"], computes[index])
            except RuntimeError as error:
                results[index] = error

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(len(computes))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    return results


def slow(value: object, seconds: float, calls: list[object]) -> Callable[[], object]:
    def compute() -> object:
        calls.append(value)
        time.sleep(seconds)
        if isinstance(value, Exception):
            raise value
        return value

    return compute


def test_requests_missing_the_same_value_wait_for_one_computation(
    cache_on: Redis, app: Flask
) -> None:
    calls: list[object] = []
    results = computed_at_once(app, [slow(n, 0.3, calls) for n in range(4)])
    assert len(calls) == 1 and results == calls * 4
    assert cache_on.keys("*:computing") == []


def test_after_a_change_the_others_get_the_value_before_it_while_one_computes(
    cache_on: Redis, app: Flask
) -> None:
    remembered("board", ["all"], lambda: "before")
    make_task()
    db.session.commit()
    calls: list[object] = []
    results = computed_at_once(app, [slow("after", 0.3, calls), slow("again", 0.0, calls)])
    assert results == ["after", "before"] and calls == ["after"]
    assert remembered("board", ["all"], lambda: "never") == "after"


def test_whoever_made_the_change_waits_for_the_value_after_it(cache_on: Redis, app: Flask) -> None:
    remembered("board", ["all"], lambda: "before")
    with app.test_request_context():
        make_task()
        db.session.commit()
        wrote = session[cache.WROTE_VERSION]
    assert wrote == int(cache_on.get(cache.VERSION_KEY) or 0) > 0
    calls: list[object] = []
    computes = [slow("after", 0.3, calls), slow("again", 0.0, calls)]
    assert computed_at_once(app, computes, wrote=[None, wrote]) == ["after", "after"]
    assert calls == ["after"]


def test_a_slower_computation_of_an_older_version_leaves_the_later_value(
    cache_on: Redis,
) -> None:
    latest = cache._key("board", cache.LATEST, ["all"])
    cache._store(cache_on, cache._key("board", 2, ["all"]), latest, 2, "new", 60)
    cache._store(cache_on, cache._key("board", 1, ["all"]), latest, 1, "old", 60)
    assert cache_on.get(latest) == b'2 "new"'
    assert cache_on.get(cache._key("board", 1, ["all"])) == b'"old"'


def test_a_failed_computation_leaves_the_others_to_compute(cache_on: Redis, app: Flask) -> None:
    calls: list[object] = []
    failure = RuntimeError("the database went away")
    failing, working = slow(failure, 0.3, calls), slow("board", 0.0, calls)
    assert computed_at_once(app, [failing, working]) == [failure, "board"]
    assert calls == [failure, "board"]
    assert cache_on.keys("*:computing") == []


def test_a_request_waits_for_another_computation_a_bounded_time(
    cache_on: Redis, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "WAITED_SECONDS", 0.1)
    calls: list[object] = []
    started = time.monotonic()
    results = computed_at_once(app, [slow("slow", 1.0, calls), slow("fast", 0.0, calls)])
    assert calls == ["slow", "fast"] and results == ["slow", "fast"]
    assert time.monotonic() - started < 1.5


def test_writes_to_other_tables_keep_the_cache(cache_on: Redis, user: Callable) -> None:
    calls, compute = counter()
    remembered("figure", ["all"], compute)
    db.session.add(Notification(user_id=user("stc").id, kind="test", message="Thử", link="/"))
    db.session.commit()
    remembered("figure", ["all"], compute)
    assert len(calls) == 1


def test_a_rolled_back_change_keeps_the_cache(cache_on: Redis) -> None:
    calls, compute = counter()
    remembered("figure", ["all"], compute)
    make_notice()
    db.session.rollback()
    remembered("figure", ["all"], compute)
    assert len(calls) == 1


def test_without_redis_every_call_computes(
    cache_on: Redis, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.extensions, "redis", Redis(port=free_port(), socket_timeout=1))
    calls, compute = counter()
    assert [remembered("figure", ["all"], compute) for _ in range(2)] == [1, 2]
    make_task()
    db.session.commit()  # and committing still works


def test_the_task_list_counts_a_new_task_at_once(
    cache_on: Redis, app: Flask, login: Callable[[str], FlaskClient],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setitem(app.config, "PAGE_SIZE", 2)
    client = login("vanphong")

    def listed() -> int:
        page = client.get("/nhiem-vu/").get_data(as_text=True)
        found = re.search(r"\(([\d.]+) mục\)", page)
        assert found is not None
        return int(found.group(1).replace(".", ""))

    before = listed()
    assert listed() == before
    assert cache_on.keys("tracker:cache:*"), "the count was kept in Redis"
    make_task()
    db.session.commit()
    assert listed() == before + 1


@pytest.mark.parametrize(
    ("username", "path", "figure", "kept_as", "change"),
    [
        ("lanhdao", "/tong-quan", r'data-figure="total">([\d.]+)<', "dashboard-board", make_task),
        (
            "vanphong",
            "/",
            r"Văn bản đang soạn \(([\d.]+)\)",
            "office-home",
            lambda: make_notice(NoticeState.DRAFT),
        ),
    ],
    ids=["leaders-dashboard", "office-home"],
)
def test_a_kept_page_is_refreshed_by_a_change(
    cache_on: Redis,
    login: Callable[[str], FlaskClient],
    username: str,
    path: str,
    figure: str,
    kept_as: str,
    change: Callable[[], object],
) -> None:
    """The page is kept in Redis, and the figure it shows moves by one after the change."""
    client = login(username)

    def shown() -> int:
        found = re.search(figure, client.get(path).get_data(as_text=True))
        assert found is not None
        return int(found.group(1).replace(".", ""))

    before = shown()
    assert cache_on.keys(f"tracker:cache:*:{kept_as}:*"), "the page was kept"
    assert shown() == before
    change()
    db.session.commit()
    assert shown() == before + 1


def test_a_kept_list_is_never_shown_to_someone_who_sees_other_tasks(
    cache_on: Redis, login: Callable[[str], FlaskClient]
) -> None:
    from tests.support.forms import csrf_token

    def listed_by(username: str) -> set[str]:
        client = login(username)
        page = client.get("/nhiem-vu/").get_data(as_text=True)
        client.post("/dang-xuat", data={"csrf_token": csrf_token(client, "/")})
        return set(re.findall(r'href="/nhiem-vu/(\d+)"', page))

    home_affairs, finance = listed_by("snv"), listed_by("stc")
    assert home_affairs and finance and home_affairs != finance
    assert listed_by("snv") == home_affairs
