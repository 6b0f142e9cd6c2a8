"""Sign-in and sign-out."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from tracker.auth.forms import LoginForm
from tracker.auth.services import authenticate
from tracker.extensions import db, limiter

blueprint = Blueprint("auth", __name__)


def _failed_sign_in(response: Response) -> bool:
    """Only failed sign-in attempts count against the limit (a success redirects)."""
    return request.method == "POST" and response.status_code != 302


def _login_rate_limit() -> str:
    return str(current_app.config["LOGIN_RATE_LIMIT"])


def _submitted_username() -> str:
    return (request.form.get("username") or "").strip().lower()


@blueprint.route("/dang-nhap", methods=["GET", "POST"])
@limiter.limit(_login_rate_limit, methods=["POST"], deduct_when=_failed_sign_in)
@limiter.limit(
    _login_rate_limit, methods=["POST"], key_func=_submitted_username, deduct_when=_failed_sign_in
)
def login() -> str | Response | tuple[str, int]:
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(db.session(), form.username.data or "", form.password.data or "")
        if user is not None:
            db.session.commit()
            login_user(user, remember=bool(form.remember.data))
            return redirect(_safe_next(request.args.get("next")))
        flash("Tên đăng nhập hoặc mật khẩu không đúng.", "error")
        return render_template("auth/login.html", form=form), 401
    return render_template("auth/login.html", form=form)


@blueprint.route("/dang-xuat", methods=["POST"])
@login_required
def logout() -> Response:
    logout_user()
    flash("Bạn đã đăng xuất.", "info")
    return redirect(url_for("auth.login"))


def _safe_next(target: str | None) -> str:
    """Follow ?next= only to a path on this site, never to another host."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and "\\" not in target:
            return target
    return url_for("dashboard.home")
