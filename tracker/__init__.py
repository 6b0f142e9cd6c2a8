"""Tracker: follow-up of the tasks a provincial People's Committee assigns."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wrappers import Response

from tracker.config import settings_from_env

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """Build the application from small named steps."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        instance_path=str(PROJECT_ROOT / "instance"),
        instance_relative_config=True,
    )
    app.config.update(settings_from_env())
    app.config.update(overrides or {})
    fill_instance_defaults(app)
    trust_proxies(app)
    register_extensions(app)
    register_data_hooks()
    register_converters(app)
    register_blueprints(app)
    register_template_helpers(app)
    register_error_pages(app)
    register_queues(app)
    register_commands(app)
    return app


def fill_instance_defaults(app: Flask) -> None:
    """Defaults that live in the instance folder: the SQLite file, uploads and a secret key
    kept across restarts when none is configured."""
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance / 'tracker.sqlite3'}"
    if not app.config.get("UPLOAD_FOLDER"):
        app.config["UPLOAD_FOLDER"] = str(instance / "uploads")
    if not app.config.get("OUTBOX_FOLDER"):
        app.config["OUTBOX_FOLDER"] = str(instance / "outbox")
    if not app.config.get("SECRET_KEY"):
        if app.config["TRACKER_ENV"] == "production":
            raise RuntimeError("SECRET_KEY must be set in production")
        key_file = instance / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_hex(32))
            key_file.chmod(0o600)
        app.config["SECRET_KEY"] = key_file.read_text().strip()


def trust_proxies(app: Flask) -> None:
    """Behind TRUSTED_PROXIES reverse proxies, take the client's address and scheme from the
    X-Forwarded-For and -Proto headers they add; with none, never believe those headers (a
    client could write them to pass for another address)."""
    proxies = int(app.config.get("TRUSTED_PROXIES", 0))
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]


def register_extensions(app: Flask) -> None:
    from tracker import models  # noqa: F401 - registers every table with the metadata
    from tracker.auth.loader import register_user_loader
    from tracker.db import begin_before_the_first_write, ping_when_idle, tune_sqlite
    from tracker.extensions import csrf, db, limiter, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    register_user_loader(login_manager)
    with app.app_context():
        tune_sqlite(db.engine)
        begin_before_the_first_write(db.engine)
        ping_when_idle(db.engine)


def register_data_hooks() -> None:
    """What every session keeps up to date as it writes: the search index, the counts."""
    from tracker.figures.upkeep import init_upkeep
    from tracker.search.hooks import install_reindex_hook

    install_reindex_hook()
    init_upkeep()


def register_converters(app: Flask) -> None:
    from tracker.params import register_converters as register

    register(app)


def register_blueprints(app: Flask) -> None:
    from tracker.admin.views import blueprint as admin
    from tracker.agencies.change_views import blueprint as agency_changes
    from tracker.agencies.csv_views import blueprint as agency_csv
    from tracker.agencies.group_views import blueprint as agency_groups
    from tracker.agencies.views import blueprint as agencies
    from tracker.api import notice_writes, task_writes, views  # noqa: F401 - their routes
    from tracker.api.blueprint import blueprint as api
    from tracker.api.token_views import blueprint as api_tokens
    from tracker.auth.admin_views import blueprint as users
    from tracker.auth.views import blueprint as auth
    from tracker.dashboard.leadership import blueprint as leadership
    from tracker.dashboard.views import blueprint as dashboard
    from tracker.notices.entry_views import blueprint as notice_entry
    from tracker.notices.views import blueprint as notices
    from tracker.notifications.views import blueprint as notifications
    from tracker.outbox.views import blueprint as outbox
    from tracker.public.views import blueprint as public
    from tracker.reports.views import blueprint as reports
    from tracker.scorecard.views import blueprint as scorecard
    from tracker.search.views import blueprint as search
    from tracker.tasks.actions import blueprint as task_actions
    from tracker.tasks.views import blueprint as tasks

    blueprints = (
        admin,
        agencies,
        agency_groups,
        agency_changes,
        agency_csv,
        api,
        api_tokens,
        auth,
        dashboard,
        leadership,
        notices,
        notice_entry,
        notifications,
        outbox,
        public,
        reports,
        scorecard,
        search,
        tasks,
        task_actions,
        users,
    )
    for blueprint in blueprints:
        app.register_blueprint(blueprint)


def register_template_helpers(app: Flask) -> None:
    from tracker.templating import install

    install(app)


def register_error_pages(app: Flask) -> None:
    from tracker.api.errors import http_error, is_api_request

    messages = {
        400: "Yêu cầu không hợp lệ.",
        403: "Bạn không có quyền thực hiện thao tác này.",
        404: "Không tìm thấy trang hoặc bạn không có quyền xem nội dung này.",
        405: "Thao tác này không được hỗ trợ tại địa chỉ này.",
        413: "Tệp tải lên vượt quá dung lượng cho phép.",
        429: "Bạn đã thử quá nhiều lần. Vui lòng đợi ít phút rồi thử lại.",
        500: "Đã có lỗi xảy ra. Vui lòng thử lại sau.",
    }

    def render(error: Any) -> tuple[str, int] | Response:
        if is_api_request():
            return http_error(error)
        code = getattr(error, "code", 500) or 500
        return render_template("errors/error.html", code=code, message=messages[code]), code

    def render_csrf_error(_error: CSRFError) -> tuple[str, int]:
        message = "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang rồi thực hiện lại."
        return render_template("errors/error.html", code=400, message=message), 400

    for code in messages:
        app.register_error_handler(code, render)
    app.register_error_handler(CSRFError, render_csrf_error)


def register_queues(app: Flask) -> None:
    """Redis: the job queues and the cache of counted figures."""
    from tracker.cache import init_cache
    from tracker.jobs.queues import init_queues

    init_queues(app)
    init_cache(app)


def register_commands(app: Flask) -> None:
    from tracker.cli import register

    register(app)
