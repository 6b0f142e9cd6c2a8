"""Several browsers in one test: each request starts with an empty `g`, as it does when served."""

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask, g, request_started


def _forget_previous_request(_sender: Flask, **_extra: Any) -> None:
    vars(g).clear()


@pytest.fixture(autouse=True)
def _fresh_g_per_request() -> Iterator[None]:
    """The tests run inside one app context, so `g` outlives a request: Flask-Login would serve
    the next client the user it cached for the previous one, and Flask-WTF its CSRF token."""
    request_started.connect(_forget_previous_request)
    yield
    request_started.disconnect(_forget_previous_request)
