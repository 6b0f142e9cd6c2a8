"""Personal API tokens, and the answers kept for their idempotency keys. Only a SHA-256 digest
of each token is kept: the token itself is shown once, when it is created, and cannot be read
back from the database."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, UTCDateTime, utcnow

if TYPE_CHECKING:
    from tracker.auth.models import User


class ApiToken(Base):
    """A token that lets a program use the API as its owner, within its scopes (`read`,
    `notices:write`, `tasks:write`; see `tracker.api.scopes`). It lasts until revoked (or
    until its owner is deactivated): integrations fail silently when a token expires, so the
    owner sees when each token was last used and revokes what is no longer needed."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(80))
    # The first characters of the token, so that its owner can tell her tokens apart.
    prefix: Mapped[str] = mapped_column(String(8))
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Fixed when the token is made: a program that needs more gets a new token.
    scopes: Mapped[list[str]] = mapped_column(JSON, default=lambda: ["read"])

    user: Mapped[User] = relationship()

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def __repr__(self) -> str:
        return f"<ApiToken {self.prefix}… of user {self.user_id}>"


class IdempotentAnswer(Base):
    """The answer given to a write sent with an `Idempotency-Key`, so that a program that
    sends it again (after a timeout, say) gets the same answer and nothing is done twice.
    `fingerprint` is the SHA-256 of the method, path and body: the same key on another
    request is a mistake of the program, not a repeat."""

    __tablename__ = "api_idempotent_answer"
    __table_args__ = (UniqueConstraint("token_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_id: Mapped[int] = mapped_column(ForeignKey("api_token.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(255))
    fingerprint: Mapped[str] = mapped_column(String(64))
    status: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    def __repr__(self) -> str:
        return f"<IdempotentAnswer {self.status} for token {self.token_id}>"
