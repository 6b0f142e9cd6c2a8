"""Sign-in, sign-out and changing one's own password."""

from __future__ import annotations

import math
from datetime import datetime
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required, login_user, logout_user
from flask_login.config import COOKIE_NAME
from werkzeug.wrappers import Response
from wtforms import SelectChoice

from tracker.auth.accounts import AccountError, change_password, sign_out_everywhere
from tracker.auth.forms import ChangePasswordForm, LoginForm, NotifySettingsForm
from tracker.auth.models import NotifyRhythm
from tracker.auth.services import authenticate
from tracker.auth.throttle import clear_failures, record_failure, retry_at
from tracker.db import utcnow
from tracker.domain.calendar import VIETNAM
from tracker.domain.phones import display_mobile
from tracker.extensions import db, limiter
from tracker.outbox.models import Channel
from tracker.outbox.settings import ChannelSettings

blueprint = Blueprint("auth", __name__)
# What a user who must change her password may still reach.
OPEN_WHILE_PASSWORD_CHANGE = frozenset(
    {"auth.change_own_password", "auth.logout", "auth.logout_everywhere", "static"}
)


def _failed_sign_in(response: Response) -> bool:
    """Only failed sign-in attempts count against the limit (a success redirects)."""
    return request.method == "POST" and response.status_code != 302


def _login_rate_limit() -> str:
    return str(current_app.config["LOGIN_RATE_LIMIT"])


def _wait_message(until: datetime, now: datetime) -> str:
    seconds = math.ceil((until - now).total_seconds())
    at = until.astimezone(VIETNAM).strftime("%H:%M:%S")
    return f"Bạn đã nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau {seconds} giây (từ {at})."


# Per address, across usernames: someone trying many accounts from one place. The wrong
# passwords for one account are slowed per account and address (tracker.auth.throttle).
@blueprint.route("/dang-nhap", methods=["GET", "POST"])
@limiter.limit(_login_rate_limit, methods=["POST"], deduct_when=_failed_sign_in)
def login() -> str | Response | tuple[str, int]:
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.home"))
    form = LoginForm()
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form)
    username = (form.username.data or "").strip().lower()
    address = (request.remote_addr or "")[:45]
    now = utcnow()
    wait_until = retry_at(db.session(), username, address, now)
    if wait_until is not None:
        flash(_wait_message(wait_until, now), "error")
        return render_template("auth/login.html", form=form), 429
    user = authenticate(db.session(), username, form.password.data or "")
    if user is None:
        record_failure(db.session(), username, address, now)
        db.session.commit()
        flash("Tên đăng nhập hoặc mật khẩu không đúng.", "error")
        return render_template("auth/login.html", form=form), 401
    clear_failures(db.session(), username, address)
    db.session.commit()
    # A fresh session at sign-in: nothing set before it (by anyone) carries over, the CSRF
    # token included (Flask-WTF also caches it in g for the request).
    session.clear()
    g.pop(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), None)
    login_user(user, remember=bool(form.remember.data))
    return redirect(_safe_next(request.args.get("next")))


@blueprint.route("/dang-xuat", methods=["POST"])
@login_required
def logout() -> Response:
    # Ends the user's other sessions too: a copied cookie must not outlive signing out.
    current_user.end_sessions()
    db.session.commit()
    logout_user()
    flash("Bạn đã đăng xuất.", "info")
    return redirect(url_for("auth.login"))


@blueprint.route("/dang-xuat-moi-thiet-bi", methods=["POST"])
@login_required
def logout_everywhere() -> Response:
    sign_out_everywhere(db.session(), current_user)
    db.session.commit()
    logout_user()
    flash("Bạn đã đăng xuất khỏi mọi thiết bị.", "info")
    return redirect(url_for("auth.login"))


def _safe_next(target: str | None) -> str:
    """Follow ?next= only to a path on this site, never to another host."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and "\\" not in target:
            return target
    return url_for("dashboard.home")


@blueprint.route("/cai-dat-thong-bao", methods=["POST"])
@login_required
def save_notify_settings() -> Response | tuple[str, int]:
    form = NotifySettingsForm()
    offered = _offered_channels()
    form.channels.choices = [SelectChoice(c.value, c.label) for c in offered]
    if not form.validate_on_submit():
        return _account_page(ChangePasswordForm(formdata=None), form, 400)
    current_user.notify_channels = list(form.channels.data or [])
    current_user.phone = form.phone.data or None
    current_user.notify_rhythm = NotifyRhythm(form.rhythm.data)
    db.session.commit()
    chosen = [c.label for c in offered if c.value in current_user.notify_channels]
    where = ", ".join(chosen) if chosen else "chỉ trong mục Tin mới"
    rhythm = current_user.notify_rhythm.label.lower()
    flash(f"Đã lưu cách nhận thông báo: {where}; {rhythm}.", "info")
    return redirect(url_for("auth.change_own_password"))


def _offered_channels() -> tuple[Channel, ...]:
    return ChannelSettings.from_config(current_app.config).personal_channels


def _account_page(
    form: ChangePasswordForm, notify: NotifySettingsForm, status: int
) -> tuple[str, int]:
    notify.channels.choices = [SelectChoice(c.value, c.label) for c in _offered_channels()]
    html = render_template("auth/change_password.html", form=form, notify_form=notify)
    return html, status


@blueprint.route("/doi-mat-khau", methods=["GET", "POST"])
@login_required
def change_own_password() -> str | Response | tuple[str, int]:
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            change_password(
                db.session(), current_user, form.current.data or "", form.new.data or ""
            )
        except AccountError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            # The change ended every session: carry on in this one under the new version.
            cookie_name = current_app.config.get("REMEMBER_COOKIE_NAME", COOKIE_NAME)
            remembered = cookie_name in request.cookies
            login_user(current_user._get_current_object(), remember=remembered)
            flash("Đã đổi mật khẩu.", "info")
            return redirect(url_for("dashboard.home"))
    status = 400 if request.method == "POST" else 200
    notify = NotifySettingsForm(
        formdata=None,
        channels=list(current_user.notify_channels or []),
        phone=display_mobile(current_user.phone) if current_user.phone else "",
        rhythm=current_user.notify_rhythm.value,
    )
    return _account_page(form, notify, status)


@blueprint.before_app_request
def require_password_change() -> Response | None:
    """A password an admin chose (new account, reset) must be replaced before anything else.
    The endpoint is asked first: a static file loads no user."""
    if (
        request.endpoint not in OPEN_WHILE_PASSWORD_CHANGE
        and current_user.is_authenticated
        and current_user.must_change_password
    ):
        flash("Vui lòng đổi mật khẩu do quản trị viên cấp trước khi tiếp tục.", "info")
        return redirect(url_for("auth.change_own_password"))
    return None
