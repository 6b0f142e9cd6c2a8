"""How Flask-Login finds the signed-in user."""

from __future__ import annotations

from typing import Any

from flask import session
from flask_login import LoginManager
from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import joinedload

from tracker.agencies.kept import directory_stamp, keep_directory_stamp
from tracker.auth.models import Role, User
from tracker.extensions import db
from tracker.menu import MenuValues, keep_menu_values, menu_columns
from tracker.statements import built

ROLE_SEEN = "role"  # the session's key for the role its user had at her last request
_ROLE_VALUES = frozenset(role.value for role in Role)


def _user_with_menu(role: Role | None) -> Select[Any]:
    """Every page's menu names the user's agency and shows her unread messages and what
    waits for her: all read with her, not by further queries; and the directory's stamp,
    which tells whether the agencies' options a process keeps are still the directory's.
    What waits depends on the role: counted for the `role` her session last saw, or for
    whichever she has when it saw none (every role's count in the statement, the database
    choosing: four times the SQL, and 0.1 ms more on PostgreSQL). Built once per role
    (`built`), as every request asks it, and only once the models are known."""
    return (
        select(User, *menu_columns(User.id, User.role if role is None else role), directory_stamp())
        .options(joinedload(User.agency))
        .where(User.id == bindparam("user_id"))
    )


def register_user_loader(login_manager: LoginManager) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Vui lòng đăng nhập để tiếp tục."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        """The user of a session or remember cookie, unless it was issued before her sessions
        were ended (sign-out, password change or reset, locking, "sign out everywhere")."""
        account_id, _, version = user_id.partition(":")
        if not (account_id.isdigit() and version.isdigit()):
            return None
        seen = _role_seen()
        statement = built(("signed-in user", seen), lambda: _user_with_menu(seen))
        row = db.session.execute(statement, {"user_id": int(account_id)}).one_or_none()
        if row is None:
            return None
        user, *menu, stamp = row
        if not user.active or user.session_version != int(version):
            return None
        if seen in (None, user.role):  # else her role changed: the page reads the menu anew
            keep_menu_values(MenuValues(*menu))
        if seen is not user.role:
            session[ROLE_SEEN] = user.role.value
        keep_directory_stamp(stamp)
        return user


def _role_seen() -> Role | None:
    """The role the session's user had at its last request, if it recorded one."""
    value = session.get(ROLE_SEEN)
    return Role(value) if value in _ROLE_VALUES else None
