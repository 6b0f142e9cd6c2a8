"""What the system that sends a notice states about it (its document management system, through
the API): the number, date and issuer it registered, and the document's id there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.notices.models import Notice


@dataclass(frozen=True)
class StatedMetadata:
    """Each field given wins over what the parser reads in the text; None leaves it to the
    parser (the issuer and the source are never read from the text)."""

    number: str | None = None
    issued_on: date | None = None
    issuer: str | None = None
    source_system: str | None = None
    source_id: str | None = None


class DuplicateSourceError(Exception):
    """The sending system sent this document before: the same id in the same system."""

    def __init__(self, existing: Notice) -> None:
        super().__init__(f"{existing.source_system} document {existing.source_id} exists already")
        self.existing = existing


def find_by_source(
    session: Session, source_system: str | None, source_id: str | None
) -> Notice | None:
    """The notice made from this document of that system, if any."""
    if not source_system or not source_id:
        return None
    return session.scalar(
        select(Notice).where(Notice.source_system == source_system, Notice.source_id == source_id)
    )
