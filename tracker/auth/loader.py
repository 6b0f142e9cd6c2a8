"""How Flask-Login finds the signed-in user."""

from __future__ import annotations

from typing import Any

from flask_login import LoginManager
from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import joinedload

from tracker.agencies.kept import directory_stamp, keep_directory_stamp
from tracker.auth.models import User
from tracker.extensions import db
from tracker.menu import MenuValues, keep_menu_values, menu_columns
from tracker.statements import built


def _user_with_menu() -> Select[Any]:
    """Every page's menu names the user's agency and shows her unread messages and what
    waits for her: all read with her, not by further queries; and the directory's stamp,
    which tells whether the agencies' options a process keeps are still the directory's.
    Built once (`built`), as every request asks it, and only once the models are known."""
    return (
        select(User, *menu_columns(User.id, User.role), directory_stamp())
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
        statement = built(("signed-in user",), _user_with_menu)
        row = db.session.execute(statement, {"user_id": int(account_id)}).one_or_none()
        if row is None:
            return None
        user, *menu, stamp = row
        if not user.active or user.session_version != int(version):
            return None
        keep_menu_values(MenuValues(*menu))
        keep_directory_stamp(stamp)
        return user
