"""The scorecard weights, stored as a setting the admin edits."""

from __future__ import annotations

from dataclasses import asdict, fields

from sqlalchemy.orm import Session

from tracker.admin.models import read_setting, write_setting
from tracker.audit.services import record_event
from tracker.auth.models import User
from tracker.domain.scorecard import ScoreWeights

WEIGHTS_SETTING = "scorecard_weights"


def load_weights(session: Session) -> ScoreWeights:
    """The stored weights; defaults for anything not stored."""
    stored = read_setting(session, WEIGHTS_SETTING) or {}
    known = {field.name for field in fields(ScoreWeights)}
    return ScoreWeights(**{key: float(value) for key, value in stored.items() if key in known})


def change_weights(session: Session, weights: ScoreWeights, actor: User) -> None:
    """Store new weights, with the old and new values in the audit log."""
    before = asdict(load_weights(session))
    write_setting(session, WEIGHTS_SETTING, asdict(weights))
    record_event(
        session,
        actor_id=actor.id,
        action="scorecard_weights.changed",
        subject_type="setting",
        subject_id=0,
        before=before,
        after=asdict(weights),
    )
    session.flush()
