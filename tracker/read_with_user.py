"""Values read in the statement that loads the signed-in user (`tracker.auth.loader`): the
menu's counts, the directory's stamp. Her request uses them until it commits, since a
commit may have moved them; afterwards each is read again where it is needed."""

from __future__ import annotations

from typing import Any

from flask import g, has_request_context
from sqlalchemy import event
from sqlalchemy.orm import Session

_KEPT = "read_with_user"


def keep(name: str, value: object) -> None:
    if has_request_context():
        g.setdefault(_KEPT, {}).setdefault(name, value)


def kept(name: str) -> Any:
    """The value read with the user, None when there is none (no one signed in, no request,
    or the request has committed since)."""
    if not has_request_context():
        return None
    return g.get(_KEPT, {}).get(name)


def forget_on_commit() -> None:
    """Once per process."""
    if not event.contains(Session, "after_commit", _forget):
        event.listen(Session, "after_commit", _forget)


def _forget(_session: Session) -> None:
    if has_request_context():
        g.pop(_KEPT, None)
