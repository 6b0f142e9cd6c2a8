"""Token queries for the account page."""

from __future__ import annotations

from sqlalchemy import Select, select

from tracker.api.models import ApiToken


def tokens_of(user_id: int) -> Select[ApiToken]:
    """The user's tokens, the newest first, revoked ones included (they show as revoked)."""
    return (
        select(ApiToken)
        .where(ApiToken.user_id == user_id)
        .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    )


def own_token(user_id: int, token_id: int) -> Select[ApiToken]:
    """One token, only if it belongs to the user (another's token is as if it did not exist)."""
    return select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user_id)
