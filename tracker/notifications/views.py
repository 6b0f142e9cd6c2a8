"""The signed-in user's notifications ("Tin mới")."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import update
from werkzeug.wrappers import Response

from tracker.db import utcnow
from tracker.extensions import db
from tracker.notifications.models import Notification
from tracker.notifications.queries import notifications_of
from tracker.params import page_number

blueprint = Blueprint("notifications", __name__, url_prefix="/tin-moi")


@blueprint.route("/")
@login_required
def inbox() -> str:
    page = db.paginate(
        notifications_of(current_user.id),
        page=page_number(request.args),
        per_page=current_app.config["PAGE_SIZE"],
        error_out=False,
    )
    return render_template("notifications/inbox.html", page=page)


@blueprint.route("/da-doc", methods=["POST"])
@login_required
def mark_all_read() -> Response:
    db.session.execute(
        update(Notification)
        .where(Notification.user_id == current_user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    db.session.commit()
    return redirect(url_for("notifications.inbox"))
