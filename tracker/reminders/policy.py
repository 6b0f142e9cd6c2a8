"""The reminder policy, stored as a setting the admin edits."""

from __future__ import annotations

from dataclasses import asdict, fields

from sqlalchemy.orm import Session

from tracker.admin.models import read_setting, write_setting
from tracker.domain.reminders import ReminderPolicy

POLICY_SETTING = "reminder_policy"


def load_policy(session: Session) -> ReminderPolicy:
    """The stored policy; defaults for anything not stored."""
    stored = read_setting(session, POLICY_SETTING) or {}
    known = {f.name for f in fields(ReminderPolicy)}
    values = {key: value for key, value in stored.items() if key in known}
    if "days_before" in values:
        values["days_before"] = tuple(values["days_before"])
    return ReminderPolicy(**values)


def save_policy(session: Session, policy: ReminderPolicy) -> None:
    values = asdict(policy)
    values["days_before"] = list(policy.days_before)
    write_setting(session, POLICY_SETTING, values)
