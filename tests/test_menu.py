"""The menu's values (`tracker.menu`): read with the signed-in user, read again once her
request has committed a change."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask

from tracker.auth.models import User
from tracker.extensions import db
from tracker.menu import MenuValues, keep_menu_values, menu_values
from tracker.notifications.models import Notification


def test_values_read_with_the_user_serve_until_her_request_commits(
    app: Flask, user: Callable[[str], User]
) -> None:
    leader = user("lanhdao")
    with app.test_request_context("/"):
        read = menu_values(leader)  # as a page drawn after a commit reads them
        keep_menu_values(MenuValues(read.demo_banner, 41, read.waiting_count))
        assert menu_values(leader).unread_notifications == 41  # no statement: those kept
        db.session.add(Notification(user_id=leader.id, kind="test", message="Thử", link="/"))
        db.session.commit()
        assert menu_values(leader) == MenuValues(
            read.demo_banner, read.unread_notifications + 1, read.waiting_count
        )


def test_no_one_signed_in_sees_the_banner_alone(app: Flask) -> None:
    with app.test_request_context("/"):
        keep_menu_values(MenuValues(None, 41, 3))  # a user's, never shown signed out
        values = menu_values(None)
    assert (values.unread_notifications, values.waiting_count) == (0, None)
    assert values.demo_banner is not None  # the demo province is loaded in the tests
