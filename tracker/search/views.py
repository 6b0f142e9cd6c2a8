"""The search page, /tim-kiem?q=..., reached from the box in every page's header."""

from __future__ import annotations

from collections.abc import Sequence

from flask import Blueprint, render_template, request
from flask_login import current_user, login_required
from markupsafe import Markup

from tracker.domain.search_text import highlight, snippet
from tracker.extensions import db
from tracker.params import page_number
from tracker.search.queries import search

blueprint = Blueprint("search", __name__)
PAGE_SIZE = 20


@blueprint.app_template_filter("highlight")
def highlight_filter(text: str | None, terms: Sequence[str]) -> Markup:
    """The text with the searched words marked; `highlight` escapes it first."""
    return Markup(highlight(text or "", terms))  # noqa: S704 - escaped by highlight()


@blueprint.app_template_filter("search_snippet")
def snippet_filter(text: str | None, terms: Sequence[str]) -> Markup:
    """A passage of a long text around the first searched word, marked."""
    return Markup(snippet(text or "", terms))  # noqa: S704 - escaped by snippet()


@blueprint.route("/tim-kiem")
@login_required
def results() -> str:
    query = request.args.get("q", "").strip()
    page = page_number(request.args)
    found = search(db.session(), current_user, query, limit=PAGE_SIZE, page=page)
    return render_template("search/results.html", results=found)
