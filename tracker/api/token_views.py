"""The account page where every signed-in user creates, lists and revokes her API tokens."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from tracker.api.forms import TokenForm
from tracker.api.queries import own_token, tokens_of
from tracker.api.scopes import Scope, scopes_for
from tracker.api.services import issue_token, revoke_token
from tracker.extensions import db

blueprint = Blueprint("api_tokens", __name__, url_prefix="/tai-khoan")


def _page(form: TokenForm, new_secret: str | None = None, status: int = 200) -> Response:
    tokens = db.session.scalars(tokens_of(current_user.id)).all()
    html = render_template(
        "api/tokens.html",
        form=form,
        tokens=tokens,
        new_secret=new_secret,
        offered_scopes=[scope.value for scope in scopes_for(current_user.role)],
        scope_labels={scope.value: scope.label for scope in Scope},
    )
    response = Response(html, status=status, mimetype="text/html")
    # The page may show a token in clear: keep it out of every cache.
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.route("/khoa-api")
@login_required
def token_list() -> Response:
    return _page(TokenForm(current_user.role))


@blueprint.route("/khoa-api", methods=["POST"])
@login_required
def create_token() -> Response:
    form = TokenForm(current_user.role)
    if not form.validate_on_submit():
        return _page(form, status=400)
    _token, secret = issue_token(
        db.session(), current_user, form.name.data or "", form.scopes.data or []
    )
    db.session.commit()
    # Shown on this response only, never flashed: a flash would sit in the session cookie.
    return _page(TokenForm(current_user.role, formdata=None), new_secret=secret)


@blueprint.route("/khoa-api/<id:token_id>/thu-hoi", methods=["POST"])
@login_required
def revoke(token_id: int) -> Response:
    token = db.first_or_404(own_token(current_user.id, token_id))
    revoke_token(db.session(), token, current_user)
    db.session.commit()
    flash(
        f"Đã thu hồi khóa “{token.name}”. Các chương trình dùng khóa này không truy cập được nữa.",
        "info",
    )
    return redirect(url_for("api_tokens.token_list"))
