"""Notices found by what a user types in a filter form's "Văn bản" field.

A province issues thousands of notices over the years, so the field is a search box, not a
list: the user types a number ("473", "473/TB-VPUBND"), or picks a suggestion, which reads as
the notice's label ("473/TB-VPUBND (24/07/2017)"). Numbers restart every year, so a number
alone may name several notices; the label's date tells them apart. Only the notices the
user may see are found (`tracker.access.visible_notices`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from sqlalchemy import ColumnElement, Select, func
from sqlalchemy.orm import Session

from tracker.access import visible_notices
from tracker.auth.models import User
from tracker.domain.formatting import vn_date
from tracker.notices.models import Notice

UNNUMBERED = "Chưa có số"  # a draft whose number could not be read
SUGGESTED = 20  # suggestions offered while the user types
LABELLED = re.compile(r"(?P<number>.*?)\s*\((?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\)")
LONGEST_TEXT = 100  # longer than any label; what is longer is cut, not searched for


class NoticeChoice(NamedTuple):
    id: int
    label: str  # "473/TB-VPUBND (24/07/2017)"


def notice_label(number: str | None, issued_on: date) -> str:
    return f"{number or UNNUMBERED} ({vn_date(issued_on)})"


def labelled_notice(session: Session, user: User, notice_id: int) -> NoticeChoice | None:
    """The notice with this id as a choice, if the user may see it."""
    found = _choices(session, _labelled(visible_notices(user).where(Notice.id == notice_id)))
    return found[0] if found else None


def suggested_notices(session: Session, user: User, text: str) -> list[NoticeChoice]:
    """The latest notices whose number contains `text` (any case), for the field's
    suggestions; the latest notices of all when it is empty."""
    query = visible_notices(user, newest=SUGGESTED)
    wanted = typed_text(text)
    if wanted:
        query = query.where(_number_like(f"%{_escaped(wanted)}%"))
    return _choices(session, _labelled(query))


def found_notices(session: Session, user: User, text: str, limit: int) -> list[NoticeChoice]:
    """The notices `text` names, the latest first, at most `limit`: the one of a label
    (number and date); else the first of these that finds any: those of that exact number
    (any case), those whose number's first part it is ("473" finds "473/TB-VPUBND" but not
    "4735/TB-VPUBND"), those whose number starts with it, those whose number contains it."""
    wanted = typed_text(text)
    if not wanted:
        return []
    notices = _labelled(visible_notices(user, newest=limit))
    label = LABELLED.fullmatch(wanted)
    if label and (issued_on := _day(label)) is not None:
        number = label["number"]
        same_number = Notice.number.is_(None) if number == UNNUMBERED else _number_is(number)
        return _choices(session, notices.where(same_number, Notice.issued_on == issued_on))
    start = _escaped(wanted)
    tiers = (
        _number_is(wanted),
        _number_like(f"{start}/%"),
        _number_like(f"{start}%"),
        _number_like(f"%{start}%"),
    )
    for matching in tiers:
        found = _choices(session, notices.where(matching))
        if found:
            return found
    return []


def _labelled(notices: Select[Notice]) -> Select[int, str | None, date]:
    """Only what a label needs of each notice."""
    return notices.with_only_columns(Notice.id, Notice.number, Notice.issued_on)


def _choices(session: Session, query: Select[int, str | None, date]) -> list[NoticeChoice]:
    rows = session.execute(query)
    return [NoticeChoice(id_, notice_label(number, issued_on)) for id_, number, issued_on in rows]


def typed_text(text: str) -> str:
    """What was typed, its spaces folded, cut to LONGEST_TEXT."""
    return " ".join(text.split())[:LONGEST_TEXT]


def _day(label: re.Match[str]) -> date | None:
    try:
        return date(int(label["year"]), int(label["month"]), int(label["day"]))
    except ValueError:
        return None


def _number_is(number: str) -> ColumnElement[bool]:
    return func.upper(Notice.number) == number.upper()


def _number_like(pattern: str) -> ColumnElement[bool]:
    return func.upper(Notice.number).like(pattern.upper(), escape="\\")


def _escaped(text: str) -> str:
    """`text` matched as it is in a LIKE pattern: its wildcards and the escape escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
