"""Building app instances for tests."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask_migrate import upgrade

from tracker import create_app
from tracker.clock import today
from tracker.demo.loader import load_demo
from tracker.extensions import db
from tracker.tasks.storage import EvidenceStore


def settings_for(database_url: str, workdir: Path) -> dict[str, object]:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "RATELIMIT_STORAGE_URI": "memory://",
        # No Redis unless a test brings its own (`redis_url`): not the one `make run` starts.
        "REDIS_URL": "redis://127.0.0.1:1/0",
        # Tests roll their data back: figures cached in a shared Redis would outlive it.
        "CACHE_SECONDS": 0,
        "UPLOAD_FOLDER": str(workdir / "uploads"),
        "OUTBOX_FOLDER": str(workdir / "outbox"),
    }


def build_demo_app(settings: dict[str, object]) -> Flask:
    """An app whose database is migrated from empty and holds the demo province."""
    app = create_app(settings)
    with app.app_context():
        upgrade()
        load_demo(db.session, today(), EvidenceStore(app.config["UPLOAD_FOLDER"]))
        db.session.commit()
    return app
