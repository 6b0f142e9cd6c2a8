"""Sign-in checks."""

from __future__ import annotations

from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from tracker.auth.models import User
from tracker.db import utcnow


@cache
def _unknown_user_hash() -> str:
    return generate_password_hash("no such user", method="scrypt")


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with these credentials, or None, and the time of sign-in recorded.

    An unknown username costs the same hashing as a wrong password, so timing does not
    reveal which accounts exist.
    """
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        check_password_hash(_unknown_user_hash(), password)
        return None
    if not user.check_password(password) or not user.active:
        return None
    user.last_login_at = utcnow()
    return user
