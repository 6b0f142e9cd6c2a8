"""Statements built once per process and used again.

Building a page's query from its parts and working out its SQLAlchemy cache key (done anew
for each new statement object, and kept on the object) cost more than the database takes to
answer it: the leader's menu count took 0.38 ms to build and run and 0.06 ms to run once
built. A statement kept here is looked up by everything it was built from, each value
written into it (a user's agency, today's date, the filters) being part of its key, so
that a key never finds a statement that says something else.

The statements are only read from once built (SQLAlchemy's statements are immutable), so
threads may share them; the oldest are dropped past `SIZE`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

Built = TypeVar("Built")
SIZE = 256  # a list's statement is a few kilobytes: the whole memo stays under a few MB

_built: OrderedDict[Hashable, Any] = OrderedDict()
_lock = threading.Lock()


def built(key: Hashable, build: Callable[[], Built]) -> Built:
    """The statement `build()` returns, built once for `key`: every value `build` writes
    into it must be part of `key`."""
    with _lock:
        if key in _built:  # None too: "no statement" (say, no overdue task can pass) is kept
            _built.move_to_end(key)
            return _built[key]  # type: ignore[no-any-return]
    statement = build()
    with _lock:
        _built[key] = statement
        while len(_built) > SIZE:
            _built.popitem(last=False)
    return statement
