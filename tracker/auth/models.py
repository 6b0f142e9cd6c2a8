"""Users and their roles."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from tracker.db import Base, UTCDateTime, str_enum, utcnow
from tracker.domain.labels import LabelledEnum

if TYPE_CHECKING:
    from tracker.agencies.models import Agency


class Role(LabelledEnum):
    ADMIN = "admin", "Quản trị hệ thống"
    SECRETARIAT = "secretariat", "Chuyên viên Văn phòng UBND"
    LEADER = "leader", "Lãnh đạo UBND tỉnh"
    AGENCY_HEAD = "agency_head", "Lãnh đạo cơ quan"
    AGENCY_OFFICER = "agency_officer", "Chuyên viên cơ quan"

    @property
    def is_agency_role(self) -> bool:
        return self in AGENCY_ROLES


AGENCY_ROLES = frozenset({Role.AGENCY_HEAD, Role.AGENCY_OFFICER})


class NotifyRhythm(LabelledEnum):
    """When a user's notifications leave the app by the channels she chose."""

    IMMEDIATE = "immediate", "Gửi ngay khi có thông báo"
    DAILY = "daily", "Gộp thành một tin mỗi chiều (17:00)"


class User(UserMixin, Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(160))
    email: Mapped[str | None] = mapped_column(String(254))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(str_enum(Role))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    # Set when an admin chose the password (new account, reset): the user must replace it.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Part of every session and "remember me" cookie (see get_id); moving it on ends them all.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")
    notify_rhythm: Mapped[NotifyRhythm] = mapped_column(
        str_enum(NotifyRhythm, length=20),
        default=NotifyRhythm.IMMEDIATE,
        server_default=NotifyRhythm.IMMEDIATE.value,
    )
    # the channels out of the app she chose ("email", "zalo", "sms"); in-app is always on
    notify_channels: Mapped[list[str]] = mapped_column(JSON, default=lambda: ["email"])
    # a Vietnamese mobile as 84xxxxxxxxx, for Zalo and SMS
    phone: Mapped[str | None] = mapped_column(String(11))

    agency: Mapped[Agency | None] = relationship()

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def get_id(self) -> str:
        """What Flask-Login keeps in the session and the remember cookie: "<id>:<version>"."""
        return f"{self.id}:{self.session_version}"

    def end_sessions(self) -> None:
        """Every session and remember cookie issued so far stops signing this user in."""
        self.session_version += 1

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def __repr__(self) -> str:
        return f"<User {self.username}>"


class SignInFailure(Base):
    """Wrong passwords in a row for one username from one address: the next try must wait.

    Kept per username and address so that someone guessing from one address slows only
    himself, never the account's holder elsewhere. Kept for any username typed, known or not,
    so that the delay does not tell which accounts exist.
    """

    __tablename__ = "sign_in_failure"
    __table_args__ = (UniqueConstraint("username", "address"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80))
    address: Mapped[str] = mapped_column(String(45))
    failures: Mapped[int]
    last_failed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
