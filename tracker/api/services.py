"""Issuing, revoking and checking API tokens. The verbs flush; the caller commits."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.api.models import ApiToken
from tracker.api.scopes import Scope, refused_scopes, scopes_for
from tracker.audit.services import record_event
from tracker.auth.models import User
from tracker.db import utcnow

# Writing the time of use on every request would turn each read into a write; the owner only
# needs to know roughly when a token was last used.
LAST_USED_PRECISION = timedelta(minutes=5)


def token_digest(secret: str) -> str:
    """The SHA-256 of a token, as stored. A token carries 256 random bits, so a fast hash is
    enough: there is nothing to guess by brute force."""
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_token(
    session: Session, user: User, name: str, scopes: Collection[str] = (Scope.READ,)
) -> tuple[ApiToken, str]:
    """Create a token for `user` with these scopes (which her role must allow); return it
    with the secret, which is never stored."""
    refused = refused_scopes(user.role, scopes)
    if refused:
        raise ValueError(f"{user.role} may not hold the scopes {refused}")
    secret = secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=user.id,
        name=name.strip(),
        prefix=secret[:8],
        digest=token_digest(secret),
        # in the order of the page, each once
        scopes=[scope.value for scope in Scope if scope in scopes],
    )
    session.add(token)
    session.flush()
    record_event(
        session,
        actor_id=user.id,
        action="api_token.created",
        subject_type="api_token",
        subject_id=token.id,
        after={"name": token.name, "prefix": token.prefix, "scopes": token.scopes},
    )
    return token, secret


def revoke_token(session: Session, token: ApiToken, actor: User) -> None:
    """Revoke a token at once; revoking twice changes nothing."""
    if token.revoked_at is not None:
        return
    token.revoked_at = utcnow()
    session.flush()
    record_event(
        session,
        actor_id=actor.id,
        action="api_token.revoked",
        subject_type="api_token",
        subject_id=token.id,
        before={"name": token.name, "prefix": token.prefix},
    )


def authenticate_token(session: Session, secret: str, now: datetime) -> ApiToken | None:
    """A valid, unrevoked token of an active user, with its time of use noted."""
    token = session.scalar(
        select(ApiToken).where(
            ApiToken.digest == token_digest(secret), ApiToken.revoked_at.is_(None)
        )
    )
    if token is None or not token.user.active:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        token.last_used_at = now
        session.flush()
    return token


def token_may(token: ApiToken, scope: Scope) -> bool:
    """Whether the token holds the scope and its owner's role (as it is today) allows it."""
    return scope.value in token.scopes and scope in scopes_for(token.user.role)
