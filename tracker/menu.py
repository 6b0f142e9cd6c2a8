"""What the menu around every page shows besides the user herself: the demo banner, her
unread messages and what waits for her.

The statement that loads the signed-in user reads them with her (`tracker.auth.loader`,
`menu_columns`), so a page costs no round trip of its own for them. A page drawn after its
request committed a change (the count it shows may have moved), or for no one signed in,
reads them on its own (`menu_values`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    SQLColumnExpression,
    bindparam,
    literal,
    null,
    select,
)

from tracker.admin.models import setting_value
from tracker.auth.models import Role, User
from tracker.dashboard.queue import waiting_by_role, waiting_of_role
from tracker.demo.loader import DEMO_SETTING
from tracker.extensions import db
from tracker.notifications.queries import unread_count
from tracker.read_with_user import keep, kept
from tracker.statements import built


@dataclass(frozen=True, slots=True)
class MenuValues:
    demo_banner: dict[str, Any] | None  # the demo's setting: which notice, moved how far
    unread_notifications: int
    waiting_count: int | None  # None for those nothing waits for (agencies)


def menu_columns(
    user_id: SQLColumnExpression[int], role: SQLColumnExpression[Role] | Role
) -> list[ColumnElement[Any]]:
    """The menu's values of the user whose id and role these are (the role a column, or
    known beforehand), as columns of a statement (in `MenuValues`' order)."""
    waiting = waiting_of_role(role) if isinstance(role, Role) else waiting_by_role(role)
    return [setting_value(DEMO_SETTING), unread_count(user_id), waiting]


def keep_menu_values(values: MenuValues) -> None:
    """The values read with the signed-in user, for the pages of her request."""
    keep("menu", values)


def menu_values(user: User | None) -> MenuValues:
    """The menu's values for the user (None: no one signed in): those read with her, unless
    her request has committed since."""
    read: MenuValues | None = kept("menu")
    if read is not None and user is not None:
        return read
    if user is None:
        return MenuValues(*db.session.execute(_SIGNED_OUT).one())
    statement = built(("menu values", user.role), lambda: _signed_in(user.role))
    return MenuValues(*db.session.execute(statement, {"user_id": user.id}).one())


_SIGNED_OUT = select(setting_value(DEMO_SETTING), literal(0), null())  # built once


def _signed_in(role: Role) -> Select[Any]:
    """The menu's values of the user whose id is the statement's `user_id`, her role known."""
    return select(*menu_columns(bindparam("user_id", type_=Integer), role))
