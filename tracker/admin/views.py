"""Administration pages: their index, the holiday calendar, the reminder policy, the outbox."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from tracker.access import role_required
from tracker.admin.forms import FixedHolidaysForm, HolidayForm, ReminderPolicyForm
from tracker.admin.models import Holiday
from tracker.admin.services import add_fixed_holidays, add_holiday, remove_holiday
from tracker.audit.services import record_event
from tracker.auth.models import Role
from tracker.clock import today
from tracker.domain.reminders import ReminderPolicy
from tracker.extensions import db
from tracker.mail.sink import read_outbox
from tracker.reminders.policy import load_policy, save_policy

blueprint = Blueprint("admin", __name__, url_prefix="/quan-tri")


@blueprint.route("/")
@role_required(Role.ADMIN)
def index() -> str:
    return render_template("admin/index.html")


def _page(form: HolidayForm, fixed: FixedHolidaysForm, status: int = 200) -> tuple[str, int]:
    days = db.session.scalars(select(Holiday).order_by(Holiday.day.desc())).all()
    return render_template("admin/holidays.html", form=form, fixed=fixed, days=days), status


@blueprint.route("/ngay-nghi")
@role_required(Role.ADMIN)
def holidays() -> tuple[str, int]:
    return _page(HolidayForm(), FixedHolidaysForm(data={"year": today().year}))


@blueprint.route("/ngay-nghi", methods=["POST"])
@role_required(Role.ADMIN)
def add() -> Response | tuple[str, int]:
    form = HolidayForm()
    if not form.validate_on_submit() or form.day.data is None:
        return _page(form, FixedHolidaysForm(data={"year": today().year}), 400)
    if add_holiday(db.session(), form.day.data, form.name.data or "", current_user):
        db.session.commit()
        flash("Đã thêm ngày nghỉ.", "info")
    else:
        flash("Ngày này đã có trong lịch nghỉ.", "error")
    return redirect(url_for("admin.holidays"))


@blueprint.route("/ngay-nghi/co-dinh", methods=["POST"])
@role_required(Role.ADMIN)
def add_fixed() -> Response | tuple[str, int]:
    fixed = FixedHolidaysForm()
    if not fixed.validate_on_submit() or fixed.year.data is None:
        return _page(HolidayForm(), fixed, 400)
    added = add_fixed_holidays(db.session(), fixed.year.data, current_user)
    db.session.commit()
    flash(f"Đã thêm {added} ngày lễ cố định của năm {fixed.year.data}.", "info")
    return redirect(url_for("admin.holidays"))


@blueprint.route("/ngay-nghi/<day>/xoa", methods=["POST"])
@role_required(Role.ADMIN)
def delete(day: str) -> Response:
    try:
        removed = remove_holiday(db.session(), date.fromisoformat(day), current_user)
    except ValueError:
        removed = False
    db.session.commit()
    flash("Đã xóa ngày nghỉ." if removed else "Không tìm thấy ngày nghỉ này.", "info")
    return redirect(url_for("admin.holidays"))


@blueprint.route("/nhac-viec", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def reminder_policy() -> str | Response | tuple[str, int]:
    policy = load_policy(db.session())
    form = ReminderPolicyForm(
        data={**asdict(policy), "days_before": ", ".join(map(str, policy.days_before))}
    )
    if form.validate_on_submit():
        save_policy(
            db.session(),
            ReminderPolicy(
                days_before=form.days,
                on_overdue_day=bool(form.on_overdue_day.data),
                weekly_while_overdue=bool(form.weekly_while_overdue.data),
                escalate_after_days=form.escalate_after_days.data or 14,
                digest_without_deadline=bool(form.digest_without_deadline.data),
            ),
        )
        record_event(
            db.session(),
            actor_id=current_user.id,
            action="reminder_policy.changed",
            subject_type="setting",
            subject_id=0,
            after={"days_before": list(form.days)},
        )
        db.session.commit()
        flash("Đã lưu chính sách nhắc việc.", "info")
        return redirect(url_for("admin.reminder_policy"))
    status = 400 if form.errors else 200
    return render_template("admin/reminder_policy.html", form=form), status


@blueprint.route("/hop-thu-di")
@role_required(Role.ADMIN)
def outbox() -> str:
    """The messages the development mail sink received (make run), newest first."""
    folder = Path(current_app.config["OUTBOX_FOLDER"])
    messages = read_outbox(folder, limit=100) if folder.is_dir() else []
    return render_template("admin/outbox.html", messages=messages)
