"""User administration: the verbs behind the admin's user pages and "Đổi mật khẩu".

Each verb checks its rule, changes the row, writes an audit event (never a password, nor its
hash) and flushes; the view commits. A rule broken raises AccountError with the Vietnamese
message to show.
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.agencies.models import Agency
from tracker.audit.services import record_event
from tracker.auth.models import Role, User
from tracker.auth.throttle import clear_failures

MIN_PASSWORD_LENGTH = 8
GENERATED_LENGTH = 14
# No look-alikes (0/O, 1/l/I), so that a password read aloud or copied by hand survives.
_ALPHABET = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")


class AccountError(ValueError):
    """A rule of user administration was broken; the message is for the user."""


@dataclass(frozen=True)
class AccountDetails:
    """What the admin sets on an account."""

    full_name: str
    email: str
    role: Role
    agency_id: int | None


def generate_password() -> str:
    """A random password with lower and upper case letters and digits."""
    while True:
        password = "".join(secrets.choice(_ALPHABET) for _ in range(GENERATED_LENGTH))
        classes = (str.islower, str.isupper, str.isdigit)
        if all(any(test(char) for char in password) for test in classes):
            return password


def create_user(
    session: Session, username: str, details: AccountDetails, password: str, actor: User
) -> User:
    """A new active account; its holder must change the password at the first sign-in."""
    username = username.strip().lower()
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise AccountError("Tên đăng nhập này đã được dùng.")
    _check_agency(session, details)
    user = User(username=username, password_hash="", must_change_password=True)
    _apply(user, details)
    user.set_password(password)
    session.add(user)
    session.flush()
    _event(session, actor, user, "user.created", after=_snapshot(user))
    return user


def update_user(session: Session, user: User, details: AccountDetails, actor: User) -> None:
    """Change name, e-mail, role and agency."""
    _check_agency(session, details)
    if details.role is not user.role:
        _keep_an_admin(session, user)
    before = _snapshot(user)
    _apply(user, details)
    session.flush()
    _event(session, actor, user, "user.updated", before=before, after=_snapshot(user))


def set_active(session: Session, user: User, active: bool, actor: User) -> None:
    """Deactivate (the user can no longer sign in; her history stays) or reactivate."""
    if user.active == active:
        return
    if not active:
        if user.id == actor.id:
            raise AccountError("Bạn không thể tự khóa tài khoản của mình.")
        _keep_an_admin(session, user)
    user.active = active
    if not active:
        user.end_sessions()
    session.flush()
    _event(session, actor, user, "user.reactivated" if active else "user.deactivated")


def reset_password(session: Session, user: User, actor: User) -> str:
    """A new temporary password, returned once to be handed over; the old one stops working."""
    password = generate_password()
    user.set_password(password)
    user.must_change_password = True
    user.end_sessions()
    session.flush()
    _event(session, actor, user, "user.password_reset")
    return password


def unlock_sign_in(session: Session, user: User, actor: User) -> int:
    """Forget the user's wrong passwords from every address, so no sign-in waits; how many."""
    cleared = clear_failures(session, user.username)
    _event(session, actor, user, "user.sign_in_unlocked", before={"failed_sign_ins": cleared})
    return cleared


def change_password(session: Session, user: User, current: str, new: str) -> None:
    """The user replaces her own password, proving she knows the current one."""
    if not user.check_password(current):
        raise AccountError("Mật khẩu hiện tại không đúng.")
    if new == current:
        raise AccountError("Mật khẩu mới phải khác mật khẩu hiện tại.")
    user.set_password(new)
    user.must_change_password = False
    user.end_sessions()
    session.flush()
    _event(session, user, user, "user.password_changed")


def sign_out_everywhere(session: Session, user: User) -> None:
    """End every session of the user, on every device, remember cookies included."""
    user.end_sessions()
    session.flush()
    _event(session, user, user, "user.signed_out_everywhere")


def _check_agency(session: Session, details: AccountDetails) -> None:
    if not details.role.is_agency_role:
        if details.agency_id is not None:
            raise AccountError("Chỉ tài khoản của cơ quan (lãnh đạo, chuyên viên) mới gắn cơ quan.")
        return
    if details.agency_id is None:
        raise AccountError("Vui lòng chọn cơ quan cho tài khoản lãnh đạo hoặc chuyên viên cơ quan.")
    agency = session.get(Agency, details.agency_id)
    if agency is None or not agency.active:
        raise AccountError("Cơ quan đã chọn không còn hoạt động.")


def _keep_an_admin(session: Session, user: User) -> None:
    """Refuse to remove the last active admin, or nobody could manage users again."""
    if user.role is not Role.ADMIN or not user.active:
        return
    others = session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.role == Role.ADMIN, User.active.is_(True), User.id != user.id)
    )
    if not others:
        raise AccountError("Đây là tài khoản quản trị cuối cùng đang hoạt động, không thể gỡ bỏ.")


def _apply(user: User, details: AccountDetails) -> None:
    user.full_name = details.full_name.strip()
    user.email = details.email.strip() or None
    user.role = details.role
    user.agency_id = details.agency_id


def _snapshot(user: User) -> dict[str, Any]:
    return {
        "username": user.username,
        "full_name": user.full_name,
        "email": user.email,
        "role": user.role.value,
        "agency_id": user.agency_id,
        "active": user.active,
    }


def _event(
    session: Session,
    actor: User,
    user: User,
    action: str,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    record_event(
        session,
        actor_id=actor.id,
        action=action,
        subject_type="user",
        subject_id=user.id,
        before=before,
        after=after,
    )
