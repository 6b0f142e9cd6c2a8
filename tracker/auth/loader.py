"""How Flask-Login finds the signed-in user."""

from __future__ import annotations

from flask_login import LoginManager
from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload

from tracker.auth.models import User
from tracker.extensions import db

# every page's menu names the user's agency: read with her, not by a second query; built
# once, as every request asks it
_USER = select(User).options(joinedload(User.agency)).where(User.id == bindparam("user_id"))


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
        user = db.session.execute(_USER, {"user_id": int(account_id)}).scalar_one_or_none()
        if user is None or not user.active or user.session_version != int(version):
            return None
        return user
