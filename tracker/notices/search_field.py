"""The "Văn bản" field of the filter forms (the task lists and the dashboard): what is typed
in it (?van_ban=) is read into the notice filter (?thong_bao=, the id that the dashboard's
links and the lists' pages carry); what it cannot read is shown, never dropped."""

from __future__ import annotations

from typing import Any, NamedTuple

from flask import redirect, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from tracker.extensions import db
from tracker.notices.lookup import NoticeChoice, found_notices, labelled_notice, typed_text

FIELD = "van_ban"
SHOWN = 10  # notices offered when the text names several


class NoticeSearch(NamedTuple):
    """Text that names no notice the user may see, or several (the first SHOWN of them)."""

    text: str
    found: list[NoticeChoice]
    more: bool  # it names more than those


def read_notice_field() -> Response | NoticeSearch | None:
    """The field as sent: naming one notice, a redirect to the same page narrowed to it
    (the other filters kept); naming none or several, what to tell the user; None when the
    form did not send it, or sent it empty."""
    text = typed_text(request.args.get(FIELD, ""))
    if not text:
        return None
    found = found_notices(db.session(), current_user, text, SHOWN + 1)
    if len(found) == 1:
        return redirect(notice_filter_url(found[0].id))
    return NoticeSearch(text, found[:SHOWN], len(found) > SHOWN)


def notice_filter_url(notice_id: int) -> str:
    """This page, narrowed to the notice, with the other filters of its address."""
    values: dict[str, Any] = dict(request.view_args or {})
    values.update((key, value) for key, value in request.args.items() if key not in (FIELD, "page"))
    values["thong_bao"] = notice_id
    return url_for(request.endpoint or "", **values)


def notice_field_text(notice_id: int | None, search: NoticeSearch | None) -> str:
    """What the field shows: the label of the notice the page is narrowed to, or the text
    that named none or several, for the user to correct."""
    if search is not None:
        return search.text
    if notice_id is None:
        return ""
    chosen = labelled_notice(db.session(), current_user, notice_id)
    return chosen.label if chosen else ""
