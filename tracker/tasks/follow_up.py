"""What follows a change on a task once it is committed, whichever edge made it (a page, the
API): the notifications it made reach the people concerned by e-mail too."""

from __future__ import annotations

from tracker.jobs.notifications import mail_new_notifications
from tracker.jobs.queues import enqueue


def queue_follow_up() -> None:
    """Queue the e-mail of the new notifications; call it after the commit."""
    enqueue(mail_new_notifications, queue="mail")
