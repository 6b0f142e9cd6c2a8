"""Jobs run in a worker process: they need an application context, built once per process
(and never at import)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from flask import Flask, current_app, has_app_context


@cache
def _worker_app() -> Flask:
    from tracker import create_app

    return create_app()


@contextmanager
def job_context() -> Iterator[Flask]:
    """The current app when there is one (a test, a command); else the worker's own, with
    any database connection inherited from a parent process dropped first."""
    if has_app_context():
        yield current_app._get_current_object()  # type: ignore[attr-defined]
        return
    app = _worker_app()
    with app.app_context():
        from tracker.extensions import db

        db.engine.dispose(close=False)
        try:
            yield app
        finally:
            db.session.remove()
