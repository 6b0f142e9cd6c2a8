"""Personal API tokens. Only a SHA-256 digest of each token is kept: the token itself is shown
once, when it is created, and cannot be read back from the database."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, UTCDateTime, utcnow

if TYPE_CHECKING:
    from tracker.auth.models import User


class ApiToken(Base):
    """A token that lets a program read the API as its owner. It lasts until revoked (or
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

    user: Mapped[User] = relationship()

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def __repr__(self) -> str:
        return f"<ApiToken {self.prefix}… of user {self.user_id}>"
