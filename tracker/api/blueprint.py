"""The blueprint of the API, version 1, and what every request goes through: the token, its
scopes and the rate limits. The routes are in `views` (reads), `notice_writes` and
`task_writes`."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import Blueprint, current_app, g, request
from flask_limiter.util import get_remote_address
from werkzeug.wrappers import Response

from tracker.api.errors import BadParameterError, json_error
from tracker.api.models import ApiToken
from tracker.api.scopes import Scope, scope_text
from tracker.api.services import authenticate_token, token_digest, token_may
from tracker.auth.models import User
from tracker.db import utcnow
from tracker.extensions import csrf, db, limiter

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")
# Tokens, not cookies, authenticate here, so there is no cross-site request to forge.
csrf.exempt(blueprint)
PUBLIC_ENDPOINTS = frozenset({"api.openapi_json"})
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
View = TypeVar("View", bound=Callable[..., Any])


def _bearer_secret() -> str | None:
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return secret.strip() or None


def _rate_limit() -> str:
    return str(current_app.config["API_RATE_LIMIT"])


def _write_rate_limit() -> str:
    return str(current_app.config["API_WRITE_RATE_LIMIT"])


def _client_key() -> str:
    """Each token has its own allowance; requests without one share their address's."""
    secret = _bearer_secret()
    return f"api-token:{token_digest(secret)}" if secret else get_remote_address()


limiter.limit(_rate_limit, key_func=_client_key)(blueprint)
# Every write of a token counts against one allowance of its own, on top of the one above.
write_limit = limiter.shared_limit(
    _write_rate_limit, scope="api-write", key_func=_client_key, override_defaults=False
)


def _missing_scope(scope: Scope) -> Response:
    return json_error(403, f"Khóa API này không có quyền “{scope_text(scope)}”.")


@blueprint.before_request
def authenticate() -> Response | None:
    """Let through only requests carrying the token of an active user (the document aside);
    a read needs the `read` scope, each write checks its own (`needs`)."""
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    secret = _bearer_secret()
    token = authenticate_token(db.session(), secret, utcnow()) if secret else None
    if token is None:
        return json_error(401)
    db.session.commit()  # the token's time of use
    g.api_token = token
    if request.method in READ_METHODS and not token_may(token, Scope.READ):
        return _missing_scope(Scope.READ)
    return None


def needs(scope: Scope) -> Callable[[View], View]:
    """The route answers 403 unless the token holds `scope` and its owner's role allows it."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not token_may(api_token(), scope):
                return _missing_scope(scope)
            return view(*args, **kwargs)

        return cast(View, wrapped)

    return decorate


@blueprint.errorhandler(BadParameterError)
def bad_parameter(error: BadParameterError) -> Response:
    return json_error(400, str(error))


def api_token() -> ApiToken:
    token: ApiToken = g.api_token
    return token


def api_user() -> User:
    """The owner of the request's token: the API acts as her."""
    return api_token().user
