"""The administrator's pages for what leaves the app: the webhooks other systems subscribe,
and the outbox with what was sent, what waits and what failed."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from werkzeug.wrappers import Response
from wtforms import SelectChoice

from tracker.access import role_required
from tracker.auth.models import Role
from tracker.extensions import db
from tracker.outbox.forms import WebhookForm
from tracker.outbox.models import DeliveryState, OutboxMessage, Webhook
from tracker.outbox.webhooks import WebhookError, create_webhook, delete_webhook, set_active
from tracker.tasks.choices import agency_choices

blueprint = Blueprint("outbox", __name__, url_prefix="/quan-tri")
PROVINCE = "0"
SHOWN_MESSAGES = 100


def _form() -> WebhookForm:
    form = WebhookForm()
    form.agency_id.choices = [SelectChoice(PROVINCE, "Toàn tỉnh (mọi nhiệm vụ)")] + agency_choices()
    return form


def _page(form: WebhookForm, created: Webhook | None = None, status: int = 200) -> Response:
    webhooks = db.session.scalars(
        select(Webhook).options(selectinload(Webhook.agency)).order_by(Webhook.id)
    ).all()
    html = render_template("outbox/webhooks.html", form=form, webhooks=webhooks, created=created)
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"  # may show a secret
    return response


@blueprint.route("/webhook")
@role_required(Role.ADMIN)
def webhook_list() -> Response:
    return _page(_form())


@blueprint.route("/webhook", methods=["POST"])
@role_required(Role.ADMIN)
def webhook_create() -> Response:
    form = _form()
    if not form.validate_on_submit():
        return _page(form, status=400)
    agency = None if form.agency_id.data == PROVINCE else int(form.agency_id.data or 0)
    try:
        webhook = create_webhook(
            db.session(),
            name=form.name.data or "",
            agency_id=agency,
            url=form.url.data or "",
            events=form.events.data or [],
            actor=current_user,
        )
    except WebhookError as error:
        db.session.rollback()
        form.url.errors = [str(error)]
        return _page(form, status=400)
    db.session.commit()
    return _page(_blank_form(), created=webhook)


def _blank_form() -> WebhookForm:
    form = _form()
    form.process(formdata=None)
    return form


@blueprint.route("/webhook/<id:webhook_id>/<any(bat,tat):change>", methods=["POST"])
@role_required(Role.ADMIN)
def webhook_switch(webhook_id: int, change: str) -> Response:
    webhook = db.get_or_404(Webhook, webhook_id)
    set_active(db.session(), webhook, change == "bat", current_user)
    db.session.commit()
    flash(f"Đã {'bật' if webhook.active else 'tắt'} webhook “{webhook.name}”.", "info")
    return redirect(url_for("outbox.webhook_list"))


@blueprint.route("/webhook/<id:webhook_id>/xoa", methods=["POST"])
@role_required(Role.ADMIN)
def webhook_delete(webhook_id: int) -> Response:
    webhook = db.get_or_404(Webhook, webhook_id)
    delete_webhook(db.session(), webhook, current_user)
    db.session.commit()
    flash(f"Đã xóa webhook “{webhook.name}”.", "info")
    return redirect(url_for("outbox.webhook_list"))


@blueprint.route("/hang-doi-gui")
@role_required(Role.ADMIN)
def message_list() -> str:
    """The latest rows of the outbox; `?tinh-trang=failed` for the failures alone."""
    wanted = request.args.get("tinh-trang")
    query = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(SHOWN_MESSAGES)
    if wanted in {state.value for state in DeliveryState}:
        query = query.where(OutboxMessage.state == DeliveryState(wanted))
    messages = db.session.scalars(query).all()
    return render_template("outbox/messages.html", messages=messages, wanted=wanted)
