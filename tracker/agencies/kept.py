"""The directory's rows that pages show again and again (the agencies' and the groups'
options, the agencies' names), kept by each process while the directory stays as it is.

The database draws a new stamp with every change to the agencies, their aliases, the
groups and their members (`DirectoryStamp`, triggers of migration 0031), and the statement
that loads the signed-in user reads it (`tracker.auth.loader`). Rows are kept under the
stamp read before them: read after it, they are never older than the directory it stands
for, so a process never shows a directory older than its stamp says."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Row, ScalarSelect, Select, func, select
from sqlalchemy.orm import Session

from tracker.agencies.models import Agency, DirectoryStamp
from tracker.agencies.queries import active_agencies
from tracker.read_with_user import keep, kept

_STAMP = "directory stamp"
# per statement (module constants, a handful), the stamp it was read at and its rows
_kept: dict[Select[*tuple[Any, ...]], tuple[int, Sequence[Row[*tuple[Any, ...]]]]] = {}
_ACTIVE_AGENCIES = active_agencies().with_only_columns(Agency.id, Agency.name)
_SHORT_NAMES = select(Agency.id, func.coalesce(Agency.short_name, Agency.name))


def directory_stamp() -> ScalarSelect[int]:
    """The directory's stamp, to be read with the signed-in user."""
    return select(DirectoryStamp.stamp).where(DirectoryStamp.id == 1).scalar_subquery()


def keep_directory_stamp(stamp: int | None) -> None:
    keep(_STAMP, stamp)


def active_agency_options(session: Session) -> Sequence[Row[int, str]]:
    """The active agencies' ids and names, by name: the options of the lists' agency filter
    and of the task forms' agency fields (rows, not objects: sixty of them)."""
    return directory_rows(session, _ACTIVE_AGENCIES)


def agency_short_names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    """Every agency's short name, else its name, by id, as the lists name a task's lead;
    read again when `ids` name an agency the kept rows lack (one added after the stamp was
    read, and before the rows that name it)."""
    names = {agency_id: name for agency_id, name in directory_rows(session, _SHORT_NAMES)}
    if not names.keys() >= set(ids):
        names = {agency_id: name for agency_id, name in session.execute(_SHORT_NAMES)}
    return names


def directory_rows(
    session: Session, statement: Select[*tuple[Any, ...]]
) -> Sequence[Row[*tuple[Any, ...]]]:
    """The rows of `statement` (one of the directory's, a module constant): those the
    process kept, while the stamp read with the user is theirs; else read (and kept)."""
    stamp: int | None = kept(_STAMP)
    held = _kept.get(statement)
    if stamp is not None and held is not None and held[0] == stamp:
        return held[1]
    rows = session.execute(statement).all()
    if stamp is not None:
        _kept[statement] = (stamp, rows)
    return rows
