"""The admin's user pages: list, create, edit, deactivate or reactivate, reset a password.

A password the system generates is shown once, in the response to the request that made it,
never through a flash message (those travel in the session cookie) and never stored in clear.
"""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload
from werkzeug.wrappers import Response
from wtforms import SelectChoice

from tracker.access import role_required
from tracker.agencies.queries import active_agencies
from tracker.auth.accounts import (
    AccountError,
    create_user,
    generate_password,
    reset_password,
    set_active,
    unlock_sign_in,
    update_user,
)
from tracker.auth.forms import NO_AGENCY, AccountForm, NewAccountForm
from tracker.auth.models import Role, User
from tracker.auth.throttle import failures_for
from tracker.extensions import db
from tracker.params import page_number, query_id
from tracker.tasks.choices import agency_choices

blueprint = Blueprint("users", __name__, url_prefix="/quan-tri/nguoi-dung")
ACTIVE, INACTIVE = "hoat_dong", "da_khoa"


def _with_agencies(form: AccountForm) -> AccountForm:
    form.agency.choices = [SelectChoice(str(NO_AGENCY), "— Không gắn cơ quan —"), *agency_choices()]
    return form


def _get_user_or_404(user_id: int) -> User:
    return db.get_or_404(User, user_id)


def _filtered_users() -> Select[User]:
    """Users, filtered by ?vai_tro=, ?co_quan= and ?trang_thai=; unknown values ignored."""
    query = select(User).options(selectinload(User.agency)).order_by(User.username)
    role = request.args.get("vai_tro", "")
    if role in {r.value for r in Role}:
        query = query.where(User.role == Role(role))
    agency_id = query_id(request.args, "co_quan")
    if agency_id is not None:
        query = query.where(User.agency_id == agency_id)
    state = request.args.get("trang_thai", "")
    if state in (ACTIVE, INACTIVE):
        query = query.where(User.active.is_(state == ACTIVE))
    return query


def _password_page(user: User, password: str, heading: str) -> Response:
    page = render_template(
        "auth/password_issued.html", account=user, password=password, heading=heading
    )
    return Response(page, headers={"Cache-Control": "no-store"})


@blueprint.route("/")
@role_required(Role.ADMIN)
def user_list() -> str:
    page = db.paginate(
        _filtered_users(),
        page=page_number(request.args),
        per_page=current_app.config["PAGE_SIZE"],
        error_out=False,
    )
    return render_template(
        "auth/users.html",
        page=page,
        roles=list(Role),
        agencies=db.session.scalars(active_agencies()).all(),
        args=request.args,
        states={ACTIVE: "Đang hoạt động", INACTIVE: "Đã khóa"},
    )


@blueprint.route("/moi", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def new_user() -> Response | tuple[str, int]:
    form = _with_agencies(NewAccountForm())
    if form.validate_on_submit():
        typed = form.password.data or ""
        password = typed or generate_password()
        try:
            user = create_user(
                db.session(), form.username.data or "", form.details(), password, current_user
            )
        except AccountError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            if typed:
                flash(f"Đã tạo tài khoản {user.username}.", "info")
                return redirect(url_for("users.user_list"))
            return _password_page(user, password, "Đã tạo tài khoản")
    status = 400 if request.method == "POST" else 200
    return render_template("auth/user_form.html", form=form, account=None), status


@blueprint.route("/<id:user_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_user(user_id: int) -> Response | tuple[str, int]:
    user = _get_user_or_404(user_id)
    form = _with_agencies(
        AccountForm(
            data={
                "full_name": user.full_name,
                "email": user.email or "",
                "role": user.role.value,
                "agency": user.agency_id or NO_AGENCY,
            }
        )
    )
    if form.validate_on_submit():
        try:
            update_user(db.session(), user, form.details(), current_user)
        except AccountError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(f"Đã lưu tài khoản {user.username}.", "info")
            return redirect(url_for("users.edit_user", user_id=user.id))
    status = 400 if request.method == "POST" else 200
    failed = failures_for(db.session(), user.username)
    page = render_template("auth/user_form.html", form=form, account=user, failed_sign_ins=failed)
    return page, status


@blueprint.route("/<int:user_id>/mo-khoa-dang-nhap", methods=["POST"])
@role_required(Role.ADMIN)
def unlock(user_id: int) -> Response:
    user = _get_user_or_404(user_id)
    unlock_sign_in(db.session(), user, current_user)
    db.session.commit()
    flash(f"Đã xóa các lần đăng nhập sai của {user.username}; có thể đăng nhập lại ngay.", "info")
    return redirect(url_for("users.edit_user", user_id=user.id))


@blueprint.route("/<id:user_id>/<any('khoa', 'mo-khoa'):action>", methods=["POST"])
@role_required(Role.ADMIN)
def change_state(user_id: int, action: str) -> Response:
    user = _get_user_or_404(user_id)
    try:
        set_active(db.session(), user, action == "mo-khoa", current_user)
    except AccountError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        done = "mở khóa" if user.active else "khóa"
        flash(f"Đã {done} tài khoản {user.username}.", "info")
    return redirect(url_for("users.edit_user", user_id=user.id))


@blueprint.route("/<id:user_id>/dat-lai-mat-khau", methods=["POST"])
@role_required(Role.ADMIN)
def reset(user_id: int) -> Response:
    user = _get_user_or_404(user_id)
    password = reset_password(db.session(), user, current_user)
    db.session.commit()
    return _password_page(user, password, "Đã đặt lại mật khẩu")
