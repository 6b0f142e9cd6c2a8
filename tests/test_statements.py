"""Statements built once per process (`tracker.statements`)."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable

import pytest
from flask import Flask
from sqlalchemy import select

from tests.auth.test_sessions import sign_in
from tests.factories import agency
from tracker import statements
from tracker.access import agencies_seeing
from tracker.extensions import db
from tracker.statements import built
from tracker.tasks.models import Task


def test_a_key_builds_once_and_finds_its_own_statement() -> None:
    calls: list[str] = []

    def build(name: str) -> Callable[[], object]:
        def make() -> object:
            calls.append(name)
            return select(1).where(False).label(name)

        return make

    first = built(("test", "a"), build("a"))
    assert built(("test", "a"), build("a again")) is first
    other = built(("test", "b"), build("b"))
    assert other is not first
    assert calls == ["a", "b"]
    assert built(("test", "none"), lambda: calls.append("none")) is None
    assert built(("test", "none"), lambda: calls.append("none again")) is None
    assert calls == ["a", "b", "none"], "a build that found no statement is kept too"


def test_the_oldest_are_dropped_past_the_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statements, "_built", OrderedDict())
    monkeypatch.setattr(statements, "SIZE", 3)
    for number in range(5):
        built(("test size", number), lambda number=number: number)
    built(("test size", 2), lambda: "not built again")  # used: now the newest
    built(("test size", 5), lambda: 5)
    assert list(statements._built) == [("test size", 4), ("test size", 2), ("test size", 5)]


def test_agencies_with_the_same_filters_each_list_their_own_tasks(app: Flask) -> None:
    """The lists' statements are kept by the agency they were built for: the second agency
    asking for the same filters does not get the first one's tasks."""
    listed = {}
    for code in ("snv", "stc"):
        client = app.test_client()
        sign_in(client, code)
        page = client.get("/nhiem-vu/").get_data(as_text=True)
        listed[code] = {int(found) for found in re.findall(r'href="/nhiem-vu/(\d+)"', page)}
    assert listed["snv"] and listed["stc"] and listed["snv"] != listed["stc"]
    for code, ids in listed.items():
        for task_id in ids:
            task = db.session.get(Task, task_id)
            assert task is not None and agency(code).id in agencies_seeing(task)
